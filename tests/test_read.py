"""Read: every encoding a Chinese text file comes in, and files that are not text."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from kg.read import read_source, source_files

PARAGRAPH = ("本报石家庄 12月 27日电 （刘文波、林海娇）前不久，在河北省\n\n"
             "承德市滦平县两间房村，村民黄树伶一大早就来到了本村的大集\n\n"
             "上。作为村里的食品安全协管员，他在商贩经营点上仔细询问、认真\n")
TRADITIONAL = "升級改造“天網”視頻監控系統，在火車站、汽車站等重點部位安裝人臉採集設備。\n"

ENCODINGS = {
    "utf-8": PARAGRAPH.encode("utf-8"),
    "utf-8-bom": codecs.BOM_UTF8 + PARAGRAPH.encode("utf-8"),
    "gb18030": PARAGRAPH.encode("gb18030"),
    "gbk": PARAGRAPH.encode("gbk"),
    "utf-16-le-bom": codecs.BOM_UTF16_LE + PARAGRAPH.encode("utf-16-le"),
    "utf-16-be-bom": codecs.BOM_UTF16_BE + PARAGRAPH.encode("utf-16-be"),
    "utf-16-le": PARAGRAPH.encode("utf-16-le"),
    "utf-16-be": PARAGRAPH.encode("utf-16-be"),
}


@pytest.mark.parametrize("name", ENCODINGS)
def test_each_encoding_round_trips_a_corpus_paragraph(tmp_path, name):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(ENCODINGS[name])
    source = read_source(path)
    assert source.ok, source.problem
    assert source.text == PARAGRAPH
    assert source.name == f"{name}.txt"


def test_traditional_characters_are_kept_as_printed(tmp_path):
    path = tmp_path / "big5ish.txt"
    path.write_bytes(TRADITIONAL.encode("gb18030"))
    source = read_source(path)
    assert source.ok and source.text == TRADITIONAL


def test_crlf_and_cr_become_lf(tmp_path):
    path = tmp_path / "dos.txt"
    path.write_bytes("第一行。\r\n第二行。\r第三行。".encode("gbk"))
    assert read_source(path).text == "第一行。\n第二行。\n第三行。"


def test_empty_file_is_a_problem(tmp_path):
    for name, data in (("empty.txt", b""), ("blank.txt", b" \n\r\n\t")):
        path = tmp_path / name
        path.write_bytes(data)
        source = read_source(path)
        assert source.problem == "empty file" and source.text == ""


def test_binary_file_is_a_problem(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    source = read_source(path)
    assert source.problem == "binary file, not text" and source.text == ""


def test_undecodable_bytes_are_a_problem_not_garbage(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([0x81, 0x30, 0xFF, 0xFE, 0x80]) * 50)
    source = read_source(path)
    assert not source.ok and source.text == ""
    assert source.problem.startswith(("cannot decode", "binary"))


def test_html_saved_as_txt_gives_its_text(tmp_path):
    html = ("<!DOCTYPE html><html><head><meta charset=\"gbk\"><title>页</title>"
            "<style>p {color: red}</style></head><body><h1>河北承德设立农村食品安全协管员</h1>"
            "<p>据介绍，承德现有农村食品安全协管员 2904 名，覆盖全市所有行政村。</p></body></html>")
    path = tmp_path / "page.txt"
    path.write_bytes(html.encode("gbk"))
    source = read_source(path)
    assert source.ok
    assert "河北承德设立农村食品安全协管员" in source.text
    assert "据介绍，承德现有农村食品安全协管员 2904 名" in source.text
    assert "<" not in source.text and "color" not in source.text


def test_folders_expand_to_sorted_visible_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("乙", encoding="utf-8")
    (tmp_path / "1.txt").write_text("甲", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("丙", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("丁", encoding="utf-8")
    single = tmp_path / "b" / "2.txt"
    assert source_files([tmp_path, single]) == ([tmp_path / "1.txt", single, single], [])


def test_missing_path_names_itself(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(FileNotFoundError, match="nope.txt"):
        source_files([missing])


def test_fixture_files_decode(tmp_path):
    fixtures = Path(__file__).parent / "fixtures"
    for path in sorted(fixtures.glob("*.txt")):
        source = read_source(path)
        assert source.ok, (path.name, source.problem)
        assert "承德" in source.text or "天網" in source.text
