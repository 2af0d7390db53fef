"""Cleaning: drop page chrome and collapse whitespace, keeping every character mappable to the source.

`clean(article)` returns a `Cleaned`: the text spaCy sees, and `origin(i)`, the offset in the article's
text of cleaned character `i` (for HTML, the text extracted from the markup). Paragraphs stay on their
own lines, so headlines and captions never run into the next sentence.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kg.models import Article

_IMAGE_REF = re.compile(r"\.(?:jpe?g|png|gif|webp|svg)\b[^\s]*[&=)]|\b[wh]=\d+&", re.IGNORECASE)
_NO_WORDS = re.compile(r"^[\W_]*$")
_WORD = re.compile(r"\S+")
_SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")


@dataclass
class Cleaned:
    text: str
    # (cleaned offset, original offset) at the start of each run that advances in step.
    anchors: list[tuple[int, int]] = field(default_factory=list)
    dropped_lines: int = 0
    outlet: str | None = None  # the agency a dateline names: "WASHINGTON (Reuters) - ..."

    def origin(self, offset: int) -> int:
        """The original offset of cleaned offset `offset` (end offsets map through the char before)."""
        if not self.anchors:
            return offset
        index = bisect.bisect_right(self.anchors, (offset, float("inf"))) - 1
        clean_start, original_start = self.anchors[max(index, 0)]
        return original_start + (offset - clean_start)

    def origin_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.origin(start), self.origin(start)
        return self.origin(start), self.origin(end - 1) + 1


@lru_cache(maxsize=1)
def _boilerplate() -> frozenset[str]:
    data = json.loads(resources.files("kg.ingest").joinpath("boilerplate.json").read_text())
    return frozenset(line.lower() for line in data["lines"])


def clean(article: Article) -> Cleaned:
    """The text to analyse, with chrome removed and whitespace folded."""
    text = article.text
    if article.html:
        text = html_to_text(text)
    return clean_text(text)


def html_to_text(html: str) -> str:
    """The main text of an HTML page (trafilatura), without scripts, styles, menus or comments."""
    import trafilatura

    extracted = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if extracted is None:
        extracted = re.sub(r"(?is)<(script|style)\b.*?</\1>|<[^>]+>", " ", html)
    return extracted


def clean_text(text: str) -> Cleaned:
    lines = _lines(text)
    keep = _keep_mask([line for _, line in lines])
    out: list[str] = []
    anchors: list[tuple[int, int]] = []
    outlet = None
    length = 0

    def anchor(clean: int, original: int) -> None:
        """Start a run at (clean, original), unless that continues the last run in step."""
        if not anchors or anchors[-1][1] - anchors[-1][0] != original - clean:
            anchors.append((clean, original))

    for (start, line), kept in zip(lines, keep):
        if not kept:
            continue
        if out:
            anchor(length, start - 1 if start > 0 else 0)
            out.append("\n")
            length += 1
        dateline = _DATELINE.match(line)
        if dateline and dateline.group("outlet") and outlet is None:
            outlet = dateline.group("outlet").strip()
        shift = dateline.end() if dateline else 0
        body = line[shift:]
        if body and " ".join(body.split()) == body:  # words one space apart, as in most lines: kept whole
            anchor(length, start + shift)
            out.append(body)
            length += len(body)
            continue
        for match in _WORD.finditer(line, shift):
            word, at = match.group(), start + match.start()
            if length and out[-1] != "\n":
                anchor(length, at - 1)
                out.append(" ")
                length += 1
            anchor(length, at)
            out.append(word)
            length += len(word)
    return Cleaned("".join(out), anchors, dropped_lines=keep.count(False), outlet=outlet)


# "WASHINGTON - ", "SAN FRANCISCO, Sept 19 (Reuters) - ": where and when a wire story was filed, not text.
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][a-z]{2,4}\.? \d{1,2})?"
                       r"(?: \((?P<outlet>[A-Z][A-Za-z .]+)\))? [-—–] (?=\S)")


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for every line, with odd spaces made plain."""
    result = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        result.append((offset, _SPACE_RUN.sub(lambda m: " " * len(m.group()), body)))
        offset += len(line)
    return result


def _keep_mask(lines: list[str]) -> list[bool]:
    stripped = [line.strip() for line in lines]
    keep = [bool(s) and not _NO_WORDS.match(s) and not _IMAGE_REF.search(s) for s in stripped]
    boilerplate = _boilerplate()
    for i, s in enumerate(stripped):
        if s.lower().rstrip(" .:›»>") in boilerplate:
            keep[i] = False
    # Menus and award/event lists repeat each entry on the next non-empty line: drop both copies.
    filled = [i for i, s in enumerate(stripped) if s]
    for a, b in zip(filled, filled[1:]):
        if stripped[a] == stripped[b] and not _is_prose(stripped[a]):
            keep[a] = keep[b] = False
    # A run of three or more short non-sentences next to dropped chrome is a menu or a link list.
    run: list[int] = []
    for i in filled + [len(lines)]:
        if i < len(lines) and keep[i] and _is_menu_item(stripped[i]):
            run.append(i)
            continue
        if len(run) >= 3 and _touches_chrome(run, keep, stripped):
            for j in run:
                keep[j] = False
        run = []
    return keep


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 12 or bool(re.search(r"[.!?\"”’]$", line)) and len(line.split()) >= 6


def _is_menu_item(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 7 and not re.search(r"[.!?,;:\"“”]$", line)


def _touches_chrome(run: list[int], keep: list[bool], stripped: list[str]) -> bool:
    before = [i for i in range(run[0] - 1, -1, -1) if stripped[i]][:1]
    after = [i for i in range(run[-1] + 1, len(stripped)) if stripped[i]][:1]
    return any(not keep[i] for i in before + after) or not after


def segments(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) spans that tile `text`, each at most `size` characters, cut after a line break (a
    paragraph) where there is one, else after a sentence's end, else after a space, else hard at `size`."""
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = window.rfind("\n") + 1
        if cut == 0:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! ")) + 2
        if cut < 2:
            cut = window.rfind(" ") + 1 or size
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans
