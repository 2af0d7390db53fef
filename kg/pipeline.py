"""read -> clean -> spaCy -> extract -> merge: articles in, Graphs out (no database).

Two ways through:

- `build` makes one Graph of a whole corpus (`kg extract`, `kg demo`, tests).
- `graphs` streams: articles are read lazily, extracted in order (in this process, in local worker
  processes, or on a Dask cluster), and merged window by window into one Graph per window of
  `Options.window` articles. Memory stays bounded by the window, whatever the corpus size. `batches`
  gives the windows unmerged, for `kg ingest`, which resolves each against the graph already written, so
  the graph is the same whatever the windows (see README, "Re-runs, updates and faults").
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.chunks import chunks
from kg.errors import ConfigError, InputError
from kg.graph.extract import extract
from kg.models import DocResult
from kg.ingest.clean import Cleaned, clean, segments
from kg.ingest.read import Problem, read_paths
from kg.models import Article, Graph
from kg.resolve.merge import merge

@dataclass
class Run:
    """The outcome of one pipeline run: the graph, and what was skipped with why."""

    graph: Graph
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # kept articles that reading had to change


@dataclass(frozen=True)
class Options:
    """How `graphs` runs: which model, where extraction runs, and how many articles resolve together."""

    model: str = "en_core_web_sm"
    workers: int = 1  # local processes; 1 runs in this process
    dask: str | None = None  # a Dask scheduler address, e.g. tcp://10.0.0.5:8786 (workers is then ignored)
    window: int = 1000  # articles merged into one Graph
    chunk: int = 16  # articles per task sent to a worker
    batch_size: int = 32  # spaCy's nlp.pipe batch


def analyse(nlp: Language, articles: Iterable[Article], batch_size: int = 32,
            failures: list[Problem] | None = None) -> Iterator[DocResult]:
    """Each article's DocResult, in input order; spaCy runs over them in batches.

    A text longer than spaCy's `max_length` is analysed in paragraph-aligned segments (see `long_doc`).
    With a `failures` list, an article that cannot be analysed is appended to it as a Problem and the
    others go on; without one, the error is raised.
    """
    for batch in chunks(articles, batch_size):
        yield from _analyse_batch(nlp, batch, batch_size, failures)


def _analyse_batch(nlp: Language, batch: list[Article], batch_size: int,
                   failures: list[Problem] | None) -> Iterator[DocResult]:
    def failed(article: Article, error: Exception) -> None:
        if failures is None:
            raise error
        failures.append(Problem(article.path or article.id, f"could not be analysed ({type(error).__name__}: "
                                                            f"{error}); the other inputs went on"))

    prepared: list[tuple[Article, Cleaned]] = []
    for article in batch:
        try:
            prepared.append((article, clean(article)))
        except Exception as error:  # noqa: BLE001 - one bad input must not stop the others
            failed(article, error)
    short = [(cleaned.text, n) for n, (_, cleaned) in enumerate(prepared) if len(cleaned.text) <= nlp.max_length]
    docs: dict[int, Doc] = {}
    try:
        docs = {n: doc for doc, n in nlp.pipe(short, as_tuples=True, batch_size=batch_size)}
    except Exception:  # noqa: BLE001 - some text broke the batch: parse one by one to keep the others
        if failures is None:
            raise
        for text, n in short:
            try:
                docs[n] = nlp(text)
            except Exception as error:  # noqa: BLE001
                failed(prepared[n][0], error)
    for n, (article, cleaned) in enumerate(prepared):
        try:
            doc = docs.get(n)
            if doc is None and len(cleaned.text) > nlp.max_length:
                doc = long_doc(nlp, cleaned.text)
            if doc is not None:
                yield extract(article.record(), cleaned, doc)
        except Exception as error:  # noqa: BLE001
            failed(article, error)


SEGMENT_CHARS = 100_000  # a long text's segments: bounded parser memory, well below spaCy's max_length


def long_doc(nlp: Language, text: str) -> Doc:
    """One Doc of a text longer than `nlp.max_length`, which spaCy refuses (E088).

    The model's components (tagger, parser, NER, and kg's components among them) run on segments of at
    most SEGMENT_CHARS characters cut at line breaks; the segments are joined into one Doc of the whole
    text, so character offsets are the text's own; then kg's trailing document-level components (entity
    types voted over the whole article) run once on the joined Doc, so an entity named in the first
    segment and again in the last is one article's entity, as in a short text.
    """
    tail = _document_pipes(nlp)
    parts = nlp.pipe((text[start:end] for start, end in segments(text, min(SEGMENT_CHARS, nlp.max_length))),
                     disable=tail, batch_size=1)
    doc = Doc.from_docs(list(parts), ensure_whitespace=False, exclude=["tensor"])
    if doc.text != text:
        raise ValueError("the segments of a long text did not join back into the text")
    for name in tail:
        doc = nlp.get_pipe(name)(doc)
    return doc


def _document_pipes(nlp: Language) -> list[str]:
    """kg's components at the end of the pipeline (after the model's own): they see a whole article."""
    tail: list[str] = []
    for name in reversed(nlp.pipe_names):
        if not nlp.get_pipe_meta(name).factory.startswith("kg_"):
            break
        tail.insert(0, name)
    return tail


def extract_chunk(model: str, articles: list[Article], batch_size: int = 32) -> list[DocResult | Problem]:
    """DocResults of some articles, then a Problem for each that could not be analysed; what a worker
    process or a Dask worker runs (model loaded once per process)."""
    from kg.nlp.model import load

    failures: list[Problem] = []
    done: list[DocResult | Problem] = list(analyse(load(model), articles, batch_size, failures))
    return done + failures


def read(paths: Iterable[str], problems: list[Problem], notes: list[Problem] | None = None) -> Iterator[Article]:
    """The articles under `paths`, lazily; unreadable or empty inputs are appended to `problems`, and what
    reading changed in a kept article (e.g. invalid UTF-8 replaced) to `notes`."""
    for item in read_paths(paths):
        if isinstance(item, Problem):
            problems.append(item)
        elif not item.text.strip():
            problems.append(Problem(item.path or item.id, "is empty: nothing to extract"))
        else:
            if notes is not None:
                notes.extend(Problem(item.path or item.id, note) for note in item.notes)
            yield item


def results(articles: Iterable[Article], options: Options, nlp: Language | None = None,
            executor: Executor | None = None, failures: list[Problem] | None = None) -> Iterator[DocResult]:
    """DocResults in input order. Off this process, at most two tasks per worker are in flight. Articles
    that cannot be analysed go to `failures` (raised as an InputError without it)."""
    if executor is None and options.dask is None and options.workers <= 1:
        from kg.nlp.model import load

        yield from analyse(nlp or load(options.model), articles, options.batch_size, failures)
        return
    if executor is None:
        with open_executor(options) as executor:
            yield from results(articles, options, executor=executor, failures=failures)
        return
    pending: deque = deque()
    for chunk in chunks(articles, options.chunk):
        pending.append(executor.submit(chunk))
        if len(pending) >= 2 * executor.slots:
            yield from _sorted_out(pending.popleft().result(), failures)
    while pending:
        yield from _sorted_out(pending.popleft().result(), failures)


def _sorted_out(done: list[DocResult | Problem], failures: list[Problem] | None) -> Iterator[DocResult]:
    for item in done:
        if not isinstance(item, Problem):
            yield item
        elif failures is None:
            raise InputError(f"{item.path}: {item.message}")
        else:
            failures.append(item)


@dataclass(frozen=True)
class Executor:
    """Where extraction tasks go: `submit(chunk)` returns a future of the chunk's DocResults."""

    submit: Callable[[list[Article]], Future]
    slots: int  # tasks that run at once


@contextmanager
def open_executor(options: Options) -> Iterator[Executor]:
    """Local worker processes (`options.workers`), or the workers of the Dask scheduler `options.dask`."""
    if options.dask is not None:
        try:
            from distributed import Client
        except ImportError:
            raise ConfigError("--dask needs Dask's distributed package: .venv/bin/pip install 'kg[dask]'") from None
        try:
            client = Client(options.dask, timeout=30)
        except OSError as error:
            raise ConfigError(f"No Dask scheduler answers at {options.dask} ({error}): start one "
                              "(`dask scheduler`, then `dask worker ADDRESS` on each machine) or drop --dask") from None
        with client:
            slots = max(1, sum(client.nthreads().values()))
            yield Executor(lambda chunk: client.submit(extract_chunk, options.model, chunk, options.batch_size,
                                                       pure=False), slots)
        return
    # spawn, not fork: the parent may hold driver threads and sockets a forked child must not inherit.
    with ProcessPoolExecutor(options.workers, mp_context=get_context("spawn"), initializer=_warm,
                             initargs=(options.model,)) as pool:
        yield Executor(lambda chunk: pool.submit(extract_chunk, options.model, chunk, options.batch_size),
                       options.workers)


def _warm(model: str) -> None:
    import signal

    from kg.nlp.model import load

    # Ctrl-C reaches the whole process group; the parent decides when to stop, and the pool then ends.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load(model)


def graphs(paths: Iterable[str], options: Options, problems: list[Problem], on_article=None) -> Iterator[Graph]:
    """One merged Graph per window of the articles under `paths`, streamed; skipped inputs, and articles
    that could not be analysed, go to `problems`."""
    return windows(read(paths, problems), options, on_article, failures=problems)


def windows(articles: Iterable[Article], options: Options, on_article=None, nlp: Language | None = None,
            executor: Executor | None = None, failures: list[Problem] | None = None) -> Iterator[Graph]:
    """One merged Graph per window of `options.window` articles, in input order (failures: see `results`)."""
    for window in batches(articles, options, on_article, nlp, executor, failures):
        yield merge(window)


def batches(articles: Iterable[Article], options: Options, on_article=None, nlp: Language | None = None,
            executor: Executor | None = None, failures: list[Problem] | None = None) -> Iterator[list[DocResult]]:
    """The DocResults of each window of `options.window` articles, unmerged: `kg ingest` resolves each
    against the graph already written (kg.store.known), so the graph does not depend on the windows."""
    window: list[DocResult] = []
    for result in results(articles, options, nlp, executor, failures):
        window.append(result)
        if on_article is not None:
            on_article(result)
        if len(window) >= options.window:
            yield window
            window = []
    if window:
        yield window


def build(nlp: Language, paths: Iterable[str], on_article=None) -> Run:
    """The graph of every article under `paths` as one Graph; unreadable inputs are listed in `problems`."""
    problems: list[Problem] = []
    notes: list[Problem] = []
    results_ = []
    for result in analyse(nlp, read(paths, problems, notes), failures=problems):
        results_.append(result)
        if on_article is not None:
            on_article(result)
    return Run(merge(results_), problems, notes)
