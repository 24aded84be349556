"""One module per `kg` subcommand; each defines `register(subparsers)`.

What several commands share: reading a saved graph and writing a file whole, with their
failures as one-line usage errors.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def reading_graph(path: Path) -> Iterator[None]:
    """A missing or unreadable graph at `path` as a UserError (exit 2, one line)."""
    from kg.cli import UserError
    try:
        yield
    except FileNotFoundError as err:
        raise UserError(str(err)) from None
    except (ValueError, SyntaxError) as err:
        raise UserError(f"{path}: cannot read the graph: {err}") from None


def write_whole(path: Path, write: Callable[[Path], None]) -> None:
    """`write(tmp)`, then the temporary file renamed over `path`; a failure as a UserError."""
    from kg.cli import UserError
    from kg.export import replace_atomically
    try:
        replace_atomically(path, write)
    except OSError as err:
        raise UserError(f"{path}: cannot write: {err.strerror or err}") from None
