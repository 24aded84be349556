"""jieba's dictionary as the stages consult it: cuts, word tags and word frequencies.

Cutting and tagging run on rjieba, the Python binding of jieba-rs: jieba's algorithm and
dictionary in Rust, with the same cuts as `jieba.cut(text, HMM=False)` (tests/test_words.py
checks that on the bundled corpus) at about a tenth of the time, and without loading jieba's
dictionary into Python. A sentence is cut with rjieba's cut and its tags looked up among the
words seen before, a new word tagged alone (`words_and_tags`): a word's tag never depends on
its sentence, and the cut alone costs a third of cutting and tagging. Frequencies (how common
a word is, for telling names from words) are read from jieba's dictionary file the first time
one is asked for: its words and counts only, in one regular-expression pass (a third of the
CPU of `jieba.initialize`, which builds a prefix dictionary besides; the counts are the same,
tests/test_words.py checks), and kept sorted in govkg's cache folder, so later runs load them
in a few hundredths of a second.
"""
from __future__ import annotations

import hashlib
import re
from array import array
from bisect import bisect_left
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

import rjieba

from kg import cachefile
from kg.lexicons import words

_UNTAGGED = frozenset({"x", "m", "eng"})   # rjieba's tags for words its dictionary lacks
_ENTRY = re.compile(r"^([^ \n]+) ([^ \n]+)", re.M)   # a line of jieba's dict.txt (as it reads one)
# word -> its tag as `tagged` gives it: rjieba tags a word by the word alone (its dictionary
# entry, or what its characters are), never by its sentence, so a tag once seen holds
_TAGS: dict[str, str | None] = {}
_MOST_TAGS = 1 << 17          # words kept (then it starts over)
_COUNTS_MARK = b"govkg-jieba-counts\0"


def tagged(text: str) -> list[tuple[str, str | None]]:
    """jieba's dictionary cut of `text` (no HMM guesses) with each word's dictionary tag
    (None for words the dictionary does not list: punctuation, numbers, unknown characters)."""
    fixes = _corrections()
    return [(w, fixes.get(w) or (None if t in _UNTAGGED and not rjieba.has_word(w) else t))
            for w, t in rjieba.tag(text, hmm=False)]


def words_and_tags(text: str) -> tuple[list[str], list[str | None]]:
    """`tagged(text)` as two lists, the words and their tags. rjieba's cut takes a third of
    the time of its tagging, and is the same cut (its tagging cuts first); so the words are cut
    and each tag looked up among the words seen before. A word never seen is tagged alone
    (rjieba tags it as one word when it cuts it as one); only a sentence with a word that
    rjieba would cut apart when alone is tagged whole."""
    words = rjieba.cut(text, hmm=False)
    known = _TAGS
    if len(known) > _MOST_TAGS:
        known.clear()
    for word in words:
        if word not in known:
            alone = tagged(word)
            if len(alone) != 1:
                pairs = tagged(text)
                known.update(pairs)
                return [w for w, _ in pairs], [t for _, t in pairs]
            known[word] = alone[0][1]
    return words, [known[w] for w in words]


@lru_cache(maxsize=1 << 17)
def dictionary_tag(word: str) -> str | None:
    """The word's part-of-speech tag in jieba's dictionary, None for words it does not list;
    the few tags that dictionary has wrong for this domain (警察 is no verb) corrected."""
    found = tagged(word)
    return found[0][1] if len(found) == 1 else None


def frequency(word: str) -> int:
    """How often jieba's dictionary counts `word` (0 when it does not list it)."""
    words, counts = _counts()
    i = bisect_left(words, word)
    return counts[i] if i < len(words) and words[i] == word else 0


@cache
def _counts() -> tuple[list[str], array]:
    """jieba's dictionary words, sorted, and their counts. Parsing dict.txt costs a quarter
    of a second, every run and in every worker; the sorted words and counts are kept in
    govkg's cache folder (named after the file's place, size and time), which loads in a
    tenth of that."""
    path = _dictionary()
    stat = path.stat()
    stamp = hashlib.sha1(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    kept = cachefile.cache_dir() / f"jieba-counts-{stamp}.marshal"
    found = cachefile.load(kept, _COUNTS_MARK)
    if isinstance(found, tuple) and len(found) == 2:
        words, counts = found[0].split("\n"), array("Q", found[1])
        if len(words) == len(counts):
            return words, counts
    table = _frequencies()                   # none kept yet, or unsound: read dict.txt
    words = sorted(table)
    counts = array("Q", [int(table[w]) for w in words])
    cachefile.keep(kept, _COUNTS_MARK, ("\n".join(words), counts.tobytes()))
    return words, counts


def _dictionary() -> Path:
    package = find_spec("jieba")           # (found, not imported: importing it costs 0.1 s)
    if package is None or not package.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed (its dictionary gives word counts)")
    return Path(package.submodule_search_locations[0], "dict.txt")


def _frequencies() -> dict[str, str]:
    """word -> its count in jieba's dictionary (as written: a line is `word count [tag]`)."""
    return dict(_ENTRY.findall(_dictionary().read_text(encoding="utf-8")))


@cache
def _corrections() -> dict[str, str]:
    return dict(entry.split("/") for entry in words("tag_corrections"))
