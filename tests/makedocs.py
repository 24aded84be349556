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


def two_column_pdf(items: list[Story], header: str = PAGE_HEADER) -> bytes:
    """One page per story: a page header, the headline across both columns, the
    byline and body in two columns (more pages when it runs on)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, NextPageTemplate,
                                    PageBreak, PageTemplate, Paragraph)

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    margin, gutter, head = 48, 28, 70
    column = (width - 2 * margin - gutter) / 2
    body_top = height - margin - 24 - head

    def header_line(canvas, doc) -> None:
        canvas.setFont("STSong-Light", 9)
        canvas.drawString(margin, height - margin, header.format(page=doc.page))

    columns = [Frame(margin, margin, column, body_top - margin, id="left"),
               Frame(margin + column + gutter, margin, column, body_top - margin, id="right")]
    opening = [Frame(margin, body_top, width - 2 * margin, head, id="head")] + columns
    running = [Frame(margin, margin, column, height - 2 * margin - 24, id="l2"),
               Frame(margin + column + gutter, margin, column, height - 2 * margin - 24, id="r2")]
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=A4, pageTemplates=[
        PageTemplate("opening", opening, onPage=header_line),
        PageTemplate("running", running, onPage=header_line)])
    headline = ParagraphStyle("h", fontName="STSong-Light", fontSize=20, leading=26,
                              alignment=1, wordWrap="CJK")
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=10.5, leading=15,
                          firstLineIndent=21, spaceAfter=4, wordWrap="CJK")
    flow = []
    for k, story in enumerate(items):
        if k:
            flow += [NextPageTemplate("opening"), PageBreak()]
        flow += [Paragraph(html.escape(story.title), headline), FrameBreak(),
                 NextPageTemplate("running")]
        if story.byline:
            flow.append(Paragraph(html.escape(story.byline), body))
        flow += [Paragraph(html.escape(p), body) for p in story.paragraphs]
    doc.build(flow)
    return buffer.getvalue()


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
