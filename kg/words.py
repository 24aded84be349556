"""jieba's dictionary as the stages consult it: short cuts and word tags, no tagger run.

Recognisers ask whether a few characters form a word (is 处 the body word or part of
处于?) or what kind of word they are (a verb before a name?). Cutting a short window
with the dictionary alone is cheap, and the same windows recur, so cuts are remembered.
"""
from __future__ import annotations

import logging
from functools import lru_cache

import jieba
import jieba.posseg

from kg.lexicons import words

jieba.setLogLevel(logging.WARNING)   # no "Building prefix dict…" chatter on every run


@lru_cache(maxsize=1 << 16)
def dictionary_cut(window: str) -> tuple[str, ...]:
    """jieba's dictionary cut (no HMM guesses) of a short window."""
    return tuple(jieba.cut(window, HMM=False))


def dictionary_tag(word: str) -> str | None:
    """The word's part-of-speech tag in jieba's dictionary, None for words it does not list;
    the few tags that dictionary has wrong for this domain (警察 is no verb) corrected."""
    return _corrections().get(word) or jieba.posseg.dt.word_tag_tab.get(word)


@lru_cache(maxsize=1)
def _corrections() -> dict[str, str]:
    return dict(entry.split("/") for entry in words("tag_corrections"))
