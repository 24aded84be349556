"""Real-shaped documents made from corpus text, for the reader tests and the bench.

A `.txt` page is split into articles by the project's own splitter, and each
article is laid out again the way users hold it: an e-paper PDF page with the
headline across two columns, a saved web page with its site's chrome, a Word
file with headings. The text is the same, so a build of each should find
what the build of the `.txt` finds.
"""
from __future__ import annotations

import html
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import SourceText
from kg.split import split_articles

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"


@dataclass
class Story:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    byline: str = ""


def stories(path: Path) -> list[Story]:
    """The articles of a corpus page: headline, byline line and body paragraphs."""
    text = path.read_text(encoding="utf-8")
    articles, _ = split_articles(SourceText(path=str(path), name=path.name, text=text))
    out = []
    for article in articles:
        paragraphs: dict[int, str] = {}
        for sentence in article.sentences:
            paragraphs[sentence.paragraph] = paragraphs.get(sentence.paragraph, "") + sentence.text
        body = list(paragraphs.values())
        names = "、".join(article.reporters)
        byline = ""
        if article.dateline and body:
            credit = f"（{names}）" if names else ""
            body[0] = f"本报{article.dateline}{article.date_text}电{credit}{body[0]}"
        elif names:
            byline = f"本报记者 {' '.join(article.reporters)}"
        out.append(Story(article.title, body, byline))
    return out


# ------------------------------------------------------------------ PDF

PAGE_HEADER = "2023年12月28日 星期四 第{page}版"


def two_column_pdf(items: list[Story], header: str = PAGE_HEADER, shuffle: int | None = 7
                   ) -> bytes:
    """One page per story: a page header, the headline across both columns, the byline
    and body in two columns (more pages when it runs on). With `shuffle` (a seed) the
    page's blocks are written to the PDF in a scrambled order, as e-paper systems do:
    a reader must find the reading order from the layout, not from the file."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas as pdfcanvas

    pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    width, height = A4
    buffer = io.BytesIO()
    canvas = pdfcanvas.Canvas(buffer, pagesize=A4)
    page = 0
    for story in items:
        for blocks in _story_pages(story, width, height):
            page += 1
            blocks.insert(0, [(_MARGIN, height - _MARGIN, 9, header.format(page=page))])
            if shuffle is not None:
                random.Random(shuffle + page).shuffle(blocks)
            for block in blocks:
                for x, y, size, text in block:
                    canvas.setFont(_FONT, size)
                    canvas.drawString(x, y, text)
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


_FONT, _MARGIN, _GUTTER, _BODY, _LEADING, _HEAD = "STSong-Light", 48, 28, 10.5, 15, 20


def _story_pages(story: Story, width: float, height: float) -> list[list[list[tuple]]]:
    """The story's pages, each a list of blocks (headline; each paragraph's piece in one
    column), each block a list of (x, y, font size, text) lines."""
    column = (width - 2 * _MARGIN - _GUTTER) / 2
    head_lines = _wrap(story.title, width - 2 * _MARGIN, _HEAD)
    top = height - _MARGIN - 40
    headline = []
    for line in head_lines:
        x = (width - _text_width(line, _HEAD)) / 2
        headline.append((x, top, _HEAD, line))
        top -= _HEAD * 1.4
    pages, blocks = [], [headline]
    slot, y = 0, top - 10                                # slot 0: left column, 1: right
    for paragraph in ([story.byline] if story.byline else []) + story.paragraphs:
        block = []
        for k, line in enumerate(_wrap(paragraph, column - 2 * _BODY, _BODY, indent=2)):
            if y < _MARGIN:
                blocks.append(block) if block else None
                block = []
                slot, y = slot + 1, (top - 10 if len(pages) == 0 else height - _MARGIN - 30)
                if slot == 2:
                    pages.append(blocks)
                    blocks, slot, y = [], 0, height - _MARGIN - 30
            x = _MARGIN + slot * (column + _GUTTER) + (2 * _BODY if k == 0 else 0)
            block.append((x, y, _BODY, line))
            y -= _LEADING
        blocks.append(block)
        y -= 5
    pages.append(blocks)
    return pages


def _text_width(text: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics
    return pdfmetrics.stringWidth(text, _FONT, size)


def _wrap(text: str, width: float, size: float, indent: int = 0) -> list[str]:
    """Lines of at most `width` points, the first `indent` characters narrower."""
    lines, line = [], ""
    room = width - indent * size
    for ch in text:
        if line and _text_width(line + ch, size) > room:
            lines.append(line)
            line, room = "", width
        line += ch
    return lines + [line] if line else lines


# ------------------------------------------------------------------ web page

CHROME_TOP = """<header class="site-header"><div class="logo"><a href="/">{site}</a></div>
<nav class="main-nav"><ul><li><a href="/">首页</a></li><li><a href="/news/">要闻</a></li>
<li><a href="/local/">地方</a></li><li><a href="/law/">法治</a></li><li><a href="/video/">视频</a></li>
<li><a href="/about/">关于我们</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/local/">地方</a> &gt; 正文</div>"""

CHROME_BOTTOM = """<div class="share-bar">分享到：<a href="#">微信</a> <a href="#">微博</a>
<a href="#">QQ空间</a> <a href="#">复制链接</a></div>
<div class="related"><h3>相关新闻</h3><ul>
<li><a href="/a/1.html">多地推进基层治理现代化建设取得新进展</a></li>
<li><a href="/a/2.html">以高效能治理护航高质量发展</a></li>
<li><a href="/a/3.html">坚持和发展新时代“枫桥经验”座谈会召开</a></li></ul></div>
<footer class="site-footer"><p>版权所有 {site} 未经授权禁止转载</p>
<p>备案号：京ICP备00000000号 联系我们 网站地图</p></footer>"""


def web_page(story: Story, *, site: str, url: str, date: str, author: str = "") -> str:
    """A news page as a browser saves it: navigation, breadcrumbs, the article with its
    date and source line, a share bar, related links and a footer."""
    paragraphs = ([f"<p>{html.escape(story.byline)}</p>"] if story.byline else []) + \
        [f"<p>{html.escape(p)}</p>" for p in story.paragraphs]
    author_meta = f'<meta name="author" content="{html.escape(author)}">' if author else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{html.escape(story.title)}_{html.escape(site)}</title>
<link rel="canonical" href="{url}">
<meta property="og:title" content="{html.escape(story.title)}">
<meta property="og:site_name" content="{html.escape(site)}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{date}T08:30:00+08:00">{author_meta}
</head><body>
{CHROME_TOP.format(site=html.escape(site))}
<div class="main"><article class="article">
<h1 class="title">{html.escape(story.title)}</h1>
<div class="info"><span class="time">发布时间：{date} 08:30</span> <span class="source">来源：{html.escape(site)}</span></div>
<div class="content">
{chr(10).join(paragraphs)}
</div></article>
<aside class="sidebar"><h3>热点排行</h3><ol><li><a href="/h/1.html">全国政法工作会议部署明年重点工作</a></li>
<li><a href="/h/2.html">平安中国建设迈出新步伐</a></li></ol></aside></div>
{CHROME_BOTTOM.format(site=html.escape(site))}
</body></html>
"""


GOV_SITE_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{title}-{site}</title><meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{date} 09:15"><meta name="ContentSource" content="{site}">
<meta name="Url" content="{url}"></head><body>
<div id="top"><div class="top-links"><a href="/">网站首页</a> | <a href="/zwgk/">政务公开</a> |
<a href="/bsfw/">办事服务</a> | <a href="/hdjl/">互动交流</a> | <a href="/english/">English</a></div>
<div class="search"><input type="text" value="请输入关键词"> 搜索</div></div>
<table width="100%"><tr><td class="position">当前位置：<a href="/">首页</a> &gt;&gt; <a href="/gzdt/">工作动态</a> &gt;&gt; 正文</td></tr></table>
<table width="1000"><tr><td valign="top">
<div class="arti_title">{title}</div>
<div class="arti_metas">日期：{date} 来源：{site} 【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】 【<a href="#">打印</a>】 【<a href="#">关闭</a>】</div>
<div id="zoom" class="TRS_Editor">{body}</div>
<div class="qr">扫一扫在手机打开当前页</div>
</td></tr></table>
<div class="links"><span>政府网站：</span><a href="#">中国政府网</a> <a href="#">国务院部门网站</a> <a href="#">地方政府网站</a></div>
<div id="bottom"><p>主办单位：{site} 承办：信息中心</p><p>网站标识码：0000000000 ICP备案号：00000000号</p>
<p>地址：某某路1号 邮编：000000 联系电话：0000-0000000</p></div></body></html>
"""

PORTAL_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}--{site}</title>
<meta name="keywords" content="基层治理,平安建设"><meta name="description" content="{title}">
<meta name="publishdate" content="{date}"><link rel="canonical" href="{url}"></head><body>
<div class="header"><ul class="channel"><li><a href="/">首页</a></li><li><a href="/politics/">时政</a></li>
<li><a href="/society/">社会</a></li><li><a href="/finance/">财经</a></li><li><a href="/tech/">科技</a></li>
<li><a href="/sports/">体育</a></li><li><a href="/ent/">娱乐</a></li></ul><div class="login">登录 | 注册</div></div>
<div class="path"><a href="/">{site}</a> &gt; <a href="/society/">社会</a></div>
<div class="layout"><div class="col-left">
<h1>{title}</h1>
<div class="box01"><div class="fl">{date} 10:02 | 来源：{site}</div><div class="fr"><a href="#">小字号</a></div></div>
<div class="rm_txt_con">{body}<div class="edit">（责任编辑：王编辑）</div></div>
<div class="share">分享让更多人看到 <a href="#">微信</a><a href="#">微博</a></div>
<div class="comments"><h3>网友评论</h3><p>网友A：说得好，基层治理就要这样。</p>
<p>网友B：点赞！希望我们这里也推广。</p><form><textarea>我来说两句</textarea></form></div>
</div><div class="col-right"><h3>推荐阅读</h3><ul><li><a href="/r/1.html">全国多地出台新举措优化营商环境</a></li>
<li><a href="/r/2.html">这个冬天，这些地方的供暖有了新变化</a></li><li><a href="/r/3.html">图解：一图读懂年度重点工作</a></li></ul>
<h3>热门标签</h3><p><a href="#">平安建设</a> <a href="#">乡村振兴</a> <a href="#">数字政府</a></p></div></div>
<div class="footer"><p>关于我们 | 服务条款 | 广告服务 | 联系我们 | 招聘信息 | 网站地图</p>
<p>Copyright © 1997-2024 {site} All Rights Reserved</p></div></body></html>
"""

PAGE_STYLES = {"news": None, "government": GOV_SITE_PAGE, "portal": PORTAL_PAGE}


def styled_page(story: Story, style: str, *, site: str, url: str, date: str) -> str:
    """The story in one of three kinds of site chrome: a news site (`web_page`), a
    government site laid out in tables, a portal with comments and recommendations."""
    if PAGE_STYLES[style] is None:
        return web_page(story, site=site, url=url, date=date)
    body = "".join(f"<p>{html.escape(p)}</p>"
                   for p in ([story.byline] if story.byline else []) + story.paragraphs)
    return PAGE_STYLES[style].format(title=html.escape(story.title), site=html.escape(site),
                                     url=url, date=date, body=body)


# ------------------------------------------------------------------ Word

def word_file(items: list[Story]) -> bytes:
    """A .docx: each story's headline as a heading, its byline and paragraphs after it."""
    import docx

    document = docx.Document()
    for story in items:
        document.add_heading(story.title, level=1)
        if story.byline:
            document.add_paragraph(story.byline)
        for paragraph in story.paragraphs:
            document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
