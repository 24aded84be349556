"""`kg show NAME`: everything known about one entity, with its sources."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import unquote

from kg.cli import EXIT_FAILED, examples

TYPES = ("Place", "Agency", "Programme", "Person", "PolicyDocument")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "show", help="show everything known about one entity",
        description="Find an entity by its name or any alias and print its type, names, "
                    "relations (with the sentence and line that state each), statistics "
                    "and the articles that mention it. Exact matches come first; when none "
                    "is exact, the closest name holding NAME, and what else matched.",
        epilog=examples("kg show 徐州公安", "kg show 包头市 -t Place", "kg show 梳网清格 -f json"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", help="a name or alias, e.g. 徐州市公安局 or 徐州公安")
    parser.add_argument("-g", "--graph", type=Path, default=Path("output/graph.ttl"),
                        help="graph file or output folder (default: output/graph.ttl)")
    parser.add_argument("-t", "--type", choices=TYPES, help="only entities of this type")
    parser.add_argument("-f", "--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run)


def _source(row: dict) -> str:
    if not row["source_file"]:
        return "(no source)"
    where = row["source_file"] + (f":{row['source_line']}" if row["source_line"] else "")
    return f"{where}  {row['evidence']}" if row["evidence"] else where


def render(record: dict) -> str:
    e = record["entity"]
    lines = [f"{e['label']}  [{e['type']}]  <{unquote(e['iri'])}>"]
    if e.get("aliases"):
        lines.append(f"  also: {e['aliases'].replace('|', '、')}")
    if e.get("admin_level"):
        lines.append(f"  level: {e['admin_level']}" + (f"  adcode: {e['adcode']}" if e.get("adcode") else ""))
    # the divisions above it (its own level's is itself)
    within = [e[level] for level in ("province", "city", "county")
              if e.get(level) and e[level] != e["label"]]
    if within:
        lines.append(f"  in: {' › '.join(within)}")
    for title, rows, key in (("relations", record["outgoing"], "object_label"),
                             ("referenced by", record["incoming"], "subject_label")):
        if rows:
            lines.append(f"{title}:")
            for r in rows:
                role = f" ({r['role']})" if r["role"] else ""
                arrow = "->" if key == "object_label" else "<-"
                lines.append(f"  {r['predicate']}{role} {arrow} {r[key]}")
                lines.append(f"      {_source(r)}")
    if record["statistics"]:
        lines.append("statistics:")
        for s in record["statistics"]:
            extra = " ".join(x for x in (s["period"], s["direction"], s["qualifier"]) if x)
            lines.append(f"  {s['measure']}: {s['value']} {s['unit']}" + (f"  ({extra})" if extra else ""))
            lines.append(f"      {_source(s)}")
    if record["articles"]:
        lines.append("mentioned in:")
        for a in record["articles"]:
            lines.append(f"  {a['source_file']}  {a['title']}")
    return "\n".join(lines) + "\n"


def _others(name: str, rows: list[dict]) -> str:
    """The note on the other entities a name matched."""
    labels = [r["label"] for r in rows]
    shown = "、".join(labels[:10]) + ("…" if len(labels) > 10 else "")
    return (f"{len(rows)} other entit{'ies' if len(rows) > 1 else 'y'} matched {name!r}: "
            f"{shown} (kg show NAME shows one)")


def run(args: argparse.Namespace) -> int:
    from kg.commands.stats import load
    from kg.graph.summary import close_names, name_matches

    graph = load(args.graph)
    exact, partial = name_matches(graph.graph, args.name, args.type)
    if not exact and not partial:
        close = close_names(graph.graph, args.name, args.type)
        hint = f"; did you mean {'、'.join(close)}?" if close else ""
        print(f"kg show: nothing named {args.name!r} in {args.graph}{hint}", file=sys.stderr)
        return EXIT_FAILED
    # every exact match, else the closest of those containing the name; the rest are named
    shown, others = (exact, partial) if exact else (partial[:1], partial[1:])
    records = [graph.describe(m["iri"]) for m in shown]
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        if not exact:
            sys.stdout.write(f"(no entity is named {args.name!r}; the closest name holding it:)\n")
        sys.stdout.write("\n".join(render(r) for r in records))
    if others:
        print(_others(args.name, others), file=sys.stderr if args.format == "json" else sys.stdout)
    return 0
