"""The places component: divisions from the gazetteer, disambiguated by the article around them."""
from __future__ import annotations

import pytest

from kg.model import Article, EntityType, Sentence
from kg.pipeline import analyse


def places(*sentences: str, title: str = "标题") -> dict[str, tuple[str, str]]:
    """surface -> (full name, division id) of every place mention in the article."""
    art = Article("100_test.txt", 0, title, sentences=[Sentence(t, i) for i, t in enumerate(sentences)])
    return {m.surface: (m.name, m.key) for m in analyse(art, "repeated_names").spans if m.type is EntityType.PLACE}


def test_address_chain_down_to_the_village_picks_the_right_namesake():
    # corpus: several villages are called 两间房村; the one under 滦平县 is meant
    found = places("前不久，在河北省承德市滦平县两间房村，村民黄树伶一大早就来到了本村的大集上。")
    assert found["河北省"] == ("河北省", "130000")
    assert found["承德市"] == ("承德市", "130800")
    assert found["滦平县"] == ("滦平县", "130824")
    assert found["两间房村"][1].startswith("130824/")


def test_short_forms_take_the_division_the_article_names_in_full():
    # 河东 is a district of 天津 and of 临沂: the article about 临沂 means 临沂's
    found = places("临沂市公安局河东分局党委高度重视。", "河东区委交办的积案全部化解。",
                   title="河东：建立机制化解信访积案")
    assert found["河东"][1] == found["河东区"][1] == "371312"


def test_common_word_short_forms_need_support():
    # 安宁 and 青山 are county short forms but also ordinary words
    assert "安宁" not in places("群众生活安宁，社会秩序良好。")
    assert "青山" not in places("这里青山绿水，环境优美。")
    # ... but count when an agency word follows (安宁警方) or the text names the parent
    assert places("安宁警方迅速出警。", "昆明市的治安形势持续向好。")["安宁"][0] == "安宁市"


def test_districts_and_towns_of_other_cities():
    found = places("长沙市岳麓区望月湖街道推行网格化管理，浏阳市大瑶镇也积极跟进。")
    assert found["岳麓区"] == ("岳麓区", "430104")
    assert found["望月湖街道"][1] == "430104/望月湖街道"
    assert found["大瑶镇"][1].startswith("430181/")


def test_a_town_needs_its_county_named():
    # 平安村 and 联合村 exist in many counties; with no county around they are not places
    assert "联合村" not in places("联合村两委对出租屋逐一排查。")


def test_names_of_people_and_slogans_are_not_places():
    # 凌海 is a county-level city, but here it starts the name of a police officer
    found = places("驻村民警凌海红进村后就一直处于“灭火”状态。")
    assert "凌海" not in found
    assert "大庆" not in places("正在开展的“践行新使命、忠诚保大庆”活动。")


@pytest.mark.parametrize("text, name", [
    ("内蒙古自治区乌海市海勃湾区新华街道", "乌海市"),
    ("广东省深圳市已建成415座小型消防站", "深圳市"),
    ("浙江省温州市瑞安市塘下镇", "瑞安市"),
])
def test_levels_and_codes(text, name):
    found = {n: k for n, k in places(text).values()}
    assert name in found and found[name].isdigit() and len(found[name]) == 6


def test_autonomous_divisions_by_their_everyday_short_form():
    # 石林彝族自治县 is written 石林县, 恩施土家族苗族自治州 恩施州
    found = places("石林县公安局与恩施州公安局交流经验。")
    assert found["石林县"] == ("石林彝族自治县", "530126")
    assert found["恩施州"] == ("恩施土家族苗族自治州", "422800")


def test_a_county_that_became_a_city_goes_by_its_new_name_and_its_old_one():
    # jionlp's tree still has 无为县; its list of changes says it is 无为市 since 2019
    found = places("走进芜湖市无为市高沟镇，", "无为县公安局的老民警说。")
    assert found["无为市"] == ("无为市", "340225")
    assert found["无为县"] == ("无为市", "340225")


def test_a_community_written_after_its_town_is_a_place_under_that_town():
    found = places("安徽省合肥市包河区望湖街道曙光社区一小区门口。",     # listed under another street
                   "柳州市鱼峰区荣军街道箭盘社区居民黄某拨通电话。",     # not listed at all
                   "在徐州市云龙区绿地南区社区沿街门面。",               # right after the district
                   "高沟镇推进新农村建设。",                             # 新农村 is a word
                   "在户县板房子镇等沿山镇村推广。")                     # 等 opens no name
    assert found["曙光社区"] == ("曙光社区", "340111/望湖街道/曙光社区")
    assert found["箭盘社区"] == ("箭盘社区", "450203/荣军街道/箭盘社区")
    assert found["绿地南区社区"] == ("绿地南区社区", "320303/绿地南区社区")
    assert "新农村" not in found and not any(name.startswith("等") for name in found)


def test_a_street_named_after_a_village_is_the_street():
    found = places("合肥市蜀山区将在三里庵街道、稻香村街道等人口密集区推广。")
    assert found["稻香村街道"] == ("稻香村街道", "340104/稻香村街道")
    assert "稻香村" not in found


def test_a_quoted_village_name_is_an_honour_not_the_place():
    found = places("广东省惠州市博罗县龙华镇推进驻村警务。",
                   "通过近两年的整治，昔日的治安复杂村变成远近闻名的“平安村”。")
    assert "平安村" not in found


def test_no_village_runs_on_from_a_short_form_inside_a_name():
    found = places("辽宁省锦州市凌海市推进驻村警务。", "凌海红和村干部7次前往调解。")
    assert not any(name.endswith("和村") for name in found)
    assert "推进驻村" not in found                 # a verb phrase, not a village


def test_an_unlisted_town_after_its_county_and_a_village_after_it():
    found = places("黑龙江省牡丹江市海林市横道河子镇的中东铁路老街游人如织。",
                   "云南省曲靖市会泽县娜姑镇白雾村村民罗某说。",
                   "灵丘县公安局把社区警务延伸到山区，盐湖区则把社区警务室合署办公。")
    assert found["横道河子镇"] == ("横道河子镇", "231083/横道河子镇")
    assert found["白雾村"] == ("白雾村", "530326/娜姑镇/白雾村")
    assert not any(name.endswith("把社区") for name in found)


def test_a_short_form_that_begins_a_longer_word_is_no_place_even_beside_its_city():
    # 公安 is also 公安县 of 荆州市, but 公安局 is one word: the police of 荆州, not the county
    found = places("荆州市公安局开展专项行动。", "各地公安机关积极参与。")
    assert found == {"荆州市": ("荆州市", "421000")}


def test_a_short_form_inside_another_word_or_taken_by_a_town_of_the_article():
    found = places("云南省大理白族自治州大理市公安局民警在洱海西岸开展护水巡防。")
    assert "海西" not in found                       # 洱海 runs into it
    # a page about 曲靖 with 沾益区人民法院西平人民法庭 beside 西平街道: 西平 is the street's,
    # not 西平县 in 河南
    from pathlib import Path

    from kg.read import read_source
    from kg.split import split_articles
    page = Path(__file__).parent / "heldout6" / "corpus" / "q02.txt"
    keys = {m.key for article in split_articles(read_source(page))[0]
            for m in analyse(article, "repeated_names").spans if m.type is EntityType.PLACE}
    assert "530303/西平街道" in keys and "411721" not in keys


def test_a_full_name_that_is_a_word_beats_a_short_form_cut_out_of_a_verb():
    # a real page (平山县 考核推进会): 召开平山县 reads 开平 first from the left; 平山县 is
    # the word. The 海城市 of 滨海城市 is no word and stays out.
    assert "平山县" in places("5月10日上午,县委政法委组织召开平山县平安建设、法治建设考核推进会。")
    assert not places("为维护社会大局安全稳定、护航现代化滨海城市作出新的更大贡献。")


def test_a_town_named_like_its_county_does_not_prove_a_home_the_text_never_names():
    # a real district page (平安建设 … 区委、区政府): 平安 is a short form of 平安区 and the
    # short name of its town 平安镇, both read from the one word 平安建设; no home is decided
    found = places("坚持党的领导是做好平安建设的第一法宝,我们始终将平安建设纳入区委、区政府中心工作,"
                   "全局谋划、整体推进,进一步强化乡镇平安建设的组织领导。",
                   "建立“平安建设月例会”以及“周调度、月研判、季盘点”等运行机制,三级平安建设负责人定期不定期"
                   "组织辖区平安建设相关单位负责人对重点事项、重点问题进行会商研判。")
    assert "平安区" not in found


def test_towns_listed_by_their_short_names_before_deng_and_the_kind_are_towns_of_one_county():
    # a county site (我县…万庾、三封寺、东山等3个乡镇): the three towns lie in one county, which
    # becomes the home of the report; a city district's page lists its streets the same way
    found = places("8月24日,我县乡镇社会矛盾调处中心建设工作流动现场会召开。",
                   "此项工作于今年6月率先在万庾、三封寺、东山等3个乡镇试点,目前均已顺利运行。")
    assert {"万庾镇", "三封寺镇", "东山镇"} <= {name for name, _ in found.values()}
    found = places("福州市鼓楼区深化综治中心建设。", "今年将推动东街、南街等街道建设“枫桥式”综治中心。")
    assert {"东街街道", "南街街道"} <= {name for name, _ in found.values()}
    # two words that name towns somewhere but no county in common are no list of towns
    assert not places("推动调解、信访等乡镇工作落实。")


def _with_publisher(publisher: str, *sentences: str):
    art = Article("100_test.txt", 0, "标题", publisher=publisher,
                  sentences=[Sentence(t, i) for i, t in enumerate(sentences)])
    return analyse(art).extraction


def test_a_city_site_names_its_city_by_the_level_alone():
    # heldout_web5: a county-level city's own site writes 市委政法委; its publisher names the city
    ex = _with_publisher("锡林浩特市委政法委员会",
                         "市委政法委班子成员、相关责任部门和各苏木（镇）街道综治中心主任参加会议。",
                         "会议传达学习了《锡林郭勒盟推进综治中心规范化建设工作指引（试行）》。")
    assert "锡林浩特市" in {e.name for e in ex.entities if e.type is EntityType.PLACE}
    assert "锡林浩特市委政法委" in {e.name for e in ex.entities if e.type is EntityType.AGENCY}
    # a county's site writes 市委 for the city above it: its towns decide nothing there
    ex = _with_publisher("舒城县人民政府", "杭埠镇、桃溪镇建成网格化服务站。", "市委政法委督导检查。")
    assert not {e.name for e in ex.entities if e.type is EntityType.PLACE} & {"合肥市", "六安市"}


def test_villages_listed_by_their_short_names_before_a_count_are_villages_of_one_town():
    # heldout_web6: four villages of one town by their short names, closed by a count and 村;
    # their town is named, so each is that town's village
    found = places("长乐区鹤上镇巡防一队肩负着新览、仙街、岐阳、云江四个村的安防任务。")
    assert {"新览村", "仙街村", "岐阳村", "云江村"} <= {name for name, _ in found.values()}
    # towns by a count without 等, the last two joined by 、 (heldout_web10 writes them so)
    found = places("禹州市人民法院深化诉源治理。", "“顺店、浅井两个乡镇基层治理、矛盾化解尤为困难。”")
    assert {"顺店镇", "浅井镇"} <= {name for name, _ in found.values()}
    # common words before a count of villages are no villages (bundled corpus)
    assert not places("户籍工作人员一面对接县公安局户籍中队，一面来到老人娘家和婆家两个村子寻找知情人。")


def test_the_automaton_walks_only_where_a_name_may_be_and_finds_what_the_whole_walk_finds():
    # names, pieces of names and other words, run together: the window's matches are the
    # whole sentence's, longest-first and all of them (_candidates and _full_over_short)
    import random
    from kg.recognise.places import _automaton, _window
    auto, rng = _automaton(), random.Random(7)
    names = sorted(auto.keys())
    assert _window("全面推进工作。") == (0, 0)
    assert _window("我们去了北京市和杭州市") == (4, 11)
    for _ in range(5000):
        parts = [rng.choice(names) if rng.random() < 0.4 else rng.choice(names)[:rng.randint(1, 3)]
                 if rng.random() < 0.5 else rng.choice(["的", "和", "新区", "人民政府", "。"])
                 for _ in range(rng.randint(0, 6))]
        text = "".join(parts)
        window = _window(text)
        assert (list(auto.iter_long(text, *window)) if window[1] else []) == list(auto.iter_long(text))
        assert (list(auto.iter(text, *window)) if window[1] else []) == list(auto.iter(text))


def test_a_town_named_by_a_plain_word_needs_its_county_and_makes_no_home():
    # 促进|乡村 (a paper on rural mediation, fx361.com) and 促进|乡|风文明 (a street office's
    # report): the gazetteer's one 促进乡 would be taken for a town, its county for the
    # article's home and 县司法局 for that county's bureau
    ex = _with_publisher("", "近年来，我县坚持推动乡村振兴，促进乡村治理。",
                         "对维护乡村社会和谐、促进乡村经济发展具有深远影响。", "县司法局组织开展法治宣传。")
    assert not {e.name for e in ex.entities if e.type is EntityType.PLACE}
    assert not any(e.name.endswith("县司法局") and len(e.name) > 4 for e in ex.entities)
    assert not places("持续深化“一会一室两小组”的作用发挥，进一步促进乡风文明、治理有效。")
    # with its county written out, a town of that name stands; a town whose name is no verb
    # stands as before
    assert "胜利乡" in {name for name, _ in places("科尔沁左翼中旗胜利乡开展平安建设。").values()}
    assert "小岭乡" in {name for name, _ in places("永靖县小岭乡和刘家峡镇的网格员参加了培训。").values()}