"""Clean: PDF debris out, line structure and the map back to raw offsets kept."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.clean import normalize_text

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def clean(text: str) -> str:
    return normalize_text(text).text


@pytest.mark.parametrize("raw, want", [
    ("全 市 违 法 犯 罪", "全市违法犯罪"),
    ("承德现有农村食品安全协管员 2904 名，覆盖全市所有", "承德现有农村食品安全协管员2904名，覆盖全市所有"),
    ("2022 年 ，全 市 违 法 犯 罪 警 情 同 比 下 降", "2022年，全市违法犯罪警情同比下降"),
    ("本报石家庄 12月 27日电 （刘文波、林海娇）前不久，在河北省",
     "本报石家庄12月27日电（刘文波、林海娇）前不久，在河北省"),
    ("体 系 ，深 化 街 道“ 大 工 委 ”、社 区“ 大 党", "体系，深化街道“大工委”、社区“大党"),
    ("抓捕。 5 月 14 日，成功抓获 4 名犯罪嫌疑", "抓捕。5月14日，成功抓获4名犯罪嫌疑"),
    ("21.2%，刑事案件破案数同比上升 28.4%，电", "21.2%，刑事案件破案数同比上升28.4%，电"),
])
def test_stray_pdf_spaces_go(raw, want):
    assert clean(raw) == want


@pytest.mark.parametrize("text", [
    "推动干部下沉 贴心服务群众",
    "警务更智慧 服务更高效",
    "本报记者 王明峰 李凯旋",
    "【王荣花 吴宏攀】",
])
def test_spaces_that_separate_words_stay(text):
    assert clean(text) == text


def test_spaces_between_latin_words_and_numbers_stay():
    assert clean("连上Wi Fi后打开APP 1.0版") == "连上Wi Fi后打开APP 1.0版"
    assert clean("打开 APP ，王鹏将情况上报") == "打开APP，王鹏将情况上报"


def test_full_width_letters_digits_and_brackets():
    assert clean("ＡＰＰ１２３４５，成功率９８％以上") == "APP12345，成功率98%以上"
    assert clean("推行“一村(居)一警”警务工作机制") == "推行“一村（居）一警”警务工作机制"
    assert clean("惠州是珠三角中心城市之一,也是农业大市。") == "惠州是珠三角中心城市之一，也是农业大市。"
    assert clean("早上6:35,吕金贵在1,000米外") == "早上6:35，吕金贵在1,000米外"
    assert clean("【李长友】") == "【李长友】"


def test_invisible_debris_and_page_numbers_go_lines_stay():
    raw = "近年来，\u200b成都公安\ufffd以健全完善\n\f\n  12  \n“全警反诈”机制为抓手"
    result = normalize_text(raw)
    assert result.text == "近年来，成都公安以健全完善\n\n\n\n“全警反诈”机制为抓手"
    assert result.text.count("\n") == raw.count("\n") + raw.count("\f")


def test_traditional_becomes_simplified_with_offsets_on_the_original():
    raw = "升級改造“天網” 視頻監控系統"
    result = normalize_text(raw)
    assert result.text == "升级改造“天网”视频监控系统"
    i = result.text.index("统")
    assert raw[result.offsets[i]] == "統"
    i = result.text.index("视")
    assert raw[result.offsets[i]] == "視"


def test_offsets_point_at_the_raw_character():
    raw = "2022 年 ，全 市 违 法 犯 罪 警 情\nＡＰＰ 1.3 万多件。"
    result = normalize_text(raw)
    assert len(result.offsets) == len(result.text)
    assert result.offsets == sorted(result.offsets)
    for i, ch in enumerate(result.text):
        original = raw[result.offsets[i]]
        assert original == ch or clean(original) == ch, (i, ch, original)
    assert result.raw_span(0, 5) == (0, 6)          # "2022年" covers "2022 年"


def test_offsets_on_whole_corpus_files():
    for path in sorted(CORPUS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        result = normalize_text(raw)
        assert len(result.offsets) == len(result.text)
        assert all(a < b for a, b in zip(result.offsets, result.offsets[1:]))
        for i, ch in enumerate(result.text):
            original = raw[result.offsets[i]]
            assert original == ch or clean(original) == ch or ch in "，；：？！（）", (path.name, i)


def test_idempotent_on_corpus_and_rules():
    samples = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    samples += ["全 市 违 法", "Wi Fi,中国 (APP) 2 0 名", "升級改造“天網”", "\f 3 \n", "  a  b  "]
    for text in samples:
        once = clean(text)
        assert clean(once) == once


def test_line_structure_is_kept():
    raw = (Path(next(CORPUS.glob("000*.txt")))).read_text(encoding="utf-8")
    assert clean(raw).count("\n") == raw.count("\n")


def test_standard_simplified_characters_survive_the_traditional_folding():
    # 孃孃 is Sichuan for "aunties" and standard in simplified text; the line also has
    # traditional characters, which are folded as usual.
    clean = normalize_text("培育了“春熙孃孃”等品牌，這是測試").text
    assert "春熙孃孃" in clean and "这是测试" in clean


def test_a_letter_spaced_stretch_inside_a_normal_line():
    # PDF justification spaces out part of a line only; word spaces elsewhere stay
    assert normalize_text("年，全 区 综 治 中 心 共受理矛盾纠纷 4318 件").text == "年，全区综治中心共受理矛盾纠纷4318件"
    assert normalize_text("江夏区分局还与 江 夏 区 人 民 检 察 院建立协作机制").text == \
        "江夏区分局还与江夏区人民检察院建立协作机制"
    assert normalize_text("推动干部下沉 贴心服务群众").text == "推动干部下沉 贴心服务群众"


def test_pinyin_glosses_of_a_mirror_site_go():
    raw = "近兩年來(lái),各地區(qū)均在積極探索城鄉(xiāng)基層治理體系智能化轉(zhuǎn)型。"
    got = normalize_text(raw)
    assert got.text == "近两年来，各地区均在积极探索城乡基层治理体系智能化转型。"
    assert raw[got.offsets[got.text.index("各")]] == "各"
    assert clean("手机(app)下载，畲族(she)") == "手机（app）下载，畲族（she）"   # no tone mark: no gloss
