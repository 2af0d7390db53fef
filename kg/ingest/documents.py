"""PDF and Word documents -> text. A PDF keeps where each page starts, so an offset maps to its page.

PDF text comes out of pypdf line by line, as the page was set: wrapped lines are joined back into
paragraphs (a line that fills the column's width runs on into the next; a shorter one ends its paragraph),
page numbers and running headers or footers repeated on most pages are dropped, and a paragraph that
runs over a page break stays one paragraph. `pages[n]` is the offset in the text where page n + 1 starts.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

_PAGE_NUMBER = re.compile(r"(?i)^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$")
_BULLET = re.compile(r"^(?:[•▪◦●*–-]|\d{1,2}[.)])\s")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Paged:
    """A document's text, and the offset in it where each page starts."""

    text: str
    pages: list[int]


class Unreadable(Exception):
    """The document cannot be read; the message says why and what to do."""


def read_pdf(data: bytes) -> Paged:
    """The text of a PDF, with page starts; Unreadable if it is damaged, locked or has no text layer."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("is encrypted with a password: save an unencrypted copy and give that")
        texts = [page.extract_text() or "" for page in reader.pages]
    except Unreadable:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged file raises many kinds of error; each is reported
        raise Unreadable(f"is not a PDF pypdf can read ({type(error).__name__}: {error}): re-save or print "
                         "it to PDF again") from None
    paged = join_pages(texts)
    if not paged.text.strip():
        raise Unreadable(f"has no text layer on any of its {len(texts)} page(s) (a scan?): run OCR on it first, "
                         "e.g. `ocrmypdf IN.pdf OUT.pdf`")
    return paged


def read_docx(data: bytes) -> str:
    """The paragraphs of a Word .docx file (tables' cells too), one a line."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - not a zip, not Word's XML, missing parts: each is reported
        raise Unreadable(f"is not a Word .docx file python-docx can read ({type(error).__name__}): re-save it "
                         "as .docx (a .doc needs converting)") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(line for line in lines if line.strip())


def join_pages(texts: list[str]) -> Paged:
    """Pages' line-by-line text -> one text of paragraphs, and where each page starts in it."""
    pages = [[line.strip() for line in text.splitlines()] for text in texts]
    repeated = _running_lines(pages)
    out: list[str] = []
    starts: list[int] = []
    length = 0
    previous: str | None = None  # the last line written, to decide how the next one joins it
    kept_pages = [[line for line in lines if not _PAGE_NUMBER.match(line) and _key(line) not in repeated]
                  for lines in pages]
    width = _width([line for lines in kept_pages for line in lines])
    for kept in kept_pages:
        starts.append(length)
        blank, first = False, True
        for line in kept:
            if not line:
                blank = True
                continue
            if previous is not None:
                joint = _joint(previous, line, width, blank)
                out.append(joint)
                length += len(joint)
            if first:  # the page starts at its first line, not at the joint before it
                starts[-1], first = length, False
            out.append(line)
            length += len(line)
            previous, blank = line, False
    return Paged("".join(out), starts)


def _joint(previous: str, line: str, width: int, blank: bool) -> str:
    """What goes between two lines: a space inside a paragraph, a line break between paragraphs."""
    if blank or _BULLET.match(line) or len(previous) < 0.75 * width:
        return "\n"
    if previous.endswith("-") and previous[-2:-1].isalpha() and line[:1].islower():
        return ""  # "state-" + "sponsored": a word broken at the line's end
    return " "


def _width(lines: list[str]) -> int:
    """The document's line width: the length most of its long lines reach (the 80th percentile)."""
    lengths = sorted(len(line) for line in lines if line)
    return lengths[int(0.8 * (len(lengths) - 1))] if lengths else 0


def _key(line: str) -> str:
    return _DIGITS.sub("#", line.lower())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Headers and footers: a line among the first or last two of a page that recurs (digits aside) on at
    least half the pages of a document of three pages or more."""
    if len(pages) < 3:
        return set()
    counts = Counter()
    for lines in pages:
        filled = [line for line in lines if line]
        counts.update({_key(line) for line in filled[:2] + filled[-2:]})
    return {key for key, count in counts.items() if count >= max(3, len(pages) / 2)}
