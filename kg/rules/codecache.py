"""The compiled code of the generated pattern functions, kept on disk between runs (as .pyc
files keep a module's).

Compiling the thousand functions kg/rules/codegen.py writes for the rule files is a third of
loading them. A function's code is a function of its source text alone (and of the Python
that compiles it), so it is kept under a hash of that text, in one file per Python bytecode
version in the project's cache directory (`kg.gazetteer.cache_dir()`): a rule that changed
writes another text, which is compiled and kept in its turn, so nothing kept is ever stale.
A cache that cannot be read (or fails its checksum) or cannot be written is no error: the
code is compiled, as without one.
"""
from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
import zlib
from pathlib import Path
from types import CodeType

_NAME = f"patterns-{sys.implementation.cache_tag}-{marshal.version}.marshal"
_MAGIC = b"govkg-patterns\0"
_MOST = 20_000              # functions kept; more (rules edited many times) and it starts over


class CodeCache:
    """Source hash -> code, read from the cache file when first asked, written by `save`."""

    def __init__(self) -> None:
        self.codes: dict[bytes, CodeType] | None = None
        self.new = 0                          # compiled here since the file was read or written

    def compile(self, source: str, filename: str) -> CodeType:
        if self.codes is None:
            self.codes = _read(path())
        key = hashlib.blake2b(source.encode("utf-8"), digest_size=16).digest()
        code = self.codes.get(key)
        if code is None:
            code = self.codes[key] = compile(source, filename, "exec")
            self.new += 1
        return code

    def save(self) -> None:
        """Write what was compiled since the file was read (with what the file held that this
        run did not use); nothing half-written: a whole new file replaces the old."""
        target = path()
        if not self.new or self.codes is None or target is None:
            return
        kept = {**_read(target), **self.codes}
        if len(kept) > _MOST:
            kept = self.codes
        self.new = 0                          # (a cache that cannot be written: not again)
        body = marshal.dumps(kept)
        with contextlib.suppress(OSError):
            target.parent.mkdir(parents=True, exist_ok=True)
            _write(target, _MAGIC + zlib.crc32(body).to_bytes(4, "little") + body)


def path() -> Path | None:
    """The cache file (None when there is no home to keep it in)."""
    from kg.gazetteer import cache_dir      # (loaded by every run that loads rules)
    try:
        return cache_dir() / _NAME
    except (RuntimeError, KeyError):         # Path.home() of a user without one
        return None


def _write(target: Path, data: bytes) -> None:
    """Write a new file beside `target` and put it in its place (or leave none behind)."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise


def _read(file: Path | None) -> dict[bytes, CodeType]:
    try:
        data = file.read_bytes() if file is not None else b""
    except OSError:
        return {}
    head = len(_MAGIC) + 4
    body, crc = data[head:], data[len(_MAGIC):head]
    if not data.startswith(_MAGIC) or zlib.crc32(body).to_bytes(4, "little") != crc:
        return {}
    try:
        found = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return {}
    return found if isinstance(found, dict) else {}


CODES = CodeCache()
