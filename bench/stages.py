"""CPU time of each pipeline component over the bundled corpus, against jieba.cut in the same run.

    .venv/bin/python bench/stages.py [ROUNDS]
"""
import sys
import time
from pathlib import Path

import jieba

from kg import components
from kg.doc import make_doc
from kg.read import read_source, source_files
from kg.split import split_articles

ROOT = Path(__file__).resolve().parents[1]


def main(rounds: int) -> None:
    articles = [a for p in source_files([ROOT / "data" / "corpus"])[0]
                for a in split_articles(read_source(p))[0]]
    pipe = components.pipeline()
    for article in articles[:3]:                  # lazy loads: gazetteer, lexicons, rules
        components.run(make_doc(article))
    times = dict.fromkeys(["tokens", *(name for name, _ in pipe)], 0.0)
    for _ in range(rounds):
        for article in articles:
            t = time.process_time()
            doc = make_doc(article)
            times["tokens"] += time.process_time() - t
            for name, fn in pipe:
                t = time.process_time()
                fn(doc)
                times[name] += time.process_time() - t
    text = "".join(s.text for a in articles for s in a.sentences) * rounds
    jieba.initialize()
    t = time.process_time()
    sum(1 for _ in jieba.cut(text))
    cut = time.process_time() - t
    total = sum(times.values())
    for name, spent in times.items():
        print(f"{name:12s} {spent:6.2f} s  {spent / cut:5.2f}x jieba.cut")
    print(f"extraction {total:.2f} s, jieba.cut {cut:.2f} s: {cut / total:.2f} of jieba.cut's speed")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
