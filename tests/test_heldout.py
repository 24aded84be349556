"""Held-out evaluation: build tests/heldout/corpus and score it against tests/heldout/gold.

The held-out reports (h01-h03) are about cities that the bundled corpus never
mentions (宁波, 长沙, 贵阳, 兰州, 赣州, 泸州, 南宁, 大连, 温州, 绵阳, 苏州), written in
the same PDF-extracted newspaper style, with gold annotations that follow
docs/annotation.md. They are NOT for tuning rules: fix general
rules, never add these names or sentences to lexicons.

The floors below are REGRESSION GUARDS, NOT TARGETS: they are the scores measured
when the set was written minus a margin of about 0.05, so
that a change which makes unseen text worse fails here even when the five
bundled files still score well. Raise them when the extractor improves; never
lower them to make a change pass without saying why.

Measured at creation: entity_f1=0.946 relation_f1=0.889 statistic_f1(strict)=0.355
statistics lenient F1=0.992 article_f1=0.952 reporters F1=0.878. The floors were
raised after the fixes those errors prompted (the set has since guided general rules,
so it is a regression guard now, not an unseen-text estimate).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.api import KnowledgeGraph
from kg.evaluate import evaluate

HERE = Path(__file__).parent
ROOT = HERE.parent

# Regression guards (measured - margin), not targets. heldout2 (g01-g03: 西安, 武汉,
# 宜昌, 襄阳, 厦门, 济南, 青岛) was written later by someone who had not read the code;
# its first score was entity 0.892, relation 0.821, statistics 0.765, articles 0.696.
# heldout..heldout6 lost 0.011-0.019 of relation F1 when a station named after a town came
# to be located in the town alone (their gold often adds the county too; GUIDELINES.md and
# the gold of heldout_web2..10 name one place, the agency's own): a choice, not a regression.
SETS = {
    # the bundled corpus (data/corpus) against its annotations (data/gold): it guided
    # the rules, so these guard against regressions, they estimate nothing
    "bundled": {
        "entity_f1": 0.95,          # measured 0.989
        "relation_f1": 0.87,        # measured 0.912
        "statistic_f1": 0.79,       # measured 0.845
        "statistic_lenient_f1": 0.93,  # measured 0.979
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.95,        # measured 1.000
    },
    "heldout": {
        "entity_f1": 0.95,          # measured 1.000
        "relation_f1": 0.95,        # measured 0.984
        "statistic_f1": 0.84,       # measured 0.894 (strict: value, unit and `about` must match)
        "statistic_lenient_f1": 0.94,  # measured 0.992 (value and unit only)
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.95,        # measured 1.000
    },
    "heldout2": {
        "entity_f1": 0.95,          # measured 0.997
        "relation_f1": 0.92,        # measured 0.957
        "statistic_f1": 0.83,       # measured 0.882
        "statistic_lenient_f1": 0.95,  # measured 1.000
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.95,        # measured 1.000
    },
    # heldout3 (k01-k02: 太原, 株洲, 常德, 福州, 晋江, 哈尔滨), written last, without reading
    # the code; first score: entity 0.929, relation 0.904, statistics 0.571, articles 0.545.
    "heldout3": {
        "entity_f1": 0.94,          # measured 0.995
        "relation_f1": 0.94,        # measured 0.968
        "statistic_f1": 0.84,       # measured 0.893
        "statistic_lenient_f1": 0.95,  # measured 1.000
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.95,        # measured 1.000
    },
    # heldout4 (m01-m03: 南昌, 九江, 合肥, 芜湖, 柳州, 桂林; page headers, end bylines, villages
    # the gazetteer lacks), written without reading the code; first score: entity 0.902,
    # relation 0.829, statistics 0.543, articles 1.000. Its statistics follow a different
    # reading of `about` (a launched programme's figures are the programme's) than the
    # bundled gold, so the statistics floor guards against loss, not towards that reading.
    "heldout4": {
        "entity_f1": 0.93,          # measured 0.976
        "relation_f1": 0.91,        # measured 0.964
        "statistic_f1": 0.54,       # measured 0.592
        "statistic_lenient_f1": 0.94,  # measured 0.991
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.95,        # measured 1.000
    },
    # heldout5 (p01-p03: 绍兴/诸暨, 嘉兴, 宜宾, 德阳, 遵义/务川, 呼和浩特; an interview, a picture
    # item after a long story, minority names), written without reading the code, following
    # the bundled gold's conventions; first score: entity 0.943, relation 0.913,
    # statistics 0.609, articles 0.900, reporters 0.833.
    "heldout5": {
        "entity_f1": 0.94,          # measured 0.992
        "relation_f1": 0.93,        # measured 0.965
        "statistic_f1": 0.77,       # measured 0.820
        "statistic_lenient_f1": 0.95,  # measured 1.000
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.95,        # measured 1.000
    },
    # heldout6 (q01-q03: 牡丹江, 曲靖, 唐山 features; roundups over 吉林/四平/锦州/丹东,
    # 西宁/银川/天水/敦煌, 大同/长治/运城), national-paper style, written without reading the
    # code; first score: entity 0.949, relation 0.887, statistics 0.603, articles 1.000,
    # reporters 0.941.
    "heldout6": {
        "entity_f1": 0.94,          # measured 0.989
        "relation_f1": 0.92,        # measured 0.957
        "statistic_f1": 0.68,       # measured 0.732
        "statistic_lenient_f1": 0.95,  # measured 1.000
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.92,        # measured 0.970
    },
    # heldout_web1 (a01-a11) and heldout_web2 (b01-b11): real web pages as users save them —
    # county and city government sites, 政法 portals, e-paper readers, news portals and
    # mirrors in traditional characters, 9 provinces each (SOURCES.md: addresses, annotation
    # decisions), annotated before the extractor was run on them. First scores, before
    # they guided any fix: web1 entity 0.748, relation 0.592, statistics 0.562, articles
    # 0.909, reporters 0.667; web2 0.753, 0.648, 0.189, 0.783, 0.000.
    "heldout_web1": {
        "entity_f1": 0.91,          # measured 0.962
        "relation_f1": 0.87,        # measured 0.916
        "statistic_f1": 0.85,       # measured 0.904
        "statistic_lenient_f1": 0.92,  # measured 0.972
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.95,        # measured 1.000
    },
    "heldout_web2": {
        "entity_f1": 0.92,          # measured 0.970
        "relation_f1": 0.84,        # measured 0.892
        "statistic_f1": 0.77,       # measured 0.816
        "statistic_lenient_f1": 0.93,  # measured 0.978
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.95,        # measured 1.000
    },
    # heldout_web3 (c01-c12: 11 provinces, county and district sites, e-papers, news portals,
    # two pages in traditional characters), annotated without reading the code and kept
    # blind until its first score: entity 0.743, relation 0.568, statistics 0.162, articles
    # 0.750, reporters 0.500. It then guided the page, agency, relation, programme and
    # statistics rules of the next round.
    "heldout_web3": {
        "entity_f1": 0.92,          # measured 0.964
        "relation_f1": 0.83,        # measured 0.882
        "statistic_f1": 0.80,       # measured 0.851
        "statistic_lenient_f1": 0.95,  # measured 1.000
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.95,        # measured 1.000
    },
    # heldout_web4 (d01-d12: 12 provinces, five county/district/city sites, two 长安网
    # portals, mirrors in traditional characters with pinyin ruby noise), annotated without
    # reading the code and kept blind through a whole round: first score entity 0.818,
    # relation 0.684, statistics 0.312, articles 0.800, reporters 0.545; at the round's end
    # 0.830 / 0.711 / 0.278 / 0.880 / 0.545. It became a dev set after that (session 4).
    "heldout_web4": {
        "entity_f1": 0.87,          # measured 0.916
        "relation_f1": 0.78,        # measured 0.825
        "statistic_f1": 0.58,       # measured 0.632
        "statistic_lenient_f1": 0.89,  # measured 0.939
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.95,        # measured 1.000
    },
    # heldout_web5 (d01-d12: 10 northern and eastern provinces, county 融媒体 and 政法 sites, a
    # court, e-papers, two pages in traditional characters), annotated without reading the code;
    # first score, blind: entity 0.859, relation 0.671, statistics 0.515, articles 0.833,
    # reporters 0.167. It then guided one short round (bylines, e-paper tool rows, rates per
    # 万人, a place's own Party committee standing for the place).
    "heldout_web5": {
        "entity_f1": 0.86,          # measured 0.914
        "relation_f1": 0.73,        # measured 0.784
        "statistic_f1": 0.77,       # measured 0.825
        "statistic_lenient_f1": 0.92,  # measured 0.968
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.95,        # measured 1.000
    },
    # heldout_web6 (d01-d12: 9 southern and western provinces, county and district 政法 sites,
    # a police bureau's disclosure page, e-papers, mirrors in traditional characters),
    # annotated without reading the code and kept blind through a round that raised the
    # studied sets by 0.05-0.30 without moving it: first score entity 0.843, relation
    # 0.694, statistics 0.220, articles 0.833, reporters 0.500; 0.843 / 0.690 / 0.220 /
    # 0.917 / 1.000 at that round's end. It then guided one short round (words jieba tags
    # as names, one-character verbs after a body word, officers' decorations).
    "heldout_web6": {
        "entity_f1": 0.89,          # measured 0.937
        "relation_f1": 0.76,        # measured 0.806
        "statistic_f1": 0.46,       # measured 0.510
        "statistic_lenient_f1": 0.83,  # measured 0.882
        "article_f1": 0.87,         # measured 0.917
        "reporter_f1": 0.95,        # measured 1.000
    },
    # heldout_web7 (d01-d12: 10 provinces, 6 county, district and city sites, 3 pages in
    # traditional characters), annotated without reading the code and kept blind through a
    # whole round: first score entity 0.829, relation 0.690, statistics 0.822, articles
    # 0.917, reporters 0.600, unchanged at that round's end.
    "heldout_web7": {
        "entity_f1": 0.87,          # measured 0.924
        "relation_f1": 0.79,        # measured 0.840
        "statistic_f1": 0.87,       # measured 0.919
        "statistic_lenient_f1": 0.92,  # measured 0.972
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.95,        # measured 1.000
    },
    # heldout_web8 (d01-d12: 9 provinces, 6 county and city 政法/融媒体 sites, 3 pages in
    # traditional characters), annotated without reading the code: first score entity
    # 0.849, relation 0.785, statistics 0.708, articles 1.000, reporters 0.870.
    "heldout_web8": {
        "entity_f1": 0.90,          # measured 0.954
        "relation_f1": 0.87,        # measured 0.918
        "statistic_f1": 0.76,       # measured 0.808
        "statistic_lenient_f1": 0.88,  # measured 0.930
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.95,        # measured 1.000
    },
    # heldout_web9 (d01-d12: 10 provinces, 6 county and city 政法 sites, 2 pages in traditional
    # characters), annotated without reading the code and kept blind for a whole round: first
    # score entity 0.836, relation 0.723, statistics 0.745, articles 1.000, reporters 0.833.
    "heldout_web9": {
        "entity_f1": 0.85,          # measured 0.901
        "relation_f1": 0.77,        # measured 0.816
        "statistic_f1": 0.74,       # measured 0.792
        "statistic_lenient_f1": 0.91,  # measured 0.960
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.95,        # measured 1.000
    },
    # heldout_web10 (d01-d12: 12 provinces, 6 county, city and 融媒体 sites, 2 pages in
    # traditional characters, 7 excerpts without a headline), annotated without reading the
    # code: first score entity 0.793, relation 0.529, statistics 0.384, articles 0.960,
    # reporters 0.952.
    "heldout_web10": {
        "entity_f1": 0.82,          # measured 0.869
        "relation_f1": 0.67,        # measured 0.715
        "statistic_f1": 0.60,       # measured 0.648
        "statistic_lenient_f1": 0.86,  # measured 0.909
        "article_f1": 0.95,         # measured 1.000
        "reporter_f1": 0.90,        # measured 0.952
    },
}


def _folders(name: str) -> tuple[Path, Path]:
    """The corpus and gold folders of a set."""
    if name == "bundled":
        return ROOT / "data" / "corpus", ROOT / "data" / "gold"
    return HERE / name / "corpus", HERE / name / "gold"


@pytest.fixture(scope="module", params=sorted(SETS))
def heldout_report(request, tmp_path_factory):
    corpus, gold = _folders(request.param)
    files = sorted(corpus.glob("*.txt"))
    assert files and len(sorted(gold.glob("*.json"))) == len(files), "held-out set incomplete"
    out = tmp_path_factory.mktemp("heldout")
    KnowledgeGraph.build(files).save(out, formats=["turtle"])
    scored = evaluate(out / "graph.ttl", gold)
    report = scored.as_dict()
    report["_printed"] = "\n".join(scored.table() + scored.errors() + [scored.summary()])
    report["_set"] = request.param
    return report


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_is_well_formed(name):
    """Every relation and statistic names an entity of its own file by its gold name."""
    corpus, gold = _folders(name)
    for path in sorted(gold.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["source"] == path.with_suffix(".txt").name
        assert (corpus / doc["source"]).is_file()
        names = [e["name"] for e in doc["entities"]]
        assert len(names) == len(set(names)), f"{path.name}: duplicate entity names"
        for rel in doc["relations"]:
            assert rel["s"] in names and rel["o"] in names, (path.name, rel)
        for stat in doc["statistics"]:
            assert stat["about"] in names, (path.name, stat)


def test_heldout_scores_stay_above_floors(heldout_report):
    got = {
        "entity_f1": heldout_report["entities"]["all"]["f1"],
        "relation_f1": heldout_report["relations"]["all"]["f1"],
        "statistic_f1": heldout_report["statistics"]["strict"]["f1"],
        "statistic_lenient_f1": heldout_report["statistics"]["lenient"]["f1"],
        "article_f1": heldout_report["articles"]["f1"],
        "reporter_f1": heldout_report["reporters"]["f1"],
    }
    floors = SETS[heldout_report["_set"]]
    below = {k: (round(v, 3), floors[k]) for k, v in got.items() if v < floors[k]}
    assert not below, ("held-out scores fell below their regression floors "
                       f"(got, floor): {below}\n{heldout_report['_printed']}")
