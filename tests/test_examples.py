"""Every example a user is shown works on the bundled corpus: the commands that end
each `--help`, and the README's `$ kg …` sessions and Python session print what it says."""
from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest

from kg.cli import build_parser, main
from tests.test_push import server  # noqa: F401  (the fixture: a real `oxigraph serve`)

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
_SUMMARY = re.compile(r"^\d+ articles?, \d+ entit")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A folder laid out like the project after `make run`: data/ and output/."""
    folder = tmp_path_factory.mktemp("project")
    (folder / "data").symlink_to(ROOT / "data", target_is_directory=True)
    assert main(["build", str(folder / "data" / "corpus"), "-o", str(folder / "output"), "-q"]) == 0
    return folder


def help_examples() -> list[str]:
    out = []
    for sub in build_parser()._subparsers._group_actions[0].choices.values():
        text = sub.format_help()
        block = text[text.index("examples (on the bundled corpus"):].splitlines()[1:]
        out += [line.strip() for line in block if line.strip().startswith("kg ")]
    return out


def readme_sessions() -> list[tuple[str, list[str]]]:
    """(command, the lines the README says it prints) for every `    $ kg …` block."""
    sessions, lines = [], README.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("    $ kg "):
            shown = []
            for following in lines[i + 1:]:
                if not following.startswith("    ") or following.startswith("    $ "):
                    break
                shown.append(following[4:])
            sessions.append((line[6:], shown))
    return sessions


def same(printed: str, shown: str) -> bool:
    """Equal but for a build's summary figures (`12 articles, 211 entities, … in 9.6 s`): no
    two runs share the seconds, and each better rule moves the counts."""
    def figures(line: str) -> str:
        return re.sub(r"[\d.]+", "N", line) if _SUMMARY.match(line) else line
    return figures(printed) == figures(shown)


def run(project, monkeypatch, capsys, command: str) -> str:
    monkeypatch.chdir(project)
    capsys.readouterr()
    code = main(shlex.split(command)[1:])
    out = capsys.readouterr()
    assert code == 0, f"{command}: exit {code}\n{out.err}"
    return out.out


def test_the_examples_are_found():
    assert len(help_examples()) >= 16 and len(readme_sessions()) >= 5


def test_every_help_example_runs(project, server, monkeypatch, capsys):  # noqa: F811
    for command in help_examples():
        command = command.replace("http://localhost:7878", server)
        run(project, monkeypatch, capsys, command)


@pytest.mark.parametrize("command, shown", readme_sessions(), ids=lambda v: str(v)[:40])
def test_readme_sessions_print_what_the_readme_says(project, monkeypatch, capsys, command, shown):
    printed = run(project, monkeypatch, capsys, command).rstrip("\n").splitlines()
    if "…" not in shown:
        assert len(printed) == len(shown) and all(map(same, printed, shown)), (printed, shown)
        return
    # `…` stands for lines left out: the others come in order
    rest = iter(printed)
    for line in (s for s in shown if s != "…"):
        assert any(same(p, line) for p in rest), (line, printed)


def test_readme_python_session(project, monkeypatch):
    monkeypatch.chdir(project)
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    # one session: the blocks build on each other
    runner.run(doctest.DocTestParser().get_doctest("\n".join(blocks), {}, "README", str(README), 0))
    assert runner.failures == 0 and runner.tries >= 8
