"""What a web page says about itself: its date and publisher lines, a date with its clock
time, the site its breadcrumb names, and a subtitle read as a sentence. Lines from real pages
that no held-out set holds (found with the search library's stored pages), beside lines of
the held-out sets where a class was first seen."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from kg.clean import normalize_text
from kg.page import Info, crumb_site, info_line, timestamp_line
from kg.read import read_source
from kg.split import split_articles

D = datetime.date
HELDOUT = Path(__file__).parent


def clean(line: str) -> str:
    return normalize_text(line).text.strip()


@pytest.mark.parametrize("line, info", [
    # a list of fields, one a line, each after a bullet (m.lw885.com; heldout_web7 d07)
    ("  • 更新时间2015-10-22", Info(D(2015, 10, 22))),
    ("  • 来源: 科左中旗公安局", Info(publisher="科左中旗公安局")),
    # the day a document was written gives way to the day it was published (阳江市公安局's
    # open-information table, heldout_web6 d02; szzj.gov.cn prints 公开日期 beside it)
    ("发布机构: 阳江市公安局 成文日期: 2023-11-06", Info(publisher="阳江市公安局", written=D(2023, 11, 6))),
    ("发布机构: 城南新区(三江街道) 公开日期: 2017-03-28 00:00:00", Info(D(2017, 3, 28), "城南新区（三江街道）")),
    ("发布日期:2017-03-28-00:00:00 信息来源:嵊州市 浏览次数: 字号:[ ]", Info(D(2017, 3, 28), "嵊州市")),
    # the site's address and the date before the only field (heldout_web6 d06)
    ("www.bazhongpeace.gov.cn 】 【 2025-09-03 11:36:59 】 【 来源:四川公安", Info(D(2025, 9, 3), "四川公安")),
    # an editor's field glued to the source (chinapeace.gov.cn)
    ("时间:2025-04-21 09:29来源:广东政法责任编辑: 陈言", Info(D(2025, 4, 21), "广东政法")),
])
def test_info_lines_of_fresh_pages(line, info):
    assert info_line(clean(line)) == info


@pytest.mark.parametrize("line", [
    "  • 投稿伟大",                          # a list item that is no field
    "科左中旗公安局：夯实基层基础筑牢平安根基",  # a headline
])
def test_lines_that_are_no_info_lines(line):
    assert info_line(clean(line)) is None


@pytest.mark.parametrize("line, stamped", [
    ("2017-11-20 16:21:00", True),          # news.lznews.cn, under its 来源 line
    ("2022年10月26日 08:49", True),
    ("  • 2023-03-24 18:55", True),
    ("2025年07月10日", False),               # an e-paper's date (天水日报): printed pages carry it too
    ("2021年02月25日 星期四 放大 缩小 默认", False),
])
def test_a_date_with_its_clock_time_is_a_web_pages(line, stamped):
    assert timestamp_line(clean(line)) is stamped


@pytest.mark.parametrize("line, site", [
    ("您现在的位置: 安康市人民政府 >安康政法网>县区、部门动态", "安康政法网"),   # the last site named
    ("您所在的位置:东南网 > 福建频道> 民生 > 正文", "东南网"),                # a channel is no site
    ("您現在的位置:海峽網>新聞中心>福建頻道>福州新聞", "海峡网"),
    ("当前位置: 首页 > 公开领域 > 城乡规划", ""),                            # nanxian.gov.cn
    ("当前位置: 首页 > 司法调研 > 调研园地", ""),                            # a court's site
    ("学术堂专业论文学习平台您当前的位置:学术堂 > 法学论文 > 法律论文 > 行政法论文", ""),
])
def test_the_site_a_breadcrumb_names(line, site):
    assert crumb_site(clean(line)) == site


def _article(path: Path):
    articles, _ = split_articles(read_source(path))
    assert len(articles) == 1
    return articles[0]


def test_a_page_with_only_a_date_and_its_time_is_a_web_page():
    # no info line, no chrome: the date with its time says web page; the headline is the
    # line above it, not the unread byline under it
    article = _article(HELDOUT / "heldout_web7/corpus/d09.txt")
    assert article.title.startswith("四川知名法治品牌巡礼|“5518多网融合治理体系”")
    assert article.date == D(2025, 11, 13)
    # 胡星文 四川法治报全媒体记者 俞阳 文/图: a name before the paper and role of the rest
    assert (article.reporters, article.publisher) == (["胡星文", "俞阳"], "四川法治报")


def test_an_e_papers_issue_date_does_not_head_the_headline():
    # 第一版：要闻 / 2023年11月11日 / 县公安局 / “鹤家欢”…: the issue's date has no time of day
    article = _article(HELDOUT / "heldout_web7/corpus/d12.txt")
    assert (article.title, article.kicker) == ("“鹤家欢”搭起警民连心桥", "县公安局")


def test_publication_date_before_the_day_of_writing_and_bullets():
    assert _article(HELDOUT / "heldout_web6/corpus/d02.txt").date == D(2023, 11, 7)
    bulleted = _article(HELDOUT / "heldout_web7/corpus/d07.txt")
    assert (bulleted.date, bulleted.publisher) == (D(2023, 3, 24), "科左中旗公安局")
    assert bulleted.sentences[0].text == "春风吐绿，草木初萌。"     # no field in the body


def test_the_breadcrumb_site_publishes_only_a_page_that_names_no_other():
    assert _article(HELDOUT / "heldout_web8/corpus/d03.txt").publisher == "安康政法网"
    assert _article(HELDOUT / "heldout_web1/corpus/a01.txt").publisher == ""   # 首页>网站首页>卫东民生


def test_a_subtitle_is_read_as_the_first_sentence(tmp_path):
    # epaper.wifizs.cn (舟山日报, 2025-12-18): the subtitle names who runs the programme
    page = tmp_path / "zsrb.txt"
    page.write_text("“定安言和”工作室:借多元之力 解群众之忧\n"
                    "——定海公安创新调解机制打造基层治理新名片\n"
                    "王周飞 孙芳敏/文 顾浩祯/摄 字数:\n"
                    "《 舟山日报 》( 2025年12月18日 第 06 版 )\n\n"
                    "如何将矛盾纠纷化解在基层、消除在萌芽状态?面对这一社会治理的共同课题,定海区公安分局"
                    "盐仓派出所交出了一份独具特色的答卷。\n", encoding="utf-8")
    article = _article(page)
    assert article.subtitle == "定海公安创新调解机制打造基层治理新名片"
    first = article.sentences[0]
    assert (first.text, first.line, first.paragraph) == (article.subtitle, 2, 0)
    subtitled = _article(HELDOUT / "heldout_web8/corpus/d07.txt")
    assert subtitled.sentences[0].text == "三江侗族自治县公安局以“四道防线”筑牢平安根基"
