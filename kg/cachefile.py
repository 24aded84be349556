"""Files in govkg's cache folder: what a run computed that the next run may read back
instead (the gazetteer's tables, the rules' compiled code, jieba's word counts).

A file is a format's mark, a checksum and a marshalled value, written whole under a new
name and renamed into place, so a reader sees the old file or the new one. A cache is never
needed: a file that is missing, damaged, of another format or unreadable reads as nothing,
and one that cannot be written (a read-only home, no home at all) is not written; the
caller computes the value again.
"""
from __future__ import annotations

import contextlib
import marshal
import os
import tempfile
import zlib
from pathlib import Path

__all__ = ["cache_dir", "load", "keep"]


def cache_dir() -> Path:
    """$GOVKG_CACHE_DIR, else $XDG_CACHE_HOME/govkg, else ~/.cache/govkg."""
    if os.environ.get("GOVKG_CACHE_DIR"):
        return Path(os.environ["GOVKG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "govkg"


def load(path: Path | None, mark: bytes) -> object | None:
    """The value kept in `path` under `mark`, or None when there is none sound."""
    try:
        data = path.read_bytes() if path is not None else b""
    except OSError:
        return None
    head = len(mark) + 4
    if len(data) < head or not data.startswith(mark):
        return None
    body = memoryview(data)[head:]
    if zlib.crc32(body).to_bytes(4, "little") != data[len(mark):head]:
        return None
    try:
        return marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None
    finally:
        body.release()                  # (the file's bytes go as soon as the caller returns)


def keep(path: Path | None, mark: bytes, value: object) -> None:
    """Keep `value` (of marshal's types) in `path` under `mark`, whole or not at all."""
    if path is None:
        return
    body = marshal.dumps(value)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(mark + zlib.crc32(body).to_bytes(4, "little") + body)
            os.replace(name, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(name)
            raise
