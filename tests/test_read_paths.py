"""Hostile file names and folders: a name that is not UTF-8, a folder nobody may read, a path
past the system's length limit, a named pipe. Each is named and costs only itself."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from rdflib import Graph

from kg.cli import main
from kg.vocab import GOV

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
GBK_NAME = "徐州.txt".encode("gbk")          # a name from a Chinese Windows archive


def corpus_file() -> Path:
    return sorted(CORPUS.glob("*.txt"))[0]


def build(capsys, *argv) -> tuple[int, str, Graph | None]:
    code = main(["build", *argv, "-f", "turtle", "-q"])
    err = capsys.readouterr().err
    out = Path(argv[argv.index("-o") + 1]) / "graph.ttl"
    return code, err, Graph().parse(out) if out.exists() else None


def source_files_of(graph: Graph) -> set[str]:
    return {str(o) for o in graph.objects(None, GOV.sourceFile)}


# ------------------------------------------------------------------ names


def test_a_name_that_is_not_utf8_is_read_and_given_a_stable_name(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    weird = os.fsdecode(os.path.join(os.fsencode(folder), GBK_NAME))
    shutil.copy(corpus_file(), weird)
    shutil.copy(corpus_file(), folder / "plain.txt")
    code, err, graph = build(capsys, str(folder), "-o", str(tmp_path / "out"))
    assert code == 0, err
    shown = r"\xd0\xec\xd6\xdd.txt"          # as `ls -b` shows it
    assert source_files_of(graph) == {"plain.txt", shown}
    # stable: the same name gives the same IRIs, given alone or in its folder
    code, err, alone = build(capsys, weird, "-o", str(tmp_path / "alone"))
    assert code == 0, err
    articles = lambda g: {s for s in g.subjects(GOV.sourceFile, None)}  # noqa: E731
    assert articles(alone) < articles(graph)


def test_a_problem_in_a_file_with_such_a_name_is_printed_with_the_name(tmp_path, capsys):
    bad = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"\xff.txt"))
    Path(bad).write_bytes(b"")
    shutil.copy(corpus_file(), tmp_path / "good.txt")
    code, err, graph = build(capsys, str(tmp_path), "-o", str(tmp_path / "out"), "--strict")
    assert code == 1
    assert f"{tmp_path}/\\xff.txt: empty file" in err.splitlines()
    assert source_files_of(graph) == {"good.txt"}


# ------------------------------------------------------------------ folders


@contextmanager
def unreadable(folder: Path):
    """`folder` with no permissions. Root reads any folder, so a root test process looks
    at it as the user nobody meanwhile (the effective user id only, given back after)."""
    folder.chmod(0)
    as_root = os.geteuid() == 0
    if as_root:
        os.seteuid(65534)
    try:
        yield
    finally:
        if as_root:
            os.seteuid(0)
        folder.chmod(0o755)


def test_an_unreadable_folder_is_a_named_problem_not_silence():
    base = Path(tempfile.mkdtemp(prefix="kg-unreadable-"))   # not under root's private tmp
    try:
        base.chmod(0o755)
        (base / "a.txt").write_text("甲", encoding="utf-8")
        locked = base / "locked"
        locked.mkdir()
        (locked / "b.txt").write_text("乙", encoding="utf-8")
        from kg.read import source_files
        with unreadable(locked):
            files, problems = source_files([base])
        assert files == [base / "a.txt"]
        assert [str(p) for p in problems] == [f"{locked}: cannot read the folder: Permission denied"]
    finally:
        shutil.rmtree(base)


def _deep_folder(base: Path, depth: int = 24) -> str:
    """Folders nested past PATH_MAX (4096), made one level at a time through descriptors;
    returns the text of the deepest one's path."""
    fd = os.open(base, os.O_RDONLY)
    name = "d" * 200
    try:
        for _ in range(depth):
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with open(os.open("deep.txt", os.O_CREAT | os.O_WRONLY, dir_fd=fd), "wb") as stream:
            stream.write(corpus_file().read_bytes())
    finally:
        os.close(fd)
    return os.path.join(base, *[name] * depth)


def test_a_path_past_the_length_limit_costs_only_itself(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(corpus_file(), corpus / "good.txt")
    _deep_folder(corpus)
    code, err, graph = build(capsys, str(corpus), "-o", str(tmp_path / "out"))
    assert code == 0 and "Traceback" not in err
    assert source_files_of(graph) == {"good.txt"}
    long_lines = [line for line in err.splitlines() if "File name too long" in line]
    assert len(long_lines) == 1 and long_lines[0].startswith(f"{corpus}/dddd")
    assert build(capsys, str(corpus), "-o", str(tmp_path / "out"), "--strict")[0] == 1


def test_a_path_past_the_length_limit_given_as_path_is_a_problem(tmp_path, capsys):
    deep = os.path.join(_deep_folder(tmp_path), "deep.txt")
    shutil.copy(corpus_file(), tmp_path / "good.txt")
    code, err, graph = build(capsys, deep, str(tmp_path / "good.txt"), "-o",
                             str(tmp_path / "out"), "--strict")
    assert code == 1 and "Traceback" not in err
    assert "File name too long" in err and source_files_of(graph) == {"good.txt"}


# ------------------------------------------------------------------ not files


@pytest.mark.slow
def test_a_named_pipe_given_as_path_is_skipped_not_waited_on(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(corpus_file(), folder / "good.txt")
    os.mkfifo(folder / "another.txt")
    run = subprocess.run([sys.executable, "-m", "kg", "build", str(pipe), str(folder),
                          "-o", str(tmp_path / "out"), "-q", "-f", "turtle"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stderr.splitlines() == [
        f"{pipe}: not a regular file (a named pipe); skipped",
        f"{folder}/another.txt: not a regular file (a named pipe); skipped"]
    assert source_files_of(Graph().parse(tmp_path / "out" / "graph.ttl")) == {"good.txt"}


def test_a_missing_path_is_still_a_usage_error(tmp_path, capsys):
    assert main(["build", str(tmp_path / "nope"), "-o", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
