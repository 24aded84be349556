"""Read: files on disk -> decoded text (`SourceText`).

Decoding order: a byte-order mark, strict UTF-8, mostly-UTF-8 (see below),
BOM-less UTF-16 (by its NUL pattern), GB18030 (which covers GBK and GB2312),
then charset-normalizer. Every candidate is checked before it is accepted, so
a file is never decoded silently wrong: an empty, binary or undecodable file
comes back with `problem` set and no text. PDF, Word (.docx) and web pages
(HTML, whatever the file's name) go to their readers in `kg/readers/`. Line
ends are normalised to LF; characters are kept as printed.

A UTF-8 file with a few bad lines (a paragraph pasted from a GBK file, a file
cut off mid-character) is decoded line by line: a line that is not UTF-8 is
read as GB18030 when it reads as Chinese, and bytes that are neither become
U+FFFD, which the splitter reports as `path:line: ...` (and cleaning drops).
The encoding is then `utf-8+gb18030` or `utf-8` with U+FFFD in the text.
"""
from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from kg.model import Problem, SourceText

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0/C1 controls other than tab, LF, CR, form feed and escape.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_PRIVATE_OR_ODD = re.compile(r"[\ue000-\uf8ff\U000f0000-\U0010ffff\ufffd]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NEWLINES = re.compile(r"\r\n?")
_HTML = re.compile(r"\A\s*(?:<!doctype\s+html|<html|<head|<meta|<body)", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)

PROBLEM_EMPTY = "empty file"
PROBLEM_BINARY = "binary file, not text"
PROBLEM_UNDECODABLE = "cannot decode: not UTF-8, GB18030 or UTF-16"


def printable(path: Path | str) -> str:
    """`path` as text that can be printed and stored in the graph: bytes of a file name
    that are not UTF-8 are written `\\xNN`, as `ls -b` shows them. The same name always
    gives the same text, so its articles keep their IRIs from build to build."""
    text = os.fspath(path)
    try:
        raw = os.fsencode(text)
    except UnicodeEncodeError:          # a str made in Python, not a name read from disk
        raw = text.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


def missing_paths(paths: Iterable[Path]) -> list[Path]:
    """The paths that do not exist; a path that cannot be looked at for another reason (too
    long, no permission) is not missing: `source_files` names it as a problem."""
    out = []
    for path in paths:
        try:
            os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            out.append(Path(path))
        except OSError:
            pass
    return out


def source_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The files to read, and what could not be looked at.

    Files as given; folders expanded to their regular, non-hidden files (links followed),
    sorted. A folder that cannot be listed, a path past the system's length limit or
    anything that is not a regular file (a named pipe would block the read forever) is a
    problem that costs only itself. FileNotFoundError for a path that does not exist."""
    found: list[Path] = []
    problems: list[Problem] = []
    for path in map(Path, paths):
        if missing_paths([path]):
            raise FileNotFoundError(f"no such file or folder: {printable(path)}")
        if os.path.isdir(path):
            found.extend(_walk(path, problems))
        elif _regular(path, problems):
            found.append(path)
    return found, problems


def _regular(path: Path, problems: list[Problem]) -> bool:
    """Whether `path` is a regular file (through links); if not, says why in `problems`."""
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        problems.append(Problem(printable(path), f"cannot read: {err.strerror or err}"))
        return False
    if stat.S_ISREG(mode):
        return True
    kind = _KINDS.get(stat.S_IFMT(mode), "a special file")
    problems.append(Problem(printable(path), f"not a regular file ({kind}); skipped"))
    return False


_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device",
          stat.S_IFBLK: "a device", stat.S_IFDIR: "a folder"}


def _walk(folder: Path, problems: list[Problem]) -> list[Path]:
    """The regular, non-hidden files under `folder`, sorted; a folder that cannot be listed
    is named in `problems` (os.walk reports it, where Path.rglob kept silent)."""
    def unlisted(err: OSError) -> None:
        problems.append(Problem(printable(err.filename),
                                f"cannot read the folder: {err.strerror or err}"))

    files, seen = [], set()
    for root, dirs, names in os.walk(folder, onerror=unlisted, followlinks=True):
        try:
            here = os.stat(root)
        except OSError as err:
            unlisted(err)
            dirs[:] = []
            continue
        if (here.st_dev, here.st_ino) in seen:      # a link back to a folder walked already
            dirs[:] = []
            continue
        seen.add((here.st_dev, here.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files += [Path(root, n) for n in sorted(names)
                  if not n.startswith(".") and _regular(Path(root, n), problems)]
    return sorted(files)


def read_source(path: Path) -> SourceText:
    path = Path(path)
    source = SourceText(path=printable(path), name=printable(path.name))
    try:
        data = path.read_bytes()
    except OSError as err:
        source.problem = f"cannot read: {err.strerror or err}"
        return source
    return decode_bytes(data, source)


def decode_bytes(data: bytes, source: SourceText) -> SourceText:
    """Fill `source` with the text of `data` (a PDF, a Word file, a web page or plain
    text in any of the encodings above), or with the reason it has none."""
    if not data.strip():
        source.problem = PROBLEM_EMPTY
        return source
    kind = document_kind(data, source.name)
    if kind == "pdf":
        from kg.readers.pdf import read_pdf
        return read_pdf(data, source)
    if kind == "docx":
        from kg.readers.word import read_docx
        return read_docx(data, source)
    if kind == "doc":
        source.problem = PROBLEM_OLD_WORD
        return source
    text, encoding, problem = _decode(data)
    if text is not None:
        text = _NEWLINES.sub("\n", text)
        if _HTML.match(text):
            from kg.readers.web import read_html
            source.encoding = encoding
            return read_html(text, source)
        if not text.strip():
            text, encoding, problem = None, "", PROBLEM_EMPTY
    if text is None:
        source.problem = problem
        return source
    source.text, source.encoding = text, encoding
    return source


_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PROBLEM_OLD_WORD = "Word 97-2003 file (.doc): save it as .docx to read it"


def document_kind(data: bytes, name: str) -> str:
    """'pdf', 'docx', 'doc' or 'text', from the bytes' signature (and the name, for a
    file too damaged to show one)."""
    suffix = Path(name).suffix.lower()
    if b"%PDF-" in data[:1024] or suffix == ".pdf":
        return "pdf"
    if data.startswith(_ZIP) and (b"word/" in data[:4096] or suffix == ".docx") \
            or suffix == ".docx":
        return "docx"
    if data.startswith(_OLE) and suffix in (".doc", ".wps", ""):
        return "doc"
    return "text"


def _decode(data: bytes) -> tuple[str | None, str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            if text is not None and _plausible(text):
                return text, encoding, ""
            return None, "", PROBLEM_UNDECODABLE
    text = _try(data, "utf-8")
    if text is not None:
        return (text, "utf-8", "") if _plausible(text) else (None, "", PROBLEM_BINARY)
    mixed = _truncated_utf8(data) or _mostly_utf8(data)
    if mixed is not None:
        return mixed[0], mixed[1], ""
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding:
            return _try(data, encoding), encoding, ""
        return None, "", PROBLEM_BINARY
    if len(_CONTROL_BYTES.findall(data)) > max(2, len(data) // 200):
        return None, "", PROBLEM_BINARY
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        text = _try(data, declared.group(1).decode("ascii"))
        if text is not None and _plausible(text):
            return text, declared.group(1).decode("ascii").lower(), ""
    text = _try(data, "gb18030")
    if text is not None and _plausible(text) and _looks_chinese(text):
        return text, "gb18030", ""
    guess = _charset_normalizer(data)
    if guess is not None:
        return guess[0], guess[1], ""
    if text is not None and _plausible(text):
        return text, "gb18030", ""
    return None, "", PROBLEM_UNDECODABLE


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


# A mostly-UTF-8 file: at least this share of its non-ASCII lines is UTF-8, and
# at most this share of its bytes is undecodable.
_MOSTLY_UTF8_LINES = 0.6
_MAX_DAMAGED_BYTES = 0.01
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_NON_ASCII_TEXT = re.compile(r"[^\x00-\x7f]")


def _truncated_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 cut off inside its last character: the text, ending in one U+FFFD."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.reason != "unexpected end of data" or err.end != len(data):
            return None
        text = _try(data[:err.start], "utf-8")
        if text and _plausible(text):
            return text + "\ufffd", "utf-8"
    return None


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of UTF-8 with a few lines in GB18030 or damaged bytes, else None."""
    lines = data.splitlines(keepends=True)
    non_ascii = [i for i, line in enumerate(lines) if _NON_ASCII.search(line)]
    foreign = [i for i in non_ascii if _try(lines[i], "utf-8") is None]
    if not non_ascii or len(non_ascii) - len(foreign) < _MOSTLY_UTF8_LINES * len(non_ascii):
        return None
    parts = {}
    damaged, other = 0, False
    for i in foreign:
        text = lines[i].decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if bad * 2 > len(_NON_ASCII_TEXT.findall(text)):   # hardly any UTF-8 in it
            chinese = _try(lines[i], "gb18030")
            if chinese is not None and _plausible(chinese) and _looks_chinese(chinese):
                parts[i], other = chinese, True
                continue
        damaged += bad
        parts[i] = text
    if damaged > max(3, _MAX_DAMAGED_BYTES * len(data)):
        return None
    text = "".join(parts[i] if i in parts else line.decode("utf-8")
                   for i, line in enumerate(lines))
    if not _plausible(text.replace("\ufffd", "")):
        return None
    return text, "utf-8+gb18030" if other else "utf-8"


def _plausible(text: str) -> bool:
    """Text, not binary decoded by accident: almost no control or private-use characters."""
    bad = len(_CONTROL.findall(text)) + len(_PRIVATE_OR_ODD.findall(text))
    return bad <= max(1, len(text) // 500)


def _looks_chinese(text: str) -> bool:
    """Most CJK characters are common ones (GB2312), as in real Chinese text.

    Bytes of another encoding (Big5, Shift-JIS) read as GB18030 decode without
    error but land on rare characters.
    """
    cjk = _CJK.findall(text)
    if not cjk:
        return True
    common = sum(1 for ch in cjk if _in_gb2312(ch))
    return common >= 0.9 * len(cjk)


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when the NULs fall where UTF-16 text puts them."""
    sample = data[:4000]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for encoding, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros < len(sample) // 20:
            continue
        text = _try(data[: len(data) - len(data) % 2], encoding)
        if text is not None and _plausible(text):
            return encoding
    # Mostly-CJK UTF-16 has few NULs; try both and keep the plausible one.
    for encoding in ("utf-16-le", "utf-16-be"):
        text = _try(data, encoding)
        if text is not None and _plausible(text) and len(_CJK.findall(text)) > len(text) // 3:
            return encoding
    return ""


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        return None
    text = str(best)
    if not _plausible(text):
        return None
    return text, best.encoding
