from __future__ import annotations

import pytest

from kg.ingest.clean import clean_text, segments

ARTICLE = """Hackers broke into the network of Acme Bank last week.

   The bank said customer data was taken.
 
            _(2).jpg&h=140&w=231&c=1&s=0)
             Cyber Leaders Summit 2026
                Cyber Leaders Summit 2026
             Fintech Awards Night
                Fintech Awards Night
Read more
"""


def test_clean_drops_chrome_and_keeps_prose():
    cleaned = clean_text(ARTICLE)
    assert "Acme Bank" in cleaned.text and "customer data" in cleaned.text
    for chrome in ("Summit", "Awards", "jpg", "Read more"):
        assert chrome not in cleaned.text
    assert cleaned.dropped_lines >= 5


def test_clean_offsets_map_back_to_the_source():
    cleaned = clean_text(ARTICLE)
    for word in ("Acme Bank", "customer data", "The bank said"):
        start = cleaned.text.index(word)
        original_start, original_end = cleaned.origin_span(start, start + len(word))
        assert ARTICLE[original_start:original_end] == word


def test_clean_keeps_lines_apart_and_folds_spaces():
    cleaned = clean_text("Headline   here\nFirst   sentence.")
    assert cleaned.text == "Headline here\nFirst sentence."


def test_clean_keeps_short_captions_that_are_not_chrome():
    cleaned = clean_text("Ransomware hits city hall\n\nJane Doe, John Roe\nCity of Springfield\n\nThe city said its systems were encrypted on Monday morning by an unknown gang.")
    assert "City of Springfield" in cleaned.text


def test_clean_html_drops_scripts_styles_and_menus():
    from kg.ingest.clean import clean
    from kg.models import Article

    html = """<!doctype html><html><head><style>body{color:red}</style><script>var tracker = 'Acme Ads';</script></head>
    <body><nav><a href="/">Home</a><a href="/news">News</a></nav>
    <article><h1>Ransomware hits Northwind Traders</h1>
    <p>Northwind Traders said on Monday that a ransomware attack had encrypted servers at its headquarters, and that it
    had hired an outside firm to investigate the breach. The company said customer data may have been taken.</p>
    <p>The FBI said it was aware of the incident and was working with the company to restore its systems.</p></article>
    <footer>Subscribe to our newsletter</footer></body></html>"""
    cleaned = clean(Article(id="p.html", text=html, html=True))
    assert "Northwind Traders said on Monday" in cleaned.text
    assert "tracker" not in cleaned.text and "color:red" not in cleaned.text and "<p>" not in cleaned.text


def test_clean_dateline_is_dropped_and_its_agency_kept():
    cleaned = clean_text("SAN FRANCISCO, Sept 19 (Reuters) - Uber said on Monday that hackers broke in.\n"
                         "LONDON - A second paragraph.")
    assert cleaned.text.startswith("Uber said") and "LONDON" not in cleaned.text
    assert cleaned.outlet == "Reuters"
    start = cleaned.text.index("Uber")
    assert cleaned.origin(start) == len("SAN FRANCISCO, Sept 19 (Reuters) - ")


@pytest.mark.parametrize("text", [
    "Headline   here\nFirst   sentence.",
    "One\tword\u00a0apart  and   more \n\n  Second line\r\nThird line  ",
    "WASHINGTON (Reuters) -   Acme said on Monday it was hit.\nIt said  no more.",
    "\n\n   Indented first line\n\u2003Em space line\u202fwith a narrow space\n",
])
def test_clean_every_word_maps_back_to_the_source(text):
    cleaned = clean_text(text)
    at = 0
    for word in cleaned.text.split():
        start = cleaned.text.index(word, at)
        at = start + len(word)
        original_start, original_end = cleaned.origin_span(start, at)
        assert text[original_start:original_end] == word


@pytest.mark.parametrize("text", [
    "one paragraph\nanother paragraph\n" * 40,
    "A sentence without a line break. " * 60,
    "words without stops " * 70,
    "x" * 2_000,
    "",
])
def test_clean_segments_tile_the_text_below_the_size(text):
    spans = segments(text, 300)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(0 < b - a <= 300 for a, b in spans if text)
    if "\n" in text:
        assert all(text[b - 1] == "\n" for a, b in spans[:-1])
