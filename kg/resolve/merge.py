"""Across articles: DocResults -> one Graph with stable global ids, whatever the order of the articles.

Every article cluster and incident becomes a *part*: the evidence it brings (alias keys, acronyms, type and
name votes, victims, years). Parts are one entity when they share a strong alias key within one type group,
or when one is the acronym of another's long name; incidents are one when they hit the same main victim in
the same year, or carry the same attack name (union-find, so chains merge, in any order). Summaries (type,
display name, aliases, kind, victims, year) are computed from the summed votes with fixed tie-breaks, and
ids from the summaries, so they depend on the set of articles only.

Parts can also be nodes already in the graph (`Known`, built from the evidence the writer stores on them):
resolving a window against them gives the graph one run over all the articles would give, and says which
existing nodes must take another id (`Resolved.moves`).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from kg.models import DocResult
from kg.keys import alias_key, slug
from kg.knowledge import gazetteer
from kg.models import GROUP_OF_TYPE, Claim, Entity, Graph, Incident
from kg.unionfind import UnionFind


@dataclass
class EntityPart:
    """What one cluster (or one existing entity) says about an entity."""

    keys: set[str] = field(default_factory=set)  # "group|alias key" of its strong names
    acronyms: set[str] = field(default_factory=set)  # of its long names: "cisa"
    acronames: set[str] = field(default_factory=set)  # keys of its names that are acronyms: "cisa" for "CISA"
    types: Counter = field(default_factory=Counter)  # type -> mentions
    names: Counter = field(default_factory=Counter)  # (type, display name) -> clusters
    kinds: Counter = field(default_factory=Counter)
    kbs: list[dict] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    names_in: dict[str, list[str]] = field(default_factory=dict)  # article -> names it uses (new articles only)
    known: str | None = None  # the id of the graph node this part is

    def add(self, other: "EntityPart") -> None:
        self.keys |= other.keys
        self.acronyms |= other.acronyms
        self.acronames |= other.acronames
        self.types.update(other.types)
        self.names.update(other.names)
        self.kinds.update(other.kinds)
        self.kbs += [kb for kb in other.kbs if kb not in self.kbs]
        self.aliases |= other.aliases
        for article, names in other.names_in.items():
            mine = self.names_in.setdefault(article, [])
            mine.extend(n for n in names if n not in mine)

    def evidence(self) -> str:
        """The votes as stored on the entity node (JSON), read back by `entity_part`."""
        return json.dumps({"keys": sorted(self.keys), "acronyms": sorted(self.acronyms),
                           "acronames": sorted(self.acronames), "types": dict(sorted(self.types.items())),
                           "names": sorted([t, n, c] for (t, n), c in self.names.items()),
                           "kinds": dict(sorted(self.kinds.items())),
                           "kbs": sorted(self.kbs, key=lambda kb: kb.get("id") or "")}, sort_keys=True)


@dataclass
class IncidentPart:
    """What one article says about one incident (an existing incident is the list of its articles' parts)."""

    article: str
    local: str  # the article's own name for it, used when it has no victim and no name
    main: str | None  # main victim, an entity id
    victims: list[str]
    year: int | None
    names: list[str]
    date: str | None
    date_basis: str | None = None  # "text" or "published" (None in evidence written before it was kept)
    date_source: dict | None = None  # the sentence that gave the date: {article, start, end, sentence}

    def keys(self) -> list[tuple]:
        keys = [("victim", self.main, self.year)] if self.main else []
        return keys + [("name", alias_key(n)) for n in self.names]

    def record(self) -> dict:
        return {"article": self.article, "local": self.local, "main": self.main, "victims": self.victims,
                "year": self.year, "names": self.names, "date": self.date, "date_basis": self.date_basis,
                "date_source": self.date_source}


@dataclass
class Known:
    """Nodes already in the graph that a window may resolve to."""

    entities: list[EntityPart] = field(default_factory=list)
    incidents: dict[str, list[IncidentPart]] = field(default_factory=dict)  # incident id -> its parts
    names: dict[str, str] = field(default_factory=dict)  # the names of the known incidents' victims


@dataclass
class Resolved:
    graph: Graph
    moves: dict[str, str] = field(default_factory=dict)  # existing entity id -> its id now
    incident_moves: dict[str, str] = field(default_factory=dict)
    # (article index, cluster or incident index) -> the id it resolved to, for `add_claims`
    entity_of: dict[tuple[int, int], str] = field(default_factory=dict, repr=False)
    incident_of: dict[tuple[int, int], str] = field(default_factory=dict, repr=False)


def merge(results: Iterable[DocResult]) -> Graph:
    """The graph of these articles alone."""
    return resolve(list(results)).graph


def resolve(results: list[DocResult], known: Known | None = None) -> Resolved:
    """The graph of `results` together with the `known` graph nodes they resolve to."""
    return add_claims(results, resolve_nodes(results, known))


def window_parts(results: list[DocResult]) -> list[EntityPart]:
    """The part of every cluster of `results`, article by article."""
    return [cluster_part(result.article["id"], cluster) for result in results for cluster in result.clusters]


def resolve_nodes(results: list[DocResult], known: Known | None = None,
                  parts: list[EntityPart] | None = None) -> Resolved:
    """`resolve` without the claims and links, which `add_claims` adds: what a caller that resolves the same
    window against more and more known nodes needs between rounds. `parts`: `window_parts(results)`, if made."""
    known = known or Known()
    local: dict[tuple[int, int], int] = {}
    for d, result in enumerate(results):
        for c in range(len(result.clusters)):
            local[(d, c)] = len(local)
    parts = list(window_parts(results) if parts is None else parts)
    first_known = len(parts)
    parts += known.entities
    entity_of_part, entities, evidence = resolve_entities(parts)
    entity_of = {key: entity_of_part[p] for key, p in local.items()}
    touched = set(entity_of.values())  # known nodes no new part joined stay as they are
    moves = {parts[p].known: entity_of_part[p] for p in range(first_known, len(parts))
             if parts[p].known != entity_of_part[p] and entity_of_part[p] in touched}
    names = {**known.names, **{e.id: e.name for e in entities.values()}}
    incident_of, incidents, incident_moves = _incidents(results, entity_of, names, known, moves)
    graph = Graph(articles=sorted((r.article for r in results), key=lambda a: a["id"]),
                  entities=sorted((entities[e] for e in touched), key=lambda e: e.id), incidents=incidents)
    for entity in graph.entities:
        entity.evidence = evidence[entity.id]
    return Resolved(graph, moves, incident_moves, entity_of, incident_of)


def add_claims(results: list[DocResult], resolved: Resolved) -> Resolved:
    """`resolved` (from `resolve_nodes(results, ...)`) with the articles' claims between the nodes they
    resolved to, and the knowledge-base links of its entities."""
    graph, entity_of, incident_of = resolved.graph, resolved.entity_of, resolved.incident_of
    claims: dict[str, Claim] = {}
    for d, result in enumerate(results):
        for c in result.claims:
            subject = _ref(c.subject, d, entity_of, incident_of)
            obj = _ref(c.object, d, entity_of, incident_of)
            if subject is None or obj is None or subject == obj:
                continue
            source = entity_of.get((d, c.source)) if c.source is not None else None
            claim = Claim(subject, c.predicate, obj, c.status, result.article["id"], c.sentence, c.start, c.end,
                          c.rule, c.confidence, cue=c.cue, according_to=source)
            claims.setdefault(claim.id, claim)  # the first in the article's own order: not input order
    graph.claims = sorted(claims.values(), key=lambda c: (c.article, c.start, c.end, c.predicate, c.id))
    graph.links = _kb_links(graph.entities)
    return resolved


def cluster_part(article: str, cluster) -> EntityPart:
    group = GROUP_OF_TYPE.get(cluster.type, "org")
    bare = cluster.name.lstrip("#")
    return EntityPart(
        keys={f"{group}|{key}" for key in cluster.strong_keys}, acronyms=set(cluster.acronyms),
        acronames={alias_key(bare)} if bare.isupper() and " " not in bare else set(),
        types=Counter({cluster.type: len(cluster.mentions)}), names=Counter({(cluster.type, cluster.name): 1}),
        kinds=Counter({cluster.kind: 1} if cluster.kind else {}), kbs=[cluster.kb] if cluster.kb else [],
        aliases=set(cluster.aliases), names_in={article: list(cluster.aliases)})


def entity_part(record: dict) -> EntityPart:
    """An existing entity as a part: its stored votes (none for a node written without them, such as a
    knowledge-base group), its aliases and its id."""
    part = EntityPart(known=record["id"], aliases=set(record.get("aliases") or []) if record.get("evidence") else set())
    if record.get("evidence"):
        votes = json.loads(record["evidence"])
        part.keys, part.acronyms, part.acronames = set(votes["keys"]), set(votes["acronyms"]), set(votes["acronames"])
        part.types, part.kinds = Counter(votes["types"]), Counter(votes["kinds"])
        part.names = Counter({(t, n): c for t, n, c in votes["names"]})
        part.kbs = votes["kbs"]
    return part


def resolve_entities(parts: list[EntityPart]) -> tuple[list[str], dict[str, Entity], dict[str, str]]:
    """Each part's entity id, the entities, and each entity's stored votes (JSON)."""
    uf = UnionFind(range(len(parts)))
    owner: dict[str, int] = {}
    acronym_owners: dict[str, list[int]] = {}
    for p, part in enumerate(parts):
        for key in sorted(part.keys):
            if key in owner:
                uf.union(owner[key], p)
            else:
                owner[key] = p
        for acronym in part.acronyms:
            acronym_owners.setdefault(acronym, []).append(p)
        if part.known is not None:  # a node in the graph is its own key too
            key = "id|" + part.known
            if key in owner:
                uf.union(owner[key], p)
            else:
                owner[key] = p
    # "CISA" in one article, "the Cybersecurity and Infrastructure Security Agency" in another.
    for p, part in enumerate(parts):
        for key in part.acronames:
            for q in acronym_owners.get(key, []):
                uf.union(q, p)
    groups, summaries = _settled(uf, lambda members: _summary(parts, members), lambda summary: summary[0].id)
    entity_of = [""] * len(parts)
    entities: dict[str, Entity] = {}
    evidence: dict[str, str] = {}
    for members, (entity, total) in zip(groups, summaries):
        entities[entity.id] = entity
        evidence[entity.id] = total.evidence()
        for p in members:
            entity_of[p] = entity.id
    return entity_of, entities, evidence


def _settled(uf: UnionFind, summarize, id_of) -> tuple[list[list[int]], list]:
    """The groups and their summaries, once groups whose summaries give one id are one group (a merged
    group may then give another id, so until nothing merges)."""
    while True:
        groups = uf.groups()
        summaries = [summarize(members) for members in groups]
        by_id: dict[str, int] = {}
        merged = False
        for g, summary in enumerate(summaries):
            if id_of(summary) in by_id:
                uf.union(groups[by_id[id_of(summary)]][0], groups[g][0])
                merged = True
            else:
                by_id[id_of(summary)] = g
        if not merged:
            return groups, summaries


def _summary(parts: list[EntityPart], members: list[int]) -> tuple[Entity, EntityPart]:
    total = EntityPart()
    for p in sorted(members):
        total.add(parts[p])
    if not total.types:  # only nodes that carry no votes: keep what they are
        known = min(parts[p].known for p in members)
        return Entity(known, known, "ThreatActor"), total
    kind = min(total.types.items(), key=lambda item: (-item[1], item[0]))[0]  # most mentions, then type name
    names = Counter({n: c for (t, n), c in total.names.items() if t == kind}) or \
        Counter({n: c for (_, n), c in total.names.items()})
    name = max(names, key=lambda n: (len(alias_key(n).split()), not n.startswith("#"), names[n], n))
    aliases = sorted(total.aliases | {name}, key=lambda a: (a != name, a))
    kb = min(total.kbs, key=lambda k: (k.get("id") or "", k.get("name") or "")) if total.kbs else None
    org_kind = min(total.kinds.items(), key=lambda item: (-item[1], item[0]))[0] \
        if total.kinds and kind == "Organization" else None
    entity = Entity(f"{GROUP_OF_TYPE.get(kind, 'org')}:{slug(name)}", name, kind, aliases,
                    sorted(total.names_in), kb, org_kind)
    entity.names_in = {a: total.names_in[a] for a in sorted(total.names_in)}
    return entity, total


def _ref(ref, d, entity_of, incident_of) -> str | None:
    kind, index = ref
    return entity_of.get((d, index)) if kind == "e" else incident_of.get((d, index))


def incident_keys(results: list[DocResult], entity_of: dict[tuple[int, int], str]) -> list[tuple]:
    """The keys (victim and year, attack name) the window's incidents resolve by, before resolution."""
    return [key for part in _incident_parts(results, entity_of).values() for key in part.keys()]


def _incident_parts(results, entity_of) -> dict[tuple[int, int], IncidentPart]:
    parts = {}
    for d, result in enumerate(results):
        article = result.article["id"]
        for k, incident in enumerate(result.incidents):
            victims = list(dict.fromkeys(entity_of[(d, v)] for v in incident.victims if (d, v) in entity_of))
            parts[(d, k)] = IncidentPart(article, f"{slug(article)}-{k}", victims[0] if victims else None,
                                         victims, incident.year, list(dict.fromkeys(incident.names)), incident.date,
                                         incident.date_basis, incident.date_source)
    return parts


def _incidents(results, entity_of, names: dict[str, str], known: Known, moves: dict[str, str]):
    """One incident per main victim and year, or per name the text gives the attack ("WannaCry"):
    reports of one attack in several articles (or runs) meet on either."""
    local = _incident_parts(results, entity_of)
    parts: list[IncidentPart] = list(local.values())
    known_of: dict[int, str] = {}
    window = {r.article["id"] for r in results}
    for iid in sorted(known.incidents):
        for part in known.incidents[iid]:
            if part.article in window:  # a changed article re-says it: its old part goes
                continue
            part.main = moves.get(part.main, part.main)
            part.victims = list(dict.fromkeys(moves.get(v, v) for v in part.victims))
            known_of[len(parts)] = iid
            parts.append(part)
    uf = UnionFind(range(len(parts)))
    owner: dict[tuple, int] = {}
    for p, part in enumerate(parts):
        keys = part.keys() + ([("id", known_of[p])] if p in known_of else [])
        for key in keys:
            if key in owner:
                uf.union(owner[key], p)
            else:
                owner[key] = p
    groups, summaries = _settled(uf, lambda members: _incident(parts, members, names), lambda incident: incident.id)
    incident_of: dict[tuple[int, int], str] = {}
    out = []
    local_keys = list(local)
    for members, incident in zip(groups, summaries):
        out.append(incident)
        for p in members:
            if p < len(local_keys):
                incident_of[local_keys[p]] = incident.id
    window = {r.article["id"] for r in results}
    incident_moves = {iid: incident.id for members, incident in zip(groups, summaries)
                      for p in members if (iid := known_of.get(p)) is not None and iid != incident.id}
    if known.incidents:
        for incident in out:
            incident.articles = sorted(set(incident.articles) & window)
    return incident_of, sorted(out, key=lambda i: i.id), incident_moves


def _incident(parts: list[IncidentPart], members: list[int], names_of: dict[str, str]) -> Incident:
    members = sorted(members, key=lambda p: (parts[p].article, parts[p].local))
    group = [parts[p] for p in members]
    mains = Counter(p.main for p in group if p.main)
    main = min(mains.items(), key=lambda item: (-item[1], item[0]))[0] if mains else None
    victims = ([main] if main else []) + sorted({v for p in group for v in p.victims} - {main})
    years = Counter(p.year for p in group if p.year)
    year = min(years.items(), key=lambda item: (-item[1], item[0]))[0] if years else None
    name_votes = Counter(n for p in group for n in p.names)
    names = sorted(name_votes, key=lambda n: (-name_votes[n], n))
    primary = names_of.get(main) if main else None
    if main:
        iid = f"incident:{slug(primary or main)}" + (f"-{year}" if year else "")
    elif names:
        iid = f"incident:{slug(names[0])}" + (f"-{year}" if year else "")
    else:
        iid = f"incident:{min(p.local for p in group)}"
    article = group[0].article
    what = f"on {primary}" if primary else "" if names else f"reported in {article}"
    name = " ".join(p for p in (f"{names[0]} attack" if names else "Cyber attack", what) if p)
    name += f" ({year})" if year else ""
    # what a text says before an article's own date; then the most precise; then the earliest
    dated = min((p for p in group if p.date), key=lambda p: (p.date_basis == "published", -len(p.date), p.date,
                                                             p.article), default=None)
    incident = Incident(iid, name, victims, sorted({p.article for p in group}), str(year) if year else None,
                        aliases=names)
    if dated is not None:
        incident.date, incident.date_basis, incident.date_source = dated.date, dated.date_basis or "text", \
            dated.date_source
    incident.evidence = json.dumps([p.record() for p in group], sort_keys=True)
    return incident


def incident_parts(evidence: str | None) -> list[IncidentPart]:
    """An existing incident's parts, from the evidence the writer stored on it."""
    return [IncidentPart(**record) for record in json.loads(evidence)] if evidence else []


def _kb_links(entities: list[Entity]) -> list[dict]:
    """ALIAS_OF links from a named actor to the ATT&CK group whose aliases include its name."""
    links = []
    for entity in entities:
        if not entity.kb:
            continue
        group_key = alias_key(entity.kb["name"])
        if alias_key(entity.name) == group_key:
            continue
        group = gazetteer().group(entity.kb["name"])
        links.append({
            "from": entity.id, "type": "ALIAS_OF",
            "to": {"id": f"org:{slug(entity.kb['name'])}", "name": entity.kb["name"], "type": "ThreatActor",
                   "aliases": list(group.aliases) if group else [], "kb": entity.kb},
            "source": f"MITRE ATT&CK {entity.kb['id']}",
        })
    return links
