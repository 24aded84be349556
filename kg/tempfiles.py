"""Temporary files and folders beside an output, named after the process that writes them.

Every output is written under a temporary name and renamed into place, so a killed build
never leaves half a file where a good one was. What a kill does leave is the temporary:
its name carries the writer's process id (`.graph.ttl.<pid>.<random>.tmp`,
`.store.<pid>.<random>.new/`), and the next writer of the same output removes those whose
process is gone, so they do not pile up build after build.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

__all__ = ["temporary_file", "temporary_folder", "sibling", "remove_leftovers"]


def _prefix(path: Path) -> str:
    return f".{path.name}.{os.getpid()}."


def temporary_file(path: Path, suffix: str = ".tmp") -> Path:
    """A new empty file beside `path` (which need not exist), readable as outputs are
    (mkstemp makes it private); leftovers of dead writers of `path` are removed first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(path)
    fd, name = tempfile.mkstemp(prefix=_prefix(path), suffix=suffix, dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)
    os.close(fd)
    return Path(name)


def temporary_folder(path: Path, suffix: str = ".new") -> Path:
    """A new empty folder beside `path`; leftovers of dead writers of `path` are removed first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(path)
    return Path(tempfile.mkdtemp(prefix=_prefix(path), suffix=suffix, dir=path.parent))


def sibling(path: Path, suffix: str) -> Path:
    """A name beside `path` for this process (`.store.<pid>.old`), which
    `remove_leftovers` removes once this process is gone."""
    return path.with_name(f"{_prefix(path)}{suffix.lstrip('.')}")


def remove_leftovers(path: Path) -> list[Path]:
    """Remove the temporaries beside `path` whose writing process no longer runs; returns them."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(\d+)\.")
    removed = []
    try:
        siblings = list(path.parent.iterdir())
    except OSError:
        return removed
    for other in siblings:
        match = pattern.match(other.name)
        if match is None or _running(int(match[1])):
            continue
        if other.is_dir() and not other.is_symlink():
            shutil.rmtree(other, ignore_errors=True)
        else:
            other.unlink(missing_ok=True)
        removed.append(other)
    return removed


def _running(pid: int) -> bool:
    """Whether process `pid` exists (this one does; a process of another user counts)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OverflowError, OSError):
        return False
    return True
