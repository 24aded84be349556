"""Where govkg's data folders are: the ontology and the saved queries.

They live at the top of the project (`ontology/`, `queries/`), where users read
them; an installed wheel carries them inside the package (`kg/ontology`,
`kg/queries`, see pyproject.toml). Lexicons and the explorer's assets are
inside the package in both cases.
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["data_dir", "ontology_dir", "queries_dir"]

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`kg/<name>` of an installed wheel, else `<project>/<name>` of a source checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"govkg's {name}/ folder is missing from {_PACKAGE}: reinstall govkg")


def ontology_dir() -> Path:
    return data_dir("ontology")


def queries_dir() -> Path:
    return data_dir("queries")
