"""Readers: paths, directories, globs and stdin -> Article, or a Problem naming the file and the fix."""

from __future__ import annotations

import glob
import hashlib
import itertools
import json
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from kg.ingest.documents import Unreadable, read_docx, read_pdf
from kg.ingest.fetch import FetchError, fetch
from kg.models import Article

SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl", ".pdf", ".docx"}
DOCUMENTS = {".pdf", ".docx"}  # binary formats read by a library, not decoded as text
MAX_BYTES = 20 * 1024 * 1024  # one article file; larger ones are refused with the limit named


@dataclass(frozen=True)
class Problem:
    """An input that was skipped, and why."""

    path: str
    message: str


# The commonest English function words: a text of some length with almost none of them is not English.
_ENGLISH = frozenset("the of and to in a is that for on was with by as at it from said has have are were be".split())


def read_paths(paths: Iterable[str]) -> Iterator[Article | Problem]:
    """Every article under `paths` in a stable order; unreadable or unusable inputs come out as Problems."""
    for item in _read_all(paths):
        problem = check(item) if isinstance(item, Article) else None
        yield problem or item


def check(article: Article) -> Problem | None:
    """Why an article that was read cannot be analysed (empty, or not English), else None."""
    where = article.path or article.id
    if not article.text.strip():
        return Problem(where, "is empty (or only white space): nothing to extract")
    words = [w.lower() for w in article.text.split()[:2000] if w.isalpha()]
    if len(words) >= 20 and sum(w in _ENGLISH for w in words) / len(words) < 0.04:
        return Problem(where, "does not look like English (kg's spaCy model reads English): skipped")
    return None


def _read_all(paths: Iterable[str]) -> Iterator[Article | Problem]:
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(sys.stdin)
            continue
        if _URL.match(raw):
            yield from _read_url(raw)
            continue
        matches = sorted(glob.glob(raw)) if glob.has_magic(raw) else [raw]
        if not matches:
            yield Problem(raw, "no file matches this pattern")
        for match in matches:
            yield from _read_path(Path(match))


def _read_path(path: Path) -> Iterator[Article | Problem]:
    try:
        info = path.stat()
    except FileNotFoundError:
        yield Problem(str(path), "does not exist: check the path")
        return
    except OSError as error:
        yield Problem(str(path), f"cannot be read ({error.strerror})")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_folder(path)
        return
    if not stat.S_ISREG(info.st_mode):
        yield Problem(str(path), "is not a regular file (a pipe or device?): skipped")
        return
    if path.suffix.lower() not in SUFFIXES:
        yield Problem(str(path), f"has an unsupported type; kg reads {', '.join(sorted(SUFFIXES))}")
        return
    if path.suffix.lower() == ".jsonl":  # a batch of articles, any size: read line by line, the limit is per line
        yield from _stream_jsonl(path)
        return
    if info.st_size > MAX_BYTES:
        yield Problem(str(path), f"is {info.st_size // 2**20} MB, over the {MAX_BYTES // 2**20} MB limit: split it")
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Problem(str(path), f"cannot be read ({error.strerror})")
        return
    if path.suffix.lower() in DOCUMENTS:
        yield _document(path.name, data, path.suffix.lower(), str(path))
        return
    text = decode(data)
    if isinstance(text, Problem):
        yield Problem(str(path), text.message)
        return
    article = _article(path.name, text, str(path), html=path.suffix.lower() in {".html", ".htm"})
    bad = invalid_utf8(data)
    if bad is not None:
        article.notes.append(f"is not valid UTF-8 (first bad byte at offset {bad}): read with U+FFFD in place of "
                             f"{text.count(chr(0xFFFD))} undecodable character(s); re-save it as UTF-8 to keep them")
    yield article


def _read_folder(path: Path) -> Iterator[Article | Problem]:
    """Every file kg reads under a folder; a folder that yields no article is itself reported, with why."""
    read, failed, others = 0, 0, []
    for folder, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            child = Path(folder) / name
            if child.suffix.lower() not in SUFFIXES:
                others.append(str(child.relative_to(path)))
                continue
            for item in _read_path(child):
                if isinstance(item, Article) and check(item) is None:
                    read += 1
                else:
                    failed += 1
                yield item
    if read:
        return
    if failed:
        yield Problem(str(path), f"gave no article: all {failed} of its input(s) were skipped (each is listed "
                                 "with its reason): nothing was read from this folder")
    elif others:
        shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        yield Problem(str(path), f"holds no file kg reads ({shown}: unsupported types; kg reads "
                                 f"{', '.join(sorted(SUFFIXES))}): nothing was read from this folder")
    else:
        yield Problem(str(path), "is an empty folder: nothing to read")


_URL = re.compile(r"(?i)^[a-z][a-z0-9+.-]*://")


def _read_url(url: str) -> Iterator[Article | Problem]:
    """One web page (HTML, plain text or PDF) fetched from `url`; the URL is the article's id."""
    if not url.lower().startswith(("http://", "https://")):
        yield Problem(url, "is not an http:// or https:// address: kg fetches only those; save the file and "
                           "give its path")
        return
    try:
        page = fetch(url, MAX_BYTES)
    except FetchError as error:
        yield Problem(url, str(error))
        return
    if page.content_type == "application/pdf":
        item = _document(url, page.data, ".pdf", url)
    elif page.content_type in {"text/html", "application/xhtml+xml", "text/plain"}:
        text = page.data.decode(page.charset or "utf-8", errors="replace") if _known(page.charset) \
            else decode(page.data)
        if isinstance(text, Problem):
            item = Problem(url, text.message)
        else:
            item = _article(url, text, url, html=page.content_type != "text/plain")
    else:
        item = Problem(url, f"answered with {page.content_type}, which kg does not read (it reads HTML, plain "
                            "text and PDF): save it in a format kg reads")
    if isinstance(item, Article):
        item.url = url
    yield item


def _known(charset: str | None) -> bool:
    import codecs

    try:
        return charset is not None and bool(codecs.lookup(charset))
    except LookupError:
        return False


def _document(name: str, data: bytes, suffix: str, path: str) -> Article | Problem:
    """A PDF (with its page starts) or a Word .docx file as one article."""
    try:
        if suffix == ".pdf":
            paged = read_pdf(data)
            text, pages = paged.text, paged.pages
        else:
            text, pages = read_docx(data), None
    except Unreadable as error:
        return Problem(path, str(error))
    article = _article(name, text, path, html=False)
    article.pages = pages
    return article


def _stream_jsonl(path: Path) -> Iterator[Article | Problem]:
    """A .jsonl file line by line, so that a file of a million articles never sits in memory whole."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8192)
            handle.seek(0)
            if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:  # UTF-16 (rare) or binary
                text = decode(handle.read())
                if isinstance(text, Problem):
                    yield Problem(str(path), text.message)
                else:
                    yield from _read_jsonl(text.splitlines(), str(path))
                return
            yield from _read_jsonl(_lines(handle), str(path))
    except OSError as error:
        yield Problem(str(path), f"cannot be read ({error.strerror})")


def _lines(handle) -> Iterator[str]:
    for number, raw in enumerate(handle):
        yield raw.decode("utf-8-sig" if number == 0 else "utf-8", errors="replace")


def invalid_utf8(data: bytes) -> int | None:
    """The offset of the first byte that is not UTF-8, or None (UTF-16 with a BOM counts as valid)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return error.start
    return None


def decode(data: bytes) -> str | Problem:
    """Bytes -> text: UTF-8 (BOM or not), UTF-16 with a BOM; invalid UTF-8 bytes become U+FFFD."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        return Problem("", "looks binary (NUL bytes), not text: skipped")
    return data.decode("utf-8-sig", errors="replace")


def _read_stdin(stream) -> Iterator[Article | Problem]:
    """stdin: JSON lines, streamed, when the first non-blank line opens an object; else one article."""
    head = []
    for line in stream:
        head.append(line)
        if line.strip():
            break
    if "".join(head).lstrip().startswith("{"):
        yield from _read_jsonl(itertools.chain(head, stream), "stdin")
    else:
        yield from _read_stream("".join(head) + stream.read(), "stdin")


def _unnamed(base: str, number: int, text: str) -> str:
    """The id of an article its input does not name: a file's line number, but stdin's content (stdin has
    no name, so two runs would otherwise give different articles one id and the second would replace the
    first)."""
    if base == "stdin":
        return f"stdin:{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"
    return f"{base}:{number}"


def _read_stream(text: str, name: str) -> Iterator[Article | Problem]:
    stripped = text.lstrip()
    if stripped.startswith("{"):
        yield from _read_jsonl(text.splitlines(), name)
    else:
        yield _article(_unnamed(name, 1, text), text, name,
                       html=stripped[:200].lower().startswith(("<!doctype html", "<html")))


def _read_jsonl(lines: Iterable[str], path: str) -> Iterator[Article | Problem]:
    base = Path(path).name
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if len(line) > MAX_BYTES:
            yield Problem(f"{path}:{number}", f"is over the {MAX_BYTES // 2**20} MB limit of one article: line skipped")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield Problem(f"{path}:{number}", f"is not valid JSON ({error.msg}): line skipped, fix or remove it")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            yield Problem(f"{path}:{number}", 'needs an object with a "text" string: line skipped')
            continue
        article = Article(
            id=str(row.get("id") or row.get("url") or _unnamed(base, number, row["text"])),
            text=row["text"],
            title=row.get("title"),
            url=row.get("url"),
            source=row.get("source"),
            published=row.get("published"),
            path=f"{path}:{number}",
            html=bool(row.get("html")) or row["text"].lstrip()[:200].lower().startswith(("<!doctype html", "<html")),
        )
        if not article.published:  # the article's own date: its page's metadata, or its byline
            article.published = _own_date(article.text, article.html, article.url or article.path)
        yield article


_HTML_TITLE = re.compile(r"(?is)<(title|h1)\b[^>]*>(.*?)</\1>")
_HTML_HIDDEN = re.compile(r"(?is)<(script|style|noscript|template)\b.*?</\1>|<!--.*?-->")
_TAG = re.compile(r"(?s)<[^>]+>")


def _article(name: str, text: str, path: str, html: bool) -> Article:
    if html:  # the page's <title> or first <h1>, else its first visible line; never script or style text
        found = _HTML_TITLE.search(_HTML_HIDDEN.sub(" ", text))
        visible = _TAG.sub("\n", found.group(2) if found else _HTML_HIDDEN.sub(" ", text))
        title = next((" ".join(line.split()) for line in visible.splitlines() if line.strip()), None)
    else:
        title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return Article(id=name, text=text, title=title[:200] if title else None, path=path, html=html,
                   published=_own_date(text, html, path))


def _own_date(text: str, html: bool, where: str | None) -> str | None:
    """The date an article gives itself: HTML metadata, else a byline or dateline at its top."""
    from kg.ingest.published import from_html, from_text

    return from_html(text) if html else from_text(text, where)
