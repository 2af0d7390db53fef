"""Within-article resolution: mentions -> clusters (one per real-world entity in this article).

The incident and relation rules read an article through its clusters ("the studio" is Acme Pictures), so
this runs as part of analysing the article (`DocContext`), before them; kg.resolve.merge links the clusters
across articles afterwards.

Links, all fed to one union-find: the same alias key; an acronym and its expansion ("NOC" /
"Night Owls Collective"); a shorter organisation name that starts a longer one ("Acme Pictures" /
"Acme Pictures Entertainment"; when it starts several, the most mentioned); a surname and the full
name ("Varga" / "Elena Varga"); any form of one country (name, demonym, capital).
Keys that come from the text as written are *strong* and link across articles; those that rest on
this article's context (a bare prefix, a surname) are *weak* and stay here.
"""

from __future__ import annotations

from collections import Counter

from kg.keys import alias_key, initials
from kg.knowledge import gazetteer
from kg.models import GROUP_OF_TYPE, Cluster, Mention
from kg.nlp.lexicon import Lexicon
from kg.unionfind import UnionFind

# Finders whose type rests on the text's own words about the name (kg/nlp/finders.py rule ids).
TEXT_CUE_RULES = frozenset({"named-actor", "named-malware", "hacked-by", "gang-name", "actor-example", "actor-apposition",
                            "malware-name"})
def resolve_mentions(mentions: list[Mention], lexicon: Lexicon, body_start: int = 0,
                     same: list[tuple[int, int]] = (), units: set[int] = frozenset()) -> tuple[list[Cluster], list[int]]:
    """Clusters, and for each mention the index of its cluster; `same` lists mention pairs the text
    itself equates ("APT29, also known as Cozy Bear", "the Cybersecurity ... Agency (CISA)"). The cue
    `lexicon` is the article's (its pipeline's): its government seats name countries ("Pyongyang")."""
    seats = lexicon["government_seats"]
    uf = UnionFind(range(len(mentions)))
    for a, b in same:
        uf.union(a, b)
    keys = [alias_key(m.text) for m in mentions]
    weak: set[int] = set()
    first_by_key: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        country = _country_of(m, seats) if m.type == "Country" else None
        group_key = (GROUP_OF_TYPE.get(m.type, "org"), alias_key(country.name) if country else keys[i])
        if group_key in first_by_key:
            uf.union(first_by_key[group_key], i)
        else:
            first_by_key[group_key] = i
    _link_acronyms(mentions, keys, uf)
    weak |= _link_prefixes(mentions, keys, uf, body_start, {keys[i] for i in units})
    weak |= _link_surnames(mentions, keys, uf)
    _link_inverted(mentions, keys, uf)
    weak |= _link_country_prefixed(mentions, keys, uf)
    weak |= _link_last_words(mentions, keys, uf, lexicon)
    clusters: list[Cluster] = []
    of_mention = [0] * len(mentions)
    for members in uf.groups():
        for i in members:
            of_mention[i] = len(clusters)
        clusters.append(_cluster(mentions, keys, sorted(members), weak, seats))
    return clusters, of_mention


def _country_of(mention: Mention, seats: dict):
    """The country a Country mention names: by any of its forms, or through the seat of its government."""
    gaz = gazetteer()
    seat = seats.get(mention.text)
    return gaz.country(seat) if isinstance(seat, str) else gaz.country(mention.text)


def _link_acronyms(mentions: list[Mention], keys: list[str], uf: UnionFind) -> None:
    by_initials: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        for acronym in initials(m.text):
            if len(acronym) >= 2:
                by_initials.setdefault(acronym, []).append(i)
    for i, m in enumerate(mentions):
        bare = m.text.lstrip("#")
        key = keys[i].replace(" ", "") if "&" in bare else keys[i]  # "A&B" is the initials of "Acme & Borealis"
        if bare.replace("&", "").isupper() and 2 <= len(bare) <= 6 and " " not in bare and key in by_initials:
            for j in by_initials[key]:
                if keys[j] == keys[i]:
                    continue  # "A&B" is its own initials
                if GROUP_OF_TYPE.get(mentions[j].type) == GROUP_OF_TYPE.get(m.type) or m.type in ("Organization", "ThreatActor"):
                    uf.union(j, i)
                    break


def _link_prefixes(mentions: list[Mention], keys: list[str], uf: UnionFind, body_start: int,
                   unit_keys: set[str] = frozenset()) -> set[int]:
    """Journalists name an organisation in full before they shorten it ("Acme Pictures ... Acme"): a
    one-word name first seen before the longer one (headline aside) is an organisation of its own
    ("Boeing ... Boeing Global Services")."""
    weak = set()
    counts = Counter(keys)
    first: dict[str, int] = {}
    for m, key in zip(mentions, keys):
        if m.start >= body_start:
            first.setdefault(key, m.start)
    orgs = [i for i, m in enumerate(mentions) if GROUP_OF_TYPE.get(m.type) == "org"]
    words = {i: keys[i].split() for i in orgs}
    for i in orgs:
        short = words[i]
        longer = {keys[j] for j in orgs if len(words[j]) > len(short) and words[j][: len(short)] == short
                  and keys[j] not in unit_keys}
        if not longer:
            continue
        # The most mentioned longer name wins (counting the mentions of its own prefixes).
        best = max(sorted(longer), key=lambda k: sum(counts[x] for x in counts if k.startswith(x + " ") or x == k))
        if len(short) == 1 and first.get(best, 1 << 30) > first.get(keys[i], 1 << 30):
            continue
        j = keys.index(best)
        uf.union(j, i)
        if len(short) == 1:  # "Acme" alone may mean another Acme elsewhere; "Acme Pictures" may not
            weak.add(i)
    return weak


def _link_surnames(mentions: list[Mention], keys: list[str], uf: UnionFind) -> set[int]:
    weak = set()
    people = [i for i, m in enumerate(mentions) if m.type == "Person"]
    for i in people:
        if len(keys[i].split()) != 1:
            continue
        full = {keys[j] for j in people if len(keys[j].split()) > 1 and keys[j].split()[-1] == keys[i]}
        if len(full) == 1:
            uf.union(keys.index(full.pop()), i)
            weak.add(i)
    return weak


_INVERTED_HEADS = {"department", "ministry", "office", "bureau"}


def _orgs_by_key(mentions: list[Mention], keys: list[str]) -> dict[str, list[int]]:
    by_key: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if GROUP_OF_TYPE.get(m.type) == "org" and m.type != "Country":
            by_key.setdefault(keys[i], []).append(i)
    return by_key


def _link_inverted(mentions: list[Mention], keys: list[str], uf: UnionFind) -> None:
    """'the Department of Fisheries' ... 'the Fisheries Department': one body, its head word first or last."""
    by_key = _orgs_by_key(mentions, keys)
    for key, found in by_key.items():
        words = key.split()
        if len(words) >= 3 and words[0] in _INVERTED_HEADS and words[1] == "of":
            for j in by_key.get(" ".join(words[2:] + words[:1]), ()):
                uf.union(found[0], j)


def _link_country_prefixed(mentions: list[Mention], keys: list[str], uf: UnionFind) -> set[int]:
    """'the U.S. Secret Service' ... 'the Secret Service', 'Ruritanian Telecom' ... 'Telecom': a body named
    with its country first is called without it further on. The bare name stays weak: another article's
    "Foreign Ministry" may be another country's."""
    weak = set()
    gaz = gazetteer()
    by_key = _orgs_by_key(mentions, keys)
    for key, found in by_key.items():  # (the mentions of one key are one cluster already)
        words = key.split()
        for n in (1, 2):  # "US ...", "United Kingdom ..."
            if len(words) > n and gaz.country(" ".join(words[:n])) is not None:
                for j in by_key.get(" ".join(words[n:]), ()):
                    uf.union(found[0], j)
                    weak.add(j)
                break
    return weak


def _link_last_words(mentions: list[Mention], keys: list[str], uf: UnionFind, lexicon: Lexicon) -> set[int]:
    """'Grey Heron Analytica' ... 'Analytica', 'Quillmark Office' ... 'Office': a one-word name that ends one
    longer name of an organisation or a product (either type: "Acme Office" may be typed either), is no common
    head ('Bank', 'Group') and starts no longer name, is that name further on. The bare word stays weak."""
    weak = set()
    heads = lexicon.words("org_suffixes")
    by_key: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.type in ("Organization", "Product"):
            by_key.setdefault(keys[i], []).append(i)
    ends: dict[str, list[str]] = {}
    starts = set()
    for key in by_key:
        words = key.split()
        if 2 <= len(words) <= 3:
            ends.setdefault(words[-1], []).append(key)
        if len(words) > 1:
            starts.add(words[0])
    for key, found in by_key.items():
        longer = ends.get(key, [])
        if " " in key or len(longer) != 1 or key in heads or len(key) < 4 or key in starts:
            continue  # (a word that also starts a longer name may be that one's short form)
        long = by_key[longer[0]]
        first_long = min(mentions[j].start for j in long)
        for j in found:
            if mentions[j].start > first_long:
                uf.union(long[0], j)
                weak.add(j)
    return weak


def _cluster(mentions: list[Mention], keys: list[str], members: list[int], weak: set[int], seats: dict) -> Cluster:
    # A name the text itself types ("a group known as X", "the X gang") keeps that type for all its forms
    # ("The Pale Rider (TPR)"), however often the model guessed otherwise; else the majority, ties by type name.
    cued = Counter(mentions[i].type for i in members if mentions[i].rule in TEXT_CUE_RULES)
    types = cued or Counter(mentions[i].type for i in members)
    kind = min(types.items(), key=lambda item: (-item[1], item[0]))[0]
    gaz = gazetteer()
    country = next((_country_of(mentions[i], seats) for i in members if mentions[i].type == "Country"), None)
    aliases = list(dict.fromkeys(mentions[i].text for i in members))
    if country is not None and kind == "Country":
        name = country.name
    else:
        full = [mentions[i].text for i in members if i not in weak] or aliases
        name = max(full, key=lambda t: (len(alias_key(t).split()), not t.startswith("#"), -full.index(t)))
    if name not in aliases:
        aliases.insert(0, name)
    strong = list(dict.fromkeys(keys[i] for i in members if i not in weak))
    if country is not None:
        strong.append(alias_key(country.name))
    weak_keys = list(dict.fromkeys(keys[i] for i in members if i in weak))
    kb = None
    if kind == "ThreatActor":
        group = next((gaz.group(a) for a in aliases if gaz.group(a)), None)
        if group is not None:
            kb = {"source": "MITRE ATT&CK", "id": group.id, "name": group.name, "url": group.url}
    acronyms = sorted({a for alias in aliases if len(alias.split()) >= 3 for a in initials(alias) if len(a) >= 3})
    return Cluster(name, kind, members, aliases, list(dict.fromkeys(strong)), weak_keys, kb, acronyms)
