"""How the places component grows with an article's candidates (issue 16).

    .venv/bin/python bench/places_scaling.py [SIZES...]

Builds one article of N sentences from the gazetteer's own names: each sentence names a
county in full, a county short form that several counties share (鼓楼, 河东 …) and a
village name that many villages share, so that every article has N-fold more names to
place against each other. Prints the CPU seconds of the places component per size and
per candidate; a linear component keeps the second column flat.
"""
from __future__ import annotations

import random
import sys
import time
from collections import Counter

from kg import components
from kg.doc import make_doc
from kg.gazetteer import gazetteer
from kg.model import Article, Sentence


def sentences(n: int, seed: int = 7) -> list[str]:
    gaz = gazetteer()
    rng = random.Random(seed)
    counties = [d for d in (gaz.get(i) for name in gaz.names("county") for i in gaz.by_name[name])
                if d.level == "county" and len(d.name) >= 3]
    shared = [s for s, k in Counter(d.alias for d in counties if d.alias).items() if k >= 2]
    villages = ["联合村", "平安村", "光辉村", "新华社区", "团结村"]
    return [f"{rng.choice(counties).name}公安局与{rng.choice(shared)}警方在{rng.choice(villages)}"
            f"开展联合巡逻。" for _ in range(n)]


def main(sizes: list[int]) -> None:
    run = dict(components.pipeline())["places"]
    print(f"{'sentences':>9} {'places s':>9} {'µs/sentence':>12}")
    for n in sizes:
        texts = sentences(n)
        article = Article("bench.txt", 0, "", sentences=[Sentence(t, i) for i, t in enumerate(texts)])
        run(make_doc(Article("warm.txt", 0, "", sentences=[Sentence(texts[0], 0)])))
        doc = make_doc(article)
        start = time.process_time()
        run(doc)
        took = time.process_time() - start
        print(f"{n:9d} {took:9.3f} {took / n * 1e6:12.0f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [50, 100, 200, 400, 800])
