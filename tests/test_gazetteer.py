"""The gazetteer: real divisions from jionlp's data, looked up by name, id and ancestry."""
from __future__ import annotations

import pytest

from kg import gazetteer as gz
from kg.gazetteer import Division, gazetteer


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def test_a_common_village_name_has_several_candidates_one_in_luanping(gaz):
    found = gaz.lookup("两间房村")
    assert len(found) > 1
    assert all(d.level == "village" and d.name == "两间房村" for d in found)
    luanping = [d for d in found if d.id.startswith("130824/")]
    assert luanping and luanping[0].id == "130824/两间房乡/两间房村"
    assert luanping[0].parent == "130824/两间房乡"
    assert [a.name for a in gaz.ancestors(luanping[0].id)] == ["两间房乡", "滦平县", "承德市", "河北省"]


def test_ancestors_of_qingyang(gaz):
    (qingyang,) = [d for d in gaz.lookup("青羊区")]
    assert qingyang == Division("510105", "青羊区", "county", "510100", "510105", "青羊")
    assert [a.name for a in gaz.ancestors("510105")] == ["成都市", "四川省"]
    assert gaz.is_within("510105", "510000") and not gaz.is_within("510000", "510105")
    assert gaz.province_of("510105").name == "四川省"


def test_a_city_without_counties_is_not_its_own_parent(gaz):
    (dongguan,) = gaz.lookup("东莞市")
    assert dongguan.level == "city" and dongguan.parent == "440000"
    town = next(d for d in gaz.lookup("虎门镇") if d.parent == dongguan.id)
    chain = [a.id for a in gaz.ancestors(town.id)]
    assert chain == [dongguan.id, "440000"]


def test_municipalities_are_provinces_with_their_districts_below(gaz):
    for name, short in [("北京市", "北京"), ("上海市", "上海"), ("天津市", "天津"), ("重庆市", "重庆")]:
        (city,) = gaz.lookup(name)
        assert city.level == "province" and city.parent is None
        assert gaz.lookup(short) == [city]
    chaoyang = next(d for d in gaz.lookup("朝阳区") if d.parent == "110000")
    assert gaz.province_of(chaoyang.id).name == "北京市"


def test_short_forms_rank_higher_levels_first(gaz):
    chengde = gaz.lookup("承德")
    assert [d.level for d in chengde][:1] == ["city"]
    assert "130800" in gaz.by_alias["承德"]


def test_towns_and_villages_are_made_on_demand_and_compare_equal(gaz):
    town_id = "510105/苏坡街道"
    assert town_id in gaz.divisions and "510105/没有这个街道" not in gaz.divisions
    assert "999999" not in gaz.divisions and "510105/苏坡街道/x/y" not in gaz.divisions
    town = gaz.get(town_id)
    assert town == gaz.divisions[town_id] == Division(town_id, "苏坡街道", "town", "510105")
    assert gaz.town_short(town) == "苏坡"
    with pytest.raises(KeyError):
        gaz.get("510105/没有这个街道")


def test_name_indexes_behave_like_dicts_of_ids(gaz):
    assert "两间房村" in gaz.by_name and "两间房" not in gaz.by_name
    assert gaz.by_name.get("不存在的地名", []) == []
    assert gaz.by_name["青羊区"] == ["510105"]
    assert len(gaz.by_name) > 300_000 and len(gaz.by_alias) > 2_000
    assert len(gaz.divisions) > 700_000


def test_names_at_coded_levels_are_the_full_names_of_provinces_to_counties(gaz):
    coded = set(gaz.names("province", "city", "county"))
    assert {"四川省", "成都市", "青羊区", "东莞市"} <= coded
    assert "两间房村" not in coded
    assert all(any(d.level in ("province", "city", "county") for d in gaz.lookup(n)) for n in coded)


@pytest.mark.slow
def test_the_cache_survives_corruption_and_is_rewritten(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path))
    path = gz.cache_path()
    assert path.parent == tmp_path and "jionlp" in path.name

    fresh = gz.load_tables()               # no cache yet: compiled from jionlp, then written
    assert path.exists()
    good = path.read_bytes()
    assert gz.load_tables().names == fresh.names

    rebuilds = []
    monkeypatch.setattr(gz, "_jionlp_tree", lambda: {})           # the tree is slow to walk:
    monkeypatch.setattr(gz, "_compile", lambda tree: rebuilds.append(tree) or fresh)   # reuse it
    damages = (good[: len(good) // 2], b"", b"not a cache at all",
               good[:100] + bytes([good[100] ^ 0xFF]) + good[101:])
    for damaged in damages:
        path.write_bytes(damaged)
        tables = gz.load_tables()
        assert tables.names == fresh.names and tables.parents == fresh.parents
        assert path.read_bytes() == good    # rebuilt and rewritten whole
    assert len(rebuilds) == len(damages) and not list(tmp_path.glob("*.tmp"))

    gaz = gz.Gazetteer(tables=gz.load_tables())
    assert any(d.id.startswith("130824/") for d in gaz.lookup("两间房村"))


def test_a_place_named_under_a_division_has_its_lineage():
    gaz = gz.gazetteer()
    lineage = [d.name for d in gaz.ancestors("340111/望湖街道/曙光社区")]
    assert lineage[:3] == ["望湖街道", "包河区", "合肥市"]
    assert gaz.is_within("340111/望湖街道/曙光社区", "340000")


def test_a_village_under_an_unlisted_town_has_the_towns_lineage():
    gaz = gz.gazetteer()
    lineage = gaz.ancestors("231083/横道河子镇/某某村")
    assert [d.name for d in lineage][:3] == ["横道河子镇", "海林市", "牡丹江市"]
    assert gaz.is_within("231083/横道河子镇/某某村", "230000")
    with pytest.raises(KeyError):
        gaz.ancestors("999999")
