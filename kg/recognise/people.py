"""People: bylines, and names next to a title or a speech verb, checked against surnames.

`民警罗义`, `副市长、公安局局长王巧全`, `“…”黄树伶说`. Names known only by a
surname and 某/女士/先生 are kept but marked `anonymous` (optional in the guidelines).
"""
from __future__ import annotations

import re

from kg.lexicons import words
from kg.model import Article, EntityType, Mention, TITLE_SENTENCE
from kg.recognise import ArticleContext

_HAN = r"[\u4e00-\u9fff]"
# Characters that rarely end a given name but often follow one: 罗义已经…, 王鹏赶到…
_AFTER_NAME = set("说介表告坦称笑正已在和与等带把将就便立马是也都还对向为从接讲回来赶到被让给及同跟"
                  "了的着过们个这那上下中里外前后今明昨亲第一二三四五六七八九十")
_NOT_GIVEN = set("的了在是和与等及或者之其这那们个所以为被把将就都也还又再很更最不没有人员民警")


class PersonRecognizer:
    def __init__(self):
        surnames = sorted(words("surnames"), key=len, reverse=True)
        titles = sorted(words("titles"), key=len, reverse=True)
        self.surname_re = "(?:" + "|".join(map(re.escape, surnames)) + ")"
        speech = "|".join(map(re.escape, sorted(words("speech_verbs"), key=len, reverse=True)))
        anonymous = "|".join(map(re.escape, words("anonymous_suffixes")))
        self.titled = re.compile(rf"(?P<title>{'|'.join(map(re.escape, titles))})"
                                 rf"(?P<name>{self.surname_re}{_HAN}{{1,2}})")
        self.speaker = re.compile(rf"(?:^|(?<=[，。！？：；”、\s]))(?P<name>{self.surname_re}{_HAN}{{1,2}}?)"
                                  rf"(?={speech})")
        self.anonymous = re.compile(rf"(?P<name>{self.surname_re}(?:{anonymous}))")
        self.list_next = re.compile(rf"、(?P<name>{self.surname_re}{_HAN}{{1,2}})")

    def recognise(self, article: Article, context: ArticleContext) -> list[Mention]:
        out = []
        for index, text in article.texts():
            if index == TITLE_SENTENCE:
                continue
            out.extend(self._sentence(index, text))
        return out

    def _sentence(self, index: int, text: str) -> list[Mention]:
        found: list[Mention] = []
        for m in self.titled.finditer(text):
            name = self._trim(text, m.start("name"), m.end("name"))
            if name:
                found.append(self._mention(index, text, m.start("name"), name,
                                           role=m.group("title")))
                found.extend(self._listed(index, text, m.start("name") + len(name)))
        for m in self.speaker.finditer(text):
            name = m.group("name")
            if self._valid(name):
                found.append(self._mention(index, text, m.start("name"), name))
        for m in self.anonymous.finditer(text):
            found.append(Mention(EntityType.PERSON, m.group("name"), m.start(), m.end(), index,
                                 name=m.group("name"), key=m.group("name"),
                                 attrs={"anonymous": True}))
        return found

    def _trim(self, text: str, start: int, end: int) -> str:
        """Two or three characters: drop a third that reads as the next word's start."""
        name = text[start:end]
        if len(name) == 3 and name[2] in _AFTER_NAME:
            name = name[:2]
        return name if self._valid(name) else ""

    def _valid(self, name: str) -> bool:
        return len(name) >= 2 and not any(ch in _NOT_GIVEN for ch in name[1:])

    def _listed(self, index: int, text: str, pos: int) -> list[Mention]:
        out = []
        while (m := self.list_next.match(text, pos)):
            name = self._trim(text, m.start("name"), m.end("name"))
            if not name:
                break
            out.append(self._mention(index, text, m.start("name"), name))
            pos = m.start("name") + len(name)
        return out

    def _mention(self, index: int, text: str, start: int, name: str, role: str = "") -> Mention:
        return Mention(EntityType.PERSON, name, start, start + len(name), index,
                       name=name, key=name, attrs={"role": role} if role else {})
