"""General-knowledge word lists shipped as data files (surnames, titles, suffixes, units)."""
from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def words(name: str) -> tuple[str, ...]:
    """Whitespace-separated entries of `name`.txt, without `#` comment lines, in file order."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out: list[str] = []
    for line in text.splitlines():
        if not line.lstrip().startswith("#"):
            out.extend(line.split())
    return tuple(dict.fromkeys(out))


@cache
def sections(name: str) -> dict[str, tuple[str, ...]]:
    """Entries of `name`.txt grouped under `[section]` header lines."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    current = out.setdefault("", [])
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], [])
        else:
            current.extend(line.split())
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def alternation(name: str) -> str:
    """A regex alternation of the entries, longest first so the longest form wins."""
    import re
    return "|".join(re.escape(w) for w in sorted(words(name), key=len, reverse=True))
