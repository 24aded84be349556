"""Page: site chrome and info lines of real saved web pages (tests/fixtures/web/SOURCES.md),
against the lines of real newspaper pages that must stay headlines, bylines and body."""
from __future__ import annotations

import datetime

import pytest

from kg.clean import normalize_text
from kg.page import (Info, breadcrumb, chrome_line, date_line, editor_credit, foot_line, info_line,
                     original_title, page_header, paper_line, related_header, row_paper, site_name,
                     teaser, web_debris)

D = datetime.date


def clean(line: str) -> str:
    return normalize_text(line).text.strip()


@pytest.mark.parametrize("line", [
    "您当前所在的位置:福州新闻网 >> 新闻频道 >> 图说新闻",
    "您當(dāng)前的位置 : 中國(guó)甘肅網(wǎng) >> 法治甘肅 >> 本網(wǎng)關(guān)注",
    "您當前位置:中國菏澤網  >  鄄城縣  > 正文",
    "首页 > 正文",
    "新华网 > > 正文",
    "日点击排行 周点击排行 月点击排行",
    "版面:第2版:动态       上一篇    下一篇",
    "【纠错】 【责任编辑:刘笑冬 】",
    "阅读下一篇:",
    "字体:",
    "中国政府网微博、微信",
    "特别声明:以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布,本平台仅提供信息存储服务。",
    "(版权作品,未经福州新闻网书面授权,严禁转载,违者将被追究法律责任。)",
])
def test_site_chrome(line):
    assert chrome_line(clean(line))


@pytest.mark.parametrize("line", [
    "“警+网”联动 创新基层社会治理格局",                       # a subhead
    "人民公安报          2024年10月15日  星期二          第3版  基层基础",   # a newspaper's header
    "现在扫一扫‘解纷码’，问题马上就有人管。",                   # body text
    "悦来派出所里的“三度”调解室",                               # a headline
    "□ 刘丽娜 吴静",                                             # a byline
    "调解室的温度——顺气",
])
def test_no_chrome(line):
    assert not chrome_line(clean(line))


@pytest.mark.parametrize("line, info", [
    ("2014-03-14 21:14:39  作者:程仁山  来源:福州新闻网  【字号",
     Info(D(2014, 3, 14), "福州新闻网", "", "程仁山")),
    ("2025-07-02 09:12 來源:新甘肅·甘肅法治報(bào)", Info(D(2025, 7, 2), "新甘肃·甘肃法治报")),
    ("作者: 胡德光 來源: 菏澤日報 發表時間: 2025-04-29 09:22", Info(D(2025, 4, 29), "菏泽日报", "", "胡德光")),
    ("版次:2  2026年01月08日", Info(D(2026, 1, 8))),
    ("来源:荆门广播电视台", Info(None, "荆门广播电视台")),
    ("记者:陈旺", Info(authors="陈旺")),
    ("摘自：人民日报", Info(reprint="人民日报")),
    ("编辑:吴优", Info()),                                         # says nothing of the article
])
def test_info_lines(line, info):
    assert info_line(clean(line)) == info


@pytest.mark.parametrize("line", [
    "记者：宜宾为什么把智慧安防小区作为基层治理的突破口？",    # an interview's question
    "视频支持:厦门公安",
    "版面:第2版:动态       上一篇    下一篇",
])
def test_no_info_lines(line):
    assert info_line(clean(line)) is None


def test_date_lines_and_debris_of_a_saved_page():
    assert date_line("2025年06月24日惠州日报要闻") == Info(D(2025, 6, 24), "惠州日报")
    assert date_line("2026-01-23") == Info(D(2026, 1, 23))
    assert date_line("2024年6月12日 星期三 浙江法制报 第3版") is None
    for line in ('<p id="utfaj"></p>', "webwxgetmsgimg_副本.jpg", "010020020120000000000000011101091128682682",
                 "首页 要闻 政务 专题 视频"):
        assert web_debris(line), line
    assert not web_debris("党建引领 网格赋能")


def test_an_editors_credit_ends_a_byline():
    assert editor_credit("记者 陈旺 责任编辑 刘笑冬") == len("记者 陈旺 ")
    assert editor_credit("本报记者 孙立鹏") == len("本报记者 孙立鹏")


def test_the_fields_of_an_open_information_table_and_a_closing_editor():
    line = "索引号：11341226MB1C3 发布机构：颍上县人民法院 生成日期：2021-06-24 主题分类：司法"
    assert info_line(line) == Info(publisher="颍上县人民法院", written=D(2021, 6, 24))
    assert info_line("（编辑：吴优）") == Info()
    assert info_line(clean("河南广播电视台平安中原门户网站 www.hntv.org.cn 时间:2023年12月22日 08:50 来源:新华网")) \
        == Info(D(2023, 12, 22), "新华网")


def test_site_name_after_a_page_title():
    from kg.page import without_site_name
    assert without_site_name("特别敢创新 特别能战斗！一起走近这支公安铁军-新华网") == "特别敢创新 特别能战斗！一起走近这支公安铁军"
    assert without_site_name("让老百姓的安全感可感可及——“十四五”时期张掖市综治中心规范化建设工作纪实") == \
        "让老百姓的安全感可感可及——“十四五”时期张掖市综治中心规范化建设工作纪实"


@pytest.mark.parametrize("line, info", [
    # a county site's open-information table, printed once with colons and once as a
    # two-column table without them (taojiang.gov.cn)
    ("索引号 xsz/2023-1810258", Info()),
    ("发布机构 修山镇", Info(None, "修山镇")),
    ("发文日期 2023-08-23", Info(written=D(2023, 8, 23))),
    ("信息类别 综合政务", Info()),
    ("公开范围 全部公开", Info()),
    ("索引号:xsz/2023-1810258 发布机构:修山镇 发文日期:2023-08-23",
     Info(publisher="修山镇", written=D(2023, 8, 23))),
    ("信息类别:综合政务 公开范围:全部公开 公开方式:政府网站", Info()),
    # a view counter's label with no count after it ends the 作者 field
    ("发布时间:2022-10-26 08:49 来源:泾县先锋网 作者:lqz 阅读次数:",
     Info(D(2022, 10, 26), "泾县先锋网", "", "lqz")),
    ("时间 2020-05-27 17:52:52", Info(D(2020, 5, 27))),
])
def test_the_fields_of_a_table_printed_without_colons(line, info):
    assert info_line(clean(line)) == info


@pytest.mark.parametrize("line", [
    "发布2024年全市平安建设白皮书",             # a headline: a short label needs a colon or a date alone
    "来源于群众 服务群众",
    "井研率先推行“一村一辅警”",
])
def test_headlines_that_open_on_a_label_word_are_no_fields(line):
    assert info_line(clean(line)) is None


@pytest.mark.parametrize("line", [
    "【字体大小:",                                  # the font-size control, its brackets cut
    "第A06版:社会与法·庭审内外 PDF版",             # an e-paper's page header
    "02:综合新闻·广告",
    "本版列表新闻",                                 # the e-paper's list of the page's stories
    "放大 缩小 默认",
    "备案号:粤ICP备19114884号 粤公网安备 44190002000375号 网站标识码 : 4419000098",
])
def test_chrome_of_county_sites_and_e_paper_readers(line):
    assert chrome_line(clean(line))


@pytest.mark.parametrize("line", ["1:建立健全工作机制", "鹿邑县人民法院", "胡丽君", "闽南日报"])
def test_a_numbered_point_a_body_a_name_and_a_paper_are_no_chrome(line):
    assert not chrome_line(clean(line))


def test_an_e_paper_date_line_with_its_weekday_and_font_controls():
    assert date_line(clean("2021年02月25日 星期四 放大 缩小 默认")) == Info(D(2021, 2, 25))
    assert date_line(clean("2024年6月12日 星期三 浙江法制报 第3版")) is None   # a newspaper's header


def test_a_paper_named_alone_and_the_origin_at_the_foot_of_a_page():
    assert paper_line("闽南日报") == "闽南日报"
    assert paper_line("织密安全防护网") == "" and paper_line("海峡网") == ""
    assert foot_line(clean("主办单位:东莞市人民政府办公室 承办:东莞市政务服务和数据管理局 网站地图 联系我们")) \
        == Info(None, "东莞市人民政府办公室")
    row = "2023-07-24 鹿邑县人民法院 2 2 周口晚报 content_206971.html 1 将“万人成讼率”纳入乡镇平安建设考核 /enpproperty-->"
    assert foot_line(clean(row)) == Info(D(2023, 7, 24), "周口晚报")
    assert foot_line(clean("闽南日报")) is None
    assert foot_line(clean("12月28日,我市首个全国“枫桥式公安派出所”授牌仪式在芗城巷口派出所举行。")) is None


def test_a_cut_off_teaser_in_an_e_paper_page_list():
    assert teaser("省道215线大件过境公路工程项目建设火热推进,通江街道敖坝社区宋中坝便民漫水桥工程现场一片繁忙——~~~")
    assert not teaser("近年来,修山镇探索实施“一村一辅警”机制,助力平安乡村建设。")


def test_the_site_named_by_its_copyright_and_no_sentence_is_a_footer():
    assert foot_line(clean("版权所有 © 2019-2024 桃江县人民政府 技术支持:某某科技")) == Info(None, "桃江县人民政府")
    assert foot_line(clean("主办方表示,活动将持续三天。")) is None
    assert foot_line(clean("据2023年5月1日周口晚报报道,详见www.zhld.com。")) is None
    assert info_line(clean("本文来源于:人民网")) == Info(None, "人民网")


def test_a_breadcrumb_that_starts_from_a_paper_names_it():
    assert foot_line(clean("浙江法制报 > 第二版:钱塘 改变文字大小:   | 打印 | 关闭")) == Info(None, "浙江法制报")
    assert foot_line(clean("当前位置:闽南日报 > 新闻 > 正文")) == Info(None, "闽南日报")
    assert foot_line(clean("海峡网 >新闻中心 >福建频道 >闽南新闻 >漳州新闻")) is None   # a portal, not the paper


def test_a_paper_and_its_date_on_one_line():
    assert date_line(clean("闽南日报 2023-12-29 10:21")) == Info(D(2023, 12, 29), "闽南日报")
    # a mirror of a paper's WeChat account (jintiankansha.me)
    assert date_line(clean("上海法治报  · 公众号  ·  · 2025-01-29 13:36")) == Info(D(2025, 1, 29), "上海法治报")
    assert date_line(clean("人民日报记者 2023-12-29")) is None


def test_a_paper_and_its_date_before_the_font_controls_and_an_issue_date_before_a_hotline():
    # a reprint on a portal (合肥日报 via yybnet) and an e-paper reader's masthead (法治时报)
    assert date_line(clean("合肥日报 2019-08-02 04:34 大字")) == Info(D(2019, 8, 2), "合肥日报")
    assert date_line(clean("2025年10月30日 星期四      报料热线:966123")) == Info(D(2025, 10, 30))
    assert date_line(clean("合肥日报 2019-08-02 04:34 召开会议")) is None      # words of an article
    assert chrome_line(clean("扫码阅读手机版")) and related_header(clean("新闻推荐"))


def test_an_e_papers_page_header_and_the_paper_its_links_name_first():
    assert page_header(clean("第01版:封面 4下一版")) and page_header(clean("02:综合新闻·广告"))
    assert not page_header(clean("第一版"))
    assert row_paper(clean("返回主页 | 郑州日报 | 版面导航 | 郑州晚报")) == "郑州日报"
    assert row_paper(clean("返回主页 | 版面导航")) == ""


def test_a_headline_of_four_phrases_is_no_row_of_links():
    assert not web_debris("强基础 优服务 促和谐 保平安")
    assert chrome_line(clean("简体 繁体 无障碍浏览 长者模式"))        # the accessibility bar of a county site


def test_a_role_without_its_colon_is_a_byline_not_a_field():
    assert info_line(clean("通讯员 张振峰 王明")) is None
    assert info_line(clean("责任编辑 唐秀敏")) == Info()


@pytest.mark.parametrize("line", [
    # real pages that no dev set holds
    "您的当前位置:",
    "首页 > > 正文",
    "首页 >> 新知 > 资讯 >",
    "小字體大字體",
    "点击看视频",
])
def test_you_are_here_a_crumb_with_an_empty_step_font_and_video_links(line):
    assert chrome_line(clean(line))


def test_a_crumb_of_two_steps_is_chrome_only_from_the_sites_home():
    assert breadcrumb("首页 > 市县政协")
    assert not breadcrumb("平安建设 > 基层治理")


def test_a_reprints_original_headline():
    assert original_title(clean("原標(biāo)題:從“走進(jìn)家里”到“走近心里”")) == "从“走进家里”到“走近心里”"
    assert original_title("原来的标题不好") == ""


def test_a_sites_name_alone_is_no_headline():
    assert site_name("中国甘肃网") and site_name("观海融媒")
    assert not site_name("“我最喜爱的人民警察”评选第二批候选人公布")
    assert not site_name("织密平安防护网 守护万家灯火")
