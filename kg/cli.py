"""The `kg` command line: a thin layer over the Python API.

Subcommands live in `kg/commands/`, one module each, and register themselves
through `register(subparsers)`; adding a command never means editing this file.

Exit codes: 0 success, 1 the work ran but failed (e.g. `--strict` problems,
validation errors, a query past its `--timeout`), 2 the user asked for
something impossible (bad arguments, missing paths, bad query syntax, an
output folder that cannot be written), 130 interrupted. User errors are one
line on stderr (`kg COMMAND: message`), never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

import kg.commands

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


EXIT_CODES = """exit codes:
  0    success
  1    the work ran but failed: --strict and problems were reported, the graph
       does not validate, a query ran past its --timeout, nothing found
  2    user error: bad arguments, missing paths, unknown formats, SPARQL syntax
       errors, an output folder that is a file or cannot be written
  130  interrupted (Ctrl-C)"""


def examples(*commands: str) -> str:
    """The end of a command's --help: commands that work on the bundled corpus."""
    return "examples (on the bundled corpus, from the project folder):\n" + "\n".join(
        f"  {command}" for command in commands)


class UserError(Exception):
    """An error the user can fix: printed as one line, exit code 2, no traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE):
        super().__init__(message)
        self.exit_code = exit_code


def build_parser() -> argparse.ArgumentParser:
    from kg import __version__
    parser = argparse.ArgumentParser(
        prog="kg", description="Build and query knowledge graphs of Chinese local governance.",
        epilog=EXIT_CODES + "\n\n" + examples(
            "kg build data/corpus -o output",
            "kg query programmes-by-province --bind province_name=内蒙古自治区",
            "kg eval output --gold data/gold"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"kg (govkg) {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(kg.commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"kg.commands.{info.name}")
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.run(args) or EXIT_OK)
    except UserError as err:
        print(f"kg {args.command}: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`kg query … | head`): stop quietly, like other tools
        _silence_stdout()
        return EXIT_OK


def _silence_stdout() -> None:
    import os
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
