"""Relations between an article's entities, each with the sentence that said it."""
from __future__ import annotations

import re

from kg.keys import AgencyKey
from kg.resolve.entities import place_lineage, within
from kg.lexicons import alternation
from kg.model import ArticleExtraction, EntityType, Mention, Relation, TITLE_SENTENCE



def nested_in_name(m: Mention, mentions: list[Mention]) -> bool:
    """A place written inside another name: the 徐州 of 徐州公安, the 浏阳市 of 浏阳市公安局."""
    return m.type is EntityType.PLACE and any(
        o.type is not EntityType.PLACE and o.sentence == m.sentence and o.start <= m.start
        and m.end <= o.end and o.length > m.length for o in mentions)


def _by_sentence(mentions: list[Mention]) -> dict[int, list[Mention]]:
    out: dict[int, list[Mention]] = {}
    for m in mentions:
        out.setdefault(m.sentence, []).append(m)
    return out


def _evidence(ex: ArticleExtraction, sentence: int) -> str:
    return ex.article.sentence_text(sentence)


def structural_relations(ex: ArticleExtraction) -> list[Relation]:
    """partOf from the gazetteer, locatedIn and subOrganizationOf from agency names."""
    places = {e.key: e for e in ex.entities if e.type is EntityType.PLACE}
    agencies = {e.key: e for e in ex.entities if e.type is EntityType.AGENCY}
    out = []
    for key, ent in places.items():
        parent = next((a for a in place_lineage(key) if a in places), None)
        if parent is not None:
            sentence = min(ent.sentences)
            out.append(Relation(key, "partOf", parent, sentence, evidence=_evidence(ex, sentence)))
    for key, ent in agencies.items():
        sentence = min(ent.sentences)
        place = ex.agency_place.get(key)
        if place in places:
            out.append(Relation(key, "locatedIn", place, sentence, evidence=_evidence(ex, sentence)))
            # 大瑶派出所 of 浏阳市公安局: in 大瑶镇 and 浏阳市; 湖坊镇党委 only in its town
            if places[place].attrs.get("level") == "town" and ex.agency_parent.get(key):
                county = next((a for a in place_lineage(place) if a in places), None)
                if county:
                    out.append(Relation(key, "locatedIn", county, sentence,
                                        evidence=_evidence(ex, sentence)))
        parent = ex.agency_parent.get(key)
        if parent in agencies:
            out.append(Relation(key, "subOrganizationOf", parent, sentence,
                                evidence=_evidence(ex, sentence)))
    return out


def lead_agency(ex: ArticleExtraction, mentions: list[Mention], at_least: int = 2) -> str | None:
    """The agency an article is about, when it is about one: named at least `at_least`
    times (a headline mention counts three), the one serving the place in focus first
    (an article on 台儿庄 is about 台儿庄分局, not the city's bureau above it)."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.type is EntityType.AGENCY and m.key and not m.attrs.get("government"):
            counts[m.key] = counts.get(m.key, 0) + (3 if m.sentence == TITLE_SENTENCE else 1)
    known = {e.key for e in ex.entities}
    focus = ex.focus_places[0] if ex.focus_places else None
    ranked = sorted((k for k in counts if k in known and counts[k] >= at_least),
                    key=lambda k: (ex.agency_place.get(k) != focus, -counts[k], _depth(k), str(k)))
    if ranked:
        return ranked[0]
    # the one body of the article, serving the place it is about, even if named once
    serving = [k for k in counts if k in known and (where := ex.agency_place.get(k)) and focus
               and (where == focus or within(where, focus))]
    return serving[0] if len(counts) == 1 and len(serving) == 1 else None


def _depth(key: AgencyKey) -> int:
    """How many bodies a unit lies under (公安局 0, its 分局 1, the 分局's 派出所 2)."""
    return 0 if key.parent is None else 1 + _depth(key.parent)


def programme_relations(ex: ArticleExtraction, mentions: list[Mention]) -> list[Relation]:
    """implementedBy / implementedIn: the agency and place that are the sentence's subject,
    else the article's lead agency and place in focus."""
    lead = lead_agency(ex, mentions, at_least=2)
    lead_place = ex.focus_places[0] if ex.focus_places else None
    out = []
    for sentence, ms in _by_sentence(mentions).items():
        programmes = [m for m in ms if m.type is EntityType.PROGRAMME]
        if not programmes:
            continue
        evidence = _evidence(ex, sentence)
        for prog in programmes:
            before = [m for m in ms if m.end <= prog.start]
            bodies = _subject_bodies(before, _evidence(ex, sentence)) \
                or _launcher_after(prog, ms, evidence)
            agency = bodies[0] if bodies else None
            if agency is None and _place_is_subject(before, ms, evidence):
                lead_here = None    # 铜川市打造了“大调解”格局: the city's, no body named
            else:
                lead_here = lead
            # A place inside a body's name (the 浏阳市 of 浏阳市公安局大瑶派出所) is not where the
            # programme runs; the body's own place (大瑶镇) is.
            places = _listed_places(before, ms, _evidence(ex, sentence))
            place = places[-1] if places else None
            agency = agency or lead_here
            if place is None and agency:
                place = ex.agency_place.get(agency)
            place = place or lead_place
            for body in bodies or ([agency] if agency else []):
                out.append(Relation(prog.key, "implementedBy", body, sentence, evidence=evidence))
            wheres = [*places[:-1], place] if place else list(places)
            if places and agency and bodies and ex.agency_place.get(agency) not in wheres:
                # 长安大队…在韦曲街道、郭杜街道开展: the streets, and the district the body serves
                wheres.append(ex.agency_place.get(agency))
            for where in dict.fromkeys(w for w in wheres if w):
                out.append(Relation(prog.key, "implementedIn", where, sentence, evidence=evidence))
    return out


_OPENERS = re.compile(rf"^(?:{alternation('stat_clause_openers')})*$")


def _place_is_subject(before: list[Mention], ms: list[Mention], text: str) -> bool:
    """Whether the sentence is about a place acting by itself: it opens with the place
    (after a time or 据介绍-like opener), with no body named before the programme."""
    places = [m for m in before if m.type is EntityType.PLACE and not nested_in_name(m, ms)]
    if not places or any(m.type is EntityType.AGENCY for m in before):
        return False
    head = re.split(r"[，,]", text[:places[0].start])[-1]
    return bool(_OPENERS.match(head))


_LAUNCHED = re.compile(r"[^，。；]{0,12}?(?:推出|打造|创建|首创|创立|推行|开发|上线|建立|设立)的")


def _launcher_after(prog: Mention, ms: list[Mention], text: str) -> list[str]:
    """“爨乡和事佬”是曲靖市委政法委2021年推出的…品牌: the body named as its launcher after it."""
    if not text.startswith(("是", "系"), prog.end):
        return []
    body = next((m for m in ms if m.type is EntityType.AGENCY and m.start == prog.end + 1), None)
    if body is None or not _LAUNCHED.match(text, body.end):
        return []
    return [body.key]


def _listed_places(before: list[Mention], ms: list[Mention], text: str) -> list[str]:
    """The places named before a programme: the nearest one, with those listed with it
    (在甘亭街道、草堂街道等镇街设立…: both streets)."""
    places = [m for m in before if m.type is EntityType.PLACE and not nested_in_name(m, ms)
              and not m.attrs.get("coreference")]
    if not places:
        return []
    out = [places[-1]]
    for m in reversed(places[:-1]):
        if re.fullmatch(r"[、和及与]", text[m.end:out[-1].start]):
            out.append(m)
        else:
            break
    return [m.key for m in reversed(out)]


# 在徐州市委、市政府领导下: the bodies that lead or guide, not the ones that run it
_GUIDANCE = re.compile(r"在[^，。；]{2,30}?(?:领导|指导|支持|统筹|部署|推动|关心)下")
_POST_MODIFIER = re.compile(r"^的?(?:专职|兼职|首席|资深|一名|一位|名)?")
_POST_AFTER = re.compile(r"[，,]?(?:也|还|现|则|目前)?(?:是|任|担任|系|现任)|[，,](?=[^，。；]{2,24}[，,])")
_TITLE_MODIFIER = re.compile(r"(?:专职|兼职|首席|资深|金牌)$")
_SAYING = "介绍|表示|说道|说|指出|认为|坦言|告诉记者"
_SPEAKER_INTRO = re.compile(rf"(?:{_SAYING}|获悉|了解到)[，：:]")
_QUOTE_INTRO = re.compile(rf"(?:{_SAYING})[，,：:]?“")
_JOINT = re.compile(r"^(?:联合|会同|协同|携手|和|与|及|、)$")


def _subject_bodies(before: list[Mention], text: str, governments: bool = False) -> list[str]:
    """The bodies that run what follows: the clause's first body, and those it acts with
    (薛家岛派出所联合黄岛区司法局…设立…: both); else the body named nearest before.
    A government counts only with `governments` (it issues documents, it runs nothing)."""
    guidance = [g.span() for g in _GUIDANCE.finditer(text)]
    # 铁骑中队民警王宏纪说，“…‘小蒙微警局’…”: the speaker's body talks about it, in a quote
    quoted = [q.end() for q in _QUOTE_INTRO.finditer(text)]
    bodies = [m for m in before if m.type is EntityType.AGENCY
              and (governments or not m.attrs.get("government"))
              and not any(s <= m.start < e for s, e in guidance)
              and not any(m.end <= q and "”" not in text[q:before[-1].end] for q in quoted)]
    if not bodies:
        return []
    # the clause the body acts in: after the last full stop, or after 某某介绍，(a speaker's post)
    said = [m.end() for m in _SPEAKER_INTRO.finditer(text, 0, bodies[-1].start)]
    clause_start = max([text.rfind(p, 0, bodies[-1].start) for p in "。；"] + said)
    # 在X的指导下, X主管的: a body followed by 的 is a circumstance, not the subject
    first = next((m for m in bodies if m.start > clause_start
                  and not re.match(r"(?:的|主管|牵头的|领导下|指导下)", text[m.end:m.end + 3])),
                 bodies[-1])
    out = [first.key]
    for m in bodies[bodies.index(first) + 1:]:
        if _JOINT.match(text[out and bodies[bodies.index(m) - 1].end:m.start]):
            out.append(m.key)
        else:
            break
    return list(dict.fromkeys(out))


_ISSUING = re.compile(r"(?:印发|出台|制定|发布|下发|颁布|出台了|印发了|制定了|发布了|修订|编制|起草)")


def document_relations(ex: ArticleExtraction, mentions: list[Mention]) -> list[Relation]:
    """issuedBy: the body a title starts with (郓城县公安局应急处突工作预案), or the body
    that 印发/出台/制定 it in its sentence, or — when the sentence names no body — the
    body the article is about."""
    agencies = {e.key: e for e in ex.entities if e.type is EntityType.AGENCY}
    lead = lead_agency(ex, mentions)
    out = []
    for sentence, ms in _by_sentence(mentions).items():
        text = ex.article.sentence_text(sentence)
        for doc in (m for m in ms if m.type is EntityType.DOCUMENT):
            issuer = _named_in_title(doc.name, agencies.values())
            if issuer is None and _ISSUING.search(text, max(0, doc.start - 8), doc.start):
                before = sorted((m for m in ms if m.end <= doc.start and not m.attrs.get("coreference")
                                 and m.type in (EntityType.AGENCY, EntityType.PLACE)),
                                key=lambda m: (m.end, m.type is EntityType.AGENCY))
                subjects = _subject_bodies([m for m in ms if m.end <= doc.start], text,
                                           governments=True)
                if before and before[-1].type is EntityType.PLACE and not subjects:
                    issuer = None   # 铜川市出台《…》: a place's government, not a body we know
                elif subjects:
                    # 思明区委政法委统筹…，出台《…》: the subject issues it; 区委、区政府印发: both
                    issuer = subjects
                else:
                    issuer = lead
            for body in [issuer] if isinstance(issuer, AgencyKey) else issuer or ():
                out.append(Relation(doc.key, "issuedBy", body, sentence, evidence=text))
    return out


def _named_in_title(title: str, agencies) -> str | None:
    best = None
    for ent in agencies:
        for name in (ent.name, *ent.aliases):
            if len(name) >= 4 and title.startswith(name) and (best is None or len(name) > best[0]):
                best = (len(name), ent.key)
    return best[1] if best else None


# Police posts: a 民警 named with no body beside him serves in the station just named.
_POLICE_TITLE = re.compile(r"(?:民警|辅警|所长|教导员|警长|警官)$")
_POLICE_BODY = re.compile(r"(?:公安局|公安厅|分局|派出所|队|警务站)$")


def post_relations(ex: ArticleExtraction, mentions: list[Mention]) -> list[Relation]:
    """holdsPost from `<agency><title><name>`, `<name>是<agency>的<title>` and, for police
    titles, the station or bureau named just before; 副市长、公安局局长王某 gives two posts."""
    out = []
    agencies = {e.key for e in ex.entities if e.type is EntityType.AGENCY}
    by_sentence = _by_sentence(mentions)
    for sentence, ms in by_sentence.items():
        text = ex.article.sentence_text(sentence)
        for person in (m for m in ms if m.type is EntityType.PERSON):
            posts = []
            if person.attrs.get("role"):
                role = person.attrs["role"]
                posts = list(_organisations(ms, text, person.start - len(role), role, ex, agencies))
                if not posts and _POLICE_TITLE.search(role):
                    body = _recent_police_body(by_sentence, sentence, person.start)
                    posts = [(body, role)] if body in agencies else []
            if person.attrs.get("post") and not posts:
                posts = _stated_post(ms, text, person.attrs["post"], person.attrs["post_start"])
            if not posts:
                posts = _post_after_name(ms, text, person.end)
            out.extend(Relation(person.key, "holdsPost", org, sentence, role=role, evidence=text)
                       for org, role in posts if org in agencies)
    return out


def _recent_police_body(by_sentence: dict[int, list[Mention]], sentence: int, pos: int) -> str | None:
    for index in (sentence, sentence - 1, sentence - 2):
        bodies = [m for m in by_sentence.get(index, ())
                  if m.type is EntityType.AGENCY and _POLICE_BODY.search(m.name or m.surface)
                  and (index < sentence or m.end <= pos)]
        if bodies:
            return bodies[-1].key
    return None


def _post_after_name(ms: list[Mention], text: str, name_end: int) -> list[tuple[str, str]]:
    """张某，是雁塔分局电子城派出所的教导员 / 马某也是…调解委员会的调解员 / 现任…科科长."""
    head = _POST_AFTER.match(text, name_end)
    if head is None:
        return []
    for m in sorted((m for m in ms if m.type is EntityType.AGENCY and m.start >= head.end()
                     and m.start - head.end() <= 2), key=lambda m: -m.end):
        rest = _POST_MODIFIER.sub("", text[m.end:m.end + 14], count=1)
        title = next((t for t in _titles() if rest.startswith(t)), None)
        if title:
            return [(m.key, title)]
    return []


def _stated_post(ms: list[Mention], text: str, post: str, post_start: int) -> list[tuple[str, str]]:
    """杜某是新华街派出所的副所长 / 现任…科科长: the body right before the post."""
    for m in ms:
        if m.type is EntityType.AGENCY and (m.end == post_start or
                                            (m.end == post_start - 1 and text[m.end] == "的")):
            return [(m.key, post)]
    return []


def _organisations(ms: list[Mention], text: str, title_start: int, role: str,
                   ex: ArticleExtraction, agencies: set[str]):
    """Walk back over `机构职务、机构职务` before the name, yielding (agency key, role).

    铜川市司法局党组书记、局长王某 -> (司法局, 党组书记、局长);
    衢江分局党委委员、交警大队大队长朱某 -> (交警大队, 大队长), (衢江分局, 党委委员).
    """
    titles = _titles()
    end, roles = title_start, [role]
    modifier = _TITLE_MODIFIER.search(text, 0, end)
    if modifier:                     # 人民调解委员会专职调解员周桂兰: 专职 is part of the post
        end, roles = modifier.start(), [modifier.group() + role]
    while True:
        org = next((m for m in ms if m.end == end and m.type is EntityType.AGENCY), None)
        if org is None and text[end - 1:end] == "的":    # 唐家墩街道人民调解委员会的调解员余某
            org = next((m for m in ms if m.end == end - 1 and m.type is EntityType.AGENCY), None)
        if org is None and text[end - 2:end] in ("党委", "党组"):
            # 青秀分局党委副书记: the post is in the body whose Party committee it names
            org = next((m for m in ms if m.end == end - 2 and m.type is EntityType.AGENCY), None)
            if org is not None:
                roles[0] = text[end - 2:end] + roles[0]
        if org is None and roles:
            # 湖坊镇党委书记, 东滩村村委会主任: the title begins with the body's own last word
            org = next((m for m in ms if m.type is EntityType.AGENCY and m.start < end < m.end
                        and len(roles[0]) > m.end - end
                        and roles[0].startswith(text[end:m.end])), None)
            if org is not None:
                roles[0] = roles[0][org.end - end:]
        if org is not None:
            if org.key in agencies:
                yield org.key, "、".join(roles)
            end, roles = org.start, []
        joined = re.search(r"([\u4e00-\u9fff]{2,8})、$", text[:end])
        if not joined:
            return
        title = next((t for t in titles if joined.group(1).endswith(t)), None)
        if title is None:
            return
        roles = [title, *roles] if org is None else [title]
        end = joined.end(1) - len(title)


def _titles() -> tuple[str, ...]:
    from kg.lexicons import words
    return tuple(sorted(words("titles"), key=len, reverse=True))
