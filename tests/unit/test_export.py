"""Exports without a server: read/* rows -> the `kg extract` shape, per-incident scope, and STIX 2.1 bundles."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import stix2

from kg.export.json import scope, to_graph
from kg.export.stix import CONFIDENCE, bundle

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def _claim(subject, predicate, obj, status, article="a.txt", start=0, according_to=None):
    return {"subject": subject, "predicate": predicate, "object": obj, "status": status, "article": article,
            "sentence": f"{subject} {predicate} {obj} ({status}).", "start": start, "end": start + 40,
            "rule": "test", "confidence": 0.9, "cue": None if status == "asserted" else "may",
            "according_to": according_to}


def _doc():
    rows = {
        "articles": [{"id": "a.txt", "title": "Acme hacked", "url": "https://news.example/a", "source": "Example News",
                      "published": "2024-05-01", "path": "a.txt", "sha256": "0"},
                     {"id": "b.txt", "title": None, "url": None, "source": None, "published": None, "path": "b.txt",
                      "sha256": "1"}],
        "entities": [
            {"id": "org:acme", "name": "Acme Bank", "type": "Organization", "aliases": ["Acme"], "articles": ["a.txt"]},
            {"id": "actor:fox", "name": "Fox Kitten", "type": "ThreatActor", "aliases": ["Fox Kitten"], "articles": ["a.txt"]},
            {"id": "country:iran", "name": "Iran", "type": "Country", "aliases": ["Iran"], "articles": ["a.txt", "b.txt"]},
            {"id": "country:mars", "name": "Mars", "type": "Country", "aliases": ["Mars"], "articles": ["b.txt"]},
            {"id": "org:cert", "name": "CERT", "type": "Organization", "aliases": [], "articles": ["b.txt"]},
            {"id": "g:pioneer", "name": "Pioneer Kitten", "type": "ThreatActor", "aliases": ["Fox Kitten"], "articles": []},
        ],
        "incidents": [{"id": "incident:acme", "name": "Cyber attack on Acme Bank", "victims": ["org:acme"],
                       "articles": ["a.txt", "b.txt"], "date": "2024"},
                      {"id": "incident:other", "name": "Other", "victims": [], "articles": ["b.txt"], "date": None}],
        "claims": [
            {"id": "ignored", **_claim("incident:acme", "TARGETED", "org:acme", "asserted")},
            _claim("incident:acme", "ATTRIBUTED_TO", "actor:fox", "claimed", start=50),
            _claim("incident:acme", "ATTRIBUTED_TO", "country:iran", "suspected", start=100, according_to="org:cert"),
            _claim("incident:acme", "ATTRIBUTED_TO", "country:iran", "denied", article="b.txt", according_to="country:iran"),
            _claim("incident:acme", "ATTRIBUTED_TO", "country:mars", "negated", article="b.txt", start=60),
            _claim("org:cert", "INVESTIGATES", "incident:acme", "asserted", article="b.txt", start=90),
            _claim("incident:other", "ATTRIBUTED_TO", "actor:fox", "asserted", article="b.txt", start=120),
        ],
        "links": [{"from": "actor:fox", "type": "ALIAS_OF", "source": "MITRE ATT&CK G0117",
                   "to": {"id": "g:pioneer", "name": "Pioneer Kitten", "type": "ThreatActor", "aliases": ["Fox Kitten"],
                          "kb": {"id": "G0117", "name": "Fox Kitten", "url": "https://attack.mitre.org/groups/G0117"}},
                   "from_kb": {"id": "G0117", "name": "Fox Kitten", "url": "https://attack.mitre.org/groups/G0117"}}],
    }
    return to_graph(rows)


def test_export_json_has_the_extract_shape_without_knowledge_base_groups():
    doc = _doc().to_json()
    assert doc["schema_version"] == 2 and list(doc["articles"][0]) == ["id", "title", "url", "source", "published",
                                                                        "path", "sha256"]
    ids = {e["id"] for e in doc["entities"]}
    assert "g:pioneer" not in ids and "actor:fox" in ids
    fox = next(e for e in doc["entities"] if e["id"] == "actor:fox")
    assert fox["kb"] == {"source": "MITRE ATT&CK", "id": "G0117", "name": "Fox Kitten",
                         "url": "https://attack.mitre.org/groups/G0117"}
    assert doc["links"][0]["to"]["kb"]["source"] == "MITRE ATT&CK"
    assert all(c["id"].startswith("c:") for c in doc["claims"])


def test_export_scope_keeps_one_incident_and_what_it_uses():
    doc = scope(_doc(), {"incident:other"}).to_json()
    assert [i["id"] for i in doc["incidents"]] == ["incident:other"]
    assert {c["subject"] for c in doc["claims"]} == {"incident:other"}
    assert {e["id"] for e in doc["entities"]} == {"actor:fox"}
    assert [a["id"] for a in doc["articles"]] == ["b.txt"] and len(doc["links"]) == 1


def test_export_stix_round_trips_through_stix2_parse():
    text = bundle(_doc().to_json(), now=NOW).serialize(pretty=True)
    parsed = stix2.parse(text, allow_custom=True)  # incidents carry x_kg_first_seen
    objects = {o.id: o for o in parsed.objects}
    by_type = {}
    for o in parsed.objects:
        by_type.setdefault(o.type, []).append(o)
    for o in parsed.objects:
        for ref in [getattr(o, "source_ref", None), getattr(o, "target_ref", None), *getattr(o, "object_refs", [])]:
            assert ref is None or ref in objects, (o.id, ref)
    names = {o.id: getattr(o, "name", None) for o in parsed.objects}
    attributed = {names[r.target_ref]: r for r in by_type["relationship"]
                  if r.relationship_type == "attributed-to" and names[r.source_ref] == "Cyber attack on Acme Bank"}
    assert set(attributed) == {"Fox Kitten", "Iran"}  # Mars is only negated: left out
    assert attributed["Fox Kitten"].confidence == CONFIDENCE["claimed"] > attributed["Iran"].confidence
    assert "according to CERT" in attributed["Iran"].description and "(suspected)." in attributed["Iran"].description
    [opinion] = by_type["opinion"]
    assert opinion.opinion == "strongly-disagree" and opinion.object_refs == [attributed["Iran"].id]
    assert opinion.authors == ["Iran"]
    iran = objects[attributed["Iran"].target_ref]
    assert iran.type == "threat-actor" and iran.threat_actor_types == ["nation-state"]
    [target] = [r for r in by_type["relationship"] if r.relationship_type == "targets"]
    assert objects[target.target_ref].type == "identity" and target.confidence == CONFIDENCE["asserted"]
    [group] = by_type["intrusion-set"]
    assert group.external_references[0].external_id == "G0117"
    reports = {r.name: r for r in by_type["report"]}
    assert set(reports) == {"Acme hacked", "b.txt"}
    assert reports["Acme hacked"].external_references[0].url == "https://news.example/a"
    assert reports["Acme hacked"].published == datetime(2024, 5, 1, tzinfo=timezone.utc)
    assert reports["b.txt"].published == NOW


def test_export_stix_ids_are_stable_across_exports():
    first = json.loads(bundle(_doc().to_json(), now=NOW).serialize())
    second = json.loads(bundle(_doc().to_json()).serialize())
    assert {o["id"] for o in first["objects"]} == {o["id"] for o in second["objects"]}


def _entity(kg_id, name, entity_type, **more):
    return {"id": kg_id, "name": name, "type": entity_type, "aliases": [name], "articles": ["a.txt"], **more}


def _malware_doc():
    """An incident, two actors and a malware they used; a second malware wrongly made a victim and an actor."""
    return {
        "articles": [{"id": "a.txt", "title": "Wiper hits Acme", "url": None, "source": None, "published": "2024-05-01",
                      "path": "a.txt", "sha256": "0"}],
        "entities": [
            _entity("org:acme", "Acme Bank", "Organization"),
            _entity("actor:fox", "Fox Kitten", "ThreatActor"),
            _entity("country:iran", "Iran", "Country"),
            _entity("malware:shamoon", "Shamoon", "Malware", aliases=["Shamoon", "DistTrack"], kind="wiper",
                   kb={"source": "MITRE ATT&CK", "id": "S0140", "name": "Shamoon",
                       "url": "https://attack.mitre.org/software/S0140"}),
            _entity("malware:ghost", "Ghost", "Malware"),
        ],
        "incidents": [{"id": "incident:acme", "name": "Cyber attack on Acme Bank", "victims": ["org:acme"],
                       "articles": ["a.txt"], "date": "2024"}],
        "claims": [
            {"id": "c:1", **_claim("incident:acme", "USED", "malware:shamoon", "asserted")},
            {"id": "c:2", **_claim("actor:fox", "USED", "malware:shamoon", "suspected", start=40)},
            {"id": "c:3", **_claim("actor:fox", "USED", "malware:shamoon", "denied", start=80, according_to="actor:fox")},
            {"id": "c:4", **_claim("country:iran", "USED", "malware:shamoon", "asserted", start=120)},
            {"id": "c:5", **_claim("incident:acme", "TARGETED", "malware:ghost", "asserted", start=160)},
            {"id": "c:6", **_claim("incident:acme", "ATTRIBUTED_TO", "malware:ghost", "asserted", start=200)},
            {"id": "c:7", **_claim("incident:acme", "USED", "country:iran", "asserted", start=240)},
        ],
        "links": [],
    }


def test_export_stix_malware_becomes_a_malware_family_that_actors_use():
    parsed = stix2.parse(bundle(_malware_doc(), now=NOW).serialize(), allow_custom=True)
    objects = {o.id: o for o in parsed.objects}
    for o in parsed.objects:
        for ref in [getattr(o, "source_ref", None), getattr(o, "target_ref", None), *getattr(o, "object_refs", [])]:
            assert ref is None or ref in objects, (o.id, ref)
    [shamoon] = [o for o in parsed.objects if o.type == "malware"]
    assert (shamoon.name, shamoon.is_family, shamoon.aliases) == ("Shamoon", True, ["DistTrack"])
    assert shamoon.malware_types == ["wiper"] and shamoon.external_references[0].external_id == "S0140"
    used = {(objects[r.source_ref].type, objects[r.source_ref].name, r.relationship_type): r
            for r in objects.values() if r.type == "relationship" and r.target_ref == shamoon.id}
    assert set(used) == {("incident", "Cyber attack on Acme Bank", "related-to"), ("threat-actor", "Fox Kitten", "uses"),
                         ("threat-actor", "Iran", "uses")}
    assert used[("incident", "Cyber attack on Acme Bank", "related-to")].description.startswith("kg relation USED.")
    fox = used[("threat-actor", "Fox Kitten", "uses")]
    assert fox.confidence == CONFIDENCE["suspected"]
    [opinion] = [o for o in parsed.objects if o.type == "opinion"]
    assert opinion.object_refs == [fox.id] and opinion.opinion == "strongly-disagree"
    assert objects[used[("threat-actor", "Iran", "uses")].source_ref].threat_actor_types == ["nation-state"]


def test_export_stix_malware_is_never_an_identity_or_threat_actor():
    """A malware named as a victim or an actor (an extraction error) and a non-malware 'used' are left out."""
    objects = bundle(_malware_doc(), now=NOW).objects
    names = {(o.type, getattr(o, "name", None)) for o in objects}
    assert not {name for kind, name in names if kind in ("identity", "threat-actor")} & {"Shamoon", "Ghost"}
    assert ("malware", "Ghost") not in names
    relationships = [o for o in objects if o.type == "relationship"]
    assert {r.relationship_type for r in relationships} == {"related-to", "uses"}
    assert all(r.target_ref.startswith("malware--") for r in relationships)


def test_export_stix_incidents_carry_first_seen_from_the_text_and_reports_their_articles_date():
    rows = json.loads(json.dumps(_doc().to_json()))
    rows["incidents"][0].update(date="2024-04-29", date_basis="text",
                                date_source={"article": "a.txt", "start": 0, "end": 40, "sentence": "..."})
    rows["incidents"][1].update(date="2024-05-01", date_basis="published")
    parsed = stix2.parse(bundle(rows, now=NOW).serialize(), allow_custom=True)
    by_name = {o.name: o for o in parsed.objects if o.type in ("incident", "report")}
    assert by_name["Cyber attack on Acme Bank"].x_kg_first_seen == "2024-04-29"
    assert "x_kg_first_seen" not in by_name["Other"]  # only the publication date: not when it was seen
    assert by_name["Acme hacked"].published == datetime(2024, 5, 1, tzinfo=timezone.utc)
