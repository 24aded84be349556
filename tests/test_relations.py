"""Relations on sentences about cities outside the corpus: who runs what, where, and who said so."""
from __future__ import annotations

from kg.pipeline import analyse
from kg.model import Article, Sentence


def relations(*sentences: str, title: str = "标题") -> set[tuple[str, str, str]]:
    art = Article("100_test.txt", 0, title, sentences=[Sentence(t, i) for i, t in enumerate(sentences)])
    doc = analyse(art)
    ex, mentions = doc.extraction, doc.spans
    names = {e.key: e.name for e in ex.entities}
    return {(names[r.subject], r.predicate, names[r.object]) for r in ex.relations}


def figures(*sentences: str, title: str = "标题", paragraph: int = 0) -> set[tuple[str, float]]:
    """(what it is about, value) of every statistic of an article of `sentences`."""
    art = Article("100_test.txt", 0, title, sentences=[Sentence(t, i, paragraph=paragraph)
                                                       for i, t in enumerate(sentences)])
    doc = analyse(art)
    ex, mentions = doc.extraction, doc.spans
    names = {e.key: e.name for e in ex.entities}
    return {(names.get(s.about), s.value) for s in ex.statistics}


def test_programme_run_by_the_body_that_launches_it_in_its_place():
    found = relations("近年来，苏州市公安局吴中分局推出“古镇警务”模式，在景区设立警务服务点。")
    assert ("古镇警务", "implementedBy", "苏州市公安局吴中分局") in found
    assert ("古镇警务", "implementedIn", "吴中区") in found


def test_programme_of_a_town_station_runs_in_the_town():
    found = relations("湖南省长沙市浏阳市大瑶镇花炮企业多。",
                      "浏阳市公安局大瑶派出所依托“花炮安全智管”平台，对企业实行分级管理。")
    assert ("花炮安全智管", "implementedIn", "大瑶镇") in found
    assert ("浏阳市公安局大瑶派出所", "locatedIn", "大瑶镇") in found
    assert ("浏阳市公安局大瑶派出所", "locatedIn", "浏阳市") not in found
    assert ("浏阳市公安局大瑶派出所", "subOrganizationOf", "浏阳市公安局") in found


def test_sentence_without_a_body_falls_back_on_the_article_lead():
    found = relations("合肥市公安局包河分局深化社区警务改革。",
                      "包河分局组建专业队伍，持续推进基层治理。",
                      "同时，推行“警格+网格”双网融合机制，实现信息共享。")
    assert ("警格+网格", "implementedBy", "合肥市公安局包河分局") in found


def test_issued_by_the_body_that_issues_it_or_names_it():
    found = relations("为规范运行，瑞安市人民法院出台《瑞安市“共享法庭”建设管理办法》，明确职责。",
                      "大连市公安局深化应急处突能力建设。",
                      "健全和完善《大连市公安局应急处突工作预案》，常态备足应急队伍。")
    assert ("瑞安市“共享法庭”建设管理办法", "issuedBy", "瑞安市人民法院") in found
    assert ("大连市公安局应急处突工作预案", "issuedBy", "大连市公安局") in found
    # a place issuing a document is its government, which the text does not name
    found = relations("长沙市出台《关于加强基层治理的实施意见》，明确任务。")
    assert not any(p == "issuedBy" for _, p, _ in found)


def test_part_of_follows_the_gazetteer_between_named_places():
    found = relations("在浙江省温州市瑞安市塘下镇，企业纠纷多发。")
    assert ("瑞安市", "partOf", "温州市") in found
    assert ("塘下镇", "partOf", "瑞安市") in found
    assert ("温州市", "partOf", "浙江省") in found


def test_posts_stated_after_the_name_and_police_posts_from_context():
    found = relations("兰州市公安局城关分局皋兰路派出所接到报警。", "民警李晓东赶到现场时，双方正在争吵。")
    assert ("李晓东@620000", "holdsPost", "兰州市公安局城关分局皋兰路派出所") in {
        (s if "@" in s else s, p, o) for s, p, o in found} or any(
        p == "holdsPost" and o.endswith("皋兰路派出所") for _, p, o in found)


def test_arrests_are_the_lead_bodys_figures():
    about = figures("今年以来，嘉兴市公安局南湖分局深化社区警务改革。",
                    "南湖区建成“人防网”“技防网”两张网。",
                    "通过群防群治力量，先后抓获违法犯罪嫌疑人36名。", title="嘉兴：多措并举提升安全指数")
    assert ("嘉兴市公安局南湖分局", 36) in about


def test_a_means_named_in_passing_is_not_what_the_next_sentence_counts():
    # 依托 X 项目 names the means; the paragraph goes on about the 雪亮工程 it upgrades
    about = figures("强化“雪亮工程”建设。", "依托“智慧城市”项目，升级改造“雪亮工程”监控系统。",
                    "增建高清卡口70处。", title="芜湖：技防织密平安网", paragraph=1)
    assert ("雪亮工程", 70) in about


def test_a_place_acting_by_itself_does_not_lend_the_programme_to_the_lead_body():
    found = relations("南昌市司法局深化人民调解工作。",
                      "南昌市司法局培育专职调解员队伍。",
                      "近年来，南昌市以源头预防为重点，打造了“大调解”工作格局。",
                      "同时，推行“调解+诉讼”衔接机制。")
    assert ("大调解", "implementedIn", "南昌市") in found
    assert not any(s == "大调解" and p == "implementedBy" for s, p, _ in found)
    assert ("调解+诉讼", "implementedBy", "南昌市司法局") in found


def test_a_speakers_body_does_not_run_what_the_speaker_talks_about():
    found = relations("包头市公安局推出“草原警务”移动警车。",
                      "包头市公安局将继续推广。",
                      "包头市公安局交警支队昆区大队民警王宏说，“同时，‘草原警务’装备了定位系统。”")
    assert not any(s == "草原警务" and o.endswith("昆区大队") for s, p, o in found)
    assert ("草原警务", "implementedBy", "包头市公安局") in found


def test_a_sentence_opening_on_the_programmes_head_noun_reports_the_programmes_figures():
    about = figures("蜀山区委政法委还上线了“蜀法e站”小程序，群众可在线预约律师。",
                    "数据显示，平台上线以来累计提供咨询2.6万人次，化解纠纷1870件。",
                    title="合肥：法律服务进社区", paragraph=1)
    assert ("蜀法e站小程序", 26000) in about and ("蜀法e站小程序", 1870) in about


def test_a_station_is_in_the_town_it_is_named_after_else_in_its_county():
    # fresh (光明日报, 2020): one place, the most specific the name gives (GUIDELINES: its seat)
    found = relations("浙江省诸暨市枫桥镇地处山区。",
                      "在浙江省诸暨市公安局枫桥派出所的“老杨调解中心”，放有100余本日记。")
    assert ("诸暨市公安局枫桥派出所", "locatedIn", "枫桥镇") in found
    assert ("诸暨市公安局枫桥派出所", "locatedIn", "诸暨市") not in found
    assert ("诸暨市公安局枫桥派出所", "subOrganizationOf", "诸暨市公安局") in found
    # no town named: the station keeps its district
    found = relations("张华2018年来到上海宝山公安分局顾村派出所担任所长。")
    assert {o for s, p, o in found if p == "locatedIn" and s.endswith("顾村派出所")} == {"宝山区"}


def test_stations_of_a_named_township_are_in_the_township_not_its_county():
    # fresh (a county police page, 2024): the 乡 the article names is the stations' one place
    found = relations("“没想到我们两家的土地纠纷会化解那么快，不仅处理得公平，还让我们不伤和气。"
                      "这事还得感谢派出所的民警。”蔡口集乡村民王小强欣喜地说道。",
                      "这份祥和安宁背后，是庆城县公安局蔡口集派出所民辅警日复一日地坚守与付出。",
                      "随后，经蔡口集司法所牵头，村干部、派出所民辅警协助，调解人员找准矛盾的根源所在。")
    located = {(s, o) for s, p, o in found if p == "locatedIn"}
    assert ("庆城县公安局蔡口集派出所", "蔡口集乡") in located
    assert ("庆城县公安局蔡口集派出所", "庆城县") not in located
    assert ("蔡口集司法所", "蔡口集乡") in located
    assert ("庆城县公安局", "庆城县") in located
    assert ("庆城县公安局蔡口集派出所", "subOrganizationOf", "庆城县公安局") in found


def test_a_towns_own_body_and_a_station_named_after_the_town_are_in_the_town_only():
    found = relations("江西省九江市修水县渣津镇人民调解委员会调处纠纷。",
                      "修水县公安局渣津派出所民警到场。")
    assert ("渣津镇人民调解委员会", "locatedIn", "渣津镇") in found
    assert ("渣津镇人民调解委员会", "locatedIn", "修水县") not in found
    assert ("修水县公安局渣津派出所", "locatedIn", "渣津镇") in found
    assert ("修水县公安局渣津派出所", "locatedIn", "修水县") not in found
    assert ("修水县公安局渣津派出所", "subOrganizationOf", "修水县公安局") in found


def test_documents_issued_jointly_or_by_a_government():
    found = relations("南昌市青山湖区推行街长制。",
                      "去年5月，青山湖区委、区政府印发《青山湖区全面推行“街长制”实施方案（试行）》。",
                      "记者从桂林市委政法委获悉，桂林市人民政府日前印发《桂林市城乡社区网格化服务管理办法》。")
    issued = {(s, o) for s, p, o in found if p == "issuedBy"}
    assert ("青山湖区全面推行“街长制”实施方案（试行）", "青山湖区委") in issued
    assert ("青山湖区全面推行“街长制”实施方案（试行）", "青山湖区人民政府") in issued
    # 记者从…获悉 names the source, not the issuer
    assert issued >= {("桂林市城乡社区网格化服务管理办法", "桂林市人民政府")}
    assert ("桂林市城乡社区网格化服务管理办法", "桂林市委政法委") not in issued


def test_posts_in_a_towns_party_committee_and_a_bare_police_unit():
    found = relations("南昌市青山湖区湖坊镇党委书记熊国平说，镇里还把商户组织起来。",
                      "阳朔县公安局推进旅游警务。",
                      "旅游警察大队大队长秦海波介绍，大队现有民警28名。")
    posts = {(s.split("@")[0], o) for s, p, o in found if p == "holdsPost"}
    assert ("熊国平", "湖坊镇党委") in posts
    assert ("秦海波", "阳朔县公安局旅游警察大队") in posts     # 警察 is a noun, whatever jieba says


def test_a_modifier_before_the_title_keeps_the_post_in_the_body_before_it():
    found = relations("合肥市蜀山区推行夜间调解。", "南七街道人民调解委员会专职调解员周桂兰说。")
    assert any(s.startswith("周桂兰") and p == "holdsPost" and o == "南七街道人民调解委员会"
               for s, p, o in found)


def test_a_clause_opening_on_shequ_or_cunli_reports_the_communitys_figures():
    about = figures("走进嘉兴市南湖区东栅街道槜李社区，楼道口的公示牌清清楚楚。",
                    "槜李社区居委会主任朱晓燕说，社区把辖区划成36个微网格。")
    assert ("槜李社区", 36) in about


def test_a_body_named_after_a_village_or_an_ethnic_township_is_located_there():
    found = relations("在四川省宜宾市屏山县屏边彝族乡，调解员用双语调解。",
                      "屏山县司法局屏边司法所还定期组织调解员学习法律知识。",
                      "在德阳市旌阳区孝泉镇清平村，村民李某拉着调解员的手说。",
                      "所工作人员和清平村村委会干部实地丈量。")
    assert ("屏山县司法局屏边司法所", "locatedIn", "屏边彝族乡") in found
    assert ("清平村村委会", "locatedIn", "清平村") in found


def test_a_bare_centre_and_quan_suo_refer_to_the_body_named_last():
    about = figures("诸暨市司法局枫桥司法所每周轮流坐班。",
                    "诸暨市公安局枫桥派出所推行“警调衔接”机制。",
                    "2023年，全所接报纠纷类警情1289起。",
                    "据诸暨市社会治理中心主任何丽萍介绍，中心按照“一站式接收”的要求运行，2023年共受理群众诉求9418件。")
    assert ("诸暨市公安局枫桥派出所", 1289) in about
    assert ("诸暨市社会治理中心", 9418) in about


def test_a_title_that_begins_with_the_bodys_last_word():
    found = relations("渔民之间常因网具发生摩擦。东滩村村委会主任刘宝山说，民警和网格员一起调解。")
    assert any(s.startswith("刘宝山") and p == "holdsPost" and o == "东滩村村委会" for s, p, o in found)


def test_a_station_named_after_an_unlisted_town_of_the_article():
    found = relations("黑龙江省牡丹江市海林市横道河子镇的老街游人如织。",
                      "横道河子派出所所长王振东说，群众的事很快就能办。")
    assert ("横道河子派出所", "locatedIn", "横道河子镇") in found
    assert any(s.startswith("王振东") and p == "holdsPost" and o == "横道河子派出所" for s, p, o in found)


def test_quan_shi_in_a_roundup_is_the_city_the_clause_just_named():
    about = figures("吉林省吉林市公安局以老旧小区为重点推进建设，全市已建成智慧安防小区682个；"
                    "辽宁省锦州市公安局推出“慧眼”工程，全市投入资金3200万元。",
                    "锦州市公安局还组建了专班。", "锦州市持续推进。")
    assert ("吉林市", 682) in about
    assert ("锦州市", 32000000) in about


def test_a_programme_said_to_be_launched_by_a_body_after_it():
    found = relations("曲靖市司法局推进调解工作。", "曲靖市司法局培育调解队伍。",
                      "“爨乡和事佬”是曲靖市委政法委2021年推出的基层调解品牌，从退休干部中选聘调解员。")
    assert ("爨乡和事佬", "implementedBy", "曲靖市委政法委") in found
    assert ("爨乡和事佬", "implementedBy", "曲靖市司法局") not in found


def test_bodies_at_a_meeting_neither_act_nor_make_the_article_theirs():
    # both bodies are named twice, only as guests: the station's programme is not theirs
    found = relations("湖南省公安厅副厅长李建军，长沙市副市长、长沙市公安局局长王志强参加仪式。",
                      "长沙市公安局、长沙市司法局相关负责人参加。",
                      "近年来，该所推出“雨花义警”模式，守护一方平安。")
    assert not any(p == "implementedBy" for _, p, _ in found)
    assert ("雨花义警", "implementedIn", "长沙市") in found


def test_a_doctrine_is_run_by_the_body_that_practises_it_not_one_that_names_it():
    found = relations("杭州市司法局深化人民调解工作。",
                      "在新时代“枫桥经验”实践中，杭州市司法局联合杭州市公安局共同建立了“三所联调”工作机制。")
    assert not any(s == "枫桥经验" and p == "implementedBy" for s, p, _ in found)
    assert {("三所联调", "implementedBy", "杭州市司法局"),
            ("三所联调", "implementedBy", "杭州市公安局")} <= found
    found = relations("杭州市司法局深入践行新时代“枫桥经验”，推行“调解超市”模式。")
    assert ("枫桥经验", "implementedBy", "杭州市司法局") in found


def test_a_quote_is_the_speakers_who_follows_it():
    # the street whose official speaks after the quote runs it, not the article's one body
    found = relations("渝北区着力整合基层网格警务资源。",
                      "渝北区龙溪街道指挥中心正通过平台调度附近力量。",
                      "“通过‘网格吹哨、部门报到’机制，促成数据互联互通。”龙塔街道有关负责人介绍，街道整合了现有力量。")
    assert ("网格吹哨、部门报到", "implementedIn", "龙塔街道") in found
    assert not any(s == "网格吹哨、部门报到" and p == "implementedBy" for s, p, _ in found)


def test_the_bodies_before_a_title_issued_it_and_do_nothing_else_there():
    found = relations("设立调解室是全面贯彻中共中央办公厅、国务院办公厅《关于加强基层治理体系和治理能力"
                      "现代化建设的意见》的有力探索。",
                      "五华区深入贯彻落实昆明市委政法委等四部门《关于加强矛盾纠纷多元化解工作的实施意见》，"
                      "创新制定《五华区关于推进调解工作高质量发展的实施意见》，将“三所联调”机制作为核心抓手。")
    assert ("关于加强基层治理体系和治理能力现代化建设的意见", "issuedBy", "国务院办公厅") in found
    assert ("关于加强矛盾纠纷多元化解工作的实施意见", "issuedBy", "昆明市委政法委") in found
    # the district drew up its own: no body of ours issued it, and the committee runs nothing
    assert not any(s.startswith("五华区关于") and p == "issuedBy" for s, p, _ in found)
    assert not any(s == "三所联调" and p == "implementedBy" for s, p, _ in found)
    assert ("三所联调", "implementedIn", "五华区") in found


def test_a_sentence_that_is_a_quote_is_the_speakers_who_opens_the_next():
    found = relations("荣昌区著力整合基层网格警务资源。",
                      "荣昌区双河街道指挥中心正通过平台调度附近力量。",
                      "“通过融力量、融平台、融处置‘三融一体’机制，打通共治壁垒。”",
                      "荣昌区昌元街道有关负责人说。")
    assert ("三融一体", "implementedIn", "昌元街道") in found
    assert not any(s == "三融一体" and p == "implementedBy" for s, p, _ in found)


def test_a_units_officer_speaking_after_a_quote_does_not_take_the_programme():
    # the detachment's deputy speaks of the bureau's programme
    found = relations("常州市公安局推进基础管控。", "常州市公安局将“清格行动”作为基础工作。",
                      "“我们将‘清格行动’数据立体化上图，辅助民警做实基础工作。”常州市公安局治安支队"
                      "副支队长李明介绍，运行以来共采集数据4307万条。")
    assert {o for s, p, o in found if s == "清格行动" and p == "implementedBy"} == {"常州市公安局"}


def test_a_place_opening_the_next_clause_takes_over_from_the_body_before_it():
    found = relations("此外，晋城市高平市公安局在米山镇试点“景区警务站”，太原市小店区在坞城街道推行“网格警长”。")
    assert ("景区警务站", "implementedBy", "高平市公安局") in found
    assert not any(s == "网格警长" and p == "implementedBy" for s, p, _ in found)
    # a speaker's body, then the place he speaks for
    found = relations("临桂区司法局局长李明说，下一步，临桂区将把“三员进网”与普法工作结合起来。")
    assert not any(s == "三员进网" and p == "implementedBy" for s, p, _ in found)
    assert ("三员进网", "implementedIn", "临桂区") in found


def test_of_two_bodies_named_as_often_the_article_is_about_the_first_named():
    found = relations("西湖区司法局、西湖区人民法院共同推进诉调对接工作。", "西湖区人民法院和西湖区司法局定期会商。",
                      "同时，推行“诉调衔接”机制，实现信息共享。")
    assert {o for s, p, o in found if s == "诉调衔接" and p == "implementedBy"} == {"西湖区司法局"}


def test_each_item_of_a_list_of_programmes_is_its_owners():
    found = relations("象山公安分局的“枫桥式公安派出所”建设、叠彩区东山社区“平安小区”创建等做法得到推广。")
    assert ("平安小区", "implementedIn", "东山社区") in found
    assert not any(s == "平安小区" and p == "implementedBy" for s, p, _ in found)
    assert any(s == "枫桥式公安派出所" and p == "implementedBy" for s, p, _ in found)


def test_the_same_title_with_a_unit_and_with_the_body_above_it_is_one_post():
    found = relations("仁怀市茅台镇的茶园一片繁忙。", "仁怀市公安局茅台派出所民警李明与社区干部查看茶园。",
                      "仁怀市公安局民警李明和老人一起聊天。")
    assert {o for s, p, o in found if s == "李明" and p == "holdsPost"} == {"仁怀市公安局茅台派出所"}
    # a different title above the unit is a post of its own
    found = relations("衢州市公安局柯城分局党委委员、交警大队大队长朱建华介绍，高家镇设立了“融警务站”。")
    assert {o for s, p, o in found if s == "朱建华" and p == "holdsPost"} == {
        "衢州市公安局柯城分局", "衢州市公安局柯城分局交警大队"}


def test_bodies_that_visit_a_programme_do_not_run_it():
    found = relations("岱山县公安局、嵊泗县公安局等相关负责人观摩了“联勤警务”模式。")
    assert not any(s == "联勤警务" and p == "implementedBy" for s, p, _ in found)


def test_a_programme_led_by_a_body_named_after_it_is_that_bodys():
    found = relations("北京市东城区深化平安建设。", "今年以来，“护苗行动”由东城区委政法委牵头，公安、教育等部门共同参与。")
    assert ("护苗行动", "implementedBy", "东城区委政法委") in found


def test_a_body_whose_directions_are_followed_does_not_run_the_programme():
    found = relations("锦州市公安局凌河分局局长李明表示，下一步将按照锦州市公安局部署，持续推进“智慧警务”建设。")
    assert {o for s, p, o in found if s == "智慧警务" and p == "implementedBy"} == {"锦州市公安局凌河分局"}


def test_a_place_written_before_its_own_division_only_addresses_it():
    # 云南长安网: 楚雄州南华县 is an address; the report is about 南华县, so a measure of a
    # sentence that names no place runs in the county, not in the prefecture
    found = relations(
        "近年来,楚雄州南华县在“化解矛盾风险 维护社会稳定”专项治理中,创新构建“四个一批”分级分层解纷机制。",
        "全县组建128个包村工作组,实行“清单化管理+动态跟踪”,确保风险“早发现、早介入、早处置”。",
        title="楚雄州南华县:“四级阶梯”巧解矛盾 奏响平安“和谐曲”")
    assert ("清单化管理+动态跟踪", "implementedIn", "南华县") in found
    assert not any(p == "implementedIn" and o == "楚雄彝族自治州" for _, p, o in found)


def test_a_programme_placed_by_one_sentence_is_not_guessed_into_the_focus_by_another():
    # an e-paper on 浙江's 诉源治理: 永康“龙山经验” runs in 永康市; the later sentence that
    # names it with no place does not add the province the article is about
    found = relations("浙江大力推进“诉源治理”,实现矛盾纠纷源头化解。",
                      "《融合》讲述的永康“龙山经验”便是最好的回答。",
                      "实际上,影片里的矛盾纠纷调解故事在浙江各地真实上演着。",
                      "随着“龙山经验”“普陀模式”的生根发芽,一个由党委领导的矛盾纠纷大调解工作格局正逐步形成。",
                      title="社会调解优先,法院诉讼断后")
    assert ("龙山经验", "implementedIn", "永康市") in found
    assert ("龙山经验", "implementedIn", "浙江省") not in found


def test_a_body_that_tells_the_news_neither_acts_nor_leads_the_article():
    # the bureau only announces the figures: the rooms are the district's, run by no body named
    found = relations("11月18日的新闻发布会上，南海区司法局通报，全区共有人民调解组织632个。",
                      "南海区打造多个品牌调解室，为群众提供更便捷的服务。",
                      "区人民法院与区司法局深化诉调对接。",
                      "“金钥匙调解工作站”推行“党建+未诉先办”工作机制，实现矛盾提早发现。",
                      title="南海区人民调解工作新闻发布会召开")
    assert not any(p == "implementedBy" for _, p, _ in found)
    assert ("金钥匙调解工作站", "implementedIn", "南海区") in found


def test_a_headlines_place_before_its_colon_acts_by_itself():
    found = relations("金集镇综治中心整合资源。", "金集镇综治中心受理群众诉求。",
                      title="天长金集镇：“四张网”推进矛盾化解工作")
    assert ("四张网", "implementedIn", "金集镇") in found
    assert not any(s == "四张网" and p == "implementedBy" for s, p, _ in found)


def test_the_lead_body_runs_a_programme_only_where_its_clause_does_something_to_it():
    # fresh sentences (盐城 公安, 佳木斯 网格化协调指挥中心, 温州 海滨街道, 奉贤 金汇镇): the
    # unnamed doer of 发起/采取 is the body the article is about ...
    lead = ("盐城市公安局充分发挥社会治理主力军作用。", "盐城市公安局推动社区民警全部沉入社区。")
    found = relations(*lead, "二是针对疑难复杂问题发起“梳网清格”集中行动。",
                      "中心采取“平台受理、网格办理”的模式，创新推出了“八步工作法”。")
    assert ("梳网清格", "implementedBy", "盐城市公安局") in found
    assert ("八步工作法", "implementedBy", "盐城市公安局") in found
    # ... but a platform someone reports through, or one that is its clause's subject, is run
    # by no body these sentences show
    found = relations(*lead, "网格员蔡向宇一边将情况汇报给网格长，一边通过手机里的“平安”APP系统将情况流转至城建办。",
                      "居民徐先生拿出手机便将问题上传至“汇治”App。",
                      "2020年8月，“智网人人拍”小程序上线，群众可通过小程序上报隐患问题。")
    programmes = {s for s, p, _ in found if p == "implementedIn"}
    assert {"平安APP", "汇治App", "智网人人拍小程序"} <= programmes
    assert not any(p == "implementedBy" for _, p, _ in found)


def test_a_township_committees_political_legal_member_holds_a_post_in_it():
    # fresh (麻城 铁门岗乡): 政法委员 is a post of the township's Party committee
    found = relations("麻城市铁门岗乡党委副书记、政法委员李希鸿介绍说，村级人民调解员充实了基层政法队伍。")
    assert ("李希鸿", "holdsPost", "铁门岗乡党委") in found


def test_bodies_whose_strong_support_a_clause_works_under_do_not_run_its_programme():
    # fresh (滑县人民法院, 2023): 大力支持 is one word; the court under its support runs it
    found = relations("滑县人民法院深化诉源治理。", "滑县人民法院推进矛盾纠纷多元化解。",
                      "近年来，在滑县县委、县政府的大力支持下，开展“无讼村居”创建工作。")
    runs = {o for s, p, o in found if s == "无讼村居" and p == "implementedBy"}
    assert runs == {"滑县人民法院"}


def test_a_station_belongs_to_the_county_body_of_its_kind_the_article_names():
    # fresh (兰考县, 2024): the township's station is the county bureau's unit
    found = relations("兰考县公安局深化“警网”联动。",
                      "4月7日上午，兰考县闫楼乡派出所组织召开“警网”联动会议，全体网格员参会。")
    assert ("闫楼乡派出所", "subOrganizationOf", "兰考县公安局") in found
    # a 司法所 is the county 司法局's, a 人民法庭 the county court's
    found = relations("铜川市印台区陈炉镇人民法庭坚持和发展新时代“枫桥经验”。",
                      "法庭与印台区法院诉讼服务中心、印台区司法局王石凹司法所联合建立联动协作机制。")
    assert ("陈炉镇人民法庭", "subOrganizationOf", "印台区人民法院") in found
    # only up to its county: a city's bureau is not the parent of a county's station
    found = relations("开封市公安局深化“警网”联动。",
                      "4月7日上午，兰考县闫楼乡派出所组织召开“警网”联动会议，全体网格员参会。")
    assert not any(p == "subOrganizationOf" for _, p, _ in found)


def test_a_body_that_names_a_model_does_not_run_it():
    # fresh (上海 周浦派出所, 2019): 公安部 names the model station; the station runs it
    found = relations("上海市公安局浦东分局周浦派出所积极对标“矛盾不上交”的社会治理样板。",
                      "经逐级推荐、考察评估，上海市公安局浦东分局周浦派出所脱颖而出，"
                      "并最终获公安部命名全国首批“枫桥式公安派出所”称号。")
    runs = {o for s, p, o in found if s == "枫桥式公安派出所" and p == "implementedBy"}
    assert runs == {"上海市公安局浦东分局周浦派出所"}
    # (山西 2019) where the naming body is the only one in its sentence, it still runs nothing
    found = relations("长治市公安局推进派出所建设。", "长治市公安局推动警力下沉。",
                      "我省两个派出所位列其中，被公安部正式命名为“枫桥式公安派出所”。")
    assert not any(o == "公安部" for _, p, o in found if p == "implementedBy")


def test_a_body_built_together_with_a_programme_does_not_run_it():
    # fresh page: 综治中心暨“雪亮工程”建设 — the centre is built alongside the project; it runs
    # nothing, the county does (its place stays)
    title = "蓬溪县举行综治中心暨“雪亮工程”建设现场推进会"
    found = relations("6月14日，我县举行综治中心暨“雪亮工程”建设现场推进会，旨在动员全县上下。", title=title)
    assert not {r for r in found if r[1] == "implementedBy"}
    assert ("雪亮工程", "implementedIn", "蓬溪县") in found


def test_a_body_that_tells_the_news_does_not_run_the_programme_nor_place_it_in_its_province():
    # 据X介绍，该县…: the provincial body is the source; the county the article is about runs it
    # (the county's page: a fresh one, whose second sentence takes the source's shape)
    title = "都安创新推出“一村一警”农村警务新机制"
    found = relations("由1.5万个弄场构成的都安瑶族自治县辖248个行政村和两个扶贫移民区。",
                      "据广西壮族自治区公安厅宣传处介绍，该县不断创新“一村一警”警务机制，使警务触角延伸至全县农村的每一个角落。",
                      title=title)
    assert ("一村一警", "implementedIn", "都安瑶族自治县") in found
    assert not any(s == "一村一警" and o.startswith("广西") for s, p, o in found)
    # fresh: the county acting by itself (在全区率先推出) keeps the county
    found = relations("由1.5万个弄场构成的都安瑶族自治县辖248个行政村和两个扶贫移民区。",
                      "针对农村复杂的治安现状，都安祭出新招——于去年初在全区率先创新推出“一村一警”农村警务工作新机制。",
                      title=title)
    assert ("一村一警", "implementedIn", "都安瑶族自治县") in found


def test_a_province_runs_what_an_article_about_the_province_says_it_runs():
    # fresh: the article is about the province, so the province stays the programme's place
    found = relations("近日，安徽省公安厅召开全省公安机关“一村一警”包村联系工作推进会，对50名优秀包村民警进行了表彰。",
                      "自2014年11月起，安徽省公安厅在全省公安机关部署开展“一村一警”包村联系工作。")
    assert ("一村一警", "implementedIn", "安徽省") in found
    assert ("一村一警", "implementedBy", "安徽省公安厅") in found
