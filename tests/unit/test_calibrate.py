"""Rule confidence is measured precision: the counting, and what the extractor does with the table."""

from __future__ import annotations

from kg.eval.calibrate import rule_counts
from kg.graph.extract import WEAK_RULE, _calibrated
from kg.models import LocalClaim

GOLD = {
    "entities": [{"id": "acme", "name": "Acme Bank", "type": "Organization"},
                 {"id": "gang", "name": "Night Owls", "type": "ThreatActor"},
                 {"id": "ruritania", "name": "Ruritania", "type": "Country"}],
    "incidents": [{"id": "acme-2024", "victim": "acme", "articles": ["a.txt"]}],
    "relations": [{"s": "acme-2024", "p": "ATTRIBUTED_TO", "o": "gang", "accept_status": ["claimed"]},
                  {"s": "acme-2024", "p": "TARGETED", "o": "acme", "accept_status": ["asserted"]}],
}


def _claim(subject, predicate, obj, status, rule, article="a.txt"):
    return {"subject": subject, "predicate": predicate, "object": obj, "status": status, "rule": rule,
            "article": article}


def _graph(claims):
    return {"entities": [{"id": "org:acme-bank", "name": "Acme Bank", "aliases": []},
                         {"id": "org:night-owls", "name": "Night Owls", "aliases": []},
                         {"id": "country:ruritania", "name": "Ruritania", "aliases": []},
                         {"id": "org:other", "name": "Other Bank", "aliases": []}],
            "incidents": [{"id": "incident:acme-bank-2024", "victims": ["org:acme-bank"]},
                          {"id": "incident:a-txt-0", "victims": []}],
            "claims": claims}


def test_calibrate_counts_a_claim_right_only_with_object_and_accepted_status():
    claims, right = rule_counts(GOLD, _graph([
        _claim("incident:acme-bank-2024", "ATTRIBUTED_TO", "org:night-owls", "claimed", "attr-claim"),
        _claim("incident:acme-bank-2024", "ATTRIBUTED_TO", "org:night-owls", "asserted", "attr-agent"),
        _claim("incident:acme-bank-2024", "ATTRIBUTED_TO", "country:ruritania", "suspected", "attr-agent"),
        _claim("incident:acme-bank-2024", "TARGETED", "org:acme-bank", "asserted", "target"),
    ]))
    assert claims == {"attr-claim": 1, "attr-agent": 2, "target": 1}
    assert right == {"attr-claim": 1, "target": 1}


def test_calibrate_judges_the_rule_not_whether_the_incident_was_recognised():
    """An attribution hung on an incident kg did not tie to the gold one still names the right actor."""
    _, right = rule_counts(GOLD, _graph([
        _claim("incident:a-txt-0", "ATTRIBUTED_TO", "org:night-owls", "claimed", "attr-claim"),
        _claim("incident:a-txt-0", "ATTRIBUTED_TO", "org:night-owls", "claimed", "attr-claim", article="b.txt"),
    ]))
    assert right == {"attr-claim": 1}


def test_calibrate_skips_predicates_the_gold_does_not_annotate():
    claims, _ = rule_counts(GOLD, _graph([_claim("incident:acme-bank-2024", "USED", "org:other", "asserted", "used")]))
    assert claims == {}


def _local(rule, predicate="ATTRIBUTED_TO", obj=("e", 1), confidence=0.8):
    return LocalClaim(("i", 0), predicate, obj, "asserted", None, None, "s", 0, 1, rule, confidence)


def test_calibrate_confidence_is_the_measured_precision_and_weak_rules_need_support():
    table = {"strong": 0.9, "weak": WEAK_RULE - 0.1}
    alone = _local("weak", obj=("e", 2))
    kept = _calibrated([_local("strong"), _local("weak"), alone, _local("weak", "TARGETED", ("e", 3)),
                        _local("unmeasured", obj=("e", 4), confidence=0.7)], table)
    assert alone not in kept  # a weak rule's attribution nobody else makes
    assert [(c.rule, c.object, c.confidence) for c in kept] == [
        ("strong", ("e", 1), 0.9), ("weak", ("e", 1), 0.4), ("weak", ("e", 3), 0.4), ("unmeasured", ("e", 4), 0.7)]


def test_calibrate_off_keeps_every_claim_and_its_constant():
    claims = [_local("weak", confidence=0.3)]
    assert _calibrated(claims, {}) == claims and claims[0].confidence == 0.3
