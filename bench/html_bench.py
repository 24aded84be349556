"""How fast does a 5,000-node explorer page become interactive in headless Chromium?

    .venv/bin/python bench/html_bench.py [--nodes 5000] [--runs 3] [--keep out.html]
    .venv/bin/python bench/html_bench.py --page output/graph.html --screenshot docs/explorer.png
    .venv/bin/python bench/html_bench.py --page output/report.html --search 徐州市 \
        --screenshot docs/report.png        # the README's screenshots of a real build

Generates a graph shaped like a big corpus (provinces > cities > counties,
agencies, programmes, people, documents, statistics, with evidence nodes),
renders graph.html, opens it from file:// in Debian's chromium and measures

* load → interactive: navigation start until the layout has stabilised and
  physics is switched off (the page sets `govkg.ready`);
* first click: clicking a node until its side panel shows.

Needs /usr/bin/chromium and the playwright package (no `playwright install`).
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.export.html import explorer_data, render_page  # noqa: E402
from kg.vocab import DCTERMS, GOV, ID, PROV, RDF, RDFS, SKOS, XSD  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHARE = {"province": 0.006, "city": 0.06, "county": 0.28, "agency": 0.24, "programme": 0.12,
         "person": 0.1, "document": 0.04}          # the rest are statistics


def synthetic_graph(n_nodes: int, seed: int = 1) -> Graph:
    """A graph of about `n_nodes` nodes, deterministic for a seed."""
    rng = random.Random(seed)
    g = Graph()
    counts = {k: max(1, int(n_nodes * v)) for k, v in SHARE.items()}
    counts["statistic"] = n_nodes - sum(counts.values())
    zh = lambda s: Literal(s, lang="zh")  # noqa: E731

    def node(kind, cls, i, label):
        iri = ID[f"{kind}/{kind}{i:05d}"]
        g.add((iri, RDF.type, cls))
        g.add((iri, RDFS.label, zh(label)))
        return iri

    provinces = [node("place", GOV.Place, i, f"第{i}省") for i in range(counts["province"])]
    cities, counties = [], []
    for i in range(counts["city"]):
        c = node("place", GOV.Place, 1000 + i, f"第{i}市")
        g.add((c, SKOS.altLabel, zh(f"{i}市")))
        g.add((c, GOV.adminLevel, Literal("city")))
        g.add((c, GOV.partOf, provinces[i % len(provinces)]))
        cities.append(c)
    for p in provinces:
        g.add((p, GOV.adminLevel, Literal("province")))
    for i in range(counts["county"]):
        c = node("place", GOV.Place, 10000 + i, f"第{i}县")
        g.add((c, GOV.adminLevel, Literal("county")))
        g.add((c, GOV.partOf, cities[rng.randrange(len(cities))]))
        counties.append(c)
    places = cities + counties
    agencies = []
    for i in range(counts["agency"]):
        a = node("agency", GOV.Agency, i, f"第{i}局")
        g.add((a, GOV.locatedIn, rng.choice(places)))
        if agencies and rng.random() < 0.3:
            g.add((a, GOV.subOrganizationOf, rng.choice(agencies)))
        agencies.append(a)
    programmes = []
    for i in range(counts["programme"]):
        p = node("programme", GOV.Programme, i, f"第{i}项工程")
        for _ in range(rng.randint(1, 3)):
            g.add((p, GOV.implementedIn, rng.choice(places)))
        g.add((p, GOV.implementedBy, rng.choice(agencies)))
        programmes.append(p)
    for i in range(counts["person"]):
        person = node("person", GOV.Person, i, f"人物{i}")
        m = ID[f"membership/m{i:05d}"]
        g.add((m, RDF.type, GOV.Membership))
        g.add((m, GOV.member, person))
        g.add((m, GOV.organization, rng.choice(agencies)))
        g.add((m, GOV.role, zh("局长")))
    for i in range(counts["document"]):
        d = node("document", GOV.PolicyDocument, i, f"《第{i}号文件》")
        g.add((d, GOV.issuedBy, rng.choice(agencies)))
    articles = [ID[f"article/a{i:05d}.txt/0"] for i in range(max(1, n_nodes // 5))]
    for i, a in enumerate(articles):
        g.add((a, RDF.type, GOV.Article))
        g.add((a, DCTERMS.title, zh(f"第{i}篇报道")))
    subjects = places + agencies + programmes
    for i in range(counts["statistic"]):
        st = ID[f"statistic/s{i:05d}"]
        g.add((st, RDF.type, GOV.Statistic))
        g.add((st, GOV.about, rng.choice(subjects)))
        g.add((st, GOV.value, Literal(str(rng.randint(1, 9999)), datatype=XSD.decimal)))
        g.add((st, GOV.unit, Literal("个")))
        g.add((st, GOV.measure, Literal("项目")))
        g.add((st, GOV.evidence, zh(f"全市共建成项目{i}个。")))
        g.add((st, PROV.wasDerivedFrom, rng.choice(articles)))
    for s, p, o in list(g.triples((None, None, None))):
        if p in (GOV.locatedIn, GOV.implementedBy, GOV.implementedIn, GOV.issuedBy):
            ev = ID[f"assertion/x{abs(hash((s, p, o))) % 10**12:012d}"]
            g.add((ev, RDF.subject, s))
            g.add((ev, RDF.predicate, p))
            g.add((ev, RDF.object, o))
            g.add((ev, GOV.evidence, zh("据报道。")))
            g.add((ev, PROV.wasDerivedFrom, rng.choice(articles)))
    for e in subjects:
        g.add((rng.choice(articles), GOV.mentions, e))
    return g


def measure(path: Path) -> tuple[float, float, int, int]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.resolve().as_uri(), wait_until="commit")
        page.wait_for_function("() => window.govkg && window.govkg.ready", timeout=120_000, polling=20)
        interactive = page.evaluate("govkg.readyAt")
        # click the best-connected node drawn on screen and wait for its panel
        target = page.evaluate("""() => {
            const net = govkg.network, pos = net.getPositions();
            const ids = govkg.nodes.getIds().filter(id => {
                const d = net.canvasToDOM(pos[id]); return d.x > 50 && d.y > 50 && d.x < 1000 && d.y < 700; });
            ids.sort((a, b) => govkg.data.details[b].degree - govkg.data.details[a].degree);
            const d = net.canvasToDOM(pos[ids[0]]); return {id: ids[0], x: d.x, y: d.y};
        }""")
        box = page.locator("#network").bounding_box()
        start = time.perf_counter()
        page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
        page.wait_for_selector("#panel:not([hidden])", timeout=10_000)
        click_ms = (time.perf_counter() - start) * 1000
        count = page.evaluate("govkg.nodes.length")
        browser.close()
    if errors:
        raise SystemExit(f"console errors: {errors[:3]}")
    return interactive, click_ms, count, len(errors)


def screenshot(page_path: Path, out: Path, search: str | None) -> None:
    """Save a picture of the page as a user sees it, after searching for `search`
    (the explorer) or clicking the place called `search` (a `kg report` page)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        page.goto(page_path.resolve().as_uri())
        report = page.evaluate("() => !!document.getElementById('report-data')")
        ready = "window.govkgReport && window.govkgReport.ready" if report else "window.govkg && window.govkg.ready"
        page.wait_for_function(f"() => {ready}", timeout=120_000)
        if search and report:
            page.evaluate("name => govkgReport.showPlace(govkgReport.data.places.findIndex(p => p.label === name))",
                          search)
        elif search:
            page.fill("#search", search)
            page.press("#search", "Enter")
            page.wait_for_timeout(800)           # the focus animation
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        browser.close()
    print(f"saved {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-nodes", type=int, default=None,
                        help="pass to the exporter (default: all nodes drawn)")
    parser.add_argument("--keep", type=Path, help="also save the page here")
    parser.add_argument("--page", type=Path, help="with --screenshot: an existing page to picture")
    parser.add_argument("--search", help="with --screenshot: search for this name first")
    parser.add_argument("--screenshot", type=Path, help="save a screenshot instead of benchmarking")
    args = parser.parse_args()
    if args.screenshot:
        if not args.page:
            parser.error("--screenshot needs --page")
        screenshot(args.page, args.screenshot, args.search)
        return

    t0 = time.perf_counter()
    graph = synthetic_graph(args.nodes)
    t1 = time.perf_counter()
    data = explorer_data(graph, max_nodes=args.max_nodes or args.nodes)
    page = render_page(data)
    t2 = time.perf_counter()
    print(f"graph: {len(data['nodes'])} nodes, {len(data['edges'])} edges, {len(graph)} triples "
          f"(generated in {t1 - t0:.1f} s)")
    print(f"render: {t2 - t1:.2f} s, page {len(page.encode()) / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.html"
        path.write_text(page, encoding="utf-8")
        if args.keep:
            args.keep.write_text(page, encoding="utf-8")
        results = [measure(path) for _ in range(args.runs)]
    ready = [r[0] for r in results]
    clicks = [r[1] for r in results]
    print(f"drawn: {results[0][2]} nodes in the vis DataSet")
    print(f"load -> interactive (stabilised, physics off): median {statistics.median(ready) / 1000:.2f} s "
          f"(runs: {', '.join(f'{r / 1000:.2f}' for r in ready)})")
    print(f"first click -> side panel: median {statistics.median(clicks):.0f} ms")


if __name__ == "__main__":
    main()
