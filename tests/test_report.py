"""The report page's data, read from the hand-built corpus of tests/conftest.py:
嘉兴市公安局 runs 红船枫警 in 南湖区, and 柳州 adopted it too; 柳州市公安局 runs 警民通."""
from __future__ import annotations

from rdflib import Literal, URIRef

from kg.cli import main
from kg.report.data import report_data
from kg.report.page import write_report
from kg.vocab import DCTERMS, XSD, article_iri
from tests.conftest import A1, A2, S1, S2


def dated(graph, **dates):
    """The graph with `dcterms:date` on the articles named A1/A2, as the readers will add it."""
    for name, day in dates.items():
        graph.add((URIRef(article_iri({"A1": A1, "A2": A2}[name])), DCTERMS.date, Literal(day, datatype=XSD.date)))
    return graph


def _by_label(rows: list[dict]) -> dict:
    return {row["label"]: i for i, row in enumerate(rows)}


def _reports(data: dict, kind: str, label: str) -> dict[str, dict]:
    """The reports of one programme/agency/person, by the label of their place."""
    item = _by_label(data[{"programme": "programmes", "agency": "agencies", "person": "people"}[kind]])[label]
    return {data["places"][r["place"]]["label"]: r for r in data["reports"]
            if r["kind"] == kind and r["item"] == item}


def test_places_carry_their_points_and_region_codes(graph):
    data = report_data(graph)
    places = {p["label"]: p for p in data["places"]}
    assert places["南湖区"]["province"] == "330000" and places["南湖区"]["city"] == "330400"
    assert places["浙江省"]["city"] == ""
    assert 29 < places["嘉兴市"]["lat"] < 31.5 and 120 < places["嘉兴市"]["lon"] < 121.5
    assert places["南湖区"]["parents"] == [_by_label(data["places"])["嘉兴市"]]


def test_a_programme_is_reported_where_it_runs_with_its_sentence_and_line(graph):
    data = report_data(graph)
    reports = _reports(data, "programme", "红船枫警")
    assert set(reports) == {"南湖区", "柳州市", "嘉兴市"}          # 嘉兴市: through 嘉兴市公安局
    said = [data["evidence"][n] for n in reports["南湖区"]["evidence"]]
    assert said == [{"text": S1[0], "source": "100_aaaaaaaaaaaaaaaa.txt:3",
                     "title": "嘉兴推行红船枫警机制", "date": ""}]
    assert [data["agencies"][a]["label"] for a in reports["嘉兴市"]["via"]] == ["嘉兴市公安局"]
    assert data["evidence"][reports["柳州市"]["evidence"][0]]["text"] == S2[1]


def test_officials_and_statistics_are_at_their_agency_place(graph):
    data = report_data(graph)
    posts = {r["role"] for r in data["reports"] if r["kind"] == "person"
             and data["people"][r["item"]]["label"] == "王建华"}
    assert posts == {"党委书记", "局长"}
    stats = [s for s in data["statistics"] if data["places"][s["place"]]["label"] == "嘉兴市"]
    assert [(s["measure"], s["value"], s["unit"]) for s in stats] == [("违法犯罪警情", "21.2", "%")]
    assert data["evidence"][stats[0]["evidence"][0]]["text"] == S1[1]


def test_evidence_sentences_are_listed_once(graph):
    data = report_data(graph)
    texts = [(e["text"], e["source"]) for e in data["evidence"]]
    assert len(texts) == len(set(texts))
    assert sum(e["text"] == S1[0] for e in data["evidence"]) == 1   # cited by four edges


def test_first_reports_come_from_article_dates_never_guessed(graph):
    undated = _reports(report_data(graph), "programme", "红船枫警")
    assert all(r["dates"] == [] for r in undated.values())
    reports = _reports(report_data(dated(graph, A1="2022-03-01")), "programme", "红船枫警")
    assert reports["南湖区"]["dates"] == ["2022-03-01"]
    assert reports["柳州市"]["dates"] == []                          # its article has no date


def test_outlines_of_every_province_and_city_come_with_the_data(graph):
    outlines = report_data(graph)["outlines"]
    assert len(outlines["province"]) == 34
    assert {"code": "330400", "name": "嘉兴市"} in [{k: o[k] for k in ("code", "name")} for o in outlines["city"]]


def test_the_page_is_self_contained_and_escapes_names(graph, tmp_path):
    import io
    graph.add((URIRef(article_iri(A1)), DCTERMS.title, Literal("</script><script>alert(1)</script>", lang="zh")))
    page = io.StringIO()
    write_report(report_data(graph), page)
    html = page.getvalue()
    assert "<script>alert(1)" not in html and "\\u003c/script\\u003e" in html
    assert html.count("<script") == 3                                  # data, plotly.js, the page's own
    assert "cdn.plot.ly" not in html.split('id="report-data"')[0]      # no link or script src


def test_kg_report_writes_the_page_and_says_what_it_holds(graph, tmp_path, capsys):
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    assert main(["report", str(path), "-o", str(tmp_path / "r.html")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"wrote {tmp_path / 'r.html'} (4 of 4 places on the map, 2 programmes")
    assert (tmp_path / "r.html").stat().st_size > 1_000_000


def test_kg_report_on_a_missing_graph_is_a_usage_error(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nope.ttl"), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("kg report: ") and "nope.ttl" in err[0]
    assert not (tmp_path / "r.html").exists()
