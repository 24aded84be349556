"""The compiled code of the generated pattern functions, kept on disk between runs (as .pyc
files keep a module's).

Compiling the thousand functions kg/rules/codegen.py writes for the rule files is a third of
loading them. A function's code is a function of its source text alone (and of the Python
that compiles it), so it is kept under a hash of that text, in one file per Python bytecode
version in the project's cache folder (`kg.cachefile`): a rule that changed
writes another text, which is compiled and kept in its turn, so nothing kept is ever stale.
A cache that cannot be read (or fails its checksum) or cannot be written is no error: the
code is compiled, as without one. The file is written once a run: when the last rule file has
been compiled (`kg.rules.ruleset.rules`), else at exit, so a run that stops early keeps what
it compiled; writing it after each rule file re-read and rewrote it nine times (~0.3 s).
"""
from __future__ import annotations

import atexit
import hashlib
import itertools
import marshal
import sys
from pathlib import Path
from types import CodeType

from kg import cachefile

_NAME = f"patterns-{sys.implementation.cache_tag}-{marshal.version}.marshal"
_MAGIC = b"govkg-patterns\0"
_MOST = 4_000               # functions kept (the rule files make about 1,100): the newest


class CodeCache:
    """Source hash -> code, read from the cache file when first asked, written by `save`."""

    def __init__(self) -> None:
        self.codes: dict[bytes, CodeType] | None = None
        self.new = 0                          # compiled here since the file was read or written
        self.used: dict[bytes, None] = {}     # the keys asked for in this run, in order

    def compile(self, source: str, filename: str) -> CodeType:
        if self.codes is None:
            self.codes = _read(path())
            self.new = int(len(self.codes) > _MOST)   # (an older file, too big: rewritten)
        key = hashlib.blake2b(source.encode("utf-8"), digest_size=16).digest()
        self.used[key] = None
        code = self.codes.get(key)
        if code is None:
            code = self.codes[key] = compile(source, filename, "exec")
            self.new += 1
        return code

    def save(self) -> None:
        """Write what was compiled since the file was read, with what the file held: this
        run's functions last, the oldest others dropped beyond `_MOST`; nothing half-written:
        a whole new file replaces the old."""
        target = path()
        if not self.new or self.codes is None or target is None:
            return
        kept = {**_read(target), **self.codes}
        for key in self.used:                 # (moved to the end: kept the longest)
            kept[key] = kept.pop(key)
        kept = dict(itertools.islice(kept.items(), max(0, len(kept) - _MOST), None))
        self.new = 0                          # (a cache that cannot be written: not again)
        cachefile.keep(target, _MAGIC, kept)


def path() -> Path | None:
    """The cache file (None when there is no home to keep it in)."""
    try:
        return cachefile.cache_dir() / _NAME
    except (RuntimeError, KeyError):         # Path.home() of a user without one
        return None


def _read(file: Path | None) -> dict[bytes, CodeType]:
    found = cachefile.load(file, _MAGIC)
    return found if isinstance(found, dict) else {}


CODES = CodeCache()
atexit.register(lambda: CODES.save())   # (what was compiled after the last rule file, or
                                        # before a run that never needed them all ended)
