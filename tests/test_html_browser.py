"""The explorer page in a real browser: headless Debian Chromium driven by Playwright.

CI installs both (`apt-get install -y chromium`, `pip install playwright`);
the tests skip, saying why, only where one of them is missing.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.export.html import explorer_data, render_page
from test_html import EVIL, sample_dataset

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)",
                allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api",
                                 reason="the playwright package is not installed (pip install playwright)")


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Page:
    """A page opened from file://, recording console errors, requests and dialogs."""

    def __init__(self, browser, path: Path):
        self.url = path.resolve().as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(self.url)
        self.page.wait_for_function("() => window.govkg && window.govkg.ready", timeout=20_000)

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def search(self, text: str) -> None:
        self.page.fill("#search", text)
        self.page.press("#search", "Enter")
        self.page.wait_for_selector("#panel:not([hidden])")

    def network_requests(self) -> list[str]:
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]


def open_page(browser, tmp_path: Path, data: dict, name: str = "graph.html") -> Page:
    path = tmp_path / name
    path.write_text(render_page(data), encoding="utf-8")
    return Page(browser, path)


@pytest.fixture
def page(browser, tmp_path):
    opened = open_page(browser, tmp_path, explorer_data(sample_dataset()))
    yield opened
    opened.page.close()


def test_page_loads_offline_with_every_node_and_no_errors(page):
    assert page.errors == []
    assert page.network_requests() == []
    assert page.js("govkg.nodes.length") == 14           # the 3 statistics wait in their panels
    assert page.js("govkg.edges.length") == 13
    assert page.js("govkg.network.body.data.nodes.length") == 14
    assert page.js("govkg.network.physics.physicsEnabled") is False      # settled, then stopped


def test_search_by_alias_focuses_the_node_and_the_panel_shows_evidence(page):
    page.search("厕所革命")                                   # an alias of 农村厕所革命
    selected = "govkg.network.getSelectedNodes().map(id => govkg.data.details[id].label)"
    assert page.js(selected) == ["农村厕所革命"]
    panel = page.page.inner_text("#panel")
    assert "农村厕所革命" in panel and "厕所革命" in panel
    assert "徐州市农业农村局牵头实施农村厕所革命。" in panel                  # relation evidence
    assert "全市农村卫生厕所普及率达95.5%。" in panel                          # statistic evidence
    assert "徐州推进农村厕所革命" in panel                                     # the article
    assert page.errors == []


def test_clicking_a_relation_in_the_panel_moves_to_that_node(page):
    page.search("承德")
    page.page.get_by_role("link", name="承德市市场监督管理局").first.click()
    assert page.page.inner_text("#panel h2") == "承德市市场监督管理局"
    assert "局长" in page.page.inner_text("#panel")


def test_type_filter_and_region_filter_hide_nodes(page):
    visible = "govkg.nodes.get({filter: n => !n.hidden}).map(n => n.label).sort()"
    assert not page.page.locator("#legend input[value=statistic]").is_checked()
    shown = page.js(visible)
    assert len(shown) == 14 and "农村食品安全协管员 2904名" not in shown
    page.page.locator("#legend input[value=statistic]").check()          # draws them
    assert len(page.js(visible)) == 17
    page.page.select_option("#region", label="河北省")
    assert set(page.js(visible)) == {"河北省", "承德市", "承德市市场监督管理局", "农村食品安全协管员制度",
                                     "王建国", "农村食品安全协管员 2904名"}
    page.page.click("#reset")
    assert len(page.js(visible)) == 14


def test_neighbourhood_only_shows_the_selected_node_and_its_neighbours(page):
    page.search("邳州市")
    page.page.check("#neighbourhood")
    shown = set(page.js("govkg.nodes.get({filter: n => !n.hidden}).map(n => n.label)"))
    assert shown == {"邳州市", "徐州市", "农村厕所革命", "新建改建农村户厕 12000座"}


def test_places_group_by_province(page):
    page.page.check("#group")
    clusters = page.js("Object.keys(govkg.network.body.nodes).filter(id => govkg.network.isCluster(id))")
    assert len(clusters) == 2
    page.page.uncheck("#group")
    assert page.js("Object.keys(govkg.network.body.nodes).filter(id => govkg.network.isCluster(id))") == []
    assert page.errors == []


def test_names_with_markup_show_as_text(browser, tmp_path):
    evil = open_page(browser, tmp_path, explorer_data(sample_dataset(evil=True)))
    evil.search("alert")
    assert evil.page.inner_text("#panel h2") == EVIL
    evil.search("厕所革命")
    assert EVIL in evil.page.inner_text("#panel")
    assert evil.dialogs == [] and evil.errors == []
    assert evil.js("document.querySelectorAll('script').length") == 3
    assert evil.js("document.querySelectorAll('#panel script, #suggestions script').length") == 0


def test_large_graphs_open_on_a_focused_view_that_expands(browser, tmp_path):
    focused = open_page(browser, tmp_path, explorer_data(sample_dataset(), max_nodes=4))
    assert focused.js("govkg.nodes.length") == 4
    assert "双击展开" in focused.page.inner_text("#status")
    focused.search("邳州")                                  # not drawn yet: search brings it in
    assert focused.js("govkg.nodes.length") == 5
    focused.page.click("#expand")
    assert focused.js("govkg.nodes.length") > 5
    assert focused.errors == [] and focused.network_requests() == []


def test_focus_pages_open_on_the_named_node(browser, tmp_path):
    focused = open_page(browser, tmp_path, explorer_data(sample_dataset(), focus="徐州"))
    assert focused.page.inner_text("#panel h2") == "徐州市"
    assert focused.errors == []


def test_the_page_says_how_to_use_it_and_names_its_hubs(page):
    assert "Click a node" in page.page.inner_text("#how")
    hubs = page.js("govkg.hubs.map(id => govkg.data.details[id].label)")
    assert hubs[:2] == ["承德市", "农村厕所革命"]
    sizes = page.js("govkg.hubs.map(id => govkg.nodes.get(id).font.size)")
    assert min(sizes) >= 14                                 # readable at the overview's zoom


def test_a_filter_zooms_to_what_it_leaves(page):
    before = page.js("govkg.network.getScale()")
    page.page.select_option("#region", label="河北省")
    assert page.js("govkg.fitted") == 5                     # 河北省, 承德市, its bureau, programme, official
    assert page.js("govkg.network.getScale()") > before


def test_reporters_are_one_node_listing_them(page):
    page.search("Reporters")
    panel = page.page.inner_text("#panel")
    assert "记者 Reporters (1)" in panel and "李明" in panel
    assert "徐州推进农村厕所革命" in panel and page.errors == []


def test_the_panel_shows_the_whole_iri_and_each_relation_once_per_end(page):
    page.search("承德市市场监督管理局")
    panel = page.page.inner_text("#panel")
    assert "https://w3id.org/govkg/id/agency/承德市市场监督管理局" in panel
    names = page.js("govkg.data.details[govkg.network.getSelectedNodes()[0]].relations.map(r => r.dir + ' ' + r.name)")
    assert names == ["in 任职 member of: 局长", "in 实施单位 implemented by", "out 位于 located in"]
