"""Start-up: `kg --help` and `kg query NAME --store DIR` load neither rdflib nor the
exporters (what made them take a quarter of a second of CPU before a line was printed)."""
from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("rdflib", "numpy", "kg.export.html", "kg.graph.build", "jieba")

PROBE = """
import sys
from kg.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as done:
    code = done.code
print("LOADED", *[m for m in {heavy!r} if m in sys.modules], "CODE", code, file=sys.stderr)
"""


def _loaded(*argv: str) -> tuple[list[str], str]:
    run = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *argv],
                         capture_output=True, text=True, timeout=120)
    line = [l for l in run.stderr.splitlines() if l.startswith("LOADED")][-1].split()
    return line[1:line.index("CODE")], run.stdout


def test_help_loads_nothing_heavy():
    loaded, out = _loaded("--help")
    assert "kg build" in out and loaded == []


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from kg.api import KnowledgeGraph
    from tests.conftest import make_corpus
    folder = tmp_path_factory.mktemp("store") / "store"
    KnowledgeGraph.from_corpus(make_corpus()).save_store(folder)
    return folder


def test_a_saved_query_on_a_store_loads_nothing_heavy_and_prints_its_rows(store):
    loaded, out = _loaded("query", "programmes-by-province", "--store", str(store))
    assert loaded == []
    assert "province_label" in out.splitlines()[0] and out.rstrip().endswith("rows)")
