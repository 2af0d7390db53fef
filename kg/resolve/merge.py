"""Across articles: DocResults -> one Graph with stable global ids.

Entities of different articles are one when they share a strong alias key within one type group
(union-find, so chains merge). Incidents are one when they hit the same victim in compatible years.
Ids depend only on names (and years), so re-running on the same articles writes the same ids.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from kg.graph.extract import DocResult
from kg.models import Claim, Entity, Graph, Incident
from kg.nlp.gazetteer import gazetteer
from kg.resolve.keys import alias_key, slug
from kg.resolve.local import GROUP_OF_TYPE
from kg.resolve.unionfind import UnionFind


def merge(results: Iterable[DocResult]) -> Graph:
    results = list(results)
    entity_of, entities = _entities(results)
    incident_of, incidents = _incidents(results, entity_of, entities)
    graph = Graph(articles=[r.article for r in results], entities=list(entities.values()), incidents=incidents)
    seen = set()
    for d, result in enumerate(results):
        for c in result.claims:
            subject = _ref(c.subject, d, entity_of, incident_of)
            obj = _ref(c.object, d, entity_of, incident_of)
            if subject is None or obj is None or subject == obj:
                continue
            source = entity_of.get((d, c.source)) if c.source is not None else None
            claim = Claim(subject, c.predicate, obj, c.status, result.article["id"], c.sentence, c.start, c.end,
                          c.rule, c.confidence, cue=c.cue, according_to=source)
            if claim.id not in seen:
                seen.add(claim.id)
                graph.claims.append(claim)
    graph.links = _kb_links(graph.entities)
    return graph


def _ref(ref, d, entity_of, incident_of) -> str | None:
    kind, index = ref
    return entity_of.get((d, index)) if kind == "e" else incident_of.get((d, index))


def _entities(results: list[DocResult]) -> tuple[dict[tuple[int, int], str], dict[str, Entity]]:
    uf = UnionFind()
    owner: dict[tuple[str, str], tuple[int, int]] = {}
    for d, result in enumerate(results):
        for c, cluster in enumerate(result.clusters):
            uf.add((d, c))
            group = GROUP_OF_TYPE.get(cluster.type, "org")
            for key in cluster.strong_keys:
                if (group, key) in owner:
                    uf.union(owner[(group, key)], (d, c))
                else:
                    owner[(group, key)] = (d, c)
    # "CISA" in one article, "the Cybersecurity and Infrastructure Security Agency" in another.
    for d, result in enumerate(results):
        for c, cluster in enumerate(result.clusters):
            for acronym in cluster.acronyms:
                owner.setdefault(("acronym", acronym), (d, c))
    for d, result in enumerate(results):
        for c, cluster in enumerate(result.clusters):
            bare = cluster.name.lstrip("#")
            if bare.isupper() and " " not in bare and ("acronym", alias_key(bare)) in owner:
                uf.union(owner[("acronym", alias_key(bare))], (d, c))
    entity_of: dict[tuple[int, int], str] = {}
    entities: dict[str, Entity] = {}
    for members in uf.groups():
        clusters = [results[d].clusters[c] for d, c in members]
        entity = _entity(clusters, sorted({results[d].article["id"] for d, _ in members}))
        for d, c in members:
            names = entity.names_in.setdefault(results[d].article["id"], [])
            names.extend(a for a in results[d].clusters[c].aliases if a not in names)
        if entity.id in entities:  # two clusters that only share a name: keep one node
            existing = entities[entity.id]
            existing.aliases = list(dict.fromkeys(existing.aliases + entity.aliases))
            existing.articles = sorted(set(existing.articles) | set(entity.articles))
            for article, names in entity.names_in.items():
                existing.names_in[article] = list(dict.fromkeys(existing.names_in.get(article, []) + names))
        else:
            entities[entity.id] = entity
        for member in members:
            entity_of[member] = entity.id
    return entity_of, entities


def _entity(clusters, articles: list[str]) -> Entity:
    votes = Counter()
    for cluster in clusters:
        votes[cluster.type] += len(cluster.mentions)
    kind = votes.most_common(1)[0][0]
    names = Counter(c.name for c in clusters if c.type == kind) or Counter(c.name for c in clusters)
    name = max(names, key=lambda n: (len(alias_key(n).split()), not n.startswith("#"), names[n], n))
    aliases = list(dict.fromkeys(a for c in clusters for a in c.aliases))
    kb = next((c.kb for c in clusters if c.kb), None)
    kinds = Counter(c.kind for c in clusters if c.kind)
    org_kind = kinds.most_common(1)[0][0] if kinds and kind == "Organization" else None
    return Entity(f"{GROUP_OF_TYPE.get(kind, 'org')}:{slug(name)}", name, kind, aliases, articles, kb, org_kind)


def _incidents(results, entity_of, entities) -> tuple[dict[tuple[int, int], str], list[Incident]]:
    """One incident per main victim and year, or per name the text gives the attack ("WannaCry"):
    reports of one attack in several articles meet on either."""
    uf = UnionFind()
    owner: dict[tuple, tuple[int, int]] = {}
    facts: dict[tuple[int, int], tuple[list[str], int | None]] = {}
    for d, result in enumerate(results):
        for k, incident in enumerate(result.incidents):
            victims = [entity_of[(d, v)] for v in incident.victims if (d, v) in entity_of]
            facts[(d, k)] = (victims, incident.year)
            uf.add((d, k))
            keys = [("victim", victims[0], incident.year)] if victims else []
            keys += [("name", alias_key(name)) for name in incident.names]
            for key in keys:
                if key in owner:
                    uf.union(owner[key], (d, k))
                else:
                    owner[key] = (d, k)
    incident_of: dict[tuple[int, int], str] = {}
    out = []
    for group in uf.groups():
        members = [(key, facts[key][0], facts[key][1]) for key in group]
        victims = list(dict.fromkeys(v for _, vs, _ in members for v in vs))
        year = next((y for _, _, y in members if y), None)
        names = list(dict.fromkeys(n for d, k in group for n in results[d].incidents[k].names))
        article = results[group[0][0]].article["id"]
        if victims:
            iid = f"incident:{slug(entities[victims[0]].name)}" + (f"-{year}" if year else "")
        elif names:
            iid = f"incident:{slug(names[0])}" + (f"-{year}" if year else "")
        else:
            iid = f"incident:{slug(article)}-{group[0][1]}"
        primary = entities[victims[0]].name if victims else None
        out.append(_incident(iid, primary, victims, year, members, results, article, names))
        out[-1].date = _best_date(members, results) or out[-1].date
        for key in group:
            incident_of[key] = iid
    return incident_of, out


def _best_date(members, results) -> str | None:
    dates = [results[d].incidents[k].date for (d, k), _, _ in members if results[d].incidents[k].date]
    return max(dates, key=len) if dates else None


def _incident(iid, victim_name, victims, year, members, results, article=None, names=()) -> Incident:
    what = f"on {victim_name}" if victim_name else "" if names else f"reported in {article}"
    name = " ".join(p for p in (f"{names[0]} attack" if names else "Cyber attack", what) if p)
    name += f" ({year})" if year else ""
    articles = sorted({results[d].article["id"] for (d, _), _, _ in members})
    return Incident(iid, name, victims, articles, str(year) if year else None, aliases=list(names))


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
