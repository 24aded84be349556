"""A web page's date printed with its clock time between a few words, a date in digits with
the author glued to it, a site's search and bookmark links, and a 来源 value that ends on
its own bracket. Lines of real pages found with the search library's stored pages (none in
a held-out set), beside lines of the pages where the class was first seen."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from kg.clean import normalize_text
from kg.page import chrome_line, date_line, info_line, timestamp_line
from kg.read import read_source
from kg.split import split_articles

D = datetime.date


def clean(line: str) -> str:
    return normalize_text(line).text.strip()


@pytest.mark.parametrize("line, day, publisher", [
    # a press's site (211.103.209.164): the outlet that posted it, then date and time
    ("中国人民公安大学出版社  2024/8/2 10:40:32", D(2024, 8, 2), "中国人民公安大学出版社"),
    # a news app's page: the channel, the date and time, the place it was posted from
    ("政务   2024-11-15 09:12   甘肃", D(2024, 11, 15), ""),
    # a journal's mirror (m.fx361.com, fx361.cc): the date in digits and the author glued on
    ("2022-09-09张云亮", D(2022, 9, 9), ""),
    ("2024-10-10 00:00:00肖翔尹", D(2024, 10, 10), ""),
])
def test_a_date_a_publishing_system_prints(line, day, publisher):
    info = date_line(clean(line))
    assert (info.date, info.publisher) == (day, publisher)
    assert timestamp_line(clean(line))


@pytest.mark.parametrize("line", [
    "枫桥派出所:架起民意“连心桥”,画好共治“同心圆”",     # the headline above such a line
    "2025年07月10日",                                     # an e-paper's date: printed pages carry it
    "截至2024年底,全市共建成综治中心128个。",
])
def test_no_date_of_a_publishing_system(line):
    assert not timestamp_line(clean(line))


@pytest.mark.parametrize("line", [
    "收藏中国人民公安大学出版社 社长致辞 | 出版社简介 | 帮助中心",
    "      高级搜索",
    "访问群众出版社",
    "APP下载",
])
def test_search_bookmark_and_app_links_are_chrome(line):
    assert chrome_line(clean(line))


def test_a_source_that_ends_on_its_own_bracket_keeps_it():
    # a city police site: the office's name with its second name in brackets
    info = info_line(clean("来源:宣传处(新闻办) 发布日期: 2025-02-27 09:47"))
    assert (info.publisher, info.date) == ("宣传处（新闻办）", D(2025, 2, 27))
    assert info_line(clean("【来源：法治日报】")).publisher == "法治日报"   # brackets around the field go


def _article(tmp_path: Path, name: str, text: str):
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    articles, _ = split_articles(read_source(page))
    assert len(articles) == 1
    return articles[0]


def test_the_headline_under_a_press_sites_links_and_over_its_date(tmp_path):
    # 211.103.209.164/news/show.aspx?id=9963, as the search library stores it
    article = _article(tmp_path, "cppsup.txt",
                       "收藏中国人民公安大学出版社 社长致辞 | 出版社简介 | 帮助中心 \n      高级搜索\n"
                       "访问群众出版社\n\n枫桥派出所:架起民意“连心桥”,画好共治“同心圆”\n\n"
                       "中国人民公安大学出版社  2024/8/2 10:40:32\n浏览次数:605  \n\n  文/图/郑楚君\n  \n\n"
                       "  “把‘枫桥经验’坚持好、发展好,把党的群众路线坚持好、贯彻好。”2019年5月7日,习近平总书记"
                       "在全国公安工作会议上的重要讲话中指出。\n")
    assert article.title == "枫桥派出所：架起民意“连心桥”，画好共治“同心圆”"
    assert (article.date, article.publisher, article.reporters) == \
        (D(2024, 8, 2), "中国人民公安大学出版社", ["郑楚君"])


def test_a_journal_mirror_opens_on_an_app_link_and_dates_by_its_author_line(tmp_path):
    # m.fx361.com/news/2022/0909/11396436.html
    article = _article(tmp_path, "fx361.txt",
                       "APP下载\n\n基层治理中的“说服”何以有效?\n——基于鄂东、皖南两个案例的比较分析\n\n"
                       "2022-09-09张云亮\n\n农林经济管理学报 2022年2期\n关键词:基层干部村干部村庄\n\n钱 坤,张云亮\n\n"
                       "一、引言与文献综述\n\n长期以来,为了更好地完成国家任务,基层干部往往被赋予较大的自主权。\n")
    assert (article.title, article.date) == ("基层治理中的“说服”何以有效？", D(2022, 9, 9))
    assert article.reporters == ["钱坤", "张云亮"]         # 钱 坤,张云亮: the authors alone


def test_a_date_printed_day_first_with_its_time():
    # a county justice bureau's page on a European publishing system
    assert date_line(clean("20.04.2016 14:18")).date == D(2016, 4, 20)
    assert date_line(clean("31.02.2016 14:18")) is None          # no such day
    assert date_line(clean("20.04.2016")) is None                # no time: a version, a figure


def test_a_credit_in_brackets_that_names_an_office_names_no_reporter(tmp_path):
    # a district site's story signed by the street office that sent it, beside a signed one
    article = _article(tmp_path, "qinling.txt",
                       "秦陵街道召开“网格+民警”社区平安共建工作座谈会\n\n"
                       "为全面推进党建引领网格化管理体系建设,有效解决基层治理难题,2月18日,秦陵街道召开"
                       "“网格+民警”社区平安共建工作座谈会。\n\n(秦陵街办)\n")
    assert article.reporters == []
    signed = _article(tmp_path, "taian.txt",
                      "搜集矛盾纠纷 深化平安建设\n\n泸州市江阳区泰安街道利用社区党组织换届之机,通过挨家挨户拜访,"
                      "了解群众诉求。\n\n(胡小宁 任昱庆)\n")
    assert signed.reporters == ["胡小宁", "任昱庆"]


def test_the_paper_a_leading_byline_names_publishes_a_page_without_an_info_line(tmp_path):
    # a provincial legal paper's story on its app (新甘肃•甘肃法制报记者 X), no 来源 line
    article = _article(tmp_path, "gsfzb.txt",
                       "“民警+义警+综治”守护一方平安\n新甘肃•甘肃法制报记者 齐洪德\n"
                       "今年以来,秦安县公安局五营派出所以网格化服务管理为载体,建立矛盾纠纷调处中心。\n")
    assert (article.reporters, article.publisher) == (["齐洪德"], "甘肃法制报")


@pytest.mark.parametrize("first, title", [
    # a county media centre's public account (阿勒泰新闻网): column, bar, a headline that exclaims
    ("生命至上 安全第一 | 止付6700万+返还450万!这份反诈成绩单背后的故事",
     "生命至上 安全第一|止付6700万+返还450万！这份反诈成绩单背后的故事"),
    # a portal's reprint in parts (打架的成本|…( 二 )), asking inside
    ("打架的成本|打架的成本有多高?民警列出了“标准答案”( 二 )", "打架的成本|打架的成本有多高？民警列出了“标准答案”（二）"),
])
def test_a_columns_name_and_a_bar_open_a_web_headline(tmp_path, first, title):
    article = _article(tmp_path, "column.txt",
                       first + "\n近一段时间以来,阿勒泰市公安局解放路派出所民警成了街坊邻居的“常客”。"
                       "他们带着精心制作的反诈宣传单,挨家挨户上门宣传。\n")
    assert article.title == title


def test_the_authors_names_alone_over_the_text_are_no_headline(tmp_path):
    # a journal's mirror (victorzhang.cn) that kept the author's name and not the title
    article = _article(tmp_path, "zhang.txt",
                       "張玥\n摘要:近兩年來,各地區均在積極探索城鄉基層治理體系智能化轉型。"
                       "Y市在推動社會治理現代化進程中依托大數據進行了一些實踐探索。\n")
    assert (article.title, article.reporters) == ("zhang", ["张玥"])
    # a portal's interview (zjnews.zjol.com.cn): the reporter's name over the headline
    article = _article(tmp_path, "zjol.txt",
                       "何晶茹\n连线人民网特派记者何晶茹:新理念新发展力保平安浙江\n"
                       "这我第一次来到浙江,通过这几天绍兴、宁波、舟山等地的走访、参观,切身感觉到了浙江的公安机关、"
                       "公安队伍在创立新理念、谋求新发展方面开展得卓有成效。\n")
    assert (article.title, article.reporters) == ("连线人民网特派记者何晶茹：新理念新发展力保平安浙江", ["何晶茹"])


@pytest.mark.parametrize("line, names", [
    ("戴欢欢,陈荣卓", ["戴欢欢", "陈荣卓"]),       # fx361.cc: a paper's authors
    ("吕 璞", ["吕璞"]),                             # shbb.gov.cn: a name of two, letter-spaced
    ("张家川", None),                               # a place
    ("平安 和谐", None),                             # words
])
def test_names_alone_on_a_line(line, names):
    from kg.split import _Line, _byline_unit
    text = clean(line)
    unit = _byline_unit(_Line(0, len(text), text, False))
    assert (unit.names if unit else None) == names


def test_a_forums_bar_and_post_controls_are_chrome(tmp_path):
    # hakkaonline.com: a reprint posted to a forum, its title printed twice, its author under it
    article = _article(tmp_path, "forum.txt",
                       "找回密码\n 用户注册\n\nQQ登录\n\n只需一步,快速开始\n\n查看: 6813|回复: 0\n\n"
                       "【转帖】“小调解”营造出“大和谐”——信宜市合水镇、新宝镇人民调解纪实\n\n[复制链接]\n"
                       "发表于 2006-3-24 21:54:19 | 显示全部楼层 |阅读模式\n"
                       "“小调解”营造出“大和谐”——信宜市合水镇、新宝镇人民调解纪实\n张慧谋\n\n"
                       "   正好赶上早春二月。  山野间,满目新绿,成片的三华李枝头已挂上青青的果实。\n")
    assert (article.title, article.reporters) == \
        ("“小调解”营造出“大和谐”——信宜市合水镇、新宝镇人民调解纪实", ["张慧谋"])


def test_a_date_and_time_with_the_author_and_affiliation_glued_on():
    # fx361.cc: 2019-07-06 07:10 then the first author and her university, run together
    line = clean("2019-07-06 07:10廖红霞四川农业大学四川雅安6504")
    assert date_line(line).date == D(2019, 7, 6) and timestamp_line(line)
    assert date_line(clean("2019-07-06 07:10,记者来到现场,看到群众排起长队。")) is None   # a sentence
