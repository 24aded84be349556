"""Exporters, registered by format name like rdflib's serializer plugins.

An exporter is a function `(dataset, path) -> None` that writes one file, or,
for an exporter registered with `files=(...)`, a function
`(dataset, paths) -> None` that writes several (`paths` maps each file name
to the path to write it to). `save` writes every file through a temporary
file renamed into place, so a crash never leaves a half-written file where a
good one was, and the next save removes the temporary a killed one left
(kg.tempfiles). Output must be deterministic: the same dataset gives the same
bytes.

`dataset` is what `KnowledgeGraph.save` passes, a `kg.graph.Graph` (or
GraphQuads, an rdflib Dataset or Graph); an exporter reads it through
`kg.graph.graph.as_graph`: its lookups, its compact sorted `quads`, or
`to_rdflib()` for a library that needs rdflib.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from kg.tempfiles import remove_leftovers, temporary_file

@dataclass(frozen=True)
class Exporter:
    name: str
    filename: str
    write: Callable
    description: str = ""
    files: tuple[str, ...] = ()     # several files: write(dataset, {name: path})
    needs: tuple[str, ...] = ()     # optional libraries it writes with (see kg.extras)

    @property
    def outputs(self) -> tuple[str, ...]:
        """The file names this exporter writes."""
        return self.files or (self.filename,)


EXPORTERS: dict[str, Exporter] = {}

# Modules whose import registers exporters; kept explicit so the order is stable.
_PLUGIN_MODULES = ("kg.export.rdf", "kg.export.graphml", "kg.export.tables", "kg.export.html")
_loaded = False


def exporter(name: str, filename: str, description: str = "",
             files: tuple[str, ...] = (), needs: tuple[str, ...] = ()
             ) -> Callable[[Callable], Callable]:
    def decorate(func: Callable) -> Callable:
        EXPORTERS[name] = Exporter(name, filename, func,
                                   description or (func.__doc__ or "").strip(), tuple(files),
                                   tuple(needs))
        return func
    return decorate


def check_libraries(name: str) -> None:
    """Raise kg.extras.MissingExtra when format `name` needs a library not installed."""
    from kg.extras import require
    for module in get(name).needs:
        require(module, f"the {name} format")


def available() -> dict[str, Exporter]:
    global _loaded
    if not _loaded:
        for module in _PLUGIN_MODULES:
            import_module(module)
        # in the order of _PLUGIN_MODULES, whichever a caller happened to import first
        rank = {module: i for i, module in enumerate(_PLUGIN_MODULES)}
        ordered = sorted(EXPORTERS.values(),
                         key=lambda e: rank.get(e.write.__module__, len(rank)))
        EXPORTERS.clear()
        EXPORTERS.update((e.name, e) for e in ordered)
        _loaded = True
    return EXPORTERS


def get(name: str) -> Exporter:
    exporters = available()
    if name not in exporters:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(sorted(exporters))}")
    return exporters[name]


def replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Run `write(tmp)` on a temporary file beside `path`, then rename it over `path`."""
    replace_all_atomically([path], lambda tmps: write(tmps[0]))


def replace_all_atomically(paths: list[Path], write: Callable[[list[Path]], None]) -> None:
    """Like `replace_atomically` for several files: nothing is renamed unless all were written."""
    tmps = [temporary_file(Path(p)) for p in paths]
    try:
        write(tmps)
        for tmp, path in zip(tmps, paths):
            os.replace(tmp, path)
    finally:
        for tmp in tmps:
            tmp.unlink(missing_ok=True)


def write_to(dataset, name: str, targets: list[Path]) -> list[Path]:
    """Write `dataset` with exporter `name` to `targets` (one per file it writes)."""
    exp = get(name)
    if len(targets) != len(exp.outputs):
        raise ValueError(f"{name} writes {len(exp.outputs)} file(s), got {len(targets)} target(s)")
    if exp.files:
        replace_all_atomically(
            targets, lambda tmps: exp.write(dataset, dict(zip(exp.files, tmps))))
    else:
        replace_atomically(targets[0], lambda tmp: exp.write(dataset, tmp))
    return list(targets)


def save(dataset, outdir: Path, formats: Iterable[str]) -> list[Path]:
    """Write `dataset` in each format into `outdir`; returns the files written. What killed
    saves left in `outdir` goes first, whichever formats they were writing."""
    for name in {n for exp in available().values() for n in exp.outputs}:
        remove_leftovers(Path(outdir) / name)
    written = []
    for name in formats:
        exp = get(name)
        written += write_to(dataset, name, [Path(outdir) / f for f in exp.outputs])
    return written
