"""The headline figure: `kg build DIR -o OUT` end to end, as a user runs it, against jieba.cut.

    .venv/bin/python bench/endtoend.py                  # 20x and 100x the bundled corpus
    .venv/bin/python bench/endtoend.py --sizes 20 --workers 0

For each size it generates the corpus (bench/run.py's generator: every copy of an article
gets other real places), runs the whole `python -m kg build DIR -o OUT -q` in a child
process with its default outputs, one worker, and reads the child's CPU time and peak RSS
from the operating system. jieba's own dictionary load (a child that only initialises
jieba) is subtracted, since every segmenter pays it once. The anchor is `jieba.cut` over
the same text (whitespace removed) in this process, in the same run:

    ratio = jieba.cut CPU / (kg build CPU - jieba start-up CPU)

so 1.0 would mean the whole build, graph, Turtle and HTML page included, costs what cutting
the text into words costs. With `--workers N` the largest size is built again with `-j N`
and the wall-clock speed-up is printed.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import generate  # noqa: E402  (bench/run.py: the N x corpus generator)


@dataclass
class Run:
    cpu: float          # seconds of CPU, user and system, of the child
    wall: float         # seconds
    rss_mb: float       # the child's peak resident set


def child(args: list[str]) -> Run:
    """Run a child process; its CPU, wall time and peak RSS (wait4 reports the child's own)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.exit(f"{' '.join(args)}: exit {process.returncode}: {process.stderr.read().decode()[-500:]}")
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def jieba_cut_cpu(folder: Path) -> float:
    """CPU seconds of jieba.cut over the folder's text, here, after jieba's start-up."""
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    text = re.sub(r"\s+", "", "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))))
    start = time.process_time()
    for _ in jieba.cut(text):
        pass
    return time.process_time() - start


def measure(size: int, workdir: Path, workers: int) -> dict:
    corpus = workdir / f"x{size}"
    files, chars = generate(size, corpus)
    jieba_start = child([sys.executable, "-c", "import jieba; jieba.setLogLevel(60); jieba.initialize()"])
    build = child([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(workdir / f"out{size}"), "-q"])
    cut = jieba_cut_cpu(corpus)
    row = {"size": size, "files": files, "chars": chars, "build": build, "jieba_start": jieba_start.cpu,
           "cut": cut, "ratio": cut / max(build.cpu - jieba_start.cpu, 1e-9)}
    if workers:
        row["parallel"] = child([sys.executable, "-m", "kg", "build", str(corpus), "-o",
                                 str(workdir / f"out{size}j"), "-q", "-j", str(workers)])
    return row


def table(rows: list[dict], workers: int) -> str:
    head = (f"{'size':>5} {'chars':>10} {'kg build CPU':>13} {'wall':>7} {'peak RSS':>9} "
            f"{'jieba.cut':>10} {'ratio':>6}" + (f" {f'-j {workers} wall':>11} {'speed-up':>8}" if workers else ""))
    lines = [head, "-" * len(head)]
    for r in rows:
        b = r["build"]
        line = (f"{r['size']:>4}x {r['chars']:>10,} {b.cpu:>12.2f}s {b.wall:>6.2f}s {b.rss_mb:>6.0f} MB "
                f"{r['cut']:>9.2f}s {r['ratio']:>6.2f}")
        if "parallel" in r:
            line += f" {r['parallel'].wall:>10.2f}s {b.wall / r['parallel'].wall:>7.2f}x"
        lines.append(line)
    lines.append("ratio = jieba.cut CPU / (kg build CPU - jieba's start-up CPU); "
                 f"jieba's start-up: {rows[0]['jieba_start']:.2f}s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20,100", help="corpus sizes, comma-separated (default 20,100)")
    parser.add_argument("--workers", type=int, default=2,
                        help="also build the largest size with this many workers (0: no)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="kg-e2e-") as work:
        rows = [measure(size, Path(work), args.workers if size == max(sizes) else 0) for size in sizes]
    print(table(rows, args.workers))


if __name__ == "__main__":
    main()
