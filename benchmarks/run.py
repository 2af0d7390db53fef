"""`python -m benchmarks.run [--articles N] [--json FILE]`: kg's speed and memory, as ratios to the physical limits.

It generates the benchmark corpus (benchmarks/corpus.py), then measures in this one run:

1. extraction words/s of kg's pipeline vs bare `nlp.pipe` of the same spaCy model, same documents;
2. the same pipeline on 2 worker processes vs 1;
3. kg's loader rows/s vs a raw `UNWIND $rows CREATE` of the same rows, and vs one MERGE per transaction;
4. `kg ingest` end to end (a subprocess, as a user runs it) vs bare `nlp.pipe` over the same articles just
   before it: articles/s and peak RSS at each corpus size;
5. p50/p95 latency of every canned query on the largest graph, and the label scans PROFILE shows.

Neo4j: NEO4J_URI when set, else kg's managed server (KG_HOME, KG_BOLT_PORT, KG_HTTP_PORT are respected; it
is started if needed). The benchmark empties the database, so it refuses a non-empty one unless --wipe.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import corpus, measure
from kg.config import Settings
from kg.models import Article

SIZES = (100, 1000, 10000)
RESULTS = measure.HERE / "RESULTS.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
TARGETS = [  # key, label, test
    ("extract_ratio", "extraction vs bare spaCy words/s", lambda v: v >= 0.85, "≥ 0.85"),
    ("extract_2proc_ratio", "extraction, 2 processes vs 1", lambda v: v >= 1.7, "≥ 1.7"),
    ("load_vs_create_ratio", "loader vs raw UNWIND CREATE rows/s", lambda v: v >= 0.5, "≥ 0.5"),
    ("load_vs_row_merge_ratio", "loader vs one MERGE per transaction", lambda v: v >= 20, "≥ 20"),
    ("ingest_vs_spacy_ratio", "`kg ingest` vs bare spaCy articles/s", lambda v: v >= 0.7, "≥ 0.7"),
    ("time_10k_over_1k", "time of 10k articles / time of 1k", lambda v: v <= 11, "≤ 11"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, help="one corpus size instead of 100, 1,000 and 10,000")
    parser.add_argument("--json", type=Path, help="write the results as JSON here")
    parser.add_argument("--sample", type=int, default=400, help="articles for the extraction and loader ratios")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed")
    parser.add_argument("--repeats", type=int, default=2, help="runs of each side of a ratio (the best counts)")
    parser.add_argument("--ingest-args", default="", help='extra `kg ingest` options, e.g. "--workers 2"')
    parser.add_argument("--results", type=Path, help=f"update this Markdown file (default: {RESULTS.name} on a "
                                                     "full run, none with --articles)")
    parser.add_argument("--wipe", action="store_true", help="empty a database that already holds data")
    args = parser.parse_args(argv)
    sizes = (args.articles,) if args.articles else SIZES
    results_file = args.results or (None if args.articles else RESULTS)
    command = "python -m benchmarks.run" + (f" {shlex.join(argv if argv is not None else sys.argv[1:])}"
                                            if (argv if argv is not None else sys.argv[1:]) else "")
    out = bench(sizes, args)
    out["command"] = command
    print(json.dumps({k: v for k, v in out.items() if k != "details"}, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")
    if results_file:
        update_results(results_file, out)
    return 0


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def bench(sizes: tuple[int, ...], args) -> dict:
    from kg.cli.db import ensure_running
    from kg.store.connect import open_driver

    settings = Settings.from_env()
    ensure_running(settings)
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    files = {n: corpus.write(n, folder / f"corpus-{n}.jsonl", args.seed) for n in sizes}
    largest = max(sizes)
    sample = [Article(**a) for a in corpus.articles(largest, args.seed)][: min(args.sample, largest)]
    details: dict = {"machine": measure.machine(), "sizes": list(sizes), "sample_articles": len(sample)}
    with open_driver(settings) as driver:
        database = settings.neo4j_database
        count = driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=database).records[0]["n"]
        if count and not args.wipe:
            raise SystemExit(f"The database holds {count} nodes and the benchmark empties it: point KG_HOME/"
                             "KG_BOLT_PORT or NEO4J_URI at a throwaway server, or pass --wipe.")
        log(f"extraction: {len(sample)} articles, bare spaCy vs kg vs kg on 2 processes")
        graph, details["extraction"] = measure.extraction(sample, settings.model, args.repeats)
        log(f"loader: graph of {len(sample)} articles")
        small = measure.graph_of(sample[:40], settings.model)
        details["loading"] = measure.loading(driver, graph, small, settings.batch_size, database, args.repeats)
        details["ingest"] = {}
        env = dict(os.environ)
        for n in sizes:
            log(f"bare spaCy over the {n} articles, then kg ingest of them")
            bare = measure.bare_spacy(corpus.articles(n, args.seed), settings.model)
            measure.wipe(driver, database)
            done = measure.ingest(files[n], n, env, shlex.split(args.ingest_args))
            details["ingest"][n] = {"seconds": done.seconds, "articles_s": n / done.seconds,
                                    "bare_spacy_seconds": bare, "bare_spacy_articles_s": n / bare,
                                    "ingest_vs_spacy_ratio": bare / done.seconds,
                                    "peak_rss_mb": done.peak_rss_mb, "output": done.output}
            log(f"  bare spaCy {bare:.1f} s; kg ingest {done.seconds:.1f} s, {n / done.seconds:.1f} articles/s, "
                f"peak RSS {done.peak_rss_mb:.0f} MB")
        log(f"queries on the {largest}-article graph")
        details["queries"] = measure.queries(driver, database)
    extraction, loading, ingest = details["extraction"], details["loading"], details["ingest"]
    return {
        "extract_ratio": extraction["extract_ratio"],
        "extract_2proc_ratio": extraction["extract_2proc_ratio"],
        "load_vs_create_ratio": loading["load_vs_create_ratio"],
        "load_vs_row_merge_ratio": loading["load_vs_row_merge_ratio"],
        "ingest_vs_spacy_ratio": ingest[largest]["ingest_vs_spacy_ratio"],
        "rss_mb_by_size": {str(n): ingest[n]["peak_rss_mb"] for n in sizes},
        "time_10k_over_1k": (ingest[10000]["seconds"] / ingest[1000]["seconds"]
                             if 10000 in ingest and 1000 in ingest else None),
        "query_p95_ms": {name: q["p95_ms"] for name, q in details["queries"].items() if name != "RETURN 1"},
        "label_scans": sum(len(q["scans"]) for q in details["queries"].values()),
        "details": details,
    }


def update_results(path: Path, out: dict) -> None:
    """Replace the generated part of RESULTS.md (between the markers), keeping the notes around it."""
    block = "\n".join([START, render(out), END])
    text = path.read_text() if path.exists() else f"# Benchmark results\n\n{block}\n"
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text)


def render(out: dict) -> str:
    d = out["details"]
    ex, lo = d["extraction"], d["loading"]
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {d['machine']}, Neo4j from `{_server()}`.",
        "",
        f"Command: `{out['command']}`",
        "",
        "| target | measured | goal | met |",
        "|---|---|---|---|",
    ]
    for key, label, test, goal in TARGETS:
        value = out[key]
        lines.append(f"| {label} | {'n/a' if value is None else f'{value:.2f}'} | {goal} | "
                     f"{'n/a' if value is None else ('yes' if test(value) else '**no**')} |")
    rss = out["rss_mb_by_size"]
    worst_q = max(out["query_p95_ms"].items(), key=lambda kv: kv[1])
    lines += [
        f"| peak RSS of `kg ingest` (MB) by size | {', '.join(f'{k}: {v:.0f}' for k, v in rss.items())} | flat, "
        f"≤ 1536 at 10k | {'yes' if max(rss.values()) <= 1536 else '**no**'} |",
        f"| slowest canned query p95 | {worst_q[0]}: {worst_q[1]:.1f} ms | ≤ 50 ms | "
        f"{'yes' if worst_q[1] <= 50 else '**no**'} |",
        f"| label scans in PROFILE | {out['label_scans']} | 0 | {'yes' if out['label_scans'] == 0 else '**no**'} |",
        "",
        f"Extraction on {ex['articles']} articles ({ex['words']} words): bare spaCy {ex['bare_words_s']:.0f} words/s, "
        f"kg {ex['kg_words_s']:.0f} words/s, kg on 2 processes {ex['kg_2proc_words_s']:.0f} words/s.",
        "",
        f"Loading {lo['rows']} rows: kg's writer {lo['writer_rows_s']:.0f} rows/s, raw UNWIND CREATE "
        f"{lo['raw_create_rows_s']:.0f} rows/s, one MERGE per transaction {lo['row_merge_rows_s']:.0f} rows/s "
        f"(on {lo['row_merge_sample_rows']} rows).",
        "",
        "| articles | `kg ingest` s | articles/s | bare spaCy s (same articles) | ratio | peak RSS MB |",
        "|---|---|---|---|---|---|",
    ]
    for n, row in d["ingest"].items():
        lines.append(f"| {n} | {row['seconds']:.1f} | {row['articles_s']:.1f} | {row['bare_spacy_seconds']:.1f} | "
                     f"{row['ingest_vs_spacy_ratio']:.2f} | {row['peak_rss_mb']:.0f} |")
    lines += ["", f"Canned queries on the {max(d['sizes'])}-article graph (parameters: the busiest incident's victim and "
              "actor; `RETURN 1` is the round-trip floor):", "",
              "| query | p50 ms | p95 ms | rows | db hits | label scans | other full scans |",
              "|---|---|---|---|---|---|---|"]
    for name, q in d["queries"].items():
        lines.append(f"| {name} | {q['p50_ms']:.1f} | {q['p95_ms']:.1f} | {q['rows']} | {q['db_hits']} | "
                     f"{', '.join(q['scans']) or 'none'} | {', '.join(q['full_scans']) or 'none'} |")
    return "\n".join(lines)


def _server() -> str:
    settings = Settings.from_env()
    if settings.neo4j_uri:
        return settings.neo4j_uri
    s = settings.server
    return f"kg's managed Neo4j {s.version}, heap {s.heap}, page cache {s.pagecache}"


if __name__ == "__main__":
    sys.exit(main())
