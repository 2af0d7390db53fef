"""An article's own publication date when its input does not give one (`published` in JSONL).

From an HTML page's metadata (`article:published_time`, schema.org `datePublished`, and the other tags
trafilatura reads, without guessing from the body's text), else from a byline or dateline in the first
lines of the text: "Published 12 May 2017", "May 12, 2017 —", "Posted on 2017-05-12". A dateline with a
month and day but no year ("WASHINGTON, Dec. 19 (Reuters) -") dates the article only with a year from
elsewhere (the URL or file path, "/2017/12/19/..."); without one it says nothing.
"""

from __future__ import annotations

import re
from datetime import date

from kg.dates import MONTHS

_MONTH = r"([A-Za-z]{3,9})\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d\d)"
_LEAD = r"^\s*(?:(?:published|posted|updated|first published|date)\b(?:\s+on)?\s*:?\s*)?"
# A byline or date line: the date leads the line, alone or followed by a dash, a bar or a time.
_FULL = [
    re.compile(_LEAD + r"(?:[A-Za-z]+day,?\s+)?" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.I),
    re.compile(_LEAD + r"(?:[A-Za-z]+day,?\s+)?" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I),
    re.compile(_LEAD + r"(\d{4})-(\d{2})-(\d{2})\b", re.I),
]
# "WASHINGTON, Dec. 19 (Reuters) -", "LONDON, May 12 -": place, month and day, then the story.
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]+,\s*" + _MONTH + r"\s+" + _DAY + r"\b(?!,?\s*\d{4})")
_PATH_YEAR = re.compile(r"(?:^|[/_.-])((?:19|20)\d\d)(?=[/_.-])")
_HEAD_LINES = 6


def from_html(html: str) -> str | None:
    """The ISO date (YYYY-MM-DD) an HTML page's metadata gives for its publication, else one in its byline."""
    try:
        from trafilatura import extract_metadata

        found = extract_metadata(html, extensive=False)
    except Exception:  # a page trafilatura cannot parse has no metadata to read
        found = None
    if found is not None and found.date and _iso(found.date):
        return _iso(found.date)
    from kg.ingest.clean import html_to_text

    return from_text(html_to_text(html))


def from_text(text: str, where: str | None = None) -> str | None:
    """The ISO date a byline or dateline in the first lines of `text` gives; `where` (a URL or path) may
    give the year a dateline leaves out."""
    lines = [line for line in text.splitlines() if line.strip()][:_HEAD_LINES]
    for line in lines:
        for n, pattern in enumerate(_FULL):
            match = pattern.match(line)
            if not match:
                continue
            if n == 2:
                found = _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            else:
                month_word, day = (match.group(1), match.group(2)) if n == 0 else (match.group(2), match.group(1))
                found = _make(int(match.group(3)), MONTHS.get(month_word.lower()), int(day))
            if found:
                return found
    year = _year_of(where)
    if year is not None:
        for line in lines:
            match = _DATELINE.match(line)
            if match:
                found = _make(year, MONTHS.get(match.group(1).lower()), int(match.group(2)))
                if found:
                    return found
    return None


def _year_of(where: str | None) -> int | None:
    match = _PATH_YEAR.search(where or "")
    return int(match.group(1)) if match else None


def _make(year: int, month: int | None, day: int) -> str | None:
    if not month:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso(value: str) -> str | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    return _make(int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None
