"""The report page in headless Debian Chromium: offline, no console errors, and the
clicks a researcher makes (a place on the map, a programme, a table row)."""
from __future__ import annotations

import pytest

from kg.report.data import report_data
from kg.report.page import write_report
from test_html_browser import CHROMIUM, CHROMIUM_ARGS, playwright  # skips without chromium
from test_report import dated

READY = "() => window.govkgReport && window.govkgReport.ready"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from kg.graph import corpus_to_graph
    from tests.conftest import make_corpus
    graph = dated(corpus_to_graph(make_corpus()), A1="2022-03-01")
    path = tmp_path_factory.mktemp("report") / "report.html"
    with open(path, "w", encoding="utf-8") as stream:
        write_report(report_data(graph), stream)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        seen = {"errors": [], "requests": []}
        page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("request", lambda r: seen["requests"].append(r.url))
        page.goto(path.resolve().as_uri())
        page.wait_for_function(READY, timeout=30_000)
        yield page, seen, path.resolve().as_uri()
        browser.close()


def _click_place(page, label: str) -> None:
    """Click the map's dot for a place, where the browser drew it."""
    index = page.evaluate(f"govkgReport.data.places.findIndex(p => p.label === {label!r})")
    dots = page.locator("#map .scattergeo").first.locator("path.point")
    k = page.evaluate(f"document.getElementById('map').data[0].customdata.indexOf({index})")
    box = dots.nth(k).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_the_map_draws_provinces_and_places_offline(report):
    page, seen, url = report
    assert seen["errors"] == []
    assert [u for u in seen["requests"] if u != url] == []
    traces = page.evaluate("document.getElementById('map').data.map(t => [t.name, (t.locations || t.lat).length])")
    assert traces[0] == ["places", 4] and traces[2] == ["province", 34] and traces[3][0] == "city"
    assert page.locator("#map .choroplethlocation").count() >= 34


def test_it_opens_on_the_most_reported_programme_with_its_timeline(report):
    page, _, _ = report
    assert page.evaluate("govkgReport.data.programmes[govkgReport.programme].label") == "红船枫警"
    assert page.evaluate("govkgReport.timeline") == {"dated": [["南湖区", "2022-03-01"], ["嘉兴市", "2022-03-01"]],  # by date, then name
                                                     "undated": ["柳州市"]}
    assert "柳州市" in page.inner_text("#undated")
    assert page.locator("#timeline .scatterlayer .point").count() == 2


def test_clicking_a_place_shows_its_programmes_officials_and_statistics_with_evidence(report):
    page, seen, _ = report
    _click_place(page, "嘉兴市")
    page.wait_for_function("() => govkgReport.shown === '嘉兴市'")
    panel = page.inner_text("#panel")
    assert "红船枫警" in panel and "嘉兴市公安局" in panel and "王建华" in panel and "局长" in panel
    assert "违法犯罪警情 21.2%" in panel
    assert "嘉兴市公安局推出“红船枫警”工作机制，在南湖区全面推行。" in panel
    assert "100_aaaaaaaaaaaaaaaa.txt:3" in panel                 # file:line of the sentence
    assert "南湖区" in panel                                      # a place within the city
    assert seen["errors"] == []


def test_choosing_a_programme_marks_its_places_and_lists_its_evidence(report):
    page, _, _ = report
    page.select_option("#programme", label="警民通 (1)")
    page.wait_for_function("() => govkgReport.shown === '警民通'")
    assert page.evaluate("document.getElementById('map').data[1].text") == ["柳州市"]
    assert "柳州市公安局上线“警民通”平台，群众注册用户达1.3万名。" in page.inner_text("#panel")
    assert page.evaluate("govkgReport.timeline") == {"dated": [], "undated": ["柳州市"]}


def test_tables_sort_and_a_row_opens_its_evidence(report):
    page, _, _ = report
    header = page.locator("#table-agency th", has_text="名称 Name")
    header.click()
    names = page.locator("#table-agency tbody tr td:first-child").all_inner_texts()
    assert names == sorted(names)
    header.click()
    assert page.locator("#table-agency tbody tr td:first-child").all_inner_texts() == sorted(names, reverse=True)
    page.locator("#table-person tbody tr", has_text="王建华").click()
    assert page.inner_text("#panel h2") == "王建华"
    assert "王建华介绍" in page.inner_text("#panel")


def test_zooming_in_draws_the_city_borders(report):
    page, seen, _ = report
    assert page.evaluate("document.getElementById('map')._fullData[3].visible") is False
    page.evaluate("Plotly.relayout('map', {'geo.projection.scale': 4})")
    page.wait_for_function("() => document.getElementById('map')._fullData[3].visible === true")
    page.evaluate("Plotly.relayout('map', {'geo.projection.scale': 1})")
    page.wait_for_function("() => document.getElementById('map')._fullData[3].visible === false")
    assert seen["errors"] == []
