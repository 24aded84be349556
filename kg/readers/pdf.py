"""PDF pages -> text in reading order, one text line per printed line, pages kept.

pdfminer.six lays each page out into text boxes (lines that belong together);
the boxes are then put in reading order by recursive XY-cuts: a page splits
first into columns where a vertical gap runs the full height of the region,
else into bands where a horizontal gap runs its full width (a headline across
two columns is a band of its own above them), and so on inside each part. Why
pdfminer and not pypdf: see bench/README.md ("Reading PDF pages").

Boxes set larger than the page's body text are headlines: each is one line of
the text, marked in `SourceText.headings` for the splitter.

A page without text (a scan) and a file pdfminer cannot open (encrypted with a
password, broken) each get one line for the user; the rest of the build goes on.
"""
from __future__ import annotations

import io
import statistics
from collections.abc import Sequence

from kg.model import SourceText

NO_TEXT = "no text layer (scanned; needs OCR)"
ENCRYPTED = "encrypted PDF (needs a password); skipped"

# Two boxes closer than this (points) belong to the same column or band.
_GAP = 2.0
# Lines this much taller than the page's usual ones are a headline's.
_HEADLINE_SIZE = 1.3


def read_pdf(data: bytes, source: SourceText) -> SourceText:
    """Fill `source` with the text of every page (`source.pages` marks where each starts)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        laid_out = [_page_text(page) for page in _layout(data)]
    except (PDFPasswordIncorrect, PDFEncryptionError):
        source.problem = ENCRYPTED
        return source
    except Exception as err:          # noqa: BLE001 (pdfminer raises many kinds on bad files)
        detail = " ".join(str(err).split())[:80]        # one line, whatever pdfminer says
        source.problem = f"broken PDF ({type(err).__name__}: {detail}); skipped"
        return source
    pages = [text for text, _ in laid_out]
    if not any(text.strip() for text in pages):
        source.problem = NO_TEXT
        return source
    empty = [str(n) for n, text in enumerate(pages, 1) if not text.strip()]
    if empty:
        source.notes.append(f"page{'s' if len(empty) > 1 else ''} {', '.join(empty)}: {NO_TEXT}")
    offsets, pos, line = [], 0, 1
    for text, heads in laid_out:
        offsets.append(pos)
        source.headings += [line + k for k in heads]
        pos, line = pos + len(text) + 1, line + text.count("\n")
    source.text, source.encoding, source.pages = "\f".join(pages), "pdf", offsets
    return source


def _layout(data: bytes):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    # char_margin 1.0: the gutter between two columns of Chinese text can be narrower
    # than pdfminer's default of two characters, and must not join their lines.
    return list(extract_pages(io.BytesIO(data), laparams=LAParams(char_margin=1.0)))


def _page_text(page) -> tuple[str, list[int]]:
    """The page's lines in reading order, a blank line between boxes, and which lines
    (from 0) are headlines: boxes set larger than the page's body text, each on one
    line however it wrapped."""
    from pdfminer.layout import LTTextBox, LTTextLine

    boxes = [box for box in page if isinstance(box, LTTextBox) and box.get_text().strip()]
    body = statistics.median(_size(box) for box in boxes) if boxes else 0
    blocks, heads, line = [], [], 0
    for box in xy_cut(boxes):
        lines = [text for text in (l.get_text().strip() for l in box
                                   if isinstance(l, LTTextLine)) if text]
        if not lines:
            continue
        if _size(box) > _HEADLINE_SIZE * body:
            lines = ["".join(lines)]
            heads.append(line)
        blocks.append("\n".join(lines))
        line += len(lines) + 1
    return ("\n\n".join(blocks) + "\n" if blocks else ""), heads


def _size(box) -> float:
    """The height of the box's lines: the size its text is set in."""
    heights = [line.height for line in box if hasattr(line, "height")]
    return statistics.median(heights) if heights else 0.0


def xy_cut(boxes: Sequence) -> list:
    """Boxes (anything with x0, y0, x1, y1; y grows upwards) in reading order."""
    if len(boxes) <= 1:
        return list(boxes)
    columns = _groups(boxes, _across)
    if len(columns) > 1:
        return [b for column in columns for b in xy_cut(column)]
    bands = _join_columned(_groups(boxes, _down))
    if len(bands) > 1:
        return [b for band in bands for b in xy_cut(band)]
    return sorted(boxes, key=lambda b: (-b.y1, b.x0))


def _across(box) -> tuple[float, float]:
    return box.x0, box.x1


def _down(box) -> tuple[float, float]:
    return -box.y1, -box.y0


def _groups(boxes: Sequence, span) -> list[list]:
    """Boxes split where nothing covers a stretch of the axis `span` measures, in order."""
    ordered = sorted(boxes, key=lambda b: span(b)[0])
    groups: list[list] = [[ordered[0]]]
    reach = span(ordered[0])[1]
    for box in ordered[1:]:
        start, end = span(box)
        if start > reach + _GAP:
            groups.append([box])
        else:
            groups[-1].append(box)
        reach = max(reach, end)
    return groups


def _join_columned(bands: list[list]) -> list[list]:
    """Rejoin bands cut apart by gaps that happen to line up in every column (a subhead
    here, a paragraph break there, a short first column beside the byline): two bands
    that together still split into columns are one stretch of columns."""
    joined = [bands[0]]
    for band in bands[1:]:
        if len(_groups(joined[-1] + band, _across)) > 1:
            joined[-1] = joined[-1] + band
        else:
            joined.append(band)
    return joined
