"""A finder gated on trigger words (kg.nlp.finders.triggered_by) finds exactly what it finds ungated."""

from __future__ import annotations

import pytest

from kg.nlp.finders import FINDERS

SAMPLES = [
    "The town of Kell paid the ransom after the cyber attack on its servers.",
    "Hacking groups such as Night Kestrel and Iron Lantern have targeted banks with ransomware.",
    "A hacking group that calls itself Grey Heron claimed the cyber attack on Acme Bank.",
    "GreyHeron, as the group calls itself, leaked the stolen files after the breach.",
    "The homepage of Borealis Freight read Hacked by Pale Rider after the attack on Monday.",
    "The hackers posted under #OpQuill after the cyber attack on the city.",
    "The Borealis ransomware gang encrypted the servers of Acme Hotels.",
    "The studio released the film “Quiet Harbor” last year before the hack.",
    "According to Quillmark News, the breach exposed customer data. Acme told Halvard Daily that it was hit.",
    "The insurer, owned by Halvard Holdings, was hit by ransomware in May.",
    "Acme's Borealis security unit investigated the breach at the bank.",
    "Another notorious group, Grey Heron, claimed the ransomware attack on Acme.",
    "Acme Bank said its systems were restored on Tuesday.",
    "The centre, a new arm of the QXNC intelligence agency, said it was helping.",
]
GATED = [f for f in FINDERS if hasattr(f, "trigger")]


@pytest.fixture(scope="module")
def docs(nlp):
    with nlp.select_pipes(disable=["kg_entities"]):
        return [nlp(text) for text in SAMPLES]


@pytest.mark.parametrize("finder", GATED, ids=lambda f: f.__name__)
def test_finder_triggers_change_nothing(docs, finder):
    found_somewhere = False
    for doc in docs:
        ungated = finder.__wrapped__(doc)
        assert finder(doc) == ungated
        found_somewhere = found_somewhere or bool(ungated)
    assert found_somewhere, f"no sample exercises {finder.__name__}"
