"""Word files (.docx) -> paragraphs in order, one a line, headings marked as headlines."""
from __future__ import annotations

import io

from kg.model import SourceText

BROKEN = "broken Word file ({}); skipped"


def read_docx(data: bytes, source: SourceText) -> SourceText:
    """Fill `source` with the document's paragraphs (table cells too, row by row)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as err:
        source.problem = BROKEN.format(type(err).__name__)
        return source
    except Exception as err:          # noqa: BLE001 (a damaged zip or XML raises many kinds)
        source.problem = BROKEN.format(f"{type(err).__name__}: {' '.join(str(err).split())[:60]}")
        return source
    lines, headings = [], []
    for text, heading in _paragraphs(document):
        lines.append(text)
        if heading:
            headings.append(2 * len(lines) - 1)      # line number once joined by blank lines
    if not lines:
        source.problem = "empty Word file"
        return source
    source.text, source.encoding, source.headings = "\n\n".join(lines) + "\n", "docx", headings
    return source


def _paragraphs(document):
    """(text, is a heading) for each non-empty paragraph of the body, in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if text:
                style = (block.style.name if block.style is not None else "") or ""
                yield text, style.startswith(("Heading", "Title"))
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [c.text.strip() for c in row.cells if c.text.strip()]
                if cells:
                    yield " ".join(dict.fromkeys(cells)), False
