"""Time expressions -> ISO dates ("2014", "2014-11", "2014-11-24"), relative to the publication date.

Handles what news copy says about when an attack happened: "Dec. 23", "November 24, 2014", "in late 2014",
"last Monday", "on Friday", "yesterday", "last week" (to the week's Monday), "this month". Anything else
gives None; a day without a year takes the publication year, or stays unknown without one.
Plain text in, no spaCy: ingest reads bylines with it and nlp the dates near an attack, so it sits below both.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {name: n for n, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")], start=1) for name in names}
WEEKDAYS = {d: n for n, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH_DAY = re.compile(r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:,?\s+(\d{4}))?\b")
_MONTH_YEAR = re.compile(r"\b([a-z]+)\.?\s+(\d{4})\b")
_YEAR = re.compile(r"\b(19[7-9]\d|20\d\d)\b")


def published_date(text: str | None) -> date | None:
    """An article's publication date from ISO text ("2014-12-02", "2014-12-02T10:00:00Z")."""
    if not text:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def normalise(expression: str, published: date | None = None) -> str | None:
    text = expression.lower().strip()
    for pattern, order in ((_MONTH_DAY, "md"), (_DAY_MONTH, "dm")):
        match = pattern.search(text)
        if match:
            month_word, day = (match.group(1), match.group(2)) if order == "md" else (match.group(2), match.group(1))
            month = MONTHS.get(month_word)
            if month:
                year = int(match.group(3)) if match.group(3) else _year_for(month, published)
                if year is None:
                    return None
                try:
                    return date(year, month, int(day)).isoformat()
                except ValueError:
                    return None
    match = _MONTH_YEAR.search(text)
    if match and MONTHS.get(match.group(1)):
        return f"{int(match.group(2)):04d}-{MONTHS[match.group(1)]:02d}"
    if published is not None:
        relative = _relative(text, published)
        if relative:
            return relative
    match = _YEAR.search(text)
    return match.group(1) if match else None


def _year_for(month: int, published: date | None) -> int | None:
    """A month and day with no year happened in the twelve months before publication."""
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


def _relative(text: str, published: date) -> str | None:
    if text in ("today", "this morning", "tonight"):
        return published.isoformat()
    if text == "yesterday":
        return (published - timedelta(days=1)).isoformat()
    if text in ("last week", "earlier this week", "this week"):
        monday = published - timedelta(days=published.weekday())
        return (monday - timedelta(days=7) if text == "last week" else monday).isoformat()[:10]
    if text in ("this month", "earlier this month"):
        return published.isoformat()[:7]
    if text == "last month":
        first = published.replace(day=1) - timedelta(days=1)
        return first.isoformat()[:7]
    words = text.split()
    if words and words[-1] in WEEKDAYS and (len(words) == 1 or words[0] in ("last", "on", "this", "past")):
        back = (published.weekday() - WEEKDAYS[words[-1]]) % 7 or (7 if words[0] == "last" else 0)
        return (published - timedelta(days=back)).isoformat()
    return None
