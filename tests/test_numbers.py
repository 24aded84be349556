"""Numbers as printed in governance reports, read into value, unit and qualifier."""
from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Article, Sentence
from kg.pipeline import analyse
from kg.relate.numbers import find_quantities, parse_quantity


def figures(sentence: str) -> list[str]:
    """The quantities of a sentence that the rules of kg/rules/statistics.yaml keep as figures."""
    doc = analyse(Article("t.txt", 0, "", sentences=[Sentence(sentence, 0)]), "quantities")
    return [m.value.surface for m in doc.marks_in(0, "Quantity")]

FORMS = [
    # text, value, unit, qualifier
    ("2904名", "2904", "名", ""),
    ("1.3万多件", "13000", "件", "多"),
    ("390余万元", "3900000", "元", "余"),
    ("13.1亿元", "1310000000", "元", ""),
    ("7.9亿元", "790000000", "元", ""),
    ("两千", "2000", "", ""),
    ("百分之二十", "20", "%", ""),
    ("百分之百", "100", "%", ""),
    ("98%以上", "98", "%", "以上"),
    ("21.2%", "21.2", "%", ""),
    ("近3万", "30000", "", "近"),
    ("近6000次", "6000", "次", "近"),
    ("1200余件", "1200", "件", "余"),
    ("2.3万余次", "23000", "次", "余"),
    ("5万条", "50000", "条", ""),
    ("4307.1万条", "43071000", "条", ""),
    ("6.8万户", "68000", "户", ""),
    ("41.35个百分点", "41.35", "个百分点", ""),
    ("3800多个", "3800", "个", "多"),
    ("4万余名", "40000", "名", "余"),
    ("37万余名", "370000", "名", "余"),
    ("30多万公里", "300000", "公里", "多"),
    ("百余件", "100", "件", "余"),
    ("上亿元", "100000000", "元", "上"),
    ("700余人次", "700", "人次", "余"),
    ("289.5公里", "289.5", "公里", ""),
    ("300平米", "300", "平米", ""),
    ("十位", "10", "位", ""),
    ("6大类", "6", "大类", ""),
    ("13分钟", "13", "分钟", ""),
    ("1,200件", "1200", "件", ""),
    ("２９０４名", "2904", "名", ""),
]


@pytest.mark.parametrize("text,value,unit,qualifier", FORMS)
def test_parse_quantity_forms(text, value, unit, qualifier):
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.unit, q.qualifier) == (Decimal(value), unit, qualifier)
    assert q.surface == text


@pytest.mark.parametrize("text", ["", "   ", "名", "abc", "2022年", "12月27日", "65岁", "第3名"])
def test_parse_quantity_rejects(text):
    assert parse_quantity(text) is None


def test_values_are_plain_decimals():
    assert str(parse_quantity("1.3万多件").value) == "13000"
    assert str(parse_quantity("21.20%").value) == "21.2"


def test_finds_each_figure_in_a_report():
    s = "截至目前，该市依托网格第一时间介入调处矛盾纠纷1200余件，成功率98%以上；上半年完成民生项目3800多个，办实事1.3万多件。"
    got = [(q.value, q.unit, q.qualifier, q.surface) for q in find_quantities(s)]
    assert got == [
        (Decimal(1200), "件", "余", "1200余件"),
        (Decimal(98), "%", "以上", "98%以上"),
        (Decimal(3800), "个", "多", "3800多个"),
        (Decimal(13000), "件", "多", "1.3万多件"),
    ]


def test_offsets_point_at_the_surface():
    s = "去年，苏州市共调解矛盾纠纷1.2万余件，调解成功率达97.6%"
    for q in find_quantities(s):
        assert s[q.start:q.end] == q.surface
    assert [(q.value, q.unit) for q in find_quantities(s)] == [
        (Decimal(12000), "件"), (Decimal("97.6"), "%")]


def test_percent_list_and_percentage_points():
    s = "今年1—10月，成都市电信诈骗立案、受损金额分别同比下降8.7%、14.9%，破案率提升3.5个百分点"
    assert [(q.value, q.unit) for q in find_quantities(s)] == [
        (Decimal("8.7"), "%"), (Decimal("14.9"), "%"), (Decimal("3.5"), "个百分点")]


@pytest.mark.parametrize("sentence", [
    "本报石家庄12月27日电",
    "2022年，全市治安形势平稳",
    "今年1—10月，全市治安形势平稳",
    "5月14日，民警赶到现场",
    "一位65岁的老人来到派出所",
    "扫黑除恶工作调查全省排名第7",
    "该所在全省考核中获得第3名",
    "警服务台则将该警情联动至12345市长热线",
    "打通了110与12345的数据壁垒",
    "推行“一村一警”警务工作机制",
    "开展“四个一”活动",
    "沁阳“三调对接”多元解纷",
    "组织开展“双百创优”活动",
    "发挥“五老”作用，千家万户受益",
    "依照刑法第二百六十六条规定",
    "实行24小时值班执勤",
    "初步建成五分钟消防救援圈",
    "用3个月时间完成整治",
    "每个社区建立5至15人的巡控队伍",
    "北金村12组村民拿到了土地流转金",
    "已救助慰问了数十位困难群众",
])
def test_not_statistics(sentence):
    assert figures(sentence) == []


def test_a_word_ending_in_a_qualifier_does_not_qualify():
    [q] = find_quantities("群众可在线上预约3次")
    assert (q.value, q.unit, q.qualifier, q.surface) == (Decimal(3), "次", "", "3次")
    [q] = find_quantities("网格员接近3000名")
    assert (q.value, q.qualifier, q.surface) == (Decimal(3000), "近", "近3000名")


def test_durations_that_change_are_kept():
    s = "全市灭火救援到场时间从平均13分钟缩短到平均5分钟"
    assert [(q.value, q.unit) for q in find_quantities(s)] == [
        (Decimal(13), "分钟"), (Decimal(5), "分钟")]


def test_hotline_before_a_unitlike_word_is_not_a_count():
    assert [(q.value, q.unit) for q in find_quantities("110处警到达时间平均缩短了2.6分钟")] == [
        (Decimal("2.6"), "分钟")]


def test_a_unit_before_a_longer_word_is_a_unit_though_it_begins_a_word_that_is_none():
    # 处警 (to answer a call) is no unit, but 2311处|警务室 counts police rooms
    assert [(q.value, q.unit) for q in find_quantities("重新划分4643个警务区(qū)、2311处警务室")] \
        == [(Decimal(4643), "个"), (Decimal(2311), "处")]
    assert find_quantities("持续3个月") == []


# ---------------------------------------------------------------- properties

NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟幺廿点"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=NUMERAL_CHARS, min_size=1, max_size=8))
def test_agrees_with_cn2an_on_every_numeral_it_accepts(numeral):
    try:
        expected = cn2an.cn2an(numeral, "normal")
    except Exception:
        return
    q = parse_quantity(numeral)
    assert q is not None
    assert q.value == Decimal(str(expected))


def _well_formed(numeral: str) -> bool:
    """cn2an's an2cn drops the 零 of a gap after 亿 (15500001000 -> 一百五十五亿一千, which
    cn2an itself refuses to read, as a reader would hear 155.1亿): not a well-formed numeral."""
    try:
        cn2an.cn2an(numeral, "normal")
    except ValueError:
        return False
    return True


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**12).map(lambda n: cn2an.an2cn(n))
       .filter(_well_formed))
def test_reads_every_well_formed_chinese_numeral(numeral):
    assert parse_quantity(numeral).value == Decimal(cn2an.cn2an(numeral, "normal"))


def test_a_gap_after_yi_without_its_ling_is_no_number():
    # 五亿一千 could be 500001000 (零 left out) or 5.1亿 said short: neither reader is sure
    assert parse_quantity("五亿一千") is None and not _well_formed("五亿一千")
    assert parse_quantity("五亿零一千").value == 500001000


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["万", "亿"]))
def test_arabic_with_multiplier_agrees_with_cn2an_smart(number, multiplier):
    text = f"{number}{multiplier}"
    assert parse_quantity(text).value == Decimal(str(cn2an.cn2an(text, "smart")))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text):
    parse_quantity(text)
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.surface


def test_ten_before_a_multiplier_is_a_number():
    # 十万, 十亿 are numerals (found by hypothesis: 十亿名 was read as nothing)
    assert parse_quantity("十亿名").value == 1_000_000_000
    assert parse_quantity("十万名").value == 100_000


def test_a_rate_per_so_many_people_keeps_its_denominator():
    # 万人成讼率 and its like (fresh: court statistics pages): `件/万人` is the unit as written
    found = find_quantities("民事诉讼率只有120.5件/10万人，2023/11月新增12名")
    assert [(q.value, q.unit, q.surface, q.kind) for q in found] == [
        (Decimal("120.5"), "件/10万人", "120.5件/10万人", "rate"), (Decimal(12), "名", "12名", "count")]


# ---------------------------------------------------------------- without cn2an

def test_plain_numerals_read_without_cn2an_as_cn2an_reads_them():
    # every numeral of up to five characters that the small reader accepts (1,940 of them:
    # 两千, 十九, 一百一十二, 三万五千) has cn2an's value; the rest (二百五 is 250) go to cn2an
    from itertools import product
    from kg.relate.numbers import _plain_numeral
    accepted = 0
    for length in range(1, 6):
        for chars in product("一二两三四五六七八九十百千万零", repeat=length):
            numeral = "".join(chars)
            value = _plain_numeral(numeral)
            if value is not None:
                accepted += 1
                assert value == cn2an.cn2an(numeral, "normal"), numeral
    assert accepted == 1940
    assert _plain_numeral("二百五") is None and _plain_numeral("两十") is None


def test_bare_multipliers_are_refused_as_cn2an_refuses_them():
    from itertools import product
    for length in range(1, 4):
        for chars in product("百佰千仟万亿", repeat=length):
            with pytest.raises(ValueError):
                cn2an.cn2an("".join(chars), "normal")
    # and read as the multipliers they are where a qualifier goes with them (百余名)
    assert [q.value for q in find_quantities("百余名干部、千万余元")] == [100, 10_000_000]


def test_a_report_of_plain_numerals_never_imports_cn2an():
    # its import compiles ~0.1 s of regular expressions in every build
    import subprocess
    import sys
    code = ("import sys; from kg.relate.numbers import find_quantities as f; "
            "print([str(q.value) for q in f('两千名干部走访一百一十二个村、三万五千户，投入百余万元')]),"
            "print('cn2an' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[:2] == ["['2000', '112', '35000', '1000000']", "False"]
