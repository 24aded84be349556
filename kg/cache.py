"""The incremental build cache: one pickled extraction per source file.

An entry is keyed by the SHA-256 of the file's name and bytes (the name is
part of what an article is: its id and gov:sourceFile come from it) and by
`PIPELINE_VERSION`, a digest of the code and lexicons that extraction runs
(read, clean, split, recognise, resolve, relate, the gazetteer) and of the
versions of the libraries they lean on. Change a recogniser or a lexicon and
every entry is stale; change only the CLI or an exporter and none is.

Entries hold exactly what `kg.pipeline.extract_source` returned (the
articles' extractions and the file's problems), before any cross-document
resolution; resolution always reruns over the extractions of the files given,
so a deleted file's entities, relations and statistics disappear with it.

Writes are atomic (a temporary file renamed into place), so a crash never
leaves a half-written entry under a real name; an entry that cannot be read
back (truncated, corrupt, from another Python) counts as missing and is
recomputed. Entries are pickles: keep the cache folder as private as the
output folder it sits in (unpickling someone else's file runs their code).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

__all__ = ["ExtractionCache", "PIPELINE_VERSION", "document_key", "pipeline_version"]

_PACKAGE = Path(__file__).resolve().parent
# What extraction runs: a change to any of these may change what a file yields.
_STAGE_FILES = ("read.py", "clean.py", "split.py", "model.py", "vocab.py", "gazetteer.py",
                "words.py", "regex.py", "keys.py", "pipeline.py", "doc.py", "components.py",
                "config.toml", "dates.py", "origin.py", "page.py")
_STAGE_DIRS = ("readers", "recognise", "resolve", "relate", "lexicons", "rules")
_LIBRARIES = ("jieba", "rjieba", "jionlp", "cn2an", "opencc-python-reimplemented",
              "pyahocorasick", "charset-normalizer", "pyyaml", "pdfminer.six", "trafilatura",
              "htmldate", "lxml", "python-docx")
_SUFFIX = ".pickle"
_FORMAT = "1"        # bump when the entry layout changes


@cache
def pipeline_version() -> str:
    """A short digest of the extraction code, lexicons and library versions."""
    digest = hashlib.sha256(_FORMAT.encode())
    files = [_PACKAGE / name for name in _STAGE_FILES]
    for folder in _STAGE_DIRS:
        files += sorted(p for p in (_PACKAGE / folder).rglob("*")
                        if p.is_file() and p.suffix in (".py", ".txt", ".json", ".tsv", ".yaml"))
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    for name in _LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\0".encode())
    return digest.hexdigest()[:16]


PIPELINE_VERSION = pipeline_version()


def document_key(name: str, data: bytes, version: str | None = None, origin: str = "") -> str:
    """The cache key of a file called `name` holding `data`, with `origin` its row of
    the sources file (`kg.origin.info_key`; title, date … change what it yields)."""
    digest = hashlib.sha256()
    digest.update((version or pipeline_version()).encode() + b"\0")
    digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
    if origin:
        digest.update(b"origin\0" + origin.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(data)
    return digest.hexdigest()


class ExtractionCache:
    """A folder of pickled per-file extractions, `<key[:2]>/<key>.pickle`.

    `get` returns the stored object or None; `put` stores pickled bytes atomically.
    `used` remembers the keys asked for or stored, so `prune()` after a
    build removes entries no current file needs (deleted or edited files).
    """

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self.used: set[str] = set()
        self.hits = self.misses = self.corrupt = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{_SUFFIX}"

    def get(self, key: str):
        """The object stored under `key`, or None when there is none or it is unreadable."""
        self.used.add(key)
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            value = pickle.loads(data)
        except Exception:               # truncated, corrupt, or from another Python
            self.corrupt += 1
            self.misses += 1
            path.unlink(missing_ok=True)
            return None
        self.hits += 1
        return value

    def put(self, key: str, data: bytes) -> None:
        """Store pickled `data` under `key`: written beside, fsynced, renamed into place."""
        self.used.add(key)
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self) -> int:
        """Remove entries (and leftover temporary files) no key in `used` names; returns how many."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for path in self.folder.glob("??/*"):
            key = path.name[: -len(_SUFFIX)] if path.name.endswith(_SUFFIX) else None
            if key not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
