"""The home of a local site's report: the county its 全县, 我县, 县公安局 stand for."""
from __future__ import annotations

from kg.model import Article, EntityType, Sentence
from kg.pipeline import analyse


def extract(*sentences: str, title: str = "标题", publisher: str = ""):
    art = Article("100_test.txt", 0, title, publisher=publisher,
                  sentences=[Sentence(t, i) for i, t in enumerate(sentences)])
    return analyse(art).extraction


def names(ex, kind: EntityType) -> set[str]:
    return {e.name for e in ex.entities if e.type is kind}


def about(ex) -> set[tuple[str, object]]:
    label = {e.key: e.name for e in ex.entities}
    return {(label[s.about], s.value) for s in ex.statistics}


def test_the_publisher_names_the_home():
    ex = extract("今年以来，全县共化解矛盾纠纷320起。", "县公安局民警深入村组开展宣传。",
                 publisher="舒城县人民政府")
    assert "舒城县" in names(ex, EntityType.PLACE)
    assert "舒城县公安局" in names(ex, EntityType.AGENCY)
    assert ("舒城县", 320) in about(ex)


def test_towns_that_agree_name_the_home():
    # 杭埠镇 is one county's; 桃溪镇 is three counties' (one of them the same)
    ex = extract("杭埠镇、桃溪镇建成网格化服务站。", "全县共划分网格560个。")
    assert {"舒城县", "杭埠镇", "桃溪镇"} <= names(ex, EntityType.PLACE)
    assert ("舒城县", 560) in about(ex)


def test_a_town_no_other_county_has_is_a_place_without_its_county():
    ex = extract("2016年以来，干汊河镇党委政府立足全面提升乡村治理水平。")
    assert "干汊河镇" in names(ex, EntityType.PLACE)


def test_no_home_when_the_evidence_disagrees_or_the_county_is_named():
    # 城关镇 is the name of a town in hundreds of counties: nothing agrees
    assert "舒城县" not in names(extract("城关镇建成网格化服务站。", "全县共划分网格560个。"),
                                 EntityType.PLACE)
    # the article names its county: that is its place in focus, no home is inferred
    ex = extract("桃江县建成网格化服务站。", "全县共划分网格560个。", publisher="舒城县人民政府")
    assert "舒城县" not in names(ex, EntityType.PLACE)


def test_a_town_site_whose_town_several_counties_have_is_a_place_under_none():
    # four counties have a 石湾镇; the report speaks of 全镇: the town is its home,
    # a place of the graph with no county (nothing says which), and the figures are its own
    ex = extract("近年来，石湾镇深入推进基层社会治理。", "镇党委坚持统筹发展和安全。",
                 "将全镇划分为12个基础网格、1139个微网格。")
    places = {e.name: e for e in ex.entities if e.type is EntityType.PLACE}
    assert set(places) == {"石湾镇"} and str(places["石湾镇"].key) == "unplaced/石湾镇"
    assert {("石湾镇", 12), ("石湾镇", 1139)} <= about(ex)


def test_a_short_form_several_districts_bear_and_a_town_of_one_of_them():
    # web3 c05: a district site writes 区司法局 and its name only as 市中 in compounds; four
    # districts are 市中区, and 齐村 (齐村镇) lies in one of them
    first = ("今年以来,在区委、区政府的正确领导和区人大常委会的大力监督下,区司法局进一步坚持和发展"
             "新时代“枫桥经验”,为全区经济社会发展提供了坚实的法治保障,奋力谱写中国式现代化市中司法行政新篇章。")
    town = "规范建立了25家个人调解工作室,努力打造齐村“老班长”调解室等一批品牌特色调解室。"
    ex = extract(first, town, "联合区法院建立诉前人民调解委员会。")
    places = {e.name: e for e in ex.entities if e.type is EntityType.PLACE}
    assert str(places["市中区"].key) == "370402"            # 枣庄市's
    assert {"市中区司法局", "市中区人民法院"} <= names(ex, EntityType.AGENCY)
    # without the town nothing says which 市中区: the forms stay unresolved
    ex = extract(first, "联合区法院建立诉前人民调解委员会。")
    assert "市中区" not in names(ex, EntityType.PLACE)
    assert "市中区司法局" not in names(ex, EntityType.AGENCY)


def test_the_publisher_places_a_town_that_many_counties_have():
    # web3 c03: twelve divisions have a 长安镇; the site is run by 东莞市人民政府办公室. The
    # town's police, a 分局 of the city's bureau (东莞 has no counties), goes by its forms
    sents = ("2月1日下午,长安镇召开平安建设暨综合治理委员会工作会议,深入传达相关工作指示精神,"
             "通报2023年长安镇平安建设工作情况,部署2024年有关工作。",
             "副镇长、公安分局局长张仲平主持了会议。", "确保岁末年初全镇社会安全稳定。")
    ex = extract(*sents, publisher="东莞市人民政府办公室")
    places = {e.name: e for e in ex.entities if e.type is EntityType.PLACE}
    assert str(places["长安镇"].key) == "441900/长安镇"
    branch = {e.name: e.aliases for e in ex.entities if e.type is EntityType.AGENCY}
    assert any("东莞市公安局长安分局" in {name, *aliases} for name, aliases in branch.items())
    # with no publisher nothing says which 长安镇: a place under none, and no branch
    ex = extract(*sents)
    assert {str(e.key) for e in ex.entities if e.type is EntityType.PLACE} == {"unplaced/长安镇"}
    assert not names(ex, EntityType.AGENCY) & {"东莞市公安局长安镇分局"}


def test_a_full_name_several_districts_bear_is_the_one_a_written_town_lies_in():
    # the same district written in full: of the four 市中区 the one 齐村 (齐村镇) lies in
    ex = extract("今年以来,市中区司法局进一步坚持和发展新时代“枫桥经验”。",
                 "规范建立了25家个人调解工作室,努力打造齐村“老班长”调解室等一批品牌特色调解室。",
                 "全区共有199个人民调解委员会。")
    assert {str(e.key) for e in ex.entities if e.type is EntityType.PLACE} == {"370402"}
    assert ("市中区", 199) in about(ex)


def test_a_word_of_everyday_use_shaped_like_a_short_form_names_no_home():
    # web4 d05: 平安 (of 平安工程) is also the short form of 平安区, a district with towns whose
    # short names a Shanghai report happens to print; 本区 is not 平安区
    ex = extract("去年以来，本区已基本在8个街道建立起区块明晰、层次分明的管控服务网络，"
                 "在居民“开口前”就将关乎环境治理、民生保障、平安工程等千头万绪的工作“一网打尽”。",
                 "在凉城社区，整个辖区被划分为4个片区网格。")
    assert "平安区" not in names(ex, EntityType.PLACE)
    assert not any(name == "平安区" for name, _ in about(ex))
