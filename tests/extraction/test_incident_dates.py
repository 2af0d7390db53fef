"""Incident dates from real files: the article's own date (HTML metadata, byline) anchors what the text says."""

from __future__ import annotations

from datetime import date

import pytest

from kg.ingest.read import read_paths
from kg.nlp.model import load
from kg.pipeline import analyse
from kg.resolve.merge import merge

PAGE = """<!doctype html><html><head><title>Hospitals hit</title>
<meta property="article:published_time" content="2017-05-15T09:30:00+00:00"></head>
<body><article><h1>Hospitals hit by ransomware</h1>
<p>Hackers hit Barts Health last week in a ransomware attack, officials said. Staff were locked out of patient
records for days while the trust restored its systems from backups.</p></article></body></html>"""


@pytest.fixture(scope="module")
def nlp():
    return load("en_core_web_sm")


def _graph(nlp, paths):
    return merge(list(analyse(nlp, [a for a in read_paths([str(p) for p in paths])])))


def _incident(graph, victim: str):
    names = {e.id: e.name for e in graph.entities}
    return next(i for i in graph.incidents if any(victim in names[v] for v in i.victims))


def test_incident_dates_html_published_time_anchors_last_week(nlp, tmp_path):
    page = tmp_path / "barts.html"
    page.write_text(PAGE)
    incident = _incident(_graph(nlp, [page]), "Barts")
    # published Monday 2017-05-15: "last week" is the week of 2017-05-08
    assert date(2017, 5, 8) <= date.fromisoformat(incident.date) <= date(2017, 5, 14), incident


def test_incident_dates_carry_the_sentence_that_gave_them(nlp, tmp_path):
    story = tmp_path / "barts.txt"
    story.write_text("Hospitals hit by ransomware\nPublished 15 May 2017\n"
                     "Staff at Barts Health worked on paper on Monday. Hackers hit Barts Health last week in a "
                     "ransomware attack, officials said.\n")
    incident = _incident(_graph(nlp, [story]), "Barts")
    assert incident.date == "2017-05-08" and incident.date_basis == "text", incident
    source = incident.date_source
    text = story.read_text()
    assert source["article"] == "barts.txt" and "last week" in source["sentence"]
    assert text[source["start"]:source["end"]] == source["sentence"]


def test_incident_dates_fall_back_to_the_publication_date_marked_as_such(nlp, tmp_path):
    story = tmp_path / "acme.txt"
    story.write_text("Published 15 May 2017\nHackers breached Acme Bank's network and stole customer records, "
                     "the bank said.\n")
    incident = _incident(_graph(nlp, [story]), "Acme")
    assert (incident.date, incident.date_basis, incident.date_source) == ("2017-05-15", "published", None)


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_incident_dates_merge_keeps_the_earliest_precise_date(nlp, tmp_path, order):
    texts = ["Published 20 May 2017\nHackers breached Acme Bank's network on May 9, the bank said.\n",
             "Published 21 May 2017\nHackers breached Acme Bank's network on May 7, the bank said.\n",
             ]
    paths = []
    for n in order:
        (tmp_path / f"{n}.txt").write_text(texts[n])
        paths.append(tmp_path / f"{n}.txt")
    incident = _incident(_graph(nlp, paths), "Acme")
    assert (incident.date, incident.date_basis, incident.date_source["article"]) == ("2017-05-07", "text", "1.txt")
