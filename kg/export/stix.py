"""STIX 2.1 bundles from a graph in the `kg extract` JSON shape, for OpenCTI, MISP and other TI platforms.

What becomes what:

- an incident -> `incident`; an article -> `report` (title, URL, publication date or else the export time) whose
  `object_refs` are the objects and relationships its claims support;
- an entity blamed for an incident -> `threat-actor` (a country gets `threat_actor_types: ["nation-state"]`);
  the knowledge-base group it is an alias of (ALIAS_OF) -> `intrusion-set` with its MITRE ATT&CK reference,
  joined by a `related-to` relationship;
- a victim, responder or investigator -> `identity`;
- a Malware entity -> `malware` (`is_family: true`, name, aliases, its ATT&CK software reference if any, and
  `malware_types` when its kind is a STIX malware type). A malware is never an identity or a threat actor: a
  relation other than USED that has a malware at either end is not exported;
- ATTRIBUTED_TO -> `attributed-to`, TARGETED -> `targets` (incident -> actor / victim), RESPONDED_TO and
  INVESTIGATES -> `related-to` (identity -> incident), USED -> `uses` (threat-actor -> malware) or, from an
  incident, `related-to` (incident -> malware: STIX 2.1 defines no relationship from an incident). The actor
  that used a malware becomes a `threat-actor`, as a blamed entity does. One relationship per subject,
  relation and object; its `confidence` follows the strongest supporting claim (asserted 85 > claimed 50 >
  suspected 15, STIX's High/Med/Low) and its `description` quotes every supporting sentence with article,
  offsets, status, cue and source;
- a denied or negated claim -> an `opinion` (strongly-disagree / disagree) on the relationship it disputes. A
  relation that no claim asserts, claims or suspects is left out, and its denials with it;
- the other relations (MOTIVATED_BY, LEAKED, HIRED, ...) have no STIX counterpart here and are not exported.

Ids are UUIDv5 of kg's ids, so exporting the same graph again gives the same ids (platforms update, not duplicate).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime, timezone

from stix2.v21 import (Bundle, Identity, Incident, IntrusionSet, Malware, Opinion, Relationship, Report,
                       ThreatActor)

NAMESPACE = uuid.UUID("8f0b4c1e-2f6a-5d3b-9a57-6b7c0e1d2f3a")
CONFIDENCE = {"asserted": 85, "claimed": 50, "suspected": 15}
OPINION = {"denied": "strongly-disagree", "negated": "disagree"}
RELATIONSHIPS = {"ATTRIBUTED_TO": "attributed-to", "TARGETED": "targets", "RESPONDED_TO": "related-to",
                 "INVESTIGATES": "related-to", "USED": "uses"}
# The roles of a relation's subject and object, which decide their STIX objects (an incident is always an
# `incident`); the other relations are between identities.
ROLES = {"ATTRIBUTED_TO": ("identity", "actor"), "USED": ("actor", "malware")}
# STIX 2.1's malware-type-ov: an entity kind among these becomes the malware's `malware_types`.
MALWARE_TYPES = frozenset({
    "adware", "backdoor", "bot", "bootkit", "ddos", "downloader", "dropper", "exploit-kit", "keylogger", "ransomware",
    "remote-access-trojan", "resource-exploitation", "rogue-security-software", "rootkit", "screen-capture",
    "spyware", "trojan", "unknown", "virus", "webshell", "wiper", "worm"})
IDENTITY_CLASS = {"Organization": "organization", "Person": "individual", "Country": "organization",
                  "Product": "system", "ThreatActor": "group"}


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}|{key}')}"


def bundle(doc: dict, now: datetime | None = None) -> Bundle:
    """The STIX 2.1 bundle of a graph in the `kg extract` JSON shape."""
    return _Builder(doc, now or datetime.now(timezone.utc)).build()


class _Builder:
    def __init__(self, doc: dict, now: datetime):
        self.doc = doc
        self.now = now
        self.entities = {e["id"]: e for e in doc["entities"]}
        self.incidents = {i["id"]: i for i in doc["incidents"]}
        self.creator = Identity(id=stix_id("identity", "kg"), name="kg", identity_class="system", created=now,
                                modified=now, description="kg: knowledge graphs of cyber-attack news")
        self.objects: dict[str, object] = {}
        self.supported: dict[str, set[str]] = defaultdict(set)  # article id -> STIX ids its claims support

    def _common(self) -> dict:
        return {"created": self.now, "modified": self.now, "created_by_ref": self.creator.id}

    def build(self) -> Bundle:
        groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        for claim in self.doc["claims"]:
            if claim["predicate"] in RELATIONSHIPS:
                groups[(claim["subject"], claim["predicate"], claim["object"])].append(claim)
        for (subject, predicate, obj), claims in sorted(groups.items()):
            self._relationship(subject, predicate, obj, claims)
        for link in self.doc.get("links", []):
            self._alias(link)
        for article in self.doc["articles"]:
            self._report(article)
        # custom content only where kg adds it: an incident's x_kg_first_seen
        return Bundle(objects=[self.creator, *self.objects.values()], allow_custom=True)

    # ---- nodes ---------------------------------------------------------------------------------

    def _node(self, kg_id: str, role: str):
        """The STIX object of a graph node in a role (identity, actor or malware), not yet added; None when the
        node is unknown, or when the role does not fit it (a malware is only ever a `malware`)."""
        if kg_id in self.incidents:
            return self._incident(self.incidents[kg_id]) if role != "malware" else None
        entity = self.entities.get(kg_id)
        if entity is None or (entity["type"] == "Malware") != (role == "malware"):
            return None
        if role == "malware":
            return self._malware(entity)
        if role == "actor":
            return self._actor(entity)
        return Identity(id=stix_id("identity", kg_id), name=entity["name"],
                        identity_class=IDENTITY_CLASS.get(entity["type"], "unknown"), **self._common())

    def _incident(self, incident: dict) -> Incident:
        when = f" ({incident['date']})" if incident.get("date") else ""
        reports = len(incident.get("articles", []))
        # STIX 2.1's incident has no first_seen (only its optional extension does): kg's own property, the
        # date as precise as the text gives it ("2017-05-08", "2017-05", "2017"); not an article's own date
        # standing in for it (date_basis "published": the reports' `published` says that much already)
        dated = {"x_kg_first_seen": incident["date"]} if incident.get("date") and incident.get(
            "date_basis") != "published" else {}
        return Incident(id=stix_id("incident", incident["id"]), name=incident["name"],
                        description=f"{incident.get('kind') or 'cyber attack'}{when}, reported by {reports} article(s)",
                        custom_properties=dated, **self._common())

    def _actor(self, entity: dict) -> ThreatActor:
        kb = entity.get("kb") or {}
        return ThreatActor(id=stix_id("threat-actor", entity["id"]), name=entity["name"],
                           aliases=sorted(set(entity.get("aliases", [])) - {entity["name"]}) or None,
                           threat_actor_types=["nation-state"] if entity["type"] == "Country" else None,
                           external_references=[_attack(kb)] if kb.get("id") else None, **self._common())

    def _malware(self, entity: dict) -> Malware:
        kb = entity.get("kb") or {}
        kind = (entity.get("kind") or "").lower()
        return Malware(id=stix_id("malware", entity["id"]), name=entity["name"], is_family=True,
                       aliases=sorted(set(entity.get("aliases", [])) - {entity["name"]}) or None,
                       malware_types=[kind] if kind in MALWARE_TYPES else None,
                       external_references=[_attack(kb)] if kb.get("id") else None, **self._common())

    def _add(self, obj) -> str:
        self.objects.setdefault(obj.id, obj)
        return obj.id

    # ---- relations -----------------------------------------------------------------------------

    def _relationship(self, subject: str, predicate: str, obj: str, claims: list[dict]) -> None:
        positive = [c for c in claims if c["status"] in CONFIDENCE]
        if not positive:
            return
        source_role, target_role = ROLES.get(predicate, ("identity", "identity"))
        source, target = self._node(subject, source_role), self._node(obj, target_role)
        if source is None or target is None:
            return
        source, target = self._add(source), self._add(target)
        strongest = max((c["status"] for c in positive), key=CONFIDENCE.__getitem__)
        kind = "related-to" if predicate == "USED" and subject in self.incidents else RELATIONSHIPS[predicate]
        verb = predicate if kind == "related-to" else None
        rel = Relationship(id=stix_id("relationship", f"{subject}|{predicate}|{obj}"),
                           relationship_type=kind, source_ref=source, target_ref=target,
                           confidence=CONFIDENCE[strongest], description=self._evidence(positive, verb),
                           **self._common())
        self._add(rel)
        for claim in positive:
            self.supported[claim["article"]] |= {rel.id, source, target}
        for claim in claims:
            if claim["status"] in OPINION:
                opinion = Opinion(id=stix_id("opinion", claim["id"]), opinion=OPINION[claim["status"]],
                                  object_refs=[rel.id], explanation=self._quote(claim),
                                  authors=[self._said_by(claim)], **self._common())
                self.supported[claim["article"]] |= {self._add(opinion), rel.id, source, target}

    def _alias(self, link: dict) -> None:
        actor = stix_id("threat-actor", link["from"])
        if actor not in self.objects:
            return
        group, kb = link["to"], link["to"].get("kb") or {}
        group_id = self._add(IntrusionSet(id=stix_id("intrusion-set", group["id"]), name=group["name"],
                                          aliases=sorted(set(group.get("aliases", [])) - {group["name"]}) or None,
                                          external_references=[_attack(kb)] if kb.get("id") else None,
                                          **self._common()))
        self._add(Relationship(id=stix_id("relationship", f"{link['from']}|ALIAS_OF|{group['id']}"),
                               relationship_type="related-to", source_ref=actor, target_ref=group_id,
                               description=f"{self.objects[actor].name} is an alias of {group['name']} "
                                           f"({link.get('source') or 'knowledge base'}).", **self._common()))

    def _report(self, article: dict) -> None:
        refs = self.supported.get(article["id"])
        if not refs:
            return
        reference = {"source_name": article.get("source") or "kg", "external_id": article["id"],
                     "url": article.get("url")}
        self._add(Report(id=stix_id("report", article["id"]), name=article.get("title") or article["id"],
                         published=_published(article.get("published")) or self.now, report_types=["threat-report"],
                         object_refs=sorted(refs), external_references=[reference],
                         description=f"News article {article['id']} as read by kg", **self._common()))

    # ---- text ----------------------------------------------------------------------------------

    def _said_by(self, claim: dict) -> str:
        source = self.entities.get(claim.get("according_to") or "")
        return source["name"] if source else claim["article"]

    def _quote(self, claim: dict) -> str:
        cue = f" (cue: {claim['cue']!r})" if claim.get("cue") else ""
        said = f", according to {self._said_by(claim)}" if claim.get("according_to") else ""
        return (f"\"{claim['sentence'].strip()}\" — {claim['article']}, characters {claim['start']}–{claim['end']}: "
                f"{claim['status']}{cue}{said}")

    def _evidence(self, claims: list[dict], verb: str | None) -> str:
        lead = f"kg relation {verb}. " if verb else ""
        return lead + "Evidence:\n" + "\n".join("- " + self._quote(c) for c in claims)


def _attack(kb: dict) -> dict:
    return {"source_name": "mitre-attack", "external_id": kb["id"], "url": kb.get("url")}


def _published(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
