"""China's administrative divisions, from jionlp's gazetteer (GB/T 2260 codes).

Provinces, cities and counties carry their adcode; towns and villages have
none in the data, so their id is the path below their county's code
(`130824/两间房乡/两间房村`), which is stable across runs as well.

There are some 700,000 divisions, nearly all towns and villages. They are
kept as flat tables (one name and one parent index per division) rather than
objects, and a `Division` is made when one is asked for. The tables are
compiled from jionlp's tree once and cached under `~/.cache/govkg/` (keyed by
jionlp's version and the table format), so a process loads them in about a
tenth of a second instead of walking the tree.
"""
from __future__ import annotations

import contextlib
import io
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from kg import cachefile

LEVELS = ("province", "city", "county", "town", "village")
_CODED = frozenset(LEVELS[:3])

# Short forms that the gazetteer lists but that are generic words, not names.
_GENERIC_ALIAS = re.compile(r"^(?:新区|开发区|高新区|矿区|郊区|城区|市区|市辖区|林区|特区)$")
_AUTONOMOUS = re.compile(r"自治[州县旗]$")
# 大瑶镇 -> 大瑶, 苏坡街道 -> 苏坡, 屏边彝族乡 -> 屏边 (two characters of name are kept)
_TOWN_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:(?:[\u4e00-\u9fff]{1,2}族)+|民族)?(?:乡|镇|苏木)$|街道$")

FORMAT = 4                       # bump when the cached tables change shape
_MAGIC = b"govkg-gazetteer\0"


@dataclass(frozen=True, slots=True)
class Division:
    id: str
    name: str                 # full official name: 承德市, 滦平县, 两间房村
    level: str                # one of LEVELS
    parent: str | None        # id of the parent division
    adcode: str = ""          # GB/T 2260, provinces to counties only
    alias: str = ""           # short form: 承德, 滦平

    @property
    def short(self) -> str:
        return self.alias or self.name


# ----------------------------------------------------------------- tables
# Every division has an index. Provinces, cities and counties come first, in
# the tree's order; then all towns, grouped by county; then all villages,
# grouped by town. So a division's children are one contiguous run of the
# parent column, found by bisection. Names are numbered too (one number per
# distinct name), and the divisions bearing each name are a run of one flat
# column, best first: no per-division Python objects at all.

@dataclass(frozen=True, slots=True)
class _Tables:
    coded: list[tuple]        # (adcode, name, level index, parent index or -1, alias) per coded division
    names: list[str]          # every distinct name, sorted: a name's number is its place here
    name_of: array            # name number of every division, by index
    parents: array            # parent index of every division (-1 for provinces)
    towns: int                # index of the first town
    villages: int             # index of the first village
    bearers: array            # division indices grouped by name number, best first
    bearers_at: array         # where each name number's run starts in `bearers` (one more at the end)
    by_alias: dict            # short form -> tuple of indices, best first
    shadowed: tuple           # (name, index): names of coded nodes merged into another (see _compile)

    def parts(self) -> tuple:
        """What `from_parts` reads back (of marshal's types, for the cache file)."""
        return (FORMAT, self.coded, "\n".join(self.names), self.name_of.tobytes(),
                self.parents.tobytes(), self.towns, self.villages,
                self.bearers.tobytes(), self.bearers_at.tobytes(), self.by_alias, self.shadowed)

    @classmethod
    def from_parts(cls, parts: tuple) -> _Tables:
        (fmt, coded, names, name_of, parents, towns, villages,
         bearers, bearers_at, by_alias, shadowed) = parts
        if fmt != FORMAT:
            raise ValueError(f"gazetteer tables in format {fmt}, expected {FORMAT}")
        tables = cls(coded, names.split("\n"), _column("I", name_of), _column("i", parents),
                     towns, villages, _column("I", bearers), _column("I", bearers_at), by_alias, shadowed)
        n = len(tables.name_of)
        if not (len(tables.parents) == n and len(coded) == towns <= villages <= n
                and len(tables.bearers_at) == len(tables.names) + 1
                and tables.bearers_at[-1] == len(tables.bearers)):
            raise ValueError("gazetteer tables are inconsistent")
        return tables


def _column(kind: str, data: bytes) -> array:
    column = array(kind)
    column.frombytes(data)
    return column


def _compile(tree: dict) -> _Tables:
    """Flatten jionlp's nested tree into tables."""
    coded = _Coded()
    towns = coded.walk(tree)
    names, parents, first_village = _flatten(coded, towns)
    levels = _levels(coded.rows, first_village)

    def ident(index: int) -> str:
        if index < len(coded.rows):
            return coded.rows[index][0]
        return f"{ident(parents[index])}/{names[index]}"

    def best_first(indices: list[int]) -> list[int]:
        return sorted(indices, key=lambda i: (levels(i), ident(i)))

    ordered, name_of, bearers, bearers_at = _bearers(names, coded.shadowed, best_first)
    return _Tables(coded.rows, ordered, name_of, parents, len(coded.rows), first_village,
                   bearers, bearers_at,
                   {alias: tuple(best_first(indices)) for alias, indices in coded.aliases.items()},
                   tuple(coded.shadowed))


class _Coded:
    """The divisions with a code (provinces, cities, counties) as rows, with their short and
    former names."""

    def __init__(self) -> None:
        self.rows: list[tuple] = []       # (adcode, name, level index, parent index, alias)
        self.index: dict[str, int] = {}
        self.aliases: dict[str, list[int]] = {}
        self.shadowed: list[tuple[str, int]] = []

    def walk(self, tree: dict) -> list[tuple[int, str, dict | None]]:
        """Every coded division of the tree in order; the towns as (county, name, node)."""
        towns: list[tuple[int, str, dict | None]] = []
        for pnode in tree.values():
            province = self.add(pnode, 0, -1)
            if province is None:
                continue
            for _, cnode in _subdivisions(pnode):
                # Municipalities repeat themselves as their own city: one node.
                city = self.same_or_add(cnode, province, 1)
                if city is None:
                    continue
                for _, knode in _subdivisions(cnode):
                    # Cities without counties (东莞市) list themselves as their only county.
                    county = self.same_or_add(knode, city, 2)
                    if county is not None:
                        towns.extend((county, name, node) for name, node in _subdivisions(knode))
        return towns

    def same_or_add(self, node: dict, parent: int, level: int) -> int | None:
        if node.get("_admin_code") == self.rows[parent][0]:
            return parent
        return self.add(node, level, parent)

    def add(self, node: dict, level: int, parent: int) -> int | None:
        code = node.get("_admin_code")
        if not code:
            return None
        name, alias = node["_full_name"], _short_name(node)
        index = self.index.get(code)
        if index is None:
            index = self.index[code] = len(self.rows)
            self.rows.append((code, name, level, parent, alias))
        else:
            # Two nodes with one code (410471 in jionlp 1.5): one division, the
            # later node's attributes, both names, the children of both.
            self.shadowed.append((self.rows[index][1], index))
            self.rows[index] = (code, name, level, parent, alias)
        if node.get("_former"):
            self.aliases.setdefault(node["_former"], []).append(index)
        if alias:
            self.aliases.setdefault(alias, []).append(index)
            if _AUTONOMOUS.search(name):
                # 石林彝族自治县 is written 石林县, 恩施土家族苗族自治州 恩施州
                self.aliases.setdefault(alias + name[-1], []).append(index)
        return index


def _short_name(node: dict) -> str:
    """A division's short form (徐州 of 徐州市), unless it is too short or generic."""
    alias = node.get("_alias") or ""
    alias = alias[0] if isinstance(alias, list) else alias.split("/")[0]
    if len(alias) < 2 or alias == node["_full_name"] or _GENERIC_ALIAS.match(alias):
        return ""
    return alias


def _flatten(coded: _Coded, towns: list[tuple[int, str, dict | None]]
             ) -> tuple[list[str], array, int]:
    """Names and parents of every division: coded ones, then towns grouped by county index
    (for bisection; stable: the tree's order within), then villages; and the first
    village's index."""
    towns.sort(key=lambda town: town[0])
    n_coded = len(coded.rows)
    names = [c[1] for c in coded.rows]
    parents = array("i", (c[3] for c in coded.rows))
    villages: list[tuple[int, str]] = []
    for offset, (county, tname, tnode) in enumerate(towns):
        names.append(tname)
        parents.append(county)
        villages.extend((n_coded + offset, vname) for vname in (tnode or {}))
    for town, vname in villages:
        names.append(vname)
        parents.append(town)
    return names, parents, n_coded + len(towns)


def _levels(rows: list[tuple], first_village: int):
    """index -> level index (0 province … 3 town, 4 village)."""
    def level(index: int) -> int:
        if index < len(rows):
            return rows[index][2]
        return 3 if index < first_village else 4
    return level


def _bearers(names: list[str], shadowed: list[tuple[str, int]], best_first
             ) -> tuple[list[str], array, array, array]:
    """The distinct names in code-point order (for bisection), each division's name number,
    and the divisions bearing each name, best first, as one column with its run starts."""
    by_name: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        by_name.setdefault(name, []).append(index)
    for name, index in shadowed:
        by_name.setdefault(name, []).append(index)
    if any("\n" in name for name in by_name):
        raise ValueError("a division name contains a line break")
    ordered = sorted(by_name)
    number = {name: k for k, name in enumerate(ordered)}
    bearers, bearers_at = array("I"), array("I")
    for name in ordered:
        bearers_at.append(len(bearers))
        bearers.extend(best_first(by_name[name]))
    bearers_at.append(len(bearers))
    return ordered, array("I", (number[n] for n in names)), bearers, bearers_at


def _subdivisions(node: dict):
    return ((k, v) for k, v in node.items() if not k.startswith("_"))


# ----------------------------------------------------------------- views
class _Divisions(Mapping):
    """Division id -> Division; towns and villages are made on demand."""

    def __init__(self, gaz: Gazetteer):
        self._gaz = gaz

    def __getitem__(self, division_id: str) -> Division:
        return self._gaz._division(self._gaz._index(division_id))

    def __contains__(self, division_id) -> bool:
        try:
            self._gaz._index(division_id)
        except (KeyError, TypeError, AttributeError):
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return (self._gaz._id(i) for i in range(len(self._gaz._t.parents)))

    def __len__(self) -> int:
        return len(self._gaz._t.parents)


class _NameIndex(Mapping):
    """Name -> ids of the divisions that bear it, best first (as `Gazetteer._rank`)."""

    def __init__(self, gaz: Gazetteer, indices):
        self._gaz = gaz
        self._indices = indices          # name -> sequence of division indices, or None

    def __getitem__(self, name: str) -> list[str]:
        found = self._indices(name)
        if found is None:
            raise KeyError(name)
        return [self._gaz._id(i) for i in found]

    def __contains__(self, name) -> bool:
        return self._indices(name) is not None


class _FullNames(_NameIndex):
    def __init__(self, gaz: Gazetteer):
        super().__init__(gaz, gaz._bearers)

    def __iter__(self) -> Iterator[str]:
        return iter(self._gaz._t.names)

    def __len__(self) -> int:
        return len(self._gaz._t.names)


class _ShortForms(_NameIndex):
    def __init__(self, gaz: Gazetteer):
        super().__init__(gaz, gaz._t.by_alias.get)

    def __iter__(self) -> Iterator[str]:
        return iter(self._gaz._t.by_alias)

    def __len__(self) -> int:
        return len(self._gaz._t.by_alias)


class Gazetteer:
    """Divisions indexed by full name and by short form."""

    def __init__(self, tree: dict | None = None, *, tables: _Tables | None = None):
        if tables is None:
            tables = _compile(tree or {})
        self._t = tables
        self._coded = [Division(code, name, LEVELS[level], tables.coded[parent][0] if parent >= 0 else None,
                                code, alias)
                       for code, name, level, parent, alias in tables.coded]
        self._code_index: dict[str, int] = {}
        for index, division in enumerate(self._coded):
            self._code_index.setdefault(division.id, index)
        # Recognisers ask for the same few divisions' ancestry over and over.
        self._index = lru_cache(maxsize=1 << 16)(self._find)
        self._lineage = lru_cache(maxsize=1 << 16)(self._ancestry)
        self.divisions: Mapping[str, Division] = _Divisions(self)
        self.by_name: Mapping[str, list[str]] = _FullNames(self)       # full names, every level
        self.by_alias: Mapping[str, list[str]] = _ShortForms(self)     # short forms, province..county

    # ------------------------------------------------------------- indices
    def _bearers(self, name: str):
        """Indices of the divisions whose full name is `name`, best first; None if none."""
        number = self._number(name)
        if number is None:
            return None
        at = self._t.bearers_at
        return self._t.bearers[at[number]:at[number + 1]]

    def _number(self, name: str) -> int | None:
        names = self._t.names
        k = bisect_left(names, name)
        return k if k < len(names) and names[k] == name else None

    def _find(self, division_id: str) -> int:
        """The index of a division id; KeyError if there is none."""
        head, sep, rest = division_id.partition("/")
        index = self._code_index[head]
        while sep:
            name, sep, rest = rest.partition("/")
            index = self._child(index, name)
        return index

    def _child(self, parent: int, name: str) -> int:
        t = self._t
        if parent < t.towns:
            lo, hi = t.towns, t.villages
        elif parent < t.villages:
            lo, hi = t.villages, len(t.parents)
        else:
            raise KeyError(name)
        lo = bisect_left(t.parents, parent, lo, hi)
        hi = bisect_right(t.parents, parent, lo, hi)
        try:
            return t.name_of.index(self._number(name), lo, hi)
        except (ValueError, TypeError):
            raise KeyError(name) from None

    def _id(self, index: int) -> str:
        t = self._t
        if index < t.towns:
            return self._coded[index].id
        return f"{self._id(t.parents[index])}/{t.names[t.name_of[index]]}"

    def _division(self, index: int) -> Division:
        t = self._t
        if index < t.towns:
            return self._coded[index]
        parent = self._id(t.parents[index])
        name = t.names[t.name_of[index]]
        return Division(f"{parent}/{name}", name, "town" if index < t.villages else "village", parent)

    # ------------------------------------------------------------- queries
    def get(self, division_id: str) -> Division:
        return self._division(self._index(division_id))

    def towns(self, county_id: str) -> list[Division]:
        """The towns, townships and subdistricts of a county (one run of the parent column)."""
        t, county = self._t, self._index(county_id)
        if county >= t.towns:
            return []
        lo = bisect_left(t.parents, county, t.towns, t.villages)
        hi = bisect_right(t.parents, county, lo, t.villages)
        return [self._division(i) for i in range(lo, hi)]

    def lookup(self, name: str) -> list[Division]:
        """Divisions whose full name or short form is `name`, higher levels first."""
        found = self._bearers(name) or ()
        alias = self._t.by_alias.get(name)
        if alias is not None:
            found = dict.fromkeys([*found, *alias])
        return [self._division(i) for i in found]

    def names(self, *levels: str) -> Iterator[str]:
        """Full names borne by at least one division at one of `levels` (each once)."""
        t = self._t
        wanted = {LEVELS.index(level) for level in levels}
        numbers = {}
        if wanted & {0, 1, 2}:
            numbers.update((t.name_of[i], None) for i, c in enumerate(t.coded) if c[2] in wanted)
            numbers.update((self._number(n), None) for n, i in t.shadowed if t.coded[i][2] in wanted)
        if 3 in wanted:
            numbers.update((k, None) for k in t.name_of[t.towns:t.villages])
        if 4 in wanted:
            numbers.update((k, None) for k in t.name_of[t.villages:])
        return (t.names[k] for k in numbers)

    def ancestors(self, division_id: str) -> list[Division]:
        """Parent, grandparent, … up to the province. A place the text names under a
        division the gazetteer lacks it in (`<town id>/曙光社区`) has that division's lineage."""
        if division_id in self.divisions:
            return list(self._lineage(division_id))
        parent = division_id.rpartition("/")[0]
        if not parent:
            raise KeyError(division_id)
        if parent in self.divisions:
            head = self.get(parent)
        else:        # 海林市横道河子镇 (unlisted) above 横道河子镇X村
            grand, _, name = parent.rpartition("/")
            head = Division(id=parent, name=name, level="town", parent=grand or None)
        return [head, *self.ancestors(parent)]

    def _ancestry(self, division_id: str) -> tuple[Division, ...]:
        parents = self._t.parents
        out = []
        index = parents[self._index(division_id)]
        while index >= 0:
            out.append(self._division(index))
            index = parents[index]
        return tuple(out)

    def is_within(self, inner: str, outer: str) -> bool:
        return any(a.id == outer for a in self.ancestors(inner))

    def province_of(self, division_id: str) -> Division:
        chain = [self.get(division_id), *self.ancestors(division_id)]
        return chain[-1]

    def town_short(self, division: Division) -> str:
        """苏坡 for 苏坡街道: towns are often written without their suffix."""
        return town_short_name(division.name) if division.level == "town" else division.short


def town_short_name(name: str) -> str:
    """A town's name as it is often written, without its suffix: 苏坡街道 -> 苏坡,
    屏边彝族乡 -> 屏边."""
    return _TOWN_SUFFIX.sub("", name)


# ----------------------------------------------------------------- loading
def _jionlp_version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("jionlp")
    except PackageNotFoundError:
        return "unknown"


def cache_path() -> Path:
    return cachefile.cache_dir() / f"gazetteer-jionlp{_jionlp_version()}-f{FORMAT}.marshal"


def _read_cache(path: Path) -> _Tables | None:
    parts = cachefile.load(path, _MAGIC)
    try:
        return _Tables.from_parts(parts) if isinstance(parts, tuple) else None
    except (ValueError, TypeError):
        return None


def _jionlp_tree() -> dict:
    with contextlib.redirect_stdout(io.StringIO()):   # jionlp prints a banner on import
        from jionlp.dictionary.dictionary_loader import (china_location_change_loader,
                                                         china_location_loader)
    return apply_renames(china_location_loader(detail=True), china_location_change_loader())


def apply_renames(tree: dict, changes: list[dict]) -> dict:
    """Rename the divisions the tree still has under a former name (无为县 became 无为市 in
    2019), from jionlp's list of changes; the former name stays as a short form."""
    renames = {(c["old_loc"][-2][0], c["old_loc"][-1][0]): c["new_loc"][-1] for c in changes
               if len(c["old_loc"]) >= 2 and [o[0] for o in c["old_loc"][:-1]] == c["new_loc"][:-1]}
    nodes = [(None, pnode) for pnode in tree.values()]
    named = set()
    for i in range(3):                       # provinces, cities, counties
        nodes = [(node, child) for _, node in nodes for _, child in _subdivisions(node)] if i else nodes
        named.update(node["_full_name"] for _, node in nodes)
    nodes = [(None, pnode) for pnode in tree.values()]
    for i in range(3):
        if i:
            nodes = [(node, child) for _, node in nodes for _, child in _subdivisions(node)]
        for parent, node in nodes:
            new = renames.get((parent["_full_name"] if parent else None, node["_full_name"]))
            if new and new not in named:
                node["_former"], node["_full_name"] = node["_full_name"], new
    return tree


def load_tables(use_cache: bool = True) -> _Tables:
    """The compiled tables: from the cache when it is sound, else from jionlp (and cached)."""
    path = cache_path()
    tables = _read_cache(path) if use_cache else None
    if tables is None:
        tables = _compile(_jionlp_tree())
        if use_cache:
            cachefile.keep(path, _MAGIC, tables.parts())
    return tables


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded once per process (~0.1 s from the cache)."""
    return Gazetteer(tables=load_tables())
