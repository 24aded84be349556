"""govkg benchmark suite: extraction speed and memory over growing corpora.

    .venv/bin/python bench/run.py                   # sizes 1,10,100
    .venv/bin/python bench/run.py --sizes 1,10,100,1000
    .venv/bin/python bench/run.py --quick           # sizes 1,10, fewer SPARQL repeats
    .venv/bin/python bench/run.py --profile 10      # cProfile over the 10x corpus, per stage
    .venv/bin/python bench/run.py --sizes 100 --workers 2   # + 2 worker processes vs 1

Each size runs in a fresh child process (so its peak RSS is its own). The
child loads the gazetteer and warms the recognisers on one bundled file first
(reported as setup, not counted in throughput), then times `build_corpus` over
the generated corpus and, in the same process, raw `jieba.cut` over exactly
the same text: the anchor. With `--workers N`, the largest corpus is built
again in another fresh child with N worker processes (`kg.parallel`); their
start and warm-up is timed apart, like the one-process warm-up, and the
speed-up is the ratio of the two build times. `--store` also times writing
the on-disk Oxigraph store and opening it against parsing the N-Triples.

The N x corpus is generated from the bundled one (data/corpus): each copy of
an article has its cities and counties replaced by other real divisions of the
same level from the gazetteer (full names and short forms alike), so the number
of distinct places grows with the corpus instead of repeating.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
sys.path.insert(0, str(ROOT))


# ----------------------------------------------------------------- corpora
def _sources() -> list[tuple[str, str]]:
    from kg.read import read_source
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        source = read_source(path)
        if source.ok:
            out.append((path.name, source.text))
    return out


def _substitutions(gaz, rng: random.Random, pool: dict, text: str) -> dict[str, str]:
    """For each city or county named in `text`, another real one of the same level."""
    mapping: dict[str, str] = {}
    for division in pool["present"]:
        if division.name in text or (division.alias and division.alias in text):
            other = rng.choice(pool[division.level])
            mapping[division.name] = other.name
            if division.alias:
                mapping[division.alias] = other.short
    return mapping


def generate(size: int, out: Path, seed: int = 7) -> tuple[int, int]:
    """Write the size x corpus into `out`; returns (files, characters)."""
    from kg.gazetteer import gazetteer
    gaz = gazetteer()
    sources = _sources()
    rng = random.Random(seed)
    coded = [gaz.get(i) for name in gaz.names("city", "county") for i in gaz.by_name[name][:1]]
    pool = {"city": [d for d in coded if d.level == "city"],
            "county": [d for d in coded if d.level == "county"]}
    joined = "".join(text for _, text in sources)
    pool["present"] = sorted((d for d in coded if d.name in joined or (d.alias and d.alias in joined)),
                             key=lambda d: -len(d.name))
    out.mkdir(parents=True, exist_ok=True)
    chars = files = 0
    for copy in range(size):
        for name, text in sources:
            if copy:
                mapping = _substitutions(gaz, rng, pool, text)
                if mapping:
                    pattern = re.compile("|".join(map(re.escape, sorted(mapping, key=len, reverse=True))))
                    text = pattern.sub(lambda m: mapping[m.group()], text)
                # Vary the figures too, so numbers differ between copies.
                text = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(0, 9)), text)
            (out / f"{copy:05d}_{name}").write_text(text, encoding="utf-8")
            chars += len(text)
            files += 1
    return files, chars


# ----------------------------------------------------------------- child
def _rss_peak_mb() -> float:
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(directory: Path, sparql_repeats: int, store: bool = False) -> dict:
    """Measure one corpus; runs in its own process. Prints one JSON line."""
    t0 = time.perf_counter()
    from kg.gazetteer import gazetteer
    from kg.pipeline import build_corpus
    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    gazetteer()
    t_gaz = time.perf_counter() - t0
    import jieba
    jieba.setLogLevel(60)
    t0 = time.perf_counter()
    jieba.initialize()
    build_corpus([next(iter(sorted(CORPUS.glob("*.txt"))))])      # warm: automata, lexicons, models
    t_warm = time.perf_counter() - t0

    paths = sorted(directory.glob("*.txt"))
    text = "".join(p.read_text(encoding="utf-8") for p in paths)
    t0 = time.perf_counter()
    corpus = build_corpus(paths)
    t_build = time.perf_counter() - t0
    rss_build = _rss_peak_mb()

    t0 = time.perf_counter()
    from kg.graph.build import corpus_to_quads
    graph = corpus_to_quads(corpus)
    t_graph = time.perf_counter() - t0

    t0 = time.perf_counter()
    tokens = sum(1 for _ in jieba.cut(text))
    t_jieba = time.perf_counter() - t0

    result = {"files": len(paths), "chars": len(text), "import_s": t_import, "gazetteer_s": t_gaz,
              "warm_s": t_warm, "build_s": t_build, "graph_s": t_graph, "jieba_s": t_jieba,
              "tokens": tokens, "entities": len(corpus.entities) if hasattr(corpus, "entities") else None,
              "triples": len(graph), "rss_build_mb": rss_build, "rss_peak_mb": _rss_peak_mb()}
    if sparql_repeats:
        result["sparql"] = sparql(graph, sparql_repeats)
    if store:
        result["store"] = store_timing(graph)
    return result


STAGE_FORMATS = ("turtle", "html")     # what `kg build` writes by default


def child_stages(directory: Path) -> dict:
    """`kg build` stage by stage (extract + resolve, graph, each default export);
    runs in its own process. Each stage: seconds, and the peak RSS so far in MB."""
    from kg import export
    from kg.api import KnowledgeGraph
    from kg.pipeline import build_corpus
    build_corpus([next(iter(sorted(CORPUS.glob("*.txt"))))])      # warm, as in child()
    out: dict = {"warm": [0.0, _rss_peak_mb()]}
    paths = sorted(directory.glob("*.txt"))
    start = t0 = time.perf_counter()
    corpus = build_corpus(paths)
    out["extract"] = [time.perf_counter() - t0, _rss_peak_mb()]
    t0 = time.perf_counter()
    graph = KnowledgeGraph.from_corpus(corpus, consume=True)     # as kg build does
    del corpus
    out["graph"] = [time.perf_counter() - t0, _rss_peak_mb()]
    with tempfile.TemporaryDirectory() as tmp:
        for name in STAGE_FORMATS:
            t0 = time.perf_counter()
            export.save(graph.quads, Path(tmp), [name])
            out[name] = [time.perf_counter() - t0, _rss_peak_mb()]
    out["total"] = [time.perf_counter() - start, _rss_peak_mb()]
    out["triples"] = len(graph)
    return out


def child_workers(directory: Path, workers: int) -> dict:
    """The same build with `workers` processes; runs in its own process."""
    import resource
    from kg.parallel import ProcessExecutor
    from kg.pipeline import build_corpus
    paths = sorted(directory.glob("*.txt"))
    t0 = time.perf_counter()
    executor = ProcessExecutor(workers).start()
    t_start = time.perf_counter() - t0
    t0 = time.perf_counter()
    corpus = build_corpus(paths, executor=executor)
    t_build = time.perf_counter() - t0
    executor.close()
    return {"workers": workers, "start_s": t_start, "build_s": t_build,
            "articles": len(corpus.articles), "entities": len(corpus.entities),
            "rss_parent_mb": _rss_peak_mb(),
            "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def store_timing(quads) -> dict:
    """What one `kg query` costs: parsing graph.ttl then querying, vs opening the
    on-disk store `kg build --store` wrote once, then the same query."""
    from kg.export.rdf import write_turtle
    from kg.query import open_store, read_query, run_query
    from kg.store import open_saved_store, write_store
    text = read_query(str(ROOT / "queries" / f"{SPARQL_QUERIES[0]}.rq"))
    with tempfile.TemporaryDirectory() as tmp:
        ttl = Path(tmp) / "graph.ttl"
        write_turtle(quads, ttl)
        t0 = time.perf_counter()
        run_query(open_store(ttl), text)
        t_parse = time.perf_counter() - t0
        t0 = time.perf_counter()
        write_store(quads, Path(tmp) / "store")
        t_write = time.perf_counter() - t0
        t0 = time.perf_counter()
        run_query(open_saved_store(Path(tmp) / "store"), text)
        t_open = time.perf_counter() - t0
    return {"parse_turtle_s": t_parse, "write_store_s": t_write, "open_store_s": t_open}


SPARQL_QUERIES = ("places-with-most-programmes", "programmes-by-city")


def sparql(quads, repeats: int) -> list[dict]:
    """rdflib's engine vs Oxigraph (through kg.query) on the same graph and saved queries."""
    try:
        from kg.query import PREFIXES, read_query, run_query
        import pyoxigraph  # noqa: F401
    except ImportError:
        return []
    graph = quads.to_graph()            # the rdflib anchor queries an rdflib Graph
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.nt"
        with open(path, "w", encoding="utf-8") as stream:
            quads.write_ntriples(stream)
        from kg.query import open_store
        store = open_store(path)
        out = []
        for name in SPARQL_QUERIES:
            text = read_query(str(ROOT / "queries" / f"{name}.rq"))
            initns = dict(PREFIXES)
            times_rdf, times_ox = [], []
            for _ in range(repeats):
                t0 = time.perf_counter()
                n_rdf = len(list(graph.query(text, initNs=initns)))
                times_rdf.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                n_ox = len(run_query(store, text))
                times_ox.append(time.perf_counter() - t0)
            med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
            out.append({"query": name, "rdflib_ms": med(times_rdf) * 1e3, "oxigraph_ms": med(times_ox) * 1e3,
                        "rows_rdflib": n_rdf, "rows_oxigraph": n_ox})
        return out


# ----------------------------------------------------------------- every saved query
def saved_queries() -> list[tuple[str, str, dict]]:
    """(name, text, example bindings) of every queries/*.rq; the bindings are the
    `--bind VAR=VALUE` its header comment gives as an example (none for some)."""
    from kg.query import parse_binding, read_query
    out = []
    for path in sorted((ROOT / "queries").glob("*.rq")):
        text = read_query(str(path))
        header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
        bindings = dict(parse_binding(f"{var}={value}")
                        for var, value in re.findall(r"--bind (\w+)=(\S+)", header))
        out.append((path.stem, text, bindings))
    return out


class _Late(Exception):
    pass


def _rdflib_times(graph, text: str, repeats: int, limit: float) -> tuple[list[float], int | None]:
    """rdflib's engine on `text`, up to `repeats` times; a run still going after
    `limit` seconds is stopped (SIGALRM: rdflib's evaluation is plain Python),
    and no run is started once `limit` seconds have been spent in all."""
    import signal
    from kg.query import PREFIXES

    def late(*_):
        raise _Late()
    previous = signal.signal(signal.SIGALRM, late)
    times, rows, spent = [], None, 0.0
    try:
        for _ in range(repeats):
            if spent >= limit:
                break
            signal.setitimer(signal.ITIMER_REAL, limit)
            t0 = time.perf_counter()
            try:
                rows = len(list(graph.query(text, initNs=dict(PREFIXES))))
            except _Late:
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(time.perf_counter() - t0)
            spent += times[-1]
    finally:
        signal.signal(signal.SIGALRM, previous)
    return times, rows


def child_queries(directory: Path, repeats: int, limit: float) -> dict:
    """Every saved query over the corpus's graph, Oxigraph (`kg.query.run_query`)
    and rdflib's engine side by side: p50 of `repeats` runs each, with the
    query's example binding (a VALUES block opening the WHERE clause, as `kg query --bind`
    adds it, for both engines) and unbound (every row). Either engine's run is
    stopped after `limit` seconds, and no run starts once `limit` seconds were
    spent on that query. Runs in its own process."""
    from kg.api import KnowledgeGraph
    from kg.pipeline import build_corpus
    from kg.query import QueryTimeout, bind_values, open_store, run_query
    graph = KnowledgeGraph.from_corpus(build_corpus(sorted(directory.glob("*.txt"))), consume=True)
    quads = graph.quads
    med = lambda xs: sorted(xs)[len(xs) // 2] if xs else None  # noqa: E731
    out: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.nt"
        with open(path, "w", encoding="utf-8") as stream:
            quads.write_ntriples(stream)
        t0 = time.perf_counter()
        store = open_store(path)
        load_s = time.perf_counter() - t0
        for name, text, bindings in saved_queries():
            for bound in ([bindings, {}] if bindings else [{}]):
                times, n, spent = [], None, 0.0
                for _ in range(repeats):
                    if spent >= limit:
                        break
                    t0 = time.perf_counter()
                    try:
                        n = len(run_query(store, text, bindings=bound, timeout=limit))
                    except QueryTimeout:
                        break
                    times.append(time.perf_counter() - t0)
                    spent += times[-1]
                out.append({"query": name, "bindings": {k: str(v) for k, v in bound.items()},
                            "text": bind_values(text, bound),
                            "oxigraph_ms": med(times) * 1e3 if times else None,
                            "rows_oxigraph": n})
    del store
    t0 = time.perf_counter()
    rdf = quads.to_graph()
    rdflib_load_s = time.perf_counter() - t0
    for q in out:
        times, rows = _rdflib_times(rdf, q.pop("text"), repeats, limit)
        q.update(rdflib_ms=med(times) * 1e3 if times else None, rdflib_runs=len(times),
                 rows_rdflib=rows, limit_s=limit)
    return {"triples": len(quads), "oxigraph_load_s": load_s, "rdflib_load_s": rdflib_load_s,
            "queries": out}


def query_table(result: dict, size: int | str) -> str:
    lines = [f"saved queries at {size} ({result['triples']} triples; Oxigraph loads the N-Triples in "
             f"{result['oxigraph_load_s']:.1f} s, rdflib graph made in {result['rdflib_load_s']:.1f} s), "
             f"p50 ms:"]
    rows = [("query", "binding", "rows", "oxigraph ms", "rdflib ms", "rdflib/oxigraph")]
    for q in result["queries"]:
        ox, rd = q["oxigraph_ms"], q["rdflib_ms"]
        limit = q["limit_s"] * 1e3
        if ox is None:
            ratio = "-"
        elif rd is None:
            ratio = f"> {limit / max(ox, 1e-6):.0f}x"
        else:
            ratio = f"{rd / max(ox, 1e-6):.0f}x"
        rows.append((q["query"], ", ".join(f"{k}={v}" for k, v in q["bindings"].items()) or "(none)",
                     q["rows_oxigraph"] if ox is not None else "?",
                     f"{ox:.1f}" if ox is not None else f"> {limit:.0f}",
                     f"{rd:.0f}" if rd is not None else f"> {limit:.0f}", ratio))
        if rd is not None and ox is not None and q["rows_rdflib"] != q["rows_oxigraph"]:
            rows[-1] = rows[-1][:-1] + (rows[-1][-1] + f" (rdflib rows {q['rows_rdflib']})",)
    from kg.query import _display_width
    widths = [max(_display_width(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for i, row in enumerate(rows):
        pad = [" " * (w - _display_width(str(v))) for v, w in zip(row, widths)]
        lines.append("  ".join(f"{v}{p}" if j < 2 else f"{p}{v}"
                               for j, (v, p) in enumerate(zip(row, pad))).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


# ----------------------------------------------------------------- parent
def interpreter_start() -> tuple[float, float]:
    """Seconds to start Python, and to start it and import kg.pipeline."""
    def timed(code: str) -> float:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
            best = min(best, time.perf_counter() - t0)
        return best
    return timed("pass"), timed("import kg.pipeline")


def _run_child(*args: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, *args], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"child {' '.join(args)} failed\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure(size: int, workdir: Path, sparql_repeats: int, workers: int = 0,
            store: bool = False, stages: bool = False) -> dict:
    directory = workdir / f"x{size}"
    t0 = time.perf_counter()
    files, chars = generate(size, directory)
    gen_s = time.perf_counter() - t0
    result = _run_child("--child", str(directory), "--sparql-repeats", str(sparql_repeats),
                        *(["--store"] if store else []))
    result.update(size=size, generate_s=gen_s)
    if workers > 1:
        result["parallel"] = _run_child("--child", str(directory), "--workers", str(workers))
    if stages:
        result["stages"] = _run_child("--child", str(directory), "--stages")
    return result


def table(results: list[dict], start: tuple[float, float]) -> str:
    base = results[0]
    rows = [("size", "files", "chars", "build s", "kchar/s/core", "jieba kchar/s", "pipe/jieba",
             "growth", "linearity", "graph s", "triples", "peak RSS MB")]
    for r in results:
        cps = r["chars"] / r["build_s"]
        jps = r["chars"] / r["jieba_s"]
        # Linearity: time per character relative to the 1x run (1.00 = perfectly linear).
        lin = (r["build_s"] / r["chars"]) / (base["build_s"] / base["chars"])
        rows.append((f"{r['size']}x", r["files"], r["chars"], f"{r['build_s']:.2f}", f"{cps / 1e3:.1f}",
                     f"{jps / 1e3:.0f}", f"{cps / jps:.3f}", f"{r['build_s'] / base['build_s']:.1f}x",
                     f"{lin:.2f}", f"{r['graph_s']:.2f}", r["triples"], f"{r['rss_peak_mb']:.0f}"))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(str(v).rjust(w) for v, w in zip(row, widths)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    r = results[-1]
    lines += ["",
              f"startup: python {start[0]:.2f} s; python + import kg.pipeline {start[1]:.2f} s; "
              f"gazetteer load {r['gazetteer_s']:.2f} s; warm-up (jieba dict, automata, one file) "
              f"{r['warm_s']:.2f} s  -- all excluded from throughput"]
    for r in results:
        p = r.get("parallel")
        if p:
            lines.append(f"workers {r['size']}x: {p['workers']} processes {p['build_s']:.2f} s vs 1 process "
                         f"{r['build_s']:.2f} s = {r['build_s'] / p['build_s']:.2f}x "
                         f"(pool start + warm-up {p['start_s']:.2f} s, excluded like the 1-process "
                         f"warm-up); peak RSS parent {p['rss_parent_mb']:.0f} MB, "
                         f"largest worker {p['rss_worker_mb']:.0f} MB")
        st = r.get("store")
        if st:
            lines.append(f"store {r['size']}x: one kg query ({SPARQL_QUERIES[0]}) parsing graph.ttl "
                         f"{st['parse_turtle_s']:.2f} s vs on the --store {st['open_store_s'] * 1e3:.0f} ms "
                         f"(store written once by kg build in {st['write_store_s']:.2f} s)")
        stages = r.get("stages")
        if stages:
            lines.append(f"kg build {r['size']}x ({stages['triples']} triples), s / peak RSS MB: "
                         + ", ".join(f"{name} {stages[name][0]:.2f} s / {stages[name][1]:.0f}"
                                     for name in ("extract", "graph", *STAGE_FORMATS, "total")))
        for q in r.get("sparql", []):
            lines.append(f"SPARQL {r['size']}x {q['query']}: rdflib {q['rdflib_ms']:.1f} ms, "
                         f"oxigraph {q['oxigraph_ms']:.1f} ms ({q['rdflib_ms'] / max(q['oxigraph_ms'], 1e-6):.0f}x), "
                         f"rows {q['rows_rdflib']}/{q['rows_oxigraph']}")
    return "\n".join(lines)


# ----------------------------------------------------------------- profile
def _stages() -> dict[str, tuple[str, str]]:
    """Stage name -> (file, function) of what profiles sum per stage: reading, splitting,
    the token layer, each component of kg/config.toml, corpus-wide resolution."""
    from kg import components
    out = {"read": ("kg/read.py", "read_source"), "split": ("kg/split.py", "split_articles"),
           "tokens": ("kg/doc.py", "make_doc")}
    for name, fn in components.pipeline():
        code = getattr(fn, "__code__", None) or type(fn).__call__.__code__
        out[f"  {name}"] = (os.path.relpath(code.co_filename, ROOT), code.co_name)
    out["resolve (corpus)"] = ("kg/resolve.py", "resolve_entities")
    return out


def profile(size: int, workdir: Path, top: int) -> str:
    import cProfile
    import pstats
    directory = workdir / f"x{size}"
    generate(size, directory)
    from kg.gazetteer import gazetteer
    from kg.pipeline import build_corpus
    gazetteer()
    build_corpus([next(iter(sorted(CORPUS.glob("*.txt"))))])
    paths = sorted(directory.glob("*.txt"))
    prof = cProfile.Profile()
    prof.enable()
    build_corpus(paths)
    prof.disable()
    stats = pstats.Stats(prof)
    total = max(v[3] for k, v in stats.stats.items() if k[2] == "build_corpus")
    lines = [f"cProfile, {size}x corpus, build_corpus {total:.2f} s (profiled)", "", "per stage (cumulative):"]
    for stage, (file, func) in _stages().items():
        cum = sum(v[3] for k, v in stats.stats.items() if k[0].endswith(file) and k[2] == func)
        lines.append(f"  {stage:20s} {cum:7.2f} s  {100 * cum / total:5.1f}%")
    lines += ["", f"top {top} functions by own time:"]
    own = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:top]
    for (file, line, func), (cc, nc, tt, ct, _) in own:
        where = os.path.relpath(file, ROOT) if file.startswith(str(ROOT)) else Path(file).name
        lines.append(f"  {tt:7.2f} s own {ct:7.2f} s cum {nc:9d} calls  {where}:{line} {func}")
    return "\n".join(lines)


def headline(sizes: str, workdir: Path, workers: int) -> None:
    """The whole `kg build` end to end as a user runs it (bench/endtoend.py), then the
    breakdown of extraction alone that the rest of this script prints."""
    import endtoend
    wanted = [int(s) for s in sizes.split(",") if int(s)]
    if not wanted:
        return
    rows = [endtoend.measure(size, workdir / "e2e", workers if size == max(wanted) else 0)
            for size in wanted]
    print("kg build end to end (the headline; bench/endtoend.py)")
    print(endtoend.table(rows, workers))
    print("\nextraction alone (a breakdown)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=None, help="comma-separated multiples of data/corpus (default 1,10,100)")
    parser.add_argument("--quick", action="store_true", help="sizes 1,10 and fewer SPARQL repeats")
    parser.add_argument("--profile", type=int, metavar="SIZE", help="cProfile the pipeline over SIZE x corpus")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--workers", type=int, default=0, metavar="N",
                        help="also build the largest corpus with N worker processes (speed-up vs 1)")
    parser.add_argument("--store", action="store_true",
                        help="also time the on-disk Oxigraph store against parsing Turtle (largest size)")
    parser.add_argument("--stages", action="store_true",
                        help="also time kg build stage by stage (extract, graph, turtle, html) "
                             "with the peak RSS after each, at every size")
    parser.add_argument("--queries", action="store_true",
                        help="also run every saved query (queries/*.rq) over the largest graph, "
                             "Oxigraph and rdflib side by side, p50 of --query-repeats runs")
    parser.add_argument("--query-repeats", type=int, default=7, metavar="N")
    parser.add_argument("--rdflib-timeout", type=float, default=60.0, metavar="SECONDS",
                        help="stop a query run (either engine) after this long and report "
                             "'> SECONDS' (default 60)")
    parser.add_argument("--e2e-sizes", default=None, metavar="SIZES",
                        help="sizes of the headline, the whole kg build end to end against jieba.cut "
                             "(bench/endtoend.py; default 20,100, with --quick 20; 0 for none)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sparql-repeats", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        if args.queries:
            result = child_queries(args.child, args.query_repeats, args.rdflib_timeout)
            print(query_table(result, args.child.name), file=sys.stderr)
            print(json.dumps(result))
        elif args.stages:
            print(json.dumps(child_stages(args.child)))
        elif args.workers:
            print(json.dumps(child_workers(args.child, args.workers)))
        else:
            print(json.dumps(child(args.child, args.sparql_repeats, args.store)))
        return
    with tempfile.TemporaryDirectory(prefix="govkg-bench-") as tmp:
        if args.profile:
            print(profile(args.profile, Path(tmp), args.top))
            return
        headline(args.e2e_sizes or ("20" if args.quick else "20,100"), Path(tmp), args.workers or 2)
        sizes = [int(s) for s in (args.sizes or ("1,10" if args.quick else "1,10,100")).split(",")]
        start = interpreter_start()
        results = []
        for size in sizes:
            # SPARQL on the largest size only, where the engines' difference shows.
            last = size == sizes[-1]
            results.append(measure(size, Path(tmp), (3 if args.quick else 7) if last else 0,
                                   args.workers if last else 0, args.store and last, args.stages))
            print(f"  measured {size}x: {results[-1]['chars']} chars in {results[-1]['build_s']:.1f} s",
                  file=sys.stderr)
        print(table(results, start))
        if args.queries:
            directory = Path(tmp) / f"x{sizes[-1]}"
            result = _run_child("--child", str(directory), "--queries", "--query-repeats",
                                str(args.query_repeats), "--rdflib-timeout", str(args.rdflib_timeout))
            print()
            print(query_table(result, f"{sizes[-1]}x"))


if __name__ == "__main__":
    main()
