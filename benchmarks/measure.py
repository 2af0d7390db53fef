"""The measurements of `python -m benchmarks.run`, one function each; every one returns plain numbers.

Timings on a shared machine are noisy, so the two sides of every ratio run in the same process, on the
same documents, alternately, and each side keeps its best (lowest) time over the repeats.
"""

from __future__ import annotations

import json

import os
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
from neo4j import Driver

from kg.chunks import chunks
from kg.models import Article, Graph
from kg.pipeline import Options, open_executor, windows
from kg.store.cypher import Statement, canned
from kg.store.queries import run_statement
from kg.store.writer import Step, Writer, init_schema, plan

HERE = Path(__file__).resolve().parent
RAW_CREATE = "UNWIND $rows AS row CREATE (n:BenchRow) SET n = row"  # the physical limit of moving rows in
LABEL_SCANS = ("NodeByLabelScan", "AllNodesScan")  # what the target forbids: reading every node of a label
FULL_SCANS = ("NodeIndexScan", "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan")  # reported only


def best(repeats: int, *runs) -> list[float]:
    """Run each callable `repeats` times, alternating; each one's lowest wall time in seconds."""
    times = [float("inf")] * len(runs)
    for _ in range(repeats):
        for k, run in enumerate(runs):
            started = time.perf_counter()
            run()
            times[k] = min(times[k], time.perf_counter() - started)
    return times


# ---- 1, 2: extraction -------------------------------------------------------------------------------


def extraction(articles: list[Article], model: str, repeats: int = 2) -> tuple[Graph, dict]:
    """Words/s of bare nlp.pipe, of kg's pipeline in this process, and of kg's pipeline on 2 processes.

    Also returns the graph of the articles (one window), for the loader measurements.
    """
    from kg.nlp.model import load, load_base

    bare_nlp, kg_nlp = load_base(model), load(model)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    one = Options(model=model, workers=1, window=len(articles))
    two = Options(model=model, workers=2, window=len(articles))
    graphs: list[Graph] = []

    def bare():
        for _ in bare_nlp.pipe(texts, batch_size=one.batch_size):
            pass

    def kg_one():
        graphs[:] = windows(articles, one, nlp=kg_nlp)

    with open_executor(two) as pool:
        warm = [pool.submit(articles[:2]) for _ in range(two.workers)]  # both workers have loaded the model
        for future in warm:
            future.result()
        bare_nlp(texts[0])  # warm both in this process too
        list(windows(articles[:8], one, nlp=kg_nlp))

        def kg_two():
            for _ in windows(articles, two, executor=pool):
                pass

        t_bare, t_one, t_two = best(repeats, bare, kg_one, kg_two)
    return graphs[0], {
        "articles": len(articles), "words": words,
        "bare_words_s": words / t_bare, "kg_words_s": words / t_one, "kg_2proc_words_s": words / t_two,
        "bare_articles_s": len(articles) / t_bare,
        "extract_ratio": t_bare / t_one, "extract_2proc_ratio": t_one / t_two,
    }


def bare_spacy(articles, model: str, batch_size: int = 32) -> float:
    """Seconds bare nlp.pipe takes over some articles (read lazily, like `kg ingest` reads them)."""
    from kg.nlp.model import load_base

    nlp = load_base(model)
    started = time.perf_counter()
    for _ in nlp.pipe((a["text"] for a in articles), batch_size=batch_size):
        pass
    return time.perf_counter() - started


def graph_of(articles: list[Article], model: str) -> Graph:
    """The merged graph of some articles (one window)."""
    from kg.nlp.model import load

    return next(windows(articles, Options(model=model, window=len(articles)), nlp=load(model)))


# ---- 3: loading -------------------------------------------------------------------------------------


def wipe(driver: Driver, database: str | None = None) -> None:
    with driver.session(database=database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def _rows(steps: list[Step]) -> int:
    return sum(len(step.rows) for step in steps)


def _primitive(steps: list[Step]) -> list[Step]:
    """The same rows with nested maps as JSON text: a node property cannot hold a map (made before timing)."""
    def value(v):
        return json.dumps(v) if isinstance(v, dict) or (isinstance(v, list) and any(isinstance(x, dict) for x in v)) else v

    return [Step(s.part, s.statement, s.key, [{k: value(v) for k, v in row.items()} for row in s.rows], s.params)
            for s in steps if isinstance(s, Step)]


def _raw_create(driver: Driver, steps: list[Step], batch_size: int, database: str | None) -> None:
    with driver.session(database=database) as session:
        for step in steps:
            for rows in chunks(step.rows, batch_size):
                session.execute_write(lambda tx: tx.run(RAW_CREATE, rows=rows).consume())


def _row_by_row(driver: Driver, steps: list[Step], database: str | None) -> None:
    with driver.session(database=database) as session:
        for step in steps:
            for row in step.rows:
                session.execute_write(lambda tx: tx.run(step.statement, {step.key: [row], **step.params}).consume())


def loading(driver: Driver, graph: Graph, sample: Graph, batch_size: int, database: str | None = None,
            repeats: int = 2) -> dict:
    """Rows/s of kg's writer vs a raw UNWIND CREATE of the same rows, and vs one MERGE per transaction.

    Every run starts from an empty database. The per-row baseline runs on `sample` (a smaller graph),
    because at ~200 rows/s the whole graph would take too long; its rate is what counts.
    """
    steps, sample_steps = list(plan(graph)), list(plan(sample))
    raw_steps, raw_sample_steps = _primitive(steps), _primitive(sample_steps)
    writer = Writer(driver, database, batch_size)
    init_schema(driver, database)
    wipe(driver, database)
    writer.write(sample)  # warm the server: plans compiled, JIT hot
    _raw_create(driver, raw_sample_steps, batch_size, database)

    def timed(run) -> float:
        wipe(driver, database)  # every run starts from an empty database; the wipe is not timed
        started = time.perf_counter()
        run()
        return time.perf_counter() - started

    t_writer = t_raw = float("inf")
    for _ in range(repeats):
        t_writer = min(t_writer, timed(lambda: writer.write(graph)))
        t_raw = min(t_raw, timed(lambda: _raw_create(driver, raw_steps, batch_size, database)))
    t_row = timed(lambda: _row_by_row(driver, sample_steps, database))
    wipe(driver, database)
    rows, sample_rows = _rows(steps), _rows(sample_steps)
    return {
        "rows": rows, "writer_rows_s": rows / t_writer, "raw_create_rows_s": rows / t_raw,
        "row_merge_rows_s": sample_rows / t_row, "row_merge_sample_rows": sample_rows,
        "load_vs_create_ratio": t_raw / t_writer, "load_vs_row_merge_ratio": (rows / t_writer) / (sample_rows / t_row),
    }


# ---- 4: end to end ----------------------------------------------------------------------------------


@dataclass
class Ingest:
    articles: int
    seconds: float
    peak_rss_mb: float
    output: str


def ingest(corpus: Path, articles: int, env: dict, extra: list[str] = ()) -> Ingest:
    """`kg ingest corpus` as a user runs it, with the peak RSS of its whole process tree."""
    command = [sys.executable, "-m", "kg", "ingest", str(corpus), *extra]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    stop = threading.Event()

    def sample():
        try:
            root = psutil.Process(process.pid)
            while not stop.is_set():
                try:
                    tree = [root, *root.children(recursive=True)]
                    peak[0] = max(peak[0], sum(p.memory_info().rss for p in tree if p.is_running()))
                except psutil.Error:
                    pass
                stop.wait(0.05)
        except psutil.Error:
            return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"kg ingest failed ({process.returncode}):\n{err[-3000:]}")
    return Ingest(articles, seconds, peak[0] / 2**20, out.strip())


# ---- 5: queries -------------------------------------------------------------------------------------


def query_params(driver: Driver, database: str | None = None) -> dict:
    """Parameter values that hit the busiest incident of the loaded graph (the examples name real events)."""
    records, _, _ = driver.execute_query(
        "MATCH (i:Incident)-[:TARGETED]->(v:Entity) "
        "OPTIONAL MATCH (i)-[:ATTRIBUTED_TO]->(a:Entity) "
        "WITH i, v, a ORDER BY COUNT { (i)<-[:REPORTS]-() } DESC, a IS NULL, a.id LIMIT 1 "
        "RETURN i.id AS incident, v.name AS victim, a.name AS actor", database_=database)
    if not records:
        return {}
    row = records[0]
    actor = row["actor"] or row["victim"]
    return {"target": row["victim"], "actor": actor, "a": row["victim"], "b": actor, "entity": row["victim"],
            "incident": row["incident"]}


def _example(statement: Statement) -> dict:
    import shlex

    words = shlex.split(statement.example or "")
    return dict(w.split("=", 1) for k, w in zip(words, words[1:]) if k in ("--param", "-p") and "=" in w)


def _operators(plan_) -> list[tuple[str, int]]:
    """Every operator of a PROFILE plan with its database hits."""
    found = [(plan_["operatorType"].split("@")[0], plan_.get("dbHits", 0))]
    for child in plan_.get("children", []):
        found += _operators(child)
    return found


def _latency(run, runs: int) -> list[float]:
    for _ in range(3):
        run()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return times


def queries(driver: Driver, database: str | None = None, runs: int = 30) -> dict:
    """p50/p95 wall latency (ms, as `kg query` sees it) and the scans PROFILE shows, per canned query.

    `RETURN 1` is measured the same way: the floor of one round trip on this machine.
    """
    values = query_params(driver, database)
    floor = _latency(lambda: driver.execute_query("RETURN 1", database_=database, routing_="r"), runs)
    out = {"RETURN 1": {"p50_ms": statistics.median(floor), "p95_ms": statistics.quantiles(floor, n=20)[-1],
                        "rows": 1, "scans": [], "full_scans": [], "params": {}, "db_hits": 0}}
    for statement in canned():
        params = {p.name: values.get(p.name, _example(statement).get(p.name, "")) for p in statement.inputs}
        answer = run_statement(driver, statement, params, database)
        times = _latency(lambda: run_statement(driver, statement, params, database), runs)
        operators = _operators(driver.execute_query("PROFILE " + statement.body, statement.values(params),
                                                    database_=database).summary.profile)
        out[statement.name] = {
            "p50_ms": statistics.median(times), "p95_ms": statistics.quantiles(times, n=20)[-1],
            "rows": len(answer.rows), "params": params, "db_hits": sum(hits for _, hits in operators),
            "scans": [op for op, _ in operators if op in LABEL_SCANS],
            "full_scans": [op for op, _ in operators if op in FULL_SCANS],
        }
    return out


def machine() -> str:
    import platform

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return (f"{os.cpu_count()} cores ({cpu}), {psutil.virtual_memory().total / 2**30:.0f} GB RAM, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")
