"""Where each file came from: sources.csv, page headers, web info lines and datelines give
every article a typed date, a publisher and an address, and never a guessed year."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from kg.api import KnowledgeGraph
from kg.cli import main
from kg.clean import normalize_text
from kg.dates import dateline_day, find_date, parse_date
from kg.model import SourceText
from kg.pipeline import extract_source

D = datetime.date
ROOT = Path(__file__).resolve().parents[1]

BRIEF = ("郓城推行“说事评理”调解机制\n"
         "本报济南12月31日电（记者 王明）山东省郓城县推行“说事评理”调解机制，"
         "全县矛盾纠纷调解成功率达98%。\n")
WEB_TEXT = ("平顶山推行网格员积分制\n\n"
            "发布时间：2024-03-18 10:20 来源：平顶山日报\n\n"
            "河南省平顶山市推行网格员积分制管理，全市已配备专职网格员3200名。\n")


def articles_of(text: str, name: str = "page.txt", given=None):
    extractions, problems = extract_source(SourceText(path=name, name=name, text=text), given)
    return [e.article for e in extractions], problems


def test_a_page_header_dates_its_articles_and_gives_the_dateline_its_year():
    header = "2024年1月2日 星期二 第5版\n"
    (article,), _ = articles_of(header + BRIEF)
    assert article.date == D(2024, 1, 2)
    assert article.dateline_date == D(2023, 12, 31)       # filed before it was printed
    assert article.date_text == "12月31日"


def test_in_a_text_of_several_pages_each_header_dates_the_articles_after_it():
    second = WEB_TEXT.replace("发布时间：2024-03-18 10:20 来源：平顶山日报", "本报记者 李华")
    text = "2024年1月2日 星期二 第5版\n" + BRIEF + "\n2024年1月3日 星期三 第1版\n" + second
    first, after = articles_of(text)[0]
    assert (first.date, after.date) == (D(2024, 1, 2), D(2024, 1, 3))


def test_one_title_for_a_page_of_articles_keeps_their_headlines():
    from kg.model import DocumentInfo
    second = WEB_TEXT.replace("发布时间：2024-03-18 10:20 来源：平顶山日报", "本报记者 李华")
    articles, problems = articles_of(BRIEF + "\n" + second, given=DocumentInfo(title="第5版"))
    assert [a.title for a in articles] == ["郓城推行“说事评理”调解机制", "平顶山推行网格员积分制"]
    assert [p.message for p in problems] == [
        "the sources file gives one title for 2 articles; their headlines are kept"]


def test_a_dateline_without_any_year_stays_without_a_date():
    (article,), _ = articles_of(BRIEF)
    assert article.date is None and article.dateline_date is None


def test_web_info_line_gives_date_and_publisher_and_is_no_sentence():
    (article,), _ = articles_of(WEB_TEXT)
    assert article.title == "平顶山推行网格员积分制"
    assert (article.date, article.publisher) == (D(2024, 3, 18), "平顶山日报")
    assert [s.text for s in article.sentences] == [
        "河南省平顶山市推行网格员积分制管理，全市已配备专职网格员3200名。"]


@pytest.mark.parametrize("line", ["时间：2024-03-18", "日期：2024年3月18日", "2024-03-18 08:00 | 来源：平顶山日报"])
def test_other_info_lines_date_the_article(line):
    (article,), _ = articles_of(WEB_TEXT.replace("发布时间：2024-03-18 10:20 来源：平顶山日报", line))
    assert article.date == D(2024, 3, 18)


def test_a_sources_row_overrides_the_text(tmp_path):
    from kg.model import DocumentInfo
    given = DocumentInfo(title="郓城“说事评理”", date=D(2023, 6, 1), publisher="菏泽日报",
                         url="https://example.cn/a.html")
    (article,), _ = articles_of("2024年1月2日 星期二 第5版\n" + BRIEF, given=given)
    assert (article.title, article.date, article.publisher, article.url) == (
        "郓城“说事评理”", D(2023, 6, 1), "菏泽日报", "https://example.cn/a.html")
    # a year alone dates the dateline, and through it the article
    (article,), _ = articles_of(BRIEF, given=DocumentInfo(year=2022))
    assert article.dateline_date == article.date == D(2022, 12, 31)


def _folder(tmp_path, rows: str):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "brief.txt").write_text(BRIEF, encoding="utf-8")
    (folder / "web.txt").write_text(WEB_TEXT, encoding="utf-8")
    (folder / "sources.csv").write_bytes(rows.encode("gb18030"))     # as Excel saves it
    return folder


def test_sources_csv_in_the_folder_dates_the_graph(tmp_path, capsys):
    folder = _folder(tmp_path, "file,title,date,publisher,url\n"
                               "brief.txt,,2024-01-05,菏泽日报,https://example.cn/b.html\n"
                               "missing.pdf,,2024,,\n")
    assert main(["build", str(folder), "-o", str(tmp_path / "out"), "-q",
                 "-f", "turtle", "-f", "html"]) == 0
    assert "sources.csv:3: no input file is called missing.pdf" in capsys.readouterr().err
    # the explorer lists an entity's articles with their dates
    assert "2024-01-05 郓城推行“说事评理”调解机制" in (tmp_path / "out" / "graph.html").read_text(
        encoding="utf-8")
    graph = KnowledgeGraph.load(tmp_path / "out" / "graph.ttl")
    rows = graph.articles()
    assert [(r["source_file"], r["date"], r["publisher"], r["dateline_date"]) for r in rows] == [
        ("brief.txt", "2024-01-05", "菏泽日报", "2023-12-31"),
        ("web.txt", "2024-03-18", "平顶山日报", "")]
    from kg.vocab import DCTERMS, XSD
    dates = list(graph.to_rdflib().objects(None, DCTERMS.date))
    assert len(dates) == 2 and all(d.datatype == XSD.date for d in dates)
    assert [str(u) for u in graph.to_rdflib().objects(None, DCTERMS.source)] == ["https://example.cn/b.html"]
    by_date = graph.query((ROOT / "queries" / "articles-by-date.rq").read_text(encoding="utf-8"))
    assert [str(r["source_file"]) for r in by_date] == ["brief.txt", "web.txt"]


@pytest.mark.parametrize("rows, message", [
    ("file,title,date\nbrief.txt,,2024-02-30\n", "sources.csv:2: no such day: 2024-02-30"),
    ("name,date\nbrief.txt,2024\n", "sources.csv:1: no 'file' column"),
    ("file,when\nbrief.txt,2024\n", "sources.csv:1: unknown column 'when'"),
    ("file,url\nbrief.txt,www.example.cn\n", "sources.csv:2: the url 'www.example.cn' is not"),
    ("file,date\nbrief.txt,2024\nbrief.txt,2023\n", "sources.csv:3: brief.txt has a row already"),
])
def test_a_bad_sources_file_is_a_usage_error_with_its_line(tmp_path, capsys, rows, message):
    folder = _folder(tmp_path, rows)
    assert main(["build", str(folder), "-o", str(tmp_path / "out"), "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_sources_option_names_another_file_and_the_cache_key_holds_its_row(tmp_path):
    folder = _folder(tmp_path, "file\n")
    table = tmp_path / "where.csv"
    out = tmp_path / "out"
    for day in ("2024-01-05", "2024-01-06"):
        table.write_text(f"file,date\nbrief.txt,{day}\n", encoding="utf-8")
        assert main(["build", str(folder), "--sources", str(table), "-o", str(out), "-q",
                     "--cache", str(tmp_path / "cache")]) == 0
        rows = KnowledgeGraph.load(out / "graph.ttl").articles()
        assert rows[0]["date"] == day


def test_dates_as_people_write_them():
    assert parse_date("2024-05-15") == (D(2024, 5, 15), 2024)
    assert parse_date("2024年5月15日") == (D(2024, 5, 15), 2024)
    assert parse_date("2024/5/15") == (D(2024, 5, 15), 2024)
    assert parse_date("2024") == parse_date("2024-05") == (None, 2024)
    assert parse_date("") == (None, None)
    with pytest.raises(ValueError):
        parse_date("15/05/2024")
    assert find_date("2024年5月15日 星期三 第5版") == D(2024, 5, 15)
    assert dateline_day("2月29日", D(2024, 3, 1)) == D(2024, 2, 29)
    assert dateline_day("2月29日", D(2023, 3, 1)) is None          # no such day that year
    assert dateline_day("12月27日", None) is None


def test_compatibility_forms_from_pdfs_are_folded_in_place():
    raw = "禁⽌酒驾︐⻄湖区试点︵网格化︶﹐全⾯推开︒"
    clean = normalize_text(raw)
    assert clean.text == "禁止酒驾，西湖区试点（网格化），全面推开。"
    assert len(clean.offsets) == len(clean.text) and clean.offsets[-1] == len(raw) - 1


WEB = ROOT / "tests" / "fixtures" / "web"


@pytest.mark.parametrize("name, date, publisher", [
    ("fuzhou_photo_story.txt", D(2014, 3, 14), "福州新闻网"),           # 作者：… 来源：… 【字号
    ("epaper_reader.txt", D(2026, 1, 8), ""),                        # 版次's date, not the bar's 2026-01-23
    ("mirror_glosses.txt", D(2025, 7, 2), "新甘肃·甘肃法治报"),
    ("heze_deck.txt", D(2025, 4, 29), "菏泽日报"),
    ("jingmen_editors.txt", None, "荆门广播电视台"),                    # 来源 under the text
    ("xinhua_dateline.txt", None, "新华网"),                           # the site of its dateline
])
def test_a_web_page_is_dated_and_published_by_its_info_lines(name, date, publisher):
    from kg.read import read_source
    extractions, _ = extract_source(read_source(WEB / name))
    (article,) = [e.article for e in extractions]
    assert (article.date, article.publisher) == (date, publisher)


def test_a_reprint_is_published_by_the_paper_it_was_taken_from():
    text = WEB_TEXT.replace("发布时间：2024-03-18 10:20 来源：平顶山日报",
                            "文章来源：某某网|添加时间：2024/3/18 9:41:30") + "摘自：平顶山日报\n"
    (article,), _ = articles_of(text)
    assert (article.date, article.publisher) == (D(2024, 3, 18), "平顶山日报")
    assert [s.text for s in article.sentences] == [
        "河南省平顶山市推行网格员积分制管理，全市已配备专职网格员3200名。"]
