"""Exporters, registered by format name like rdflib's serializer plugins.

An exporter is a function `(dataset, path) -> None` that writes one file.
`save` writes each through a temporary file renamed into place, so a crash
never leaves a half-written file where a good one was.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from rdflib import Dataset

ExportFunction = Callable[[Dataset, Path], None]


@dataclass(frozen=True)
class Exporter:
    name: str
    filename: str
    write: ExportFunction
    description: str = ""


EXPORTERS: dict[str, Exporter] = {}

# Modules whose import registers exporters; kept explicit so the order is stable.
_PLUGIN_MODULES = ("kg.export.rdf", "kg.export.html")
_loaded = False


def exporter(name: str, filename: str, description: str = "") -> Callable[[ExportFunction], ExportFunction]:
    def decorate(func: ExportFunction) -> ExportFunction:
        EXPORTERS[name] = Exporter(name, filename, func, description or (func.__doc__ or "").strip())
        return func
    return decorate


def available() -> dict[str, Exporter]:
    global _loaded
    if not _loaded:
        for module in _PLUGIN_MODULES:
            import_module(module)
        _loaded = True
    return EXPORTERS


def get(name: str) -> Exporter:
    exporters = available()
    if name not in exporters:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(sorted(exporters))}")
    return exporters[name]


def replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Run `write(tmp)` on a temporary file beside `path`, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def save(dataset: Dataset, outdir: Path, formats: Iterable[str]) -> list[Path]:
    """Write `dataset` in each format into `outdir`; returns the files written."""
    written = []
    for name in formats:
        exp = get(name)
        target = Path(outdir) / exp.filename
        replace_atomically(target, lambda tmp, exp=exp: exp.write(dataset, tmp))
        written.append(target)
    return written
