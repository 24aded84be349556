"""Robustness: bad files, bad arguments, interrupted builds and hostile names.

Every case here is something a user really feeds govkg. Each bad file gives
either a good result or one clear `path: reason` line, and the rest of the
corpus still builds; user errors are one line and exit status 2; a killed
build never touches the graph already on disk.
"""
from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from kg.cli import main
from kg.read import read_source

ROOT = Path(__file__).resolve().parents[1]
BAD = Path(__file__).parent / "bad_files"
CORPUS = ROOT / "data" / "corpus"
PROBLEM_LINE = re.compile(r"^(?P<path>[^:\n]+?)(?::(?P<line>\d+))?: (?P<reason>\S.*)$")

SKIPPED, READ = "skipped", "read"

# name -> (outcome, reason the problem line gives or None, what the good result holds)
CASES = {
    "01_empty.txt": (SKIPPED, "empty file", None),
    "02_blank_lines.txt": (SKIPPED, "empty file", None),
    "03_binary.txt": (SKIPPED, "binary file, not text", None),
    "04_png_as_txt.txt": (SKIPPED, "binary file, not text", None),
    "05_truncated_utf8.txt": (READ, "the file ends inside a character", "柳州市公安局"),
    "06_gb18030.txt": (READ, None, "柳州市公安局"),
    "07_headline_only.txt": (READ, None, "柳州推行“警民通”平台"),
    "08_html_as_txt.txt": (READ, None, "柳州市公安局"),
    "09_crlf.txt": (READ, None, "柳州市公安局"),
    "10_cr.txt": (READ, None, "柳州市公安局"),
    "11_zero_width.txt": (READ, None, "警民通"),
    "12_full_width.txt": (READ, None, "柳州市公安局"),
    "13_traditional.txt": (READ, None, "嘉兴市公安局"),
    "14_traditional_big5.txt": (READ, None, "嘉兴市公安局"),
    "15_utf16_no_bom.txt": (READ, None, "柳州市公安局"),
    "16_nul_in_utf8.txt": (READ, None, "柳州市公安局"),
    "17_latin1_page.txt": (READ, "no headline found", None),
    "18_utf8_with_gbk_paragraph.txt": (READ, None, "一村一警"),
    "19_utf8_with_stray_bytes.txt": (READ, "2 undecodable characters dropped", "柳州市公安局"),
    "20_control_chars.txt": (READ, None, "柳州市公安局"),
}
BAD_FILES = sorted(p.name for p in BAD.glob("*.txt"))


def _extract(path: Path):
    from kg.pipeline import extract_source
    return extract_source(read_source(path))


def _names(extractions) -> set[str]:
    names = set()
    for ex in extractions:
        names.add(ex.article.title)
        names.update(e.name for e in ex.entities)
    return names


def test_every_bad_file_has_an_expected_outcome():
    assert BAD_FILES == sorted(CASES)


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_outcome(name):
    """A good result, or exactly one clear `path[:line]: reason` line."""
    outcome, reason, holds = CASES[name]
    path = BAD / name
    extractions, problems = _extract(path)
    lines = [str(p) for p in problems]
    if reason is None:
        assert lines == []
    else:
        assert len(lines) == 1, lines
        match = PROBLEM_LINE.match(lines[0])
        assert match and match["path"] == str(path), lines[0]
        assert reason in match["reason"]
    if outcome == SKIPPED:
        assert extractions == []
        return
    assert extractions, "a readable file gives at least one article"
    for ex in extractions:
        for sentence in ex.article.sentences:
            assert not re.search(r"[\x00-\x08\x0b-\x1f\u200b-\u200f\ufeff\ufffd<>]",
                                 sentence.text), sentence.text
    if holds:
        assert holds in _names(extractions)


def test_line_ends_do_not_change_the_result():
    def summary(name):
        extractions, _ = _extract(BAD / name)
        return [(ex.article.title, [(s.text, s.line) for s in ex.article.sentences],
                 sorted(e.name for e in ex.entities)) for ex in extractions]
    assert summary("09_crlf.txt") == summary("10_cr.txt") == summary("06_gb18030.txt")


def test_full_width_figures_are_read_as_numbers():
    extractions, _ = _extract(BAD / "12_full_width.txt")
    values = {s.value for ex in extractions for s in ex.statistics}
    assert {Decimal("36"), Decimal("21.2")} <= values


def test_traditional_text_is_simplified_but_evidence_points_at_the_printed_line():
    extractions, _ = _extract(BAD / "13_traditional.txt")
    article = extractions[0].article
    assert article.title == "嘉兴推行“红船枫警”机制"
    assert article.sentences[0].line == 5


# ------------------------------------------------------------------ the corpus as a whole


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory):
    """Every bad file beside two real corpus files, built once with `kg build --strict`."""
    folder = tmp_path_factory.mktemp("mixed")
    corpus = folder / "corpus"
    corpus.mkdir()
    for name in BAD_FILES:
        shutil.copy(BAD / name, corpus / name)
    real = sorted(CORPUS.glob("*.txt"))[:2]
    for path in real:
        shutil.copy(path, corpus / path.name)
    out = folder / "out"
    code, stderr = _run_main(["build", str(corpus), "-o", str(out), "--strict", "-q"])
    return corpus, out, code, stderr, [p.name for p in real]


def _run_main(argv: list[str]) -> tuple[int, str]:
    import contextlib
    import io
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue()


def test_strict_build_fails_on_bad_files_but_writes_the_rest(mixed_corpus):
    corpus, out, code, stderr, real = mixed_corpus
    assert code == 1
    assert "Traceback" not in stderr
    lines = [l for l in stderr.splitlines() if l.strip()]
    expected = {name for name, (_, reason, _) in CASES.items() if reason}
    named = set()
    for line in lines:
        match = PROBLEM_LINE.match(line)
        assert match, f"not a `path[:line]: reason` line: {line!r}"
        named.add(Path(match["path"]).name)
    assert named == expected
    from kg.api import KnowledgeGraph
    graph = KnowledgeGraph.load(out)
    sources = {str(r["f"]) for r in graph.query(
        "SELECT DISTINCT ?f WHERE { ?a a gov:Article ; gov:sourceFile ?f }")}
    readable = {name for name, (outcome, _, _) in CASES.items() if outcome == READ}
    assert set(real) | readable <= sources
    assert graph.find("柳州市公安局") and graph.find("嘉兴市公安局")


def test_strict_build_of_good_files_exits_0(mixed_corpus, tmp_path):
    corpus, _, _, _, real = mixed_corpus
    good = [str(corpus / n) for n, (_, reason, _) in CASES.items() if reason is None] + \
           [str(corpus / n) for n in real]
    code, stderr = _run_main(["build", *good, "-o", str(tmp_path / "out"), "--strict", "-q"])
    assert (code, stderr) == (0, "")


# ------------------------------------------------------------------ big files


def _corpus_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))


def _write_size(path: Path, text: str, size: int) -> Path:
    data = (text * (size // len(text.encode("utf-8")) + 1)).encode("utf-8")[:size]
    path.write_bytes(data)      # may end inside a character: that is reported, not fatal
    return path


@pytest.mark.slow
def test_a_50_mb_file_is_read_cleaned_and_split(tmp_path):
    """Reading, cleaning and splitting 50 MB (where size alone could hurt) gives bounded
    articles and sentences (how long it takes is bench/'s to measure, not a test's)."""
    from kg.split import split_articles
    path = _write_size(tmp_path / "big.txt", _corpus_text(), 50_000_000)
    source = read_source(path)
    assert source.ok and source.encoding == "utf-8"
    articles, problems = split_articles(source)
    assert len(articles) > 5000
    assert max(len(a.sentences) for a in articles) <= 300
    assert all(len(s.text) <= 500 for a in articles for s in a.sentences)


@pytest.mark.slow
def test_a_5_mb_line_without_breaks_builds(tmp_path):
    """One line, no headline: read in bounded articles, reported in one line."""
    one_line = _corpus_text().replace("\n", "")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = _write_size(corpus / "one_line.txt", one_line, 5_000_000)
    code, stderr = _run_main(["build", str(corpus), "-o", str(tmp_path / "out"), "--strict",
                              "-q", "-f", "nt"])
    assert code == 1
    lines = stderr.splitlines()
    assert any(re.fullmatch(rf"{re.escape(str(path))}:1: \d+ sentences without a headline "
                            r"between them; read as \d+ articles", l) for l in lines), lines
    assert all(PROBLEM_LINE.match(l) for l in lines)
    assert (tmp_path / "out" / "graph.nt").stat().st_size > 100_000


def test_a_sentence_with_no_stop_is_cut_into_bounded_pieces():
    from kg.split import split_sentences
    text = "全市" + "，".join(["加强社区警务建设"] * 200) + "。"
    pieces = split_sentences(text)
    assert "".join(pieces) == text
    assert all(len(p) <= 500 for p in pieces) and len(pieces) > 3
    assert all(p.endswith(("，", "。")) for p in pieces)


# ------------------------------------------------------------------ bad arguments


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    from kg.api import KnowledgeGraph
    from tests.conftest import make_corpus
    out = tmp_path_factory.mktemp("graph")
    KnowledgeGraph.from_corpus(make_corpus()).save(out, ["turtle"])
    return out / "graph.ttl"


def _one_line_error(capsys, code, expected_code, *fragments):
    captured = capsys.readouterr()
    assert code == expected_code, captured.err
    assert "Traceback" not in captured.err
    lines = captured.err.strip().splitlines()
    assert lines and lines[0].startswith("kg "), captured.err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines


def test_sparql_syntax_error_shows_the_position(graph_file, capsys):
    code = main(["query", "-g", str(graph_file),
                 "SELECT ?x WHERE {\n  ?x a gov:Place .\n  FILTER( }"])
    lines = _one_line_error(capsys, code, 2, "SPARQL syntax error at line 3, column")
    assert lines[1].strip() == "FILTER( }"
    assert lines[2].strip() == "^"


def test_unknown_prefix_is_named(graph_file, capsys):
    code = main(["query", "-g", str(graph_file), "SELECT ?x WHERE { ?x a foo:Bar }"])
    _one_line_error(capsys, code, 2, "unknown prefix")


def test_a_query_that_would_run_forever_stops_at_the_timeout(graph_file, capsys):
    forever = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"
    started = time.monotonic()
    code = main(["query", "-g", str(graph_file), "--timeout", "0.5", forever])
    assert time.monotonic() - started < 15      # 0.5 s, plus slack for a loaded machine
    _one_line_error(capsys, code, 1, "did not finish within 0.5 s", "--timeout")


def test_an_endless_aggregate_is_abandoned_and_the_process_exits(graph_file):
    """One step Oxigraph cannot interrupt (COUNT over a huge join): the
    command still answers at the timeout and the process exits."""
    forever = ("SELECT (COUNT(*) AS ?n) WHERE "
               "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o . ?p ?q ?r }")
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "kg", "query", "-g", str(graph_file),
                          "--timeout", "1", forever],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert time.monotonic() - started < 30
    assert run.returncode == 1
    assert run.stderr.strip() == ("kg query: query did not finish within 1 s; "
                                  "narrow the query or raise --timeout")


@pytest.mark.parametrize("argv, fragment", [
    (["query", "--timeout", "0", "ASK {}"], "--timeout must be a positive number"),
    (["query", "--timeout", "-3", "ASK {}"], "--timeout must be a positive number"),
    (["query", "-g", "{missing}", "ASK {}"], "no such file"),
    (["query", "-g", "{empty_dir}", "ASK {}"], "no graph file"),
    (["query", "-g", "{not_a_graph}", "ASK {}"], "cannot read the graph"),
    (["query", "-g", "{graph}", "--bind", "no-equals-sign", "ASK {}"], "bad binding"),
    (["query", "-g", "{graph}", "missing-query.rq"], "no such query file"),
    (["stats", "{missing}"], "no such file"),
    (["stats", "{not_a_graph}"], "cannot read the graph"),
    (["show", "x", "-g", "{missing}"], "no such file"),
    (["export", "{missing}", "-f", "nt"], "no such file"),
    (["export", "{graph}", "-f", "yaml"], "unknown format 'yaml'"),
    (["export", "{graph}", "-f", "csv", "-o", "{a_file}"], "is a file"),
    (["export", "{graph}", "-f", "nt", "-o", "{a_file}/x.nt"], "cannot write"),
    (["html", "{missing}"], "no such file"),
    (["html", "{graph}", "-o", "{a_file}/page.html"], "cannot write"),
    (["html", "{graph}", "--max-nodes", "0"], "--max-nodes must be at least 1"),
    (["build", "{missing}"], "no such file or folder"),
    (["build", "{corpus}", "-f", "yaml"], "unknown format 'yaml'"),
    (["build", "{corpus}", "-o", "{a_file}"], "is a file, not a folder"),
    (["build", "{corpus}", "-o", "{a_file}/out"], "cannot write to"),
])
def test_user_errors_are_one_line_with_status_2(argv, fragment, graph_file, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    (tmp_path / "bad.ttl").write_text("this is not turtle <<<", encoding="utf-8")
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    shutil.copy(BAD / "06_gb18030.txt", tmp_path / "corpus")
    names = {"missing": tmp_path / "nope", "empty_dir": tmp_path / "empty",
             "not_a_graph": tmp_path / "bad.ttl", "graph": graph_file,
             "a_file": tmp_path / "file.txt", "corpus": tmp_path / "corpus"}
    for key, value in names.items():
        argv = [a.replace("{%s}" % key, str(value)) for a in argv]
    started = time.monotonic()
    code = main(argv)
    _one_line_error(capsys, code, 2, fragment)
    assert time.monotonic() - started < 15, "a user error is found before any long work"


def test_unknown_choice_is_argparse_status_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["query", "-f", "yaml", "ASK {}"])
    assert exit_.value.code == 2
    assert "invalid choice: 'yaml'" in capsys.readouterr().err


def test_help_documents_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "exit codes:" in out and "130" in out


def test_unwritable_output_folder_fails_before_the_build(tmp_path, capsys, monkeypatch):
    """What a read-only folder gives (simulated: CI runs as root, who writes anywhere)."""
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    monkeypatch.setitem(sys.modules, "kg.pipeline", None)     # the build must not start
    code = main(["build", str(BAD / "06_gb18030.txt"), "-o", str(tmp_path / "out")])
    _one_line_error(capsys, code, 2, "cannot write to", "Permission denied")


def test_a_closed_pipe_is_not_a_traceback(graph_file):
    """`kg query … | head -1`: the reader going away is no error."""
    code = ("import sys; from kg.cli import main; sys.exit(main(['query', '-g', sys.argv[1], "
            "'SELECT ?s ?p ?o WHERE { ?s ?p ?o }']))")
    child = subprocess.Popen([sys.executable, "-c", code, str(graph_file)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.stdout.readline()
    child.stdout.close()
    stderr = child.stderr.read().decode()
    assert child.wait(timeout=60) == 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


# ------------------------------------------------------------------ nothing lost


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def _interrupt_corpus(folder: Path, copies: int) -> Path:
    corpus = folder / "corpus"
    corpus.mkdir()
    for k in range(copies):
        for path in sorted(CORPUS.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            (corpus / f"{k:02d}_{path.name}").write_text(text, encoding="utf-8")
    return corpus


def _build_command(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "-q",
            "-f", "turtle", "-f", "csv"]


@pytest.fixture(scope="module")
def previous_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("interrupt")
    corpus = _interrupt_corpus(folder, copies=40)      # extraction runs well past the 3 s mark
    out = folder / "output"
    subprocess.run(_build_command(corpus, out), cwd=ROOT, check=True, capture_output=True,
                   timeout=300)
    return corpus, out, _snapshot(out)


def _kill_when(command: list[str], ready, limit: float = 120) -> bool:
    """Run `command`, SIGKILL it as soon as `ready()` holds; False if it finished first."""
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + limit
    try:
        while child.poll() is None and time.monotonic() < deadline:
            if ready():
                child.send_signal(signal.SIGKILL)
                child.wait()
                return True
            time.sleep(0.002)
        return False
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def _hidden(folder: Path) -> list[str]:
    """What is hidden in `folder`: where a killed build's temporary files would be."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["extracting", "writing", "storing"])
def test_a_killed_build_leaves_the_previous_output_intact(previous_build, moment, tmp_path):
    corpus, out, _ = previous_build
    command = _build_command(corpus, out)
    if moment == "storing":             # the store goes beside the output folder
        command += ["--store", str(out.parent / "store")]
    before = _snapshot(out)             # what the last build (maybe another test's) wrote
    started = time.monotonic()
    if moment == "extracting":
        ready = lambda: time.monotonic() - started > 3.0
    elif moment == "writing":   # the first temporary output file has appeared beside graph.ttl
        ready = lambda: any(p.name.endswith(".tmp") for p in out.iterdir())
    else:                       # the store is being built in a folder beside its place
        ready = lambda: any(p.name.endswith(".new") for p in out.parent.iterdir())
    killed = _kill_when(command, ready)
    assert killed, "the build finished before it could be interrupted"
    assert _snapshot(out) == before           # byte-identical, every file
    if moment != "extracting":                # the kill left its temporary files behind
        assert _hidden(out) + _hidden(out.parent)

    # a re-run finishes the job and removes what the killed one left: every file
    # rewritten, the same articles in the graph (not byte-compared: the recognisers may
    # change under a long test session), nothing hidden left beside the outputs
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=300)
    assert _hidden(out) == [] and _hidden(out.parent) == []
    after = _snapshot(out)
    assert set(after) == set(before)
    assert _articles(out) == _articles(_saved(tmp_path, before))


def _articles(folder: Path) -> int:
    """How many articles the graph in `folder` holds (Oxigraph parses 40 copies fast)."""
    from kg.query import run_query
    return int(run_query(folder / "graph.ttl",
                         "SELECT (COUNT(*) AS ?n) WHERE { ?a a gov:Article }")[0]["n"])


def _saved(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


# ------------------------------------------------------------------ security


SCRIPT_NAME = "<script>平安</script>"
SCRIPT_ARTICLE = (
    "柳州推行“<script>alert(1)</script>”新举措\n\n本报记者 赵明\n\n"
    f"今年以来，柳州市公安局推出“{SCRIPT_NAME}”工程，在城中区全面推行，"
    "群众注册用户达1.3万名。\n")


@pytest.fixture(scope="module")
def script_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("script")
    (folder / "corpus").mkdir()
    (folder / "corpus" / "xss.txt").write_text(SCRIPT_ARTICLE, encoding="utf-8")
    out = folder / "out"
    code, stderr = _run_main(["build", str(folder / "corpus"), "-o", str(out), "-q",
                              "-f", "all"])
    assert (code, stderr) == (0, "")
    return out


def test_a_name_with_script_is_a_programme_label(script_build):
    from kg.api import KnowledgeGraph
    graph = KnowledgeGraph.load(script_build)
    labels = {e["label"] for e in graph.entities("Programme")}
    assert SCRIPT_NAME in labels
    rows = graph.query("SELECT ?e WHERE { ?x gov:evidence ?e }")
    assert any(SCRIPT_NAME in str(r["e"]) for r in rows)


def test_html_page_shows_labels_and_evidence_as_text(script_build):
    page = (script_build / "graph.html").read_text(encoding="utf-8")
    assert "<script>平安" not in page and "<script>alert" not in page
    assert "alert(1)" not in page.replace("alert（1）", "")     # brackets become full width
    data = re.search(r'<script type="application/json" id="govkg-data">(.*?)</script>',
                     page, re.S).group(1)
    assert "<" not in data and ">" not in data
    text = json.dumps(json.loads(data), ensure_ascii=False)
    assert SCRIPT_NAME in text                      # the name itself survives, as data
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert all("govkg-data" in s or "src" not in s for s in scripts)


def test_other_exports_keep_the_name_intact(script_build):
    import csv
    import xml.etree.ElementTree as ET
    tree = ET.parse(script_build / "graph.graphml")
    assert any(SCRIPT_NAME == (el.text or "") for el in tree.iter())
    with open(script_build / "entities.csv", encoding="utf-8", newline="") as f:
        assert any(SCRIPT_NAME in row.values() for row in csv.DictReader(f))


def test_build_writes_only_into_the_output_folder(tmp_path, monkeypatch):
    work = tmp_path / "work"
    corpus = tmp_path / "corpus"
    for folder in (work, corpus):
        folder.mkdir()
    shutil.copy(BAD / "06_gb18030.txt", corpus)
    shutil.copy(BAD / "13_traditional.txt", corpus)
    monkeypatch.chdir(work)

    def tree():
        return {str(p.relative_to(tmp_path)): (p.stat().st_mtime_ns, p.read_bytes())
                for p in tmp_path.rglob("*") if p.is_file()}

    before = tree()
    code, stderr = _run_main(["build", str(corpus), "-o", str(tmp_path / "out"), "-q",
                              "-f", "all", "--validate"])
    assert (code, stderr) == (0, "")
    after = tree()
    changed = {k for k in after if before.get(k) != after[k]} | (set(before) - set(after))
    assert changed and all(k.startswith("out/") for k in changed), sorted(changed)
    assert not any(p.name.endswith(".tmp") for p in (tmp_path / "out").iterdir())


def test_an_extractor_fault_costs_one_article_not_the_build(monkeypatch):
    """A bug met on one article is reported with its file and line; the others still come out."""
    import kg.pipeline as pipeline
    from kg.pipeline import extract_source

    real = pipeline.extract_article

    def faulty(article):
        if "编织" in article.title:
            raise KeyError("高家镇")
        return real(article)

    monkeypatch.setattr(pipeline, "extract_article", faulty)
    source = read_source(ROOT / "data" / "corpus" / "002_ddcbd0e929d78be1.txt")
    extractions, problems = extract_source(source)
    faults = [p for p in problems if "internal error" in p.message]
    assert len(faults) == 1 and "KeyError" in faults[0].message and faults[0].line > 0
    assert len(extractions) == 4 and not any("编织" in ex.article.title for ex in extractions)
