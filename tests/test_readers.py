"""Reading what users hold: e-paper PDFs, saved web pages and Word files made from a
bundled page find what the page as `.txt` finds, with the right titles and dates;
scanned, encrypted and broken files cost only themselves."""
from __future__ import annotations

import datetime
import io
import shutil

import pytest

from kg.api import KnowledgeGraph
from kg.cli import main
from kg.model import SourceText
from kg.read import read_source
from kg.readers.pdf import xy_cut
from kg.split import split_articles
from tests import makedocs

PAGE = makedocs.CORPUS / "000_74abfd0e8a4106d5.txt"
ISSUE_DAY = datetime.date(2023, 12, 28)          # makedocs.PAGE_HEADER's date
SITE, DAY = "示例日报网", "2023-12-28"


def entity_f1(ours: KnowledgeGraph, reference: KnowledgeGraph) -> float:
    """F1 of one build's (type, label) entities against another's."""
    a = {(e["type"], e["label"]) for e in ours.entities()}
    b = {(e["type"], e["label"]) for e in reference.entities()}
    return 2 * len(a & b) / (len(a) + len(b))


@pytest.fixture(scope="module")
def stories():
    return makedocs.stories(PAGE)


@pytest.fixture(scope="module")
def as_text(tmp_path_factory):
    folder = tmp_path_factory.mktemp("txt")
    shutil.copy(PAGE, folder)
    return KnowledgeGraph.build([folder])


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, stories):
    """The page as a PDF, as web pages (one a story, each kind of site chrome) and as a
    Word file, in separate folders, plus one folder holding them all and the .txt."""
    root = tmp_path_factory.mktemp("mixed")
    folders = {kind: root / kind for kind in ("pdf", "html", "docx", "all")}
    for folder in folders.values():
        folder.mkdir()
    (folders["pdf"] / "page.pdf").write_bytes(makedocs.two_column_pdf(stories))
    (folders["docx"] / "page.docx").write_bytes(makedocs.word_file(stories))
    styles = list(makedocs.PAGE_STYLES)
    for k, story in enumerate(stories):
        page = makedocs.styled_page(story, styles[k % len(styles)], site=SITE, date=DAY,
                                    url=f"https://www.example.cn/a/{k}.html")
        (folders["html"] / f"story{k}.html").write_text(page, encoding="utf-8")
    for kind in ("pdf", "html", "docx"):
        for path in folders[kind].iterdir():
            shutil.copy(path, folders["all"])
    shutil.copy(PAGE, folders["all"])
    return folders


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
def test_each_format_finds_what_the_text_finds(mixed, as_text, stories, kind):
    graph = KnowledgeGraph.build([mixed[kind]])
    assert not [p for p in graph.problems if "no headline" in str(p)], graph.problems
    assert entity_f1(graph, as_text) >= 0.97
    titles = {row["title"] for row in graph.articles()}
    assert titles == {s.title for s in stories}


@pytest.mark.slow
def test_pdf_articles_have_their_page_date_and_page(mixed):
    graph = KnowledgeGraph.build([mixed["pdf"]])
    rows = graph.articles()
    assert {r["date"] for r in rows} == {ISSUE_DAY.isoformat()}
    assert [r["source_page"] for r in rows] == ["1", "2", "3", "5", "6"]
    assert {r["dateline_date"] for r in rows} == {"2023-12-27", ""}
    # the third story runs on from page 3 to page 4: what it says there is on page 4
    said = {(r["evidence"][:9], r["source_page"]) for r in graph.relations()}
    assert ("成都市公安局信通处", "4") in said
    assert {"1", "2", "3", "5", "6"} <= {r["source_page"] for r in graph.statistics()}


@pytest.mark.slow
def test_web_pages_give_date_site_and_address(mixed, stories):
    rows = KnowledgeGraph.build([mixed["html"]]).articles()
    assert len(rows) == len(stories)
    assert {(r["date"], r["publisher"]) for r in rows} == {(DAY, SITE)}
    assert sorted(r["url"] for r in rows) == [f"https://www.example.cn/a/{k}.html"
                                             for k in range(len(stories))]


@pytest.mark.slow
def test_a_mixed_folder_builds_the_same_in_workers_and_from_the_cache(mixed, tmp_path, as_text):
    out, again = tmp_path / "one", tmp_path / "two"
    assert main(["build", str(mixed["all"]), "-o", str(out), "-q"]) == 0
    assert main(["build", str(mixed["all"]), "-o", str(again), "-q", "-j", "2",
                 "--cache", str(tmp_path / "cache")]) == 0
    assert main(["build", str(mixed["all"]), "-o", str(again), "-q",
                 "--cache", str(tmp_path / "cache")]) == 0
    first = (out / "graph.ttl").read_bytes()
    assert first == (again / "graph.ttl").read_bytes()
    graph = KnowledgeGraph.load(out / "graph.ttl")
    files = {r["source_file"] for r in graph.articles()}
    assert files == {"page.pdf", "page.docx", PAGE.name} | {f"story{k}.html" for k in range(5)}


def test_word_headings_are_headlines(stories):
    data = makedocs.word_file(stories[:2])
    source = read_source_bytes(data, "notice.docx")
    articles, _ = split_articles(source)
    assert [a.title for a in articles] == [s.title for s in stories[:2]]
    assert articles[0].reporters == ["刘文波", "林海娇"]


def test_web_page_chrome_is_left_out(stories):
    page = makedocs.web_page(stories[0], site=SITE, url="https://www.example.cn/a/1.html",
                             date=DAY)
    source = read_source_bytes(page.encode("utf-8"), "page.htm")
    for chrome in ("首页", "分享到", "相关新闻", "版权所有", "热点排行", "当前位置"):
        assert chrome not in source.text
    articles, _ = split_articles(source)
    assert [a.title for a in articles] == [stories[0].title]
    assert not any("发布时间" in s.text or "来源：" in s.text for s in articles[0].sentences)
    assert source.info.url == "https://www.example.cn/a/1.html"


class Box:
    def __init__(self, x0, y0, x1, y1, name):
        self.x0, self.y0, self.x1, self.y1, self.name = x0, y0, x1, y1, name


def test_reading_order_is_columns_under_a_headline_across_them():
    # a headline across two columns whose paragraph breaks line up at y=400
    boxes = [Box(300, 410, 540, 700, "right-1"), Box(50, 720, 540, 760, "headline"),
             Box(50, 100, 290, 400, "left-2"), Box(300, 100, 540, 400, "right-2"),
             Box(50, 410, 290, 700, "left-1"), Box(50, 40, 540, 80, "footer")]
    assert [b.name for b in xy_cut(boxes)] == ["headline", "left-1", "left-2", "right-1",
                                               "right-2", "footer"]


def read_source_bytes(data: bytes, name: str) -> SourceText:
    from kg.read import decode_bytes
    return decode_bytes(data, SourceText(path=name, name=name))


# ------------------------------------------------------------------ files that cost only themselves

def _scanned_pdf() -> bytes:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = io.BytesIO()
    Image.new("L", (200, 100), 200).save(picture, format="PNG")
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawImage(ImageReader(io.BytesIO(picture.getvalue())), 50, 500, 400, 200)
    page.save()
    return buffer.getvalue()


def _encrypted_pdf(stories) -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(makedocs.two_column_pdf(stories[:1])))
    writer.encrypt(user_password="secret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_scanned_encrypted_and_broken_files_get_one_line_each(tmp_path, stories, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    good = makedocs.two_column_pdf(stories[:1])
    (folder / "scan.pdf").write_bytes(_scanned_pdf())
    (folder / "locked.pdf").write_bytes(_encrypted_pdf(stories))
    (folder / "cut.pdf").write_bytes(good[: len(good) // 3])
    (folder / "junk.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 300)
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (folder / "good.pdf").write_bytes(good)
    assert main(["build", str(folder), "-o", str(tmp_path / "out"), "-f", "turtle"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    by_file = {line.split(":")[0].rsplit("/", 1)[-1]: line for line in err}
    assert "no text layer (scanned; needs OCR)" in by_file["scan.pdf"]
    assert "encrypted PDF" in by_file["locked.pdf"]
    assert "broken PDF" in by_file["cut.pdf"] and "broken PDF" in by_file["junk.pdf"]
    assert "broken Word file" in by_file["broken.docx"]
    assert "save it as .docx" in by_file["old.doc"]
    assert "good.pdf" not in by_file and len(err) == 6, err
    titles = [r["title"] for r in KnowledgeGraph.load(tmp_path / "out").articles()]
    assert titles == [stories[0].title]


def test_a_pdf_page_without_text_is_named():
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(makedocs.two_column_pdf(
        makedocs.stories(PAGE)[:1])))
    writer.add_blank_page()
    buffer = io.BytesIO()
    writer.write(buffer)
    source = read_source_bytes(buffer.getvalue(), "two.pdf")
    assert source.ok and source.notes == ["page 2: no text layer (scanned; needs OCR)"]
