"""Coordinates: every place gets a WGS84 point, towns and villages their county's."""
from __future__ import annotations

from decimal import Decimal

import shapely
from rdflib import URIRef

from kg import geo
from kg.vocab import GEO, GOV, entity_iri
from tests.conftest import JIAXING, NANHU, ZHEJIANG


def test_a_county_point_lies_inside_its_boundary_in_wgs84():
    pizhou = geo.division_points()["320382"]                    # 邳州市, a county-level city
    assert pizhou.precision == "county"
    assert 34.0 < pizhou.lat < 34.8 and 117.5 < pizhou.lon < 118.4
    # the point is moved from the data's GCJ-02 datum to WGS84: a few hundred metres
    boundary = {code: g for code, _, g in geo.outlines()["city"]}["320300"]   # 徐州市, holding 邳州
    assert shapely.contains(shapely.from_geojson(_json(boundary)), shapely.Point(pizhou.lon, pizhou.lat))


def test_every_province_city_and_county_has_a_point():
    points = geo.division_points()
    levels = {p.precision for p in points.values()}
    assert levels == {"province", "city", "county"}
    assert len([p for p in points.values() if p.precision == "province"]) == 34
    assert len(points) > 3000
    assert all(3 < p.lat < 54 and 73 < p.lon < 136 for p in points.values())


def test_a_town_takes_its_county_point_and_says_so():
    county = entity_iri("place", "441322")                      # 博罗县
    town = entity_iri("place", "441322/湖镇镇")
    village = entity_iri("place", "441322/湖镇镇/光辉村")
    points = geo.place_points({county: "441322", town: "", village: ""}, {village: [town]})
    assert points[town] == points[county] == points[village]
    assert points[town].precision == "county"


def test_a_place_without_a_key_code_climbs_part_of():
    city = entity_iri("place", "330400")
    unlisted = entity_iri("place", "某某新区")
    points = geo.place_points({city: "330400", unlisted: ""}, {unlisted: [city]})
    assert points[unlisted] == geo.division_points()["330400"]
    assert points[unlisted].precision == "city"


def test_a_code_the_data_lacks_falls_back_to_its_city():
    # 晋宁县 (530122) became 晋宁区 (530115) in 2016: the old code lands on 昆明市
    assert geo.point_of(["530122"]) == geo.division_points()["530100"]
    assert geo.point_of(["530115"]).precision == "county"
    assert geo.point_of(["", "abc"]) is None


def test_outlines_are_small_simplified_geometries():
    outlines = geo.outlines()
    assert len(outlines["province"]) == 34 and len(outlines["city"]) > 300
    assert {g["type"] for _, _, g in outlines["province"] + outlines["city"]} <= {"Polygon", "MultiPolygon"}
    assert ["330000", "浙江省"] in [row[:2] for row in outlines["province"]]
    assert ["330100", "杭州市"] in [row[:2] for row in outlines["city"]]
    assert len(_json(outlines)) < 2_000_000


def test_built_places_carry_their_points(graph):
    for place, level in ((ZHEJIANG, "province"), (JIAXING, "city"), (NANHU, "county")):
        lat, lon = graph.value(URIRef(place), GEO.lat), graph.value(URIRef(place), GEO.long)
        assert isinstance(lat.toPython(), Decimal) and 27 < float(lat) < 32 and 118 < float(lon) < 123
        assert str(graph.value(URIRef(place), GOV.coordinatePrecision)) == level


def _json(value) -> str:
    import json
    return json.dumps(value)
