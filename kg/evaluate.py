"""Score a built graph against gold annotations, as `docs/annotation.md` defines them.

    >>> from kg.evaluate import evaluate
    >>> report = evaluate("output/graph.ttl", "data/gold")
    >>> report.summary()
    'entity_f1=0.985 relation_f1=0.905 statistic_f1=0.816 article_f1=1.000'

Gold is one JSON file per corpus file (`entities`, `relations`, `statistics`,
`articles`). What counts as right:

* Entities: the graph's entities that some article mentions, by type. A graph
  entity matches a gold entity of its type when any of its names (label or
  alias) is any of the gold one's names, after folding width, spaces, quotes
  and brackets (`norm`). Matching is one to one: a second node for an entity
  already matched is a duplicate and counts as wrong. Optional gold items
  neither reward nor punish.
* Relations: an edge counts when both ends matched; partOf and
  subOrganizationOf are scored up to transitivity (an edge that skips a level
  is right but not required; a required edge is found when the graph's
  closure holds it). holdsPost is read from gov:Membership nodes; `role_ok`
  counts the found posts whose title agrees (one contains the other).
* Statistics: value (to a millionth) and unit must agree (lenient); strict
  also wants the statistic about the gold `about` entity.
* Articles: a title matches when one contains the other; reporters are the
  matched articles' dcterms:creator names. When gold articles carry `date`
  (YYYY-MM-DD) or `publisher`, the matched articles' dcterms:date and
  dcterms:publisher are scored too.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal

from kg.vocab import DCTERMS, GOV, RDF, RDFS, SKOS

__all__ = ["ENTITY_TYPES", "RELATIONS", "Counts", "Gold", "GoldError", "Report",
           "evaluate", "load_gold", "norm", "score_graph"]

ENTITY_TYPES = ("Place", "Agency", "Programme", "Person", "PolicyDocument")
DIRECT_RELATIONS = ("partOf", "locatedIn", "subOrganizationOf", "implementedBy",
                    "implementedIn", "issuedBy")
RELATIONS = (*DIRECT_RELATIONS, "holdsPost")
TRANSITIVE = frozenset({"partOf", "subOrganizationOf"})

_DROP = re.compile(r"[\s\u3000“”\"'‘’「」『』《》〈〉]")

Key = tuple[str, str]            # (type, gold name): one gold entity
Pair = tuple[Key, Key]


class GoldError(ValueError):
    """A gold file that cannot be read: the message names the file (and line)."""


def norm(text: str) -> str:
    """Fold what should compare equal: full/half width, spaces, quotes, 《》, brackets, case."""
    text = unicodedata.normalize("NFKC", str(text)).replace("（", "(").replace("）", ")")
    return _DROP.sub("", text).lower()


@dataclass
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self, **extra: int) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, **extra,
                "p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4)}


# ------------------------------------------------------------------ gold

@dataclass
class GoldEntity:
    type: str
    name: str
    names: set[str]
    optional: bool


@dataclass
class Gold:
    """Every gold file of a folder, merged: an entity named alike in two files is one."""

    entities: dict[Key, GoldEntity] = field(default_factory=dict)
    relations: dict[str, set[Pair]] = field(default_factory=lambda: defaultdict(set))
    optional_relations: dict[str, set[Pair]] = field(default_factory=lambda: defaultdict(set))
    roles: dict[Pair, set[str]] = field(default_factory=lambda: defaultdict(set))
    statistics: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)

    def optional(self, *keys: Key) -> bool:
        """Whether any of these gold entities is optional."""
        return any(self.entities[k].optional for k in keys)

    def allowed(self, predicate: str) -> set[Pair]:
        """Edges a graph may state without penalty: required and optional ones,
        closed under transitivity for partOf and subOrganizationOf."""
        edges = self.relations[predicate] | self.optional_relations[predicate]
        return closure(edges) if predicate in TRANSITIVE else set(edges)


def closure(edges: set[Pair]) -> set[Pair]:
    """The transitive closure of a set of edges (a cycle closes on itself)."""
    return set(nx.transitive_closure(nx.DiGraph(edges), reflexive=False).edges())


def load_gold(folder: Path | str) -> Gold:
    """Read every `*.json` gold file in `folder`. Raises GoldError naming the file."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"{folder}: no such folder of gold files")
    files = sorted(folder.glob("*.json"))
    if not files:
        raise GoldError(f"{folder}: no gold files (*.json) in this folder")
    gold = Gold()
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise GoldError(f"{path}:{err.lineno}: not valid JSON: {err.msg}") from None
        except (OSError, UnicodeDecodeError) as err:
            raise GoldError(f"{path}: cannot read: {err}") from None
        try:
            _add_file(gold, doc)
        except (KeyError, TypeError, ValueError) as err:
            raise GoldError(f"{path}: {_describe(err)}") from None
    return gold


def _describe(err: Exception) -> str:
    if isinstance(err, KeyError):
        return f"missing or unknown {err.args[0]!r} (see the gold file format)"
    return str(err)


def _add_file(gold: Gold, doc: dict) -> None:
    here: dict[str, Key] = {}          # gold name -> key, within this file
    for ent in doc["entities"]:
        key = (ent["type"], ent["name"])
        if ent["type"] not in ENTITY_TYPES:
            raise ValueError(f"entity {ent['name']!r} has unknown type {ent['type']!r}")
        here[ent["name"]] = key
        names = {ent["name"], *ent.get("aliases", [])}
        optional = bool(ent.get("optional", False))
        seen = gold.entities.get(key)
        if seen is None:
            gold.entities[key] = GoldEntity(ent["type"], ent["name"], names, optional)
        else:                          # required if any file requires it
            seen.names |= names
            seen.optional = seen.optional and optional

    def entity(name: str, what: str) -> Key:
        if name not in here:
            raise ValueError(f"{what} names {name!r}, which is no entity of this file")
        return here[name]

    for rel in doc["relations"]:
        pair = (entity(rel["s"], f"relation {rel['p']}"), entity(rel["o"], f"relation {rel['p']}"))
        if rel["p"] not in RELATIONS:
            raise ValueError(f"relation {rel['s']} -> {rel['o']} has unknown predicate {rel['p']!r}")
        if rel.get("optional"):
            gold.optional_relations[rel["p"]].add(pair)
            continue
        gold.relations[rel["p"]].add(pair)
        if rel["p"] == "holdsPost" and rel.get("role"):
            gold.roles[pair].add(rel["role"])
    for stat in doc["statistics"]:
        gold.statistics.append({**stat, "about_key": entity(stat["about"], "a statistic"),
                                "value": float(stat["value"]), "unit": norm(stat.get("unit", "")),
                                "unit_text": stat.get("unit", ""),
                                "optional": bool(stat.get("optional", False))})
    gold.articles.extend(doc.get("articles", []))


# ------------------------------------------------------------------ the graph's side

@dataclass
class SystemEntity:
    iri: str
    types: set[str]
    names: set[str]
    label: str | None


def _first(values) -> str | None:
    texts = sorted(str(v) for v in values)
    return texts[0] if texts else None


def system_entities(graph: Graph) -> dict[str, SystemEntity]:
    """The entities some article mentions (those are what the text named), with every name."""
    types = {GOV[t]: t for t in ENTITY_TYPES}
    out = {}
    mentioned = {e for a in graph.subjects(RDF.type, GOV.Article) for e in graph.objects(a, GOV.mentions)}
    for node in mentioned:
        kinds = {types[t] for t in graph.objects(node, RDF.type) if t in types}
        names = {str(n) for p in (RDFS.label, SKOS.altLabel) for n in graph.objects(node, p)}
        if kinds and names:
            out[str(node)] = SystemEntity(str(node), kinds, names,
                                          _first(graph.objects(node, RDFS.label)))
    return out


# ------------------------------------------------------------------ entities

@dataclass
class EntityScore:
    counts: dict[str, Counts]
    duplicates: dict[str, int]
    mapping: dict[str, Key]                      # graph IRI -> the gold entity it stands for
    wrong: list[tuple[str, str]]                 # (type, label) of entities gold lacks
    missed: list[Key]


def match_entities(gold: Gold, system: dict[str, SystemEntity]) -> EntityScore:
    """One-to-one matching per type; a node whose label is a gold name claims that entity first."""
    index: dict[tuple[str, str], set[Key]] = defaultdict(set)
    for key, ent in gold.entities.items():
        for name in ent.names:
            index[(ent.type, norm(name))].add(key)
    score = EntityScore({t: Counts() for t in ENTITY_TYPES}, dict.fromkeys(ENTITY_TYPES, 0),
                        {}, [], [])
    taken: set[Key] = set()
    # nodes with a label first, then by IRI: the order decides who claims a shared name
    for ent in sorted(system.values(), key=lambda e: (e.label is None, e.iri)):
        for kind in sorted(ent.types):
            candidates = set().union(*(index.get((kind, norm(n)), set()) for n in ent.names))
            _claim(gold, ent, kind, candidates, taken, score)
    score.missed = sorted(k for k, e in gold.entities.items() if k not in taken and not e.optional)
    for kind, _ in score.missed:
        score.counts[kind].fn += 1
    return score


def _claim(gold: Gold, ent: SystemEntity, kind: str, candidates: set[Key], taken: set[Key],
           score: EntityScore) -> None:
    counts = score.counts[kind]
    if not candidates:
        counts.fp += 1
        score.wrong.append((kind, ent.label or min(ent.names)))
        return
    free = sorted(k for k in candidates if k not in taken)
    if not free:
        # every gold entity it names is matched already: a duplicate node
        score.mapping.setdefault(ent.iri, min(candidates))
        if not all(gold.entities[k].optional for k in candidates):
            counts.fp += 1
            score.duplicates[kind] += 1
            score.wrong.append((kind, f"{ent.label or min(ent.names)} (a second node for "
                                      f"{min(candidates)[1]})"))
        return
    by_label = [k for k in free if ent.label and norm(k[1]) == norm(ent.label)]
    pick = (by_label or sorted(free, key=lambda k: gold.entities[k].optional))[0]
    taken.add(pick)
    score.mapping[ent.iri] = pick
    if not gold.entities[pick].optional:
        counts.tp += 1


# ------------------------------------------------------------------ relations

@dataclass
class RelationScore:
    counts: Counts
    wrong: list[str] = field(default_factory=list)
    missed: list[Pair] = field(default_factory=list)
    role_ok: int | None = None


def _labelled(graph: Graph, node) -> str:
    return _first(graph.objects(node, RDFS.label)) or str(node)


def _graph_edges(graph: Graph, predicate: str) -> list[tuple]:
    """(subject, object, role) of every edge of `predicate`; posts from gov:Membership."""
    if predicate != "holdsPost":
        return [(s, o, None) for s, o in set(graph.subject_objects(GOV[predicate]))]
    edges = set()
    for m in graph.subjects(RDF.type, GOV.Membership):
        roles = [str(r) for r in graph.objects(m, GOV.role)] or [""]
        edges |= {(p, a, r) for p in graph.objects(m, GOV.member)
                  for a in graph.objects(m, GOV.organization) for r in roles}
    return sorted(edges)


def score_relation(graph: Graph, gold: Gold, predicate: str, system: dict[str, SystemEntity],
                   mapping: dict[str, Key]) -> RelationScore:
    """One relation's counts. Edges to entities no article mentions are enrichment: not scored."""
    result = RelationScore(Counts())
    stated: dict[Pair, set[str]] = defaultdict(set)     # gold pair -> the roles the graph gives
    for s, o, role in _graph_edges(graph, predicate):
        if str(s) not in system or str(o) not in system:
            continue
        pair = (mapping.get(str(s)), mapping.get(str(o)))
        if None in pair:
            result.counts.fp += 1
            result.wrong.append(f"{_labelled(graph, s)} {predicate} {_labelled(graph, o)}")
        elif not gold.optional(*pair):
            stated[pair].add(role or "")
    required = gold.relations[predicate]
    if predicate == "holdsPost":
        # a post gold marks optional is neither right nor wrong
        right, allowed = required, required | gold.optional_relations[predicate]
    else:
        # any edge gold allows (required, optional, or skipping a level of a
        # transitive relation) is right
        right = allowed = gold.allowed(predicate)
    result.counts.tp = len(set(stated) & right)
    found = closure(set(stated)) if predicate in TRANSITIVE else set(stated)
    wrong = sorted(set(stated) - allowed)
    result.counts.fp += len(wrong)
    result.wrong += [f"{s[1]} {predicate} {o[1]}" for s, o in wrong]
    result.missed = sorted(p for p in required if not gold.optional(*p) and p not in found)
    result.counts.fn = len(result.missed)
    if predicate == "holdsPost":
        result.role_ok = sum(_same_role(gold.roles.get(p, set()), stated[p])
                             for p in set(stated) & required)
    return result


def _same_role(wanted: set[str], given: set[str]) -> bool:
    """A post's title agrees when the gold gives none or one title contains the other."""
    want, got = {norm(r) for r in wanted}, {norm(r) for r in given} - {""}
    return not want or any(w in g or g in w for w in want for g in got)


# ------------------------------------------------------------------ statistics

def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def system_statistics(graph: Graph, mapping: dict[str, Key]) -> list[dict]:
    """Every gov:Statistic with a value: value, folded unit and the gold entities it is about."""
    out = []
    for node in sorted(set(graph.subjects(RDF.type, GOV.Statistic))):
        values = sorted(graph.objects(node, GOV.value))
        if not values:
            continue
        abouts = sorted(graph.objects(node, GOV.about))
        unit = _first(graph.objects(node, GOV.unit)) or ""
        out.append({"iri": str(node), "value": _number(values[0]), "unit": norm(unit),
                    "about": {mapping[str(a)] for a in abouts if str(a) in mapping},
                    "text": _figure(", ".join(_labelled(graph, a) for a in abouts),
                                    _first(graph.objects(node, GOV.measure)) or "",
                                    values[0], unit)})
    return out


def _figure(about: str, measure: str, value, unit: str) -> str:
    """`成都市: 冻结涉诈资金 1310000000元`, for the error lists."""
    try:
        number = format(Decimal(str(value)).normalize(), "f")
    except InvalidOperation:
        number = str(value)
    return f"{about}: {measure} {number}{unit}" if measure else f"{about}: {number}{unit}"


def _same_number(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _fits(stat: dict, want: dict, strict: bool) -> bool:
    return (stat["value"] is not None and _same_number(stat["value"], want["value"])
            and stat["unit"] == want["unit"] and (not strict or want["about_key"] in stat["about"]))


def score_statistics(gold: Gold, stats: list[dict], strict: bool) -> tuple[Counts, list, list]:
    """Greedy one-to-one matching: required gold figures claim the graph's first, then
    optional ones absorb what they fit (neither right nor wrong). Returns the counts,
    the gold figures missed and the graph's figures gold lacks."""
    pool = list(stats)
    counts, missed = Counts(), []
    for want in sorted(gold.statistics, key=lambda g: g["optional"]):
        hit = next((s for s in pool if _fits(s, want, strict)), None)
        if hit is not None:
            pool.remove(hit)
            counts.tp += not want["optional"]
        elif not want["optional"]:
            missed.append(want)
    counts.fn = len(missed)
    counts.fp = len(pool)
    return counts, missed, pool


# ------------------------------------------------------------------ articles

def _article_fields(graph: Graph) -> dict[str, dict]:
    """Per article: folded title, folded reporter names, date and folded publisher."""
    out = {}
    for node in sorted(set(graph.subjects(RDF.type, GOV.Article))):
        creators = {norm(n) for p in graph.objects(node, DCTERMS.creator)
                    for prop in (RDFS.label, SKOS.altLabel) for n in graph.objects(p, prop)}
        publisher = _first(_names(graph, p) for p in graph.objects(node, DCTERMS.publisher))
        date = _first(graph.objects(node, DCTERMS.date))
        out[str(node)] = {"title": norm(_first(graph.objects(node, DCTERMS.title)) or ""),
                          "reporters": creators, "date": (date or "")[:10],
                          "publisher": norm(publisher or "")}
    return out


def _names(graph: Graph, node) -> str:
    """A publisher as text: a literal itself, a node by its label."""
    if isinstance(node, Literal):
        return str(node)
    return _first([*graph.objects(node, RDFS.label), *graph.objects(node, SKOS.prefLabel)]) or str(node)


def _title_match(pool: dict[str, dict], want: str) -> str | None:
    """The article whose title is the gold title, else the first containing it or contained in it."""
    fits = [a for a, f in pool.items() if f["title"] and (f["title"] == want
                                                         or want in f["title"] or f["title"] in want)]
    exact = [a for a in fits if pool[a]["title"] == want]
    return (exact or fits or [None])[0]


@dataclass
class ArticleScore:
    articles: Counts
    reporters: Counts
    dates: Counts | None
    publishers: Counts | None
    missed: list[str]
    wrong_fields: list[str]


def score_articles(graph: Graph, gold: Gold) -> ArticleScore:
    system = _article_fields(graph)
    pool = dict(system)
    articles, reporters = Counts(), Counts()
    extra = {k: Counts() if any(k in a for a in gold.articles) else None
             for k in ("date", "publisher")}
    missed, wrong_fields = [], []
    for art in gold.articles:
        hit = _title_match(pool, norm(art["title"]))
        wanted = {norm(r) for r in art.get("reporters", [])}
        got = pool.pop(hit) if hit is not None else None
        if got is None:
            missed.append(art["title"])
            reporters.fn += len(wanted)
        else:
            articles.tp += 1
            reporters += Counts(len(wanted & got["reporters"]), len(got["reporters"] - wanted),
                                len(wanted - got["reporters"]))
        for key, counts in extra.items():
            if counts is not None and art.get(key):
                want = art[key] if key == "date" else norm(art[key])
                if not _score_field(counts, want, got[key] if got else ""):
                    wrong_fields.append(f"{key} of {art['title']}: {got[key] if got else ''!r}, "
                                        f"gold {art[key]!r}")
    articles.fp, articles.fn = len(system) - articles.tp, len(gold.articles) - articles.tp
    return ArticleScore(articles, reporters, extra["date"], extra["publisher"], missed,
                        wrong_fields)


def _score_field(counts: Counts, want: str, got: str) -> bool:
    """Count one date or publisher; whether it was right."""
    if got == want:
        counts.tp += 1
        return True
    counts.fn += 1
    counts.fp += bool(got)         # a wrong value is both a miss and a false claim
    return False


# ------------------------------------------------------------------ the report

@dataclass
class Report:
    entities: EntityScore
    relations: dict[str, RelationScore]
    lenient: tuple[Counts, list, list]
    strict: tuple[Counts, list, list]
    articles: ArticleScore
    gold: Gold

    @property
    def entity_counts(self) -> Counts:
        return sum(self.entities.counts.values(), Counts())

    @property
    def relation_counts(self) -> Counts:
        return sum((r.counts for r in self.relations.values()), Counts())

    def summary(self) -> str:
        """The last line `kg eval` prints."""
        return (f"entity_f1={self.entity_counts.f1:.3f} relation_f1={self.relation_counts.f1:.3f} "
                f"statistic_f1={self.strict[0].f1:.3f} article_f1={self.articles.articles.f1:.3f}")

    def as_dict(self) -> dict:
        """The figures as JSON-ready data (what `kg eval --json` writes)."""
        ents = {t: c.as_dict(dup=self.entities.duplicates[t])
                for t, c in self.entities.counts.items()}
        rels = {p: r.counts.as_dict(**({"role_ok": r.role_ok} if r.role_ok is not None else {}))
                for p, r in self.relations.items()}
        out = {"entities": {**ents, "all": self.entity_counts.as_dict()},
               "relations": {**rels, "all": self.relation_counts.as_dict()},
               "statistics": {"lenient": self.lenient[0].as_dict(),
                              "strict": self.strict[0].as_dict()},
               "articles": self.articles.articles.as_dict(),
               "reporters": self.articles.reporters.as_dict()}
        for name, counts in (("dates", self.articles.dates), ("publishers", self.articles.publishers)):
            if counts is not None:
                out[name] = counts.as_dict()
        return out

    def table(self) -> list[str]:
        """One line per entity type, relation, statistics mode, articles and reporters."""
        lines = [f"{'':22}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}"]

        def row(name: str, c: Counts, extra: str = "") -> None:
            lines.append(f"{name:22}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>7.3f}"
                         f"{c.recall:>7.3f}{c.f1:>7.3f}{extra}")
        for kind, counts in self.entities.counts.items():
            dup = self.entities.duplicates[kind]
            row(kind, counts, f"   dup={dup}" if dup else "")
        row("ENTITIES (micro)", self.entity_counts)
        for pred, result in self.relations.items():
            row(pred, result.counts, f"   role_ok={result.role_ok}" if result.role_ok is not None else "")
        row("RELATIONS (micro)", self.relation_counts)
        row("statistics lenient", self.lenient[0])
        row("statistics strict", self.strict[0])
        row("articles", self.articles.articles)
        row("reporters", self.articles.reporters)
        for name, counts in (("dates", self.articles.dates), ("publishers", self.articles.publishers)):
            if counts is not None:
                row(name, counts)
        return lines

    def errors(self) -> list[str]:
        """What the graph missed (FN) and what gold lacks (FP), section by section."""
        lines = ["", "entities:"]
        lines += [f"  FP {kind:15} {label}" for kind, label in sorted(self.entities.wrong)]
        lines += [f"  FN {kind:15} {name}" for kind, name in self.entities.missed]
        lines.append("relations:")
        for pred, result in self.relations.items():
            lines += [f"  FP {text}" for text in sorted(result.wrong)]
            lines += [f"  FN {s[1]} {pred} {o[1]}" for s, o in result.missed]
        lines.append("statistics (strict):")
        lines += [f"  FP {s['text']}" for s in self.strict[2]]
        lines += [f"  FN {_figure(g['about'], g.get('measure', ''), g['value'], g.get('unit_text', ''))}"
                  for g in self.strict[1]]
        lines.append("articles:")
        lines += [f"  FN {title}" for title in self.articles.missed]
        lines += [f"  wrong {text}" for text in self.articles.wrong_fields]
        return lines


def score_graph(graph: Graph, gold: Gold) -> Report:
    """Score an rdflib Graph (the union of a built graph) against loaded gold."""
    system = system_entities(graph)
    entities = match_entities(gold, system)
    relations = {p: score_relation(graph, gold, p, system, entities.mapping) for p in RELATIONS}
    stats = system_statistics(graph, entities.mapping)
    return Report(entities, relations, score_statistics(gold, stats, strict=False),
                  score_statistics(gold, stats, strict=True), score_articles(graph, gold), gold)


def evaluate(graph_path: Path | str, gold_folder: Path | str) -> Report:
    """Score the graph saved at `graph_path` (a file or `kg build` output folder)
    against the gold files in `gold_folder`. Raises GoldError, FileNotFoundError, ValueError."""
    from kg.graph.load import load_graph
    gold = load_gold(gold_folder)
    return score_graph(load_graph(graph_path), gold)
