"""The agencies component and resolution: bodies by grammar, chains of units, names from context."""
from __future__ import annotations

from kg.pipeline import analyse
from kg.model import Article, EntityType, Sentence


def extract(*sentences: str, title: str = "标题"):
    art = Article("100_test.txt", 0, title, sentences=[Sentence(t, i) for i, t in enumerate(sentences)])
    doc = analyse(art)
    ex, mentions = doc.extraction, doc.spans
    return ex


def agencies(*sentences: str, title: str = "标题") -> dict[str, set[str]]:
    """label -> aliases of every agency of the article."""
    return {e.name: e.aliases for e in extract(*sentences, title=title).entities
            if e.type is EntityType.AGENCY}


def relations(ex, predicate: str) -> set[tuple[str, str]]:
    names = {e.key: e.name for e in ex.entities}
    return {(names[r.subject], names[r.object]) for r in ex.relations if r.predicate == predicate}


def test_a_chain_of_units_gives_each_unit_with_its_parent():
    # corpus
    ex = extract("清晨，四川省成都市公安局青羊区分局苏坡派出所民警罗义已经开始了一天的巡逻工作。")
    found = {e.name: e.aliases for e in ex.entities if e.type is EntityType.AGENCY}
    assert {"成都市公安局", "成都市公安局青羊区分局", "成都市公安局青羊区分局苏坡派出所"} <= set(found)
    assert "苏坡派出所" in found["成都市公安局青羊区分局苏坡派出所"]
    assert ("成都市公安局青羊区分局苏坡派出所", "成都市公安局青羊区分局") in relations(ex, "subOrganizationOf")
    assert ("成都市公安局青羊区分局", "青羊区") in relations(ex, "locatedIn")


def test_short_and_newspaper_forms_merge_with_the_full_name():
    found = agencies("今年8月，宁波市公安局推出“甬警通”平台。", "宁波公安还组建了志愿者队伍。")
    assert "宁波公安" in found["宁波市公安局"]
    # a city district's police is the city bureau's 分局
    found = agencies("南宁市公安局青秀分局深化改革。", "青秀公安持续发力。")
    assert "青秀公安" in found["南宁市公安局青秀分局"]


def test_names_inherited_from_the_place_in_focus():
    # 市法院 in an article about 沁阳 is 沁阳市人民法院; 县公安局户籍中队 is 高阳县's
    found = agencies("沁阳市深化多元解纷。", "市法院设立诉前调解室。")
    assert "沁阳市人民法院" in found
    found = agencies("河北省保定市高阳县公安局深化改革。", "县公安局户籍中队主动上门服务。")
    assert "高阳县公安局户籍中队" in found


def test_bare_units_hang_from_the_body_named_before():
    ex = extract("昆明市公安局深化智慧安防小区建设。", "治安支队副支队长胡飞介绍了情况。")
    assert ("昆明市公安局治安支队", "昆明市公安局") in relations(ex, "subOrganizationOf")
    assert ("胡飞@530000", "昆明市公安局治安支队") in {
        (str(r.subject), {e.key: e.name for e in ex.entities}[r.object])
        for r in ex.relations if r.predicate == "holdsPost"}


def test_party_committee_organs_and_national_prefixes():
    found = agencies("宁波市委政法委牵头建立平台。", "中国人民银行包头市中心支行参与共建。")
    assert "宁波市委政法委" in found
    assert "中国人民银行包头市中心支行" in found


def test_words_that_only_look_like_bodies():
    # 处 in 处于, 所 in 所在 and generic kinds of body are not agencies
    found = agencies("驻村民警进村后就一直处于“灭火”状态。", "两人所在的小区治安良好。",
                     "各县区公安局、乡级综治中心和行业综治中心全部建成。")
    assert found == {}


def test_posts_with_two_titles():
    ex = extract("铜川市司法局党组书记、局长王昕说，全市共有调解员506名。",
                 "徐州市副市长、公安局局长王巧全介绍。")
    posts = {(e.name, r.role) for r in ex.relations if r.predicate == "holdsPost"
             for e in ex.entities if e.key == r.object}
    assert ("铜川市司法局", "党组书记、局长") in posts
    assert ("徐州市人民政府", "副市长") in posts and ("徐州市公安局", "局长") in posts


def test_a_body_of_an_autonomous_county_is_named_after_its_full_name_once():
    found = agencies("云南省昆明市石林县公安局打造“微勤务”指挥室。")
    assert "石林彝族自治县公安局" in found
    assert any(a.endswith("石林县公安局") for a in found["石林彝族自治县公安局"])


def test_grassroots_bodies_and_more_bureaus_are_agencies():
    found = agencies("南昌市青山湖区湖坊镇党委书记熊国平说，镇里还与箭盘社区居委会、程阳村村委会共建议事厅。",
                     "当天，该所联合沙井街道办事处开展宣传活动。",
                     "合肥市公安局、合肥市住房和城乡建设局联合出台规范。",
                     "林溪司法所所长吴春生说，调解好的案例编成了侗歌。")
    for name in ("湖坊镇党委", "箭盘社区居委会", "程阳村村委会", "沙井街道办事处",
                 "合肥市住房和城乡建设局", "林溪司法所"):
        assert any(label.endswith(name) for label in found), name


def test_a_plural_level_word_does_not_start_a_body_name():
    found = agencies("今年，南昌县将在向塘镇、武阳镇等18个乡镇全面推广综治中心“一站式”受理模式。")
    assert not any("推广" in label for label in found)


def test_a_model_to_copy_is_not_a_body():
    # 枫桥式 names a kind of body held up as a model, not one body
    found = agencies("南昌县打造“枫桥式”综治中心，群众反映诉求最多跑一地。",
                     "鱼峰警方同步开展“枫桥式公安派出所”创建，荣军派出所已成功创建。",
                     "今年，中队借创建“枫桥式交警中队”契机，加强联动。")
    assert not any("枫桥式" in label for label in found)


def test_a_unit_the_body_founds_is_its_sub_unit():
    ex = extract("阳朔县公安局组建旅游警察大队，在景区设立警务服务站9个。")
    assert ("阳朔县公安局旅游警察大队", "阳朔县公安局") in relations(ex, "subOrganizationOf")


def test_a_generic_body_belongs_to_the_district_the_sentence_just_named():
    found = agencies("昆明市盘龙区推进智慧安防小区建设，盘龙区已建成小区120个。",
                     "盘龙区公安分局牵头推进。",
                     "比如，昆明市呈贡区建成应用平台，与区委政法委、区网格中心视频专网连接。")
    assert "呈贡区委政法委" in found and "呈贡区网格中心" in found
    assert "盘龙区网格中心" not in found


def test_a_preposition_between_two_bodies_ends_the_chain():
    found = agencies("焦作市沁阳市推行诉调对接。",
                     "沁阳市综治中心调解员通过人民法院调解平台进行转办、调解。")
    assert not any("通过" in label for label in found)
    assert "沁阳市综治中心" in found


def test_a_peoples_tribunal_belongs_to_its_county_court():
    ex = extract("宜昌市夷陵区人民法院推进诉源治理。", "太平溪人民法庭设在太平溪镇，法官定期下村。")
    assert ("夷陵区人民法院太平溪人民法庭", "夷陵区人民法院") in relations(ex, "subOrganizationOf")
    assert ("夷陵区人民法院太平溪人民法庭", "太平溪镇") in relations(ex, "locatedIn")


def test_a_long_name_between_the_place_and_the_body_word():
    found = agencies("他的另一重身份是公益消防救援队——杭州金利浦消防应急救援队队长。")
    assert any(label.endswith("杭州金利浦消防应急救援队") or label == "杭州市金利浦消防应急救援队"
               for label in found), found


def test_a_one_character_unit_before_its_own_head():
    ex = extract("陈剑锋现任广东省广州市公安局指挥中心指挥处社会面防控科科长。")
    assert ("广州市公安局指挥中心指挥处社会面防控科", "广州市公安局指挥中心指挥处") in relations(
        ex, "subOrganizationOf")


def test_bodies_in_general_are_not_named_bodies():
    found = agencies("旌阳的做法为全市法院参与诉源治理提供了可借鉴的经验。",
                     "教育体育局为全区学校配备一键报警装置，与公安机关指挥中心联网。")
    assert not any(label.endswith(("人民法院", "指挥中心")) for label in found)
    assert "诸暨市社会治理中心" in agencies("诸暨市社会治理中心整合了信访、调解等力量。")


def test_a_station_named_after_a_road_holding_a_stop_character():
    ex = extract("遵义市公安局汇川分局推进护学岗。", "早上7点，汇川分局上海路派出所民警已经站在了小学门口。",
                 "成都市公安局大力推进智慧公安建设，高阳县公安局召开所有科所负责人会议。")
    assert ("遵义市公安局汇川分局上海路派出所", "遵义市公安局汇川分局") in relations(ex, "subOrganizationOf")
    labels = {e.name for e in ex.entities}
    assert not any("推进" in label or "召开" in label for label in labels)


def test_the_bodies_of_many_places_are_no_body():
    assert agencies("今年以来，山西多地公安机关深化社区警务改革。") == {}


def test_two_bodies_joined_by_lianhe_and_a_community_name_with_a_stop_character():
    ex = extract("东宁市公安局绥阳派出所联合绥阳镇党委推行“十户联防”。",
                 "社区民警把警务室搬进了上京社区居委会。")
    labels = {e.name for e in ex.entities}
    assert {"东宁市公安局绥阳派出所", "绥阳镇党委", "上京社区居委会"} <= labels
    assert not any(label.startswith("联合") or "联合" in label for label in labels)


def test_a_body_a_place_founds_is_the_places_body():
    ex = extract("杭州建立平安卫士关爱基金会", "杭州市平安卫士关爱基金会于2021年4月成立。", title="标题")
    bodies = [e for e in ex.entities if e.type is EntityType.AGENCY]
    assert len(bodies) == 1 and str(bodies[0].key) == "330100:平安卫士关爱基金会"   # one body, 杭州's
    assert {"杭州市平安卫士关爱基金会", "平安卫士关爱基金会"} <= {bodies[0].name, *bodies[0].aliases}


def test_a_quoted_name_before_a_team_names_it_and_the_mention_starts_at_the_quote():
    art = Article("100_test.txt", 0, "标题",
                  sentences=[Sentence("局联合县林业局组建“秦岭护林”联防队，在厚畛子镇开展巡护。", 0)])
    doc = analyse(art, until="agencies")
    teams = [m for m in doc.spans if m.type is EntityType.AGENCY and m.surface.endswith("联防队")]
    assert [m.surface for m in teams] == ["“秦岭护林”联防队"]
    assert teams[0].attrs["units"][0]["name"] == "秦岭护林"
    assert "秦岭护林联防队" in agencies("局联合县林业局组建“秦岭护林”联防队，在厚畛子镇开展巡护。")
    # without a quoted name or a place, a team is a kind of team
    found = agencies("分局西华派出所38个居民小区推广建设智慧安防前端，组建治安联防队。")
    assert not any(label.endswith("联防队") for label in found)


def test_the_stations_of_a_district_are_no_station():
    # 辖区派出所: the stations of the district, not one named after it
    found = agencies("银川市公安局金凤区分局在辖区派出所推行“警调联动”，今年以来民警与驻所调解员共同化解纠纷警情2140起。")
    assert set(found) == {"银川市公安局", "银川市公安局金凤区分局"}


def test_a_pronoun_is_a_whole_word():
    # 我所在的科室: 所在 (where), not 我所 (our station)
    art = Article("100_test.txt", 0, "标题",
                  sentences=[Sentence("我所在的科室荣获2020年广州市抗击新冠肺炎疫情“先进集体”。", 0),
                             Sentence("当天，该所联合沙井街道办事处开展宣传活动。", 1)])
    doc = analyse(art, until="agencies")
    assert [m.surface for m in doc.spans if m.attrs.get("pronoun")] == ["该所"]


def test_a_title_after_a_body_word_unless_a_place_starts_there():
    # 支队长安大队: 长安 is a place, so 支队 is a body and 长 no title
    found = agencies("今天上午，西安市公安局交通警察支队长安大队联合长安区应急管理局，在郭杜街道启动“平安骑行”专项行动。")
    assert {"西安市公安局交通警察支队", "西安市公安局交通警察支队长安大队", "长安区应急管理局"} <= set(found)
    # 治安支队副支队长: 长 after 支队 makes a title, not a second body
    assert set(agencies("昆明市公安局治安支队副支队长胡飞介绍情况。")) == {"昆明市公安局", "昆明市公安局治安支队"}


# ------------------------------------------------------------------ web reports (issue 12)

def test_a_name_starts_after_the_predicate_of_the_place_before_it():
    # the place is the subject: 以, 高度重视 begin its predicate, and a body after them is the
    # place's (区级 is the grade of the place itself), named without the verb
    ex = extract("近年来，红山区以区级综治中心为“中枢”，通过“高位统筹聚合力、基层深耕筑防线”的双轮驱动，"
                 "推动治理重心下移、资源下沉、力量下倾，逐步构建起全域协同、高效联动的基层治理新格局。",
                 "红山区高度重视综治中心建设，将其作为重点工程推进，以正科级建制实现实体化运行，统筹多部门力量，"
                 "打造“一站式”矛盾纠纷调处平台，推动群众诉求“只进一扇门、最多跑一地”。")
    found = {e.name for e in ex.entities if e.type is EntityType.AGENCY}
    assert found == {"红山区综治中心"}
    assert ("红山区综治中心", "红山区") in relations(ex, "locatedIn")
    # a verb that founds it: the body after the verb is still the place's
    assert "杭州市平安卫士关爱基金会" in agencies("杭州建立平安卫士关爱基金会")


def test_a_body_of_the_centre_has_no_place():
    ex = extract("全市共有9个派出所被评为全省“枫桥式公安派出所”，其中2个被公安部命名为全国“枫桥式公安派出所”。")
    found = {e.name: e for e in ex.entities if e.type is EntityType.AGENCY}
    assert set(found) == {"公安部"}
    assert not any(s == found["公安部"].key for s, _ in
                   {(r.subject, r.object) for r in ex.relations if r.predicate == "locatedIn"})
    # 公安部门 (the police departments) is no ministry
    assert agencies("临桂区榕山警务工作站“巡警与保安街面巡防”等桂林市公安部门在治安工作方面的经验做法，"
                    "得到了与会代表的充分肯定。") == {}


def test_an_autonomous_region_is_the_province_a_level_word_stands_for():
    found = agencies("上旬，广西壮族自治区柳州市鱼峰区荣军街道箭盘社区居民黄某拨打电话求助。",
                     "近年来，桂林市公安局根据自治区公安厅的总体要求，以全区基层基础建设3年攻坚大会战为抓手。")
    assert {"广西壮族自治区公安厅", "桂林市公安局"} <= set(found)
    # with no region named, 自治区公安厅 is no body of the city before it
    found = agencies("近年来，桂林市公安局根据自治区公安厅的总体要求，以全区基层基础建设3年攻坚大会战为抓手。")
    assert set(found) == {"桂林市公安局"}


def test_party_committees_of_every_level_and_the_government_beside_them():
    found = agencies("本报讯 记者从安徽省委政法委获悉，截至 5月底，全省共划分城乡网格。",
                     "省委政法委有关负责同志表示，今年将重点推进网格员队伍专业化建设。")
    assert set(found) == {"安徽省委政法委"}        # 省委政法委 is the province's
    # 镇党委政府: the town's committee and the town's government, not a unit of the committee
    ex = extract("东宁市公安局绥阳派出所联合绥阳镇党委推行“十户联防”。",
                 "通过定期向镇党委政府汇报工作、明确部门责任边界，形成了 “横向到边、纵向到底” 的协同治理网络。")
    found = {e.name for e in ex.entities if e.type is EntityType.AGENCY}
    assert {"绥阳镇党委", "绥阳镇人民政府"} <= found
    assert not any(label.endswith("党委政府") for label in found)
    assert not any(s.endswith("人民政府") for s, _ in relations(ex, "subOrganizationOf"))


def test_a_level_word_after_a_pronoun_names_the_place_before():
    ex = extract("近日，盐城市滨海县滨淮镇网格化中心广泛动员各方力量，以夯实基础建设为根本。",
                 "该镇网格化中心根据省、市、县工作要求，科学划分微网格，并为每个微网格配备了微网格联络员、"
                 "微网格志愿者，有效推进微网格组织建设。")
    found = [e for e in ex.entities if e.type is EntityType.AGENCY]
    assert [e.name for e in found] == ["滨淮镇网格化中心"]
    assert "盐城市滨海县滨淮镇网格化中心" in found[0].aliases
    assert len(found[0].sentences) == 2          # 该镇网格化中心 is the same centre
    assert ("滨淮镇网格化中心", "滨淮镇") in relations(ex, "locatedIn")


def test_a_centre_with_no_place_is_a_kind_of_centre():
    found = agencies("一是筑牢群众诉求“服务窗”。中心整合信访接待中心、公共法律服务中心、诉讼服务中心、"
                     "检察服务中心、妇联维权中心等有关功能。")
    assert found == {}


def test_a_joint_verb_and_a_photo_credit_begin_no_name():
    found = agencies("针对辖区矛盾纠纷特点和调解队伍实际，整合村级警务网格员、法律明白人、社区警务助理各方资源，"
                     "协同乡综治中心、派出所、司法所等部门做实“三级联调”，实现小事不出村、大事不出乡、矛盾不上交。")
    assert not any("协同" in label for label in found)
    ex = extract("百梓派出所的民警指导榕湖社区“红袖章”巡防队员进行训练记者陈静摄白龙派出所在辖区开展平安建设宣传活动。")
    doc_labels = {e.name for e in ex.entities if e.type is EntityType.AGENCY}
    assert not any("摄" in label for label in doc_labels)


def test_urban_and_rural_communities_are_kinds_of_body():
    found = agencies("据长子县公安局行政审批科科长张园园介绍，长子县现有192个村、6个城市社区居委会。")
    assert set(found) == {"长子县公安局", "长子县公安局行政审批科"}


# The sentences below are written for the test (the corpora hold no sentence of the kind).

def test_a_body_word_of_the_kind_just_named_starts_no_unit():
    # 综治中心…综治中心: the clause goes on about centres; no centre inside the centre
    found = agencies("调研组来到城关镇综治中心实地调研综治中心规范化建设情况。")
    assert set(found) == {"城关镇综治中心"}


def test_a_section_is_a_unit_of_a_body_not_of_a_place():
    # 科右前旗: a county the gazetteer knows by its full name only; its 科 is no section
    found = agencies("近年来，内蒙古自治区科右前旗公安局深入推进民族团结进步创建。")
    assert not any(label.endswith("自治区科") for label in found)


def test_a_name_does_not_run_over_a_body_word_that_names_nothing():
    # 高新区党工委 names no body with no place before it, and no name runs over it to 政法委
    assert agencies("各县（区）委政法委、高新区党工委政法委负责同志参加会议。") == {}


def test_an_idiom_of_action_begins_no_name():
    assert agencies("为贯彻落实全市综治中心建设现场会精神，各地加快推进。") == {}


def test_a_place_pronoun_opening_a_clause_is_the_subject_of_its_predicate():
    county = ("今年以来，在推进县域治理体系和治理能力现代化的大视野下，安康市镇坪县结合政法队伍教育整顿和"
              "党史学习教育，创新实行“网格员+N”管理模式，着力解决群众“急难愁盼”问题。")
    # written for the test: 我县 is the subject; the centres after its predicates are the county's
    ex = extract(county, "我县高度重视综治中心建设，依托县综治中心化解矛盾纠纷。",
                 "近日，我县建立社会矛盾调处中心。")
    found = {e.name for e in ex.entities if e.type is EntityType.AGENCY}
    assert found == {"镇坪县综治中心", "镇坪县社会矛盾调处中心"}
    # 乡镇综治中心 after the predicate is the kind of centre
    assert agencies(county, "我县积极推动乡镇综治中心建设。") == {}


def test_the_committee_of_a_level_after_a_verb_joining_bodies():
    # web3 c11 (a city site that never writes its city but in 平安青岛): 市委 after 联合 is the
    # city's committee, its 政法委 an organ of it; 办公厅 is a unit of the government
    found = agencies("平安,民之所盼,发展之基。在新时代“枫桥经验”实践中,市司法局联合市委政法委、"
                     "市政府办公厅、市公安局共同建立了“三所联调”工作机制。",
                     "为平安青岛、法治青岛建设筑牢和谐稳定之基。")
    assert {"青岛市司法局", "青岛市委政法委", "青岛市人民政府办公厅", "青岛市公安局"} <= set(found)
    assert "市委政法委员会" not in found
    # the committee and the government are named only through their organ and office
    assert not {"青岛市委", "青岛市人民政府"} & set(found)


def test_central_party_and_state_offices():
    found = agencies("实行派出所、司法所、律师事务所“三所联动”机制是全面贯彻中共中央办公厅、国务院办公厅"
                     "《关于坚持和发展新时代“枫桥经验”提升社会矛盾纠纷预防化解能力的意见》的有力探索。")
    assert {"中共中央办公厅", "国务院办公厅"} <= set(found)


def test_a_municipal_districts_police_branch_goes_by_its_forms():
    # web3 c06: 区公安分局 on a district site of a province-level city
    found = agencies("8月7日上午,普陀区司法局联合区公安分局、律师事务所举行“枫调理顺”三所联动调解室启动仪式。")
    branch = next(name for name in found if name.endswith("分局"))
    assert branch.startswith("上海市公安局")
    assert {"普陀区公安分局", "上海市公安局普陀分局"} <= found[branch]
    assert "普陀区分局" not in found


def test_a_province_never_named_is_the_one_all_the_places_lie_in():
    # web3 c09: a city paper names 漳州 and 芗城 but never 福建
    text = ("12月28日,我市首个全国“枫桥式公安派出所”授牌仪式在芗城巷口派出所举行。"
            "省公安厅副厅长黄华安,副市长、市公安局局长肖申华参加仪式。")
    found = agencies("漳州首个全国“枫桥式公安派出所”授牌仪式举行", text)
    assert {"福建省公安厅", "漳州市公安局"} <= set(found)
    # one place is no agreement (适应城市 misread as 应城市 must not make a 湖北省公安厅)
    found = agencies("副省长、省公安厅厅长许甘露明确提出，要构建适应城市和农村两类地区治安实际的体系。")
    assert not any(name.endswith("省公安厅") for name in found)


def test_divisions_of_a_court_and_a_towns_service_centre():
    # web3 c08: a court's 立案庭 is a unit of the court; web3 c10: a town's 社会服务中心
    ex = extract("鹿邑县人民法院将“万人成讼率”纳入乡镇平安建设考核。",
                 "“我们定期对各乡镇的万人成讼率进行统计排名,”鹿邑县人民法院立案庭负责人介绍。")
    assert ("鹿邑县人民法院立案庭", "鹿邑县人民法院") in relations(ex, "subOrganizationOf")
    found = agencies("天台县公安局打造“警网融合”品牌。",
                     "5月初,白鹤镇澄村网格员姜某发现一名男子行迹可疑,通过“平安通”APP,"
                     "向白鹤镇社会服务中心发送了图文消息。")
    assert "白鹤镇社会服务中心" in found
    # with no place before it, a service centre is a kind of centre
    assert agencies("各地纷纷建设社会服务中心。") == {}


def test_a_station_named_after_a_town_of_the_county_in_focus_serves_that_county():
    # web3 c11: 中山路 is a 街道 of 市南区 that the report never names as such
    ex = extract("市南区深入践行新时代“枫桥经验”,扎实推进“三所联调”工作机制。",
                 "针对地铁区域纠纷突发性强、敏感度高的特点,中山路司法所联合地铁派出所、共建法律服务所,"
                 "研究起草《地铁纠纷联调工作指引》。")
    assert ("中山路司法所", "市南区") in relations(ex, "locatedIn")
    # a name that is no town of that county places nothing
    assert not {a for a, b in relations(ex, "locatedIn") if a.startswith("地铁")}


def test_the_social_work_departments_of_party_committees_and_the_centre():
    # real pages (株洲市荷塘区 site, 2024; a 2023 report on the 浦江 meeting): the new 社会工作部
    # of a Party committee, and the central one, which is no unit named before
    found = agencies("6月11日,中共株洲市荷塘区委社会工作部揭牌成立,这是株洲市首个揭牌成立的区委社会工作部。",
                     "7月21日上午,中央社会工作部、国家信访局与浙江省委在浦江县召开总结推广“浦江经验”"
                     "深入开展领导干部接访下访经验交流会。")
    local = next(name for name in found if name.endswith("区委社会工作部"))
    assert "荷塘区" in local and "中央社会工作部" not in found[local]
    assert {"中央社会工作部", "国家信访局", "浙江省委"} <= set(found)


def test_a_quoted_epithet_after_the_place_stays_out_of_the_name():
    # a county paper (2022, printed in traditional characters; here as the cleaning step
    # gives it): 镇安县“一站式”矛盾纠纷调解中心 is the county's centre; with no place before
    # it, the same words are the kind of centre
    found = agencies("本报讯 (通讯员 辛恒卫)镇安县司法局发挥司法行政职能,开展矛盾纠纷大调解、大化解专项活动。",
                     "加快完善联动联调工作机制,通过县级“一站式”矛盾纠纷调解中心统筹、联动各方力量化解重大疑难复杂纠纷。",
                     "今年以来,镇安县“一站式”矛盾纠纷调解中心共调处各类矛盾纠纷65起,司法确认52起。")
    assert "镇安县“一站式”矛盾纠纷调解中心" in found["镇安县矛盾纠纷调解中心"]
    assert "矛盾纠纷调解中心" not in found


def test_kinds_of_mediation_committee_are_no_committee():
    # a county yearbook (定安县, 2020): 行业性、专业性人民调解委员会 are kinds
    found = agencies("县司法局为加强调解组织建设,积极推进行业性、专业性人民调解委员会发展。")
    assert not any(name.startswith(("专业性", "行业性")) for name in found)


def test_a_police_branch_is_named_as_its_city_bureau_names_it():
    # real pages (泉州 2024, 中山 2024): 丰泽公安分局 is 泉州市公安局丰泽分局; 中山 has no
    # counties, so the 公安分局 of its town 古镇镇 is the city bureau's too
    found = agencies("福建省泉州市丰泽区公安局积极响应时代要求,创新警务模式。",
                     "泉州市公安局坚持和发展新时代枫桥经验,全面开展枫桥式公安派出所创建活动。",
                     "丰泽公安分局以铭湖警务室为试点,打破传统警务室职能壁垒。")
    assert "丰泽公安分局" in found["泉州市公安局丰泽分局"]
    found = agencies("海洲派出所位于中山市古镇镇海洲村,共有63位民警和辅警。",
                     "以4月2日为例,清晨第一缕阳光刚刚投射到海洲村,古镇公安分局海洲派出所所长彭晖就赶到了办公室。")
    assert "古镇公安分局" in found["中山市公安局古镇分局"]
    assert "中山市公安局古镇分局海洲派出所" in found


def test_a_unit_of_a_kind_its_body_has_many_of_names_none_without_a_name():
    # a court's page (南阳, 2020): 邓州法院人民法庭工作 and 调研人民法庭工作 are the tribunals'
    # work in general, no one tribunal
    found = agencies("11月18日,河南省南阳市中级人民法院党组书记、院长秦德平轻车简从来到邓州,调研人民法庭工作。",
                     "调研结束后,秦院长对邓州法院人民法庭工作提出要求。")
    assert {"南阳市中级人民法院", "邓州市人民法院"} <= set(found)
    assert not any(name.endswith("人民法庭") for name in found)


def test_a_provinces_court_is_its_high_court():
    # the same court page: 落实省法院部署 (落实 is a verb, whatever jieba's dictionary says)
    # names the province's court, which is its 高级人民法院
    found = agencies("11月18日,河南省南阳市中级人民法院党组书记、院长秦德平轻车简从来到邓州,调研人民法庭工作。",
                     "一要大力加强人民法庭信息化建设,落实省法院部署的网上立案、跨域立案诉讼服务工作。")
    assert "河南省高级人民法院" in found
    assert not any(name.startswith("落实") for name in found)


def test_a_body_named_by_its_heads_title_is_the_place_named_just_before():
    # a city 政法 portal (德阳, 2022): the report is about a town, but 政法委书记 after
    # 德阳市委常委 is the city's
    found = agencies("6月8日上午,德阳市委常委、政法委书记廖凯主持召开积金镇乡村振兴座谈会,"
                     "听取了积金镇党委政府关于综治中心建设的情况汇报。",
                     "中江县司法局和积金镇党委政府有关负责同志参加座谈。")
    assert "德阳市委政法委" in found
    assert not any(name.startswith("积金镇") and "政法委" in name for name in found)


def test_a_bureau_before_the_contracted_title_of_its_head():
    # a news portal (东南网, 2019): 县公安局长 is the head of the county's 公安局
    ex = extract("近日,平和山格镇“乡村110”网格治理工作正式启动,该项工作将与创建平安山格有机结合。",
                 "副县长、县公安局长周志伟参加仪式。")
    assert "平和县公安局" in {e.name for e in ex.entities if e.type is EntityType.AGENCY}
    assert ("周志伟", "平和县公安局") in {(a.split("@")[0], b) for a, b in relations(ex, "holdsPost")}


def test_a_task_force_is_named_by_its_task():
    # corpus: the name of a 领导小组 set up by a relative clause is its task, verbs and all;
    # a 专班 that people merely form (民警组成调解专班) is named by no verb
    found = agencies("分局成立由分局局长任组长，其他局领导为副组长，部分警种部门主要负责同志为成员的"
                     "集中化解信访积案工作领导小组，实行“一起案件、一个包案领导、一个工作团队”责任制。")
    assert any("集中化解信访积案工作领导小组" in {name, *aliases} for name, aliases in found.items())
    assert "积案领导小组" not in found
    found = agencies("接到报告后,网格工作组立即联合司法所、社区工作人员及派出所民警组成调解专班,"
                     "还特意请原房东到现场作证。")
    assert not any(name.endswith("专班") for name in found)


def test_a_level_words_party_organ_is_the_committees_organ_of_the_place_in_focus():
    # a real page (辽宁长安网): 县政法委 in a report on 建平县 is 建平县委政法委, the
    # same body as 建平县政法委, not a 政法委员会 of its own
    found = agencies("2月24日,建平县政法工作会议在建平县人民会堂召开。",
                     "会上,县政法委通报了被约谈乡镇近两月平安建设群众满意度测评情况。")
    assert "建平县委政法委" in found
    assert not any(name.endswith("政法委员会") for name in found)


def test_an_office_named_by_its_heads_title_alone_is_the_place_in_focus_and_daibiao_is_a_verb():
    # a county 政协 page: 综治办主任 with no place is the county's 综治办; 代表 (acting for) is
    # a verb a name never runs over (a real page: 许哲茂代表县委…表示热烈的祝贺)
    found = agencies("9月28日,大悟县政协开展“平安大悟建设”双月协商活动。",
                     "会上,县政法委副书记、综治办主任李睿代表县政法委详细通报“平安大悟建设”工作情况。")
    assert {"大悟县综治办", "大悟县委政法委"} <= set(found)
    assert not any("代表" in name for name in found)
    found = agencies("5月10日上午,县委政法委组织召开平山县平安建设、法治建设考核推进会。",
                     "政协会第三场会议召开,伍信鸥主持,许哲茂代表县委对大会的圆满成功表示热烈的祝贺。")
    assert "平山县委" in found and not any("代表" in name for name in found)


def test_an_adverb_after_a_place_pronoun_does_not_hide_the_pronoun_from_the_body_after_it():
    # 该县将综治中心建设列为…: 将 is a word a name never runs over, yet the centre is the county's
    found = agencies("在新时代基层社会治理现代化的探索之路上,昭通市鲁甸县锚定目标。",
                     "该县将综治中心建设列为基层治理“一把手”工程,对标省、市要求出台专项实施方案。")
    assert "鲁甸县综治中心" in found


def test_grid_service_and_supervision_centres_and_stations_of_a_place():
    # a city 政协 page: the grid stations and centres of each level are bodies of their place;
    # the levels' kinds of centre (市、县监管中心、乡镇管理中心) are none
    found = agencies("视察组一行先后前往旌阳区城南街道舟山社区网格化服务管理站、城南街道网格化服务管理中心、"
                     "旌阳区网格化服务管理监管中心,对四级网管系统建设情况进行了详细了解。",
                     "建立起市、县监管中心、乡镇管理中心、村管理站、网格点五级联动的管理系统和格局。")
    assert {"舟山社区网格化服务管理站", "城南街道网格化服务管理中心", "旌阳区网格化服务管理监管中心"} == set(found)


def test_a_mediation_committee_named_by_its_task_and_what_is_stationed_at_a_court():
    # a district site: the committee's name runs over its task (重大疑难复杂矛盾纠纷); 驻法院
    # says where its room sits and names no unit of it
    found = agencies("双方多次协商无果,经区司法局引导,双方当事人到“长寿区重大疑难复杂矛盾纠纷人民调解委员会"
                     "驻法院综合调解室”申请调解。")
    assert "长寿区重大疑难复杂矛盾纠纷人民调解委员会" in found
    assert not any(name.endswith("驻法院") for name in found)
    # a real e-paper report: a committee named after its park keeps its name
    found = agencies("日前,瑞安市萤火虫新居民爱心公益服务中心调解室和瑞安电商文创园人民调解委员会相继挂牌成立。")
    assert "瑞安市电商文创园人民调解委员会" in found


def test_a_verb_jieba_tags_a_noun_does_not_open_a_body_name():
    # 联系 and 调研 are verbs of the report (kg/lexicons/tag_corrections.txt); read as nouns,
    # the name of the centre after them ran over them (联系镇综治中心, 通城县调研综治中心)
    found = agencies("民警并未简单处置,而是立即联系镇综治中心、司法所和村委会组成联合调解组。")
    assert not any(name.startswith("联系") for name in found)
    found = agencies("7月7日,市委常委、政法委书记谭海华来通城县调研综治中心规范化建设工作。县委常委、政法委书记杜艳珍参加。")
    assert "通城县委政法委" in found and not any("调研" in name for name in found)


def test_a_body_name_ends_before_a_verb_jieba_tags_as_a_name():
    # a fresh page (no dev set): 荣获 (to be awarded) is tagged nr, and the station's name ran
    # on over it and the honour
    assert set(agencies("厦门市公安局思明分局莲前派出所荣获全国模范公安单位称号。")) == {
        "厦门市公安局", "厦门市公安局思明分局", "厦门市公安局思明分局莲前派出所"}


def test_a_verb_of_one_character_before_a_body_word_names_no_unit():
    # fresh pages (no dev set): 建所 (to found the station) made a unit 派出所建所
    assert set(agencies("淮滨县公安局马集派出所始建于1975年，现设2个警务室。",
                        "马集派出所建所45年来，由最初的一名公安特派员发展到十多名警力。")) == {
        "淮滨县公安局", "淮滨县公安局马集派出所"}
    assert set(agencies("淮滨县公安局马集派出所建所以来，民警们默默奉献。")) == {
        "淮滨县公安局", "淮滨县公安局马集派出所"}


def corpus_agencies(*sentences: str, title: str = "标题") -> dict[str, set[str]]:
    """label -> aliases of every agency node the graph gets (after corpus-wide merging)."""
    from kg.resolve.corpus import resolve_entities
    corpus = resolve_entities([extract(*sentences, title=title)])
    return {e.label: e.aliases for e in corpus.entities.values() if e.type is EntityType.AGENCY}


def test_a_body_with_two_official_names_goes_by_both():
    # fresh pages: 西乡县's 县法院, 新化县's 县政府, Shaanxi's 省检察院 (the text gives the short
    # form, the label is the full one; an annotator may write either)
    found = corpus_agencies("西乡县政协视察基层社会治理。",
                            "座谈会上，县司法局、县公安局、县法院分别就本单位工作开展情况作了汇报。")
    assert "西乡县法院" in found["西乡县人民法院"]
    found = corpus_agencies("新化县推进三调联动。", "新化县委、县政府高度重视“三调联动”及人民调解工作。")
    assert "新化县政府" in found["新化县人民政府"]
    found = corpus_agencies("陕西省召开矛盾纠纷排查化解工作会议。",
                            "省委政法委书记庄长兴讲话，省检察院检察长杨春雷出席。")
    assert "陕西省检察院" in found["陕西省人民检察院"]
    assert "陕西省委政法委员会" in found["陕西省委政法委"]
    # a body with a name of its own keeps only its names
    found = corpus_agencies("清晨，四川省成都市公安局青羊区分局苏坡派出所民警罗义开始巡逻。")
    assert found["成都市公安局"] == set()


def test_a_committee_named_as_the_source_of_a_task_is_no_body_of_the_article():
    # fresh pages: the committees above are named in passing (GUIDELINES: optional)
    for text in ("近年来，全省各级法院按照中央和省委部署，积极参与矛盾纠纷多元化解。",
                 "全市政法系统坚定贯彻落实党中央决策部署和省委、市委工作要求，有效维护了社会安定。",
                 "全市政法机关要按照中央政法工作会议精神和市委工作要求，深入推进党建引领基层治理。"):
        assert not {n for n in agencies("云南省红河州推进多元解纷。", text) if n.endswith("委")}, text
    # a committee that acts or that someone holds a post in stays
    found = agencies("新化县推进三调联动。", "新化县委、县政府高度重视“三调联动”及人民调解工作。")
    assert "新化县委" in found
    found = agencies("绛县推进矛调中心建设。", "7月10日，县委常委、政法委书记程海龙来到卫庄镇指导督查。")
    assert "绛县委" in found


def test_the_staffing_office_of_a_committee_is_a_body():
    # 编办 (机构编制委员会办公室): 县委编办 is the committee's office, not the committee itself
    found = agencies("东海县加强网格化建设。", "10月9日，县委编办副主任付梅一行赴青湖镇调研。")
    assert "东海县委编办" in found and "东海县委" not in found


def test_a_predicate_after_a_body_starts_a_clause_not_a_unit():
    # heldout_web7: the government is the subject, 高度重视 begins its predicate; the centre
    # after it is no unit of the government (a name never runs over a predicate)
    found = agencies("拜泉县推进综治中心建设。",
                     "拜泉县委、县政府高度重视县级综治中心规范化建设工作，县委书记荣军组织召开专题推进会。")
    assert {"拜泉县委", "拜泉县人民政府"} <= set(found)
    assert not [n for n in found if "重视" in n]
    # fresh page: the same shape with no body after the predicate is unchanged
    found = agencies("新化县推进三调联动。", "新化县委、县政府高度重视“三调联动”及人民调解工作。")
    assert set(found) == {"新化县委", "新化县人民政府"}


def posts(*sentences: str) -> set[tuple[str, str]]:
    """(person, agency) of every holdsPost of the article."""
    ex = extract(*sentences)
    names = {e.key: e.name for e in ex.entities}
    return {(names[r.subject], names[r.object]) for r in ex.relations if r.predicate == "holdsPost"}


def test_a_body_named_by_its_heads_title_alone_is_the_place_in_focus():
    # fresh pages: jieba writes 公安局长 as one word; the bureau is the place's in focus
    assert ("王锡章", "三明市公安局") in posts(
        "3月6日，全市公安局长会议以视频会形式召开，副市长、公安局长王锡章出席会议并讲话。",
        "三明市公安局部署工作。")
    assert ("余绍朝", "竹溪县公安局") in posts(
        "5月30日，竹溪县副县长、公安局长余绍朝带领本局相关单位负责人前往平利县公安局进行交流。")
    assert ("吴宗学", "南部县公安局") in posts(
        "南部县警方为“警情”“分家”破解难题。",
        "全县成立以县长任爱民任组长、县政法委书记王洪波、副县长、公安局长吴宗学任副组长的工作领导小组。")
    # heldout_web7: a roster of a county's leaders in a report that names its towns more often;
    # a bureau is never a town's, 组织部长 is the committee's organ, 政府副县长 the county's
    found = agencies("山阴县召开会议。",
                     "县委常委、组织部长舒晓海，县委常委、古城镇党委书记常青，政府副县长、公安局局长张建国出席。",
                     "古城镇开展活动。", "古城镇召开会议。")
    assert {"山阴县委组织部", "山阴县人民政府", "山阴县公安局"} <= set(found)
    assert "古城镇公安局" not in found
    # a bare 组织部 or 政府 with no title after it still names no body
    assert not agencies("山阴县召开会议。", "组织部和政府有关人员参加。")


def test_bodies_listed_after_one_of_a_place_are_that_places():
    # fresh page: 县法院、检察院、公安局 are the county's three bodies (卫健局 is no body
    # every place has one of: not inferred)
    found = agencies("3月2日下午，道县召开2023年县委政法工作会议。",
                     "会议观看了全市政法系统教育片《政法利剑》，县法院、检察院、公安局、卫健局、"
                     "退役军人事务局、蚣坝镇、上关街道主要负责人就相关工作作典型发言。")
    assert {"道县人民法院", "道县人民检察院", "道县公安局"} <= set(found)
    # heldout_web7
    found = agencies("长寿区法院、检察院、公安局、司法局负责人围绕各自工作，分别对第一季度社会治安形势进行分析研判。")
    assert {"长寿区人民法院", "长寿区人民检察院", "长寿区公安局", "长寿区司法局"} <= set(found)
    assert "长寿区检察院" in found["长寿区人民检察院"]
    # not after a station: 派出所、司法所 name no place's
    assert not agencies("县综治中心、派出所、司法所开展活动。")


def test_a_level_word_right_before_a_body_word_opens_its_name():
    # heldout_web8: jieba reads the verbs 通报 and 设置 as nouns; no name runs over the level word
    found = agencies("三江侗族自治县公安局开展活动。",
                     "交管大队迅速将线索通报县公安局侦查中心，侦查中心启动跨警种协作机制。",
                     "四楼设置县综治中心联合办公区。")
    assert {"三江侗族自治县公安局", "三江侗族自治县综治中心"} <= set(found)
    assert not [n for n in found if "通报" in n or "设置" in n]
    # fresh page: after a verb jieba tags as one it was right already
    found = agencies("周至县纪委监委联合县法院、县检察院、县公安局，共同制定制度。",
                     "由相关科室提出移送意见，将线索移交县公安局。")
    assert "周至县公安局" in found and not [n for n in found if "移交" in n]


def test_and_before_a_level_word_joins_two_bodies():
    # heldout_web8: 林溪派出所和县公安局 is two bodies, no county 和县
    found = agencies("近日，杨女士分别来到三江侗族自治县公安局林溪派出所和县公安局侦查中心，给民警送上锦旗。")
    assert not [n for n in found if n.startswith("和县")]
    # the county itself, written before its bureau, stays
    assert "和县公安局" in agencies("马鞍山市和县公安局开展夏季治安整治行动。")



def test_a_place_name_holds_no_body_word():
    # heldout_web7: the 科 of 科左中旗 (a banner's short name) is no section that would end a
    # name; the bureau is the banner's, under its full name
    found = agencies("如何创建“枫桥式公安派出所”？科左中旗公安局树立大抓基层、大抓基础导向。")
    assert "科尔沁左翼中旗公安局" in found and "中旗公安局" not in found
    assert "科左中旗公安局" in found["科尔沁左翼中旗公安局"]
    # the same for another banner, and for the county named 公安 (police)
    assert set(agencies("内蒙古自治区科右前旗公安局深化改革。")) == {"科尔沁右翼前旗公安局"}
    assert "公安县公安局" in agencies("荆州市公安县公安局开展专项行动。")


def test_a_kind_of_body_after_a_places_predicate_is_none_of_the_places():
    # heldout_web7: the visitors study the towns' centres in general at 薛圐圙乡
    found = agencies("山阴县推进网格化。", "广武镇、薛圐圙乡调研乡镇综治中心实体化运行。")
    assert not [n for n in found if "乡镇" in n]
    # a body named after the predicate still is the place's (红山区成立诉源治理工作领导小组)
    assert "夷陵区诉源治理工作领导小组" in agencies("夷陵区成立诉源治理工作领导小组。")


def test_a_body_name_never_runs_over_an_adverb_or_a_particle_of_aspect():
    # fresh pages (Yunnan yearbook, Inner Mongolia news): 充实 (tagged ad) and 着 (tagged uz)
    # are no part of a body's name; a bare 调解委员会 or 镇司法所 names no one body
    found = agencies("1996年，在农村基层组织建设中调整充实调解委员会，健全完善调解组织。")
    assert not any(name.startswith(("调整", "充实")) for name in found)
    found = agencies("视频还连接着镇司法所，遇到有关问题需要司法所所长调解和指导的。")
    assert not any(name.startswith("着") for name in found)
    # an adjective inside a name stays: 大龙湖分局
    assert "大龙湖分局" in agencies("大龙湖分局联合城管、消防等部门组建200余人“兵团”开展首次集中“梳清”。")


def test_a_bare_name_of_distinguishing_words_or_a_grade_names_a_kind_of_body():
    # heldout_web9: 一站式 and 临时 (jieba's distinguishing words) and a quoted grade say what
    # kind of body, not which one
    found = agencies("各乡镇(街道)依托综治中心或公共法律服务工作站,设立一站式调解中心,聘请专职调解员。",
                     "线下联动村党支部书记、老党员及网格员组建临时专班,深入牧户帐篷。",
                     "2025年,横峰县综治中心在全省县级综治中心等级评定中获评“一级”综治中心。")
    assert set(found) == {"横峰县综治中心"}
    # a fresh page (Shandong legal news): a grade that opens the name is a grade as well; the
    # town's centre named before it stays
    found = agencies("院东头镇一站式调解中心是沂水县标准化、实体化运作的镇级矛盾调解中心。")
    assert "院东头镇一站式调解中心" in found and not any(n.startswith("镇级") for n in found)
    # levels paired (州县) are a kind word; a quoted name of its own still names a body
    assert not agencies("把阵地建在综治中心上,州县综治中心成立党支部。")
    assert "政法+金融工作专班" in agencies("针对金融企业的特点，成立“政法+金融”工作专班。")


def test_a_village_party_branch_is_named_by_its_village():
    # heldout_web10 and a fresh page (Jining news): the branch of a named village is a body of
    # that village; a branch of no named village (村党支部) is the kind
    ex = extract("岱岳区下港镇开展工作。", "下港镇朝阳村党支部书记")
    assert ("朝阳村党支部", "朝阳村") in relations(ex, "locatedIn")
    found = agencies("太白湖新区石桥镇辛店村位于石桥镇南部。",
                     "为破解辛店村党支部软弱涣散问题,将各项工作拉回正轨。",
                     "石桥镇党委将原村支部划分为4个支部,成立辛店村党总支。")
    assert {"辛店村党支部", "辛店村党总支"} <= set(found)
    assert not [n for n in agencies("进一步强化了村党支部在农村的领导核心和战斗堡垒作用。") if "党支部" in n]


def test_a_tribunal_by_its_short_form_is_a_unit_of_the_court_before_it():
    # heldout_web10 and a fresh page (Gansu legal news, Henan court news): 法庭 after a court
    # and a town's short name is the court's tribunal there
    ex = extract("资中县法院银山法庭辖区覆盖2镇27个村。")
    assert ("资中县人民法院银山法庭", "资中县人民法院") in relations(ex, "subOrganizationOf")
    found = agencies("6月27日一大早,灵台县人民法院什字法庭庭长卫新亮来到村部,就一起纠纷进行回访。",
                     "6月2日上午,河南省清丰县人民法院城关法庭法官抱着国徽、抬着桌凳,把法庭开到群众身边。")
    assert {"灵台县人民法院什字法庭", "清丰县人民法院城关法庭"} <= set(found)
    # alone it is the court in session, no body
    found = agencies("河南省沁阳市人民法院专门设立了服务三夏生产的“农忙法庭”,适时启动“午间法庭”到案发地开庭。",
                     "“不用来回扯皮,也不用上法庭,既省心又踏实!”")
    assert set(found) == {"沁阳市人民法院"}


def test_a_level_word_opening_a_name_of_several_words_names_the_body_of_that_level():
    # heldout_web9: 县 opens 社区矫正管理局, a bureau of the county in focus; levels paired
    # (州县) or a kind after the level name no one body
    found = agencies("武胜县深化平安建设。",
                     "截至目前,县公共法律服务中心已受理事项662件;县社区矫正管理局让387名社区矫正对象接受教育。")
    assert "武胜县社区矫正管理局" in found
    assert not agencies("海北藏族自治州深化平安建设。", "把阵地建在综治中心上,州县综治中心成立党支部。")
    # heldout_web10: a city's housing bureau is a bureau of the city in focus
    assert "合肥市房产局" in agencies("合肥市召开住宅小区安全防范工作会议。",
                                      "市民政局推动高发案件智慧平安小区建设50个,市房产局结合为民办实事。")


def test_a_common_word_before_a_towns_centre_names_no_centre():
    # fresh pages (search, 2026): 助力 and 建设 are tagged nouns, XX is a template's blank; every
    # county and town has a 综治中心 or 调解中心, so only a place, a level word or a unit names one
    assert not agencies("围绕重点疑难案件，提供专业法律意见，助力综治中心从法律角度精准识别风险、制定化解方案。")
    assert not agencies("在XX镇矛盾调解中心，看到老周调解室挂着的锦旗。")
    assert "建设街道综治中心" not in agencies("滦镇街道按照“功能集成、服务便民”的理念，高标准建设街道综治中心。")
    found = agencies("自2025年9月正式入驻县综治中心以来，卓资县检察院立足法律监督职责，积极融入全县社会治理大局。",
                     title="卓资县检察院：综治中心里的检察力量")
    assert "卓资县人民检察院" in found
    assert "卓资县综治中心" in found
    assert "湄潭县综治中心" in agencies("湄潭县综治中心整合信访、司法等部门力量，实行一站式受理。")
