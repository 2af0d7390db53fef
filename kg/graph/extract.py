"""(Article, Doc) -> DocResult: this article's entities, incidents and claims, with local references.

Pure: no I/O, picklable output, so it can run in worker processes. `kg.resolve.merge` turns many
DocResults into one Graph with global ids.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.ingest.clean import Cleaned
from kg.models import Ref
from kg.nlp.context import DocContext
from kg.dates import published_date
from kg.nlp.incidents import find_mentions, group_mentions, main_incident
from kg.nlp.rules import DESCRIPTIVE, Found, SentenceView, apply, leaked
from kg.knowledge import rule_precision
from kg.nlp.status import source_of, status_of
from kg.keys import alias_key
from kg.models import Cluster, DocResult, LocalClaim, LocalIncident



def extract(article: dict, cleaned: Cleaned, doc: Doc) -> DocResult:
    ctx = DocContext(doc, published_date(article.get("published")))
    mentions = find_mentions(ctx)
    incidents, of_mention = group_mentions(ctx, mentions, _year(article.get("published")))
    main = main_incident(incidents)
    for incident in incidents:
        if incident.date_sent is not None:
            span = ctx.sents[incident.date_sent]
            start, end = cleaned.origin_span(span.start_char, span.end_char)
            incident.date_source = {"article": article["id"], "start": start, "end": end, "sentence": span.text}
    victims = {v for incident in incidents for v in incident.victims}
    by_sentence: dict[int, dict[int, int]] = {}
    for m, k in zip(mentions, of_mention):
        # a leak says whose data is out, not who took it: the attribution rules read no culprit off "leaked by"
        if ctx.lemma[m.token] != "leak":
            by_sentence.setdefault(m.sent, {})[m.token] = k
    claims: list[LocalClaim] = []
    for m, k in zip(mentions, of_mention):
        if m.victim is not None and m.victim in incidents[k].victims:
            anchor = doc[m.token]
            # Whether the victim was hit is read off the trigger and its verb, not the whole sentence
            # ("X was hit by an attack believed to be Russian" is a certain hit, a hedged culprit).
            verb = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.dep_ in ("agent", "prep") else anchor.head
            # "has not been hurt by the attack": the verb an attack noun hangs on through "by" governs it too
            anchors = [anchor] + [c for c in verb.children if c.dep_ in ("aux", "advmod", "neg")
                                  and c.i != anchor.i] if anchor.pos_ != "VERB" else [anchor]
            status, cue = status_of(ctx.sents[m.sent], anchors, narrow=True)
            claims.append(_claim(ctx, cleaned, Found(("i", k), "TARGETED", ("e", m.victim), [anchor], "target", 0.85),
                                 status, cue, m.sent))
            if m.owner is not None:
                claims.append(_claim(ctx, cleaned, Found(("i", k), "TARGETED", ("e", m.owner), [anchor],
                                                         "target-owner", 0.6), status, cue, m.sent))
            for other in m.also:
                claims.append(_claim(ctx, cleaned, Found(("i", k), "TARGETED", ("e", other), [anchor],
                                                         "target-listed", 0.7), status, cue, m.sent))
    for n, sent in enumerate(ctx.sents):
        # "In 2013, Chinese hackers were using ...": a scene set apart by its own year speaks of no attack of the
        # story's unless it names one
        story = None if main is not None and not by_sentence.get(n) and _another_year(ctx, n, incidents[main].year) \
            else main
        view = SentenceView(ctx, n, sent, by_sentence.get(n, {}), story, victims)
        found = apply(view)
        found += leaked(view, ctx.sents[n + 1] if n + 1 < len(ctx.sents) else None)
        source = source_of(sent, ctx.refer)[0] if found else None  # only claims use it
        for f in found:
            if not _valid(ctx, f, incidents):
                continue
            said_by = f.source if f.source is not None else source
            if f.status is not None:
                status, cue = f.status, f.cue
            else:
                # An actor saying it did it ("ALPHV said it was behind the attack") is the actor's own claim.
                own = f.predicate == "ATTRIBUTED_TO" and said_by is not None and f.object == ("e", said_by) \
                    and ctx.type_of(said_by) == "ThreatActor"
                status, cue = status_of(sent, f.anchors, claimed=f.claimed or own, narrow=f.descriptive,
                                        attribution=f.predicate == "ATTRIBUTED_TO")
                cue = cue or f.cue
            if status == "denied":  # a denial is the denier's, never the reporter's ("X says ...; Y denies")
                said_by = _denier(ctx, sent, cue) or said_by
            claims.append(_claim(ctx, cleaned, f, status, cue, n, said_by))
    claims += _actors_in_story(ctx, cleaned, claims, by_sentence, main,
                               incidents[main].year if main is not None else None)
    _credit_outlet(ctx, article, cleaned, claims)
    return DocResult(article, ctx.clusters, incidents, _calibrated(_dedupe(claims), rule_precision()))


# A rule measured right less often than this makes no attribution unless another rule says the same.
WEAK_RULE = 0.5


def _calibrated(claims: list[LocalClaim], precision: dict[str, float]) -> list[LocalClaim]:
    """Claims with their rule's measured precision as confidence (the rule's own constant where it was never
    measured); an attribution only weak rules make, with no other rule saying the same in the article, goes."""
    if not precision:
        return claims
    for claim in claims:
        claim.confidence = precision.get(claim.rule, claim.confidence)
    strong = {(c.subject, c.object) for c in claims if c.predicate == "ATTRIBUTED_TO" and c.confidence >= WEAK_RULE}
    return [c for c in claims if c.predicate != "ATTRIBUTED_TO" or c.confidence >= WEAK_RULE
            or (c.subject, c.object) in strong]


def _denier(ctx: DocContext, sent, cue: str | None) -> int | None:
    """Who denies: the subject of the denial verb `cue` in the sentence."""
    for token in sent:
        if token.text == cue and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ == "nsubj" and (cluster := ctx.refer(child)) is not None:
                    return cluster
    return None


def _credit_outlet(ctx: DocContext, article: dict, cleaned: Cleaned, claims: list[LocalClaim]) -> None:
    """The outlet that publishes an article (its `source`, or the agency in its dateline) is who says
    whatever it attributes without naming anyone else: it becomes an entity and the claims' source."""
    name = article.get("source") or cleaned.outlet
    if not name:
        return
    article["source"] = name
    key = alias_key(name)
    outlet = next((n for n, c in enumerate(ctx.clusters) if key in c.strong_keys), None)
    if outlet is None:
        ctx.clusters.append(Cluster(name, "Organization", [], [name], [key], kind="news outlet"))
        outlet = len(ctx.clusters) - 1
    for claim in claims:
        if claim.predicate == "ATTRIBUTED_TO" and claim.source is None and claim.status != "claimed":
            claim.source = outlet


_STORY_WORDS = {"network", "networks", "systems", "intrusion", "breach", "attack", "hack", "hackers", "behind",
                "responsible", "found", "inside", "compromised", "stole"}


# Finders whose ThreatActor type rests on the text's own words ("a group calling itself X", "the X gang").
_STRONG_ACTOR_RULES = {"named-actor", "hacked-by", "hashtag", "actor-code", "gang-name", "attack-alias", "actor-example",
                       "actor-apposition"}


# Finders by which the story itself introduces an actor ("a group known as X", "another group, X,").
_INTRODUCED = {"named-actor", "actor-apposition", "actor-example", "hacked-by"}


def _actors_in_story(ctx: DocContext, cleaned: Cleaned, claims: list[LocalClaim], by_sentence, main,
                     main_year: int | None = None) -> list[LocalClaim]:
    """A threat actor that a story about an attack names, in a sentence about the intrusion, with no rule
    tying it to the attack ("found two groups in the network: one it calls Cozy Bear"): a suspect."""
    if main is None:
        return []
    tied = {c.object for c in claims if c.predicate == "ATTRIBUTED_TO"}
    known = set()  # one ATT&CK group by all its names: "Grey Heron, also called Night Owls or Team Kestrel"
    out = []
    for n, cluster in enumerate(ctx.clusters):
        if cluster.type != "ThreatActor" or ("e", n) in tied:
            continue
        if cluster.kb and (cluster.kb["id"] in known or any(
                ctx.clusters[o[1]].kb and ctx.clusters[o[1]].kb["id"] == cluster.kb["id"] for o in tied if o[0] == "e")):
            continue
        introduced = any(ctx.mentions[m].rule in _INTRODUCED for m in cluster.mentions)
        if not cluster.kb and not introduced and not any(ctx.mentions[m].rule in _STRONG_ACTOR_RULES
                                                         for m in cluster.mentions):
            continue  # typed from a guess (a mixed-case word), not from what the text says it is
        for m in cluster.mentions:
            sent_index = ctx.mentions[m].sent
            sent = ctx.sents[sent_index]
            # a group the story itself introduces ("a group known as X") is one of its actors wherever it is
            # named; a known group (ATT&CK) only where the sentence is about the intrusion (not background)
            anchor = ctx.doc[ctx.mentions[m].token]
            if _another_year(ctx, sent_index, main_year):
                continue  # "In January 2016, police arrested members of X": another, earlier story
            if _compared(anchor):
                continue  # "groups like X", "a technique previously used by X": another story, for comparison
            if introduced or sent_index in by_sentence or not ctx.sentence_words(sent_index).lowers.isdisjoint(
                    _STORY_WORDS):
                incident = next(iter(by_sentence.get(sent_index, {}).values()), main)
                anchor = ctx.doc[ctx.mentions[m].token]
                found = Found(("i", incident), "ATTRIBUTED_TO", ("e", n), [anchor], "attr-actor-in-story", 0.4,
                              status="suspected", cue="named in the story")
                out.append(_claim(ctx, cleaned, found, "suspected", found.cue, sent_index))
                if cluster.kb:
                    known.add(cluster.kb["id"])
                break
    return out


def _another_year(ctx: DocContext, sent: int, story_year: int | None) -> bool:
    """The sentence is fronted by a year that is not the story's: "In 2013, ..." in a 2017 story."""
    year, fronted = ctx.dated(sent)
    return fronted and year is not None and story_year not in (None, year)


def _compared(token) -> bool:
    """An actor named for comparison: "groups like X", "less capable than X", "code previously used by X",
    "similar to X"."""
    if any(a.lower_ in ("like", "than") and a.dep_ == "prep" for a in token.ancestors):
        return True
    words = {t.lower_ for t in token.sent}
    return bool(words & {"similar", "similarity", "similarities", "resembles", "resemble", "reminiscent"}) or {
        "previously", "used"} <= words


def _year(published: str | None) -> int | None:
    if published and len(published) >= 4 and published[:4].isdigit():
        return int(published[:4])
    return None


def _valid(ctx: DocContext, f: Found, incidents: list[LocalIncident]) -> bool:
    if None in (f.subject[1], f.object[1]) or f.subject == f.object:
        return False
    if f.predicate not in DESCRIPTIVE and any(ctx.in_fiction(a) for a in f.anchors):
        return False
    if f.predicate == "ATTRIBUTED_TO" and f.object[0] == "e":
        incident = incidents[f.subject[1]]
        if f.object[1] in incident.victims:
            return False
    return True


def _claim(ctx: DocContext, cleaned: Cleaned, f: Found, status: str, cue: str | None, sent: int,
           source: int | None = None) -> LocalClaim:
    span = ctx.sents[sent]
    start, end = cleaned.origin_span(span.start_char, span.end_char)
    if source is not None and ("e", source) in (f.subject, f.object):
        source = None if status not in ("denied", "claimed") else source
    return LocalClaim(f.subject, f.predicate, f.object, status, cue, source, ctx.sentence_text(sent), start, end, f.rule,
                      f.confidence)


def _dedupe(claims: list[LocalClaim]) -> list[LocalClaim]:
    seen = set()
    out = []
    for c in claims:
        key = (c.subject, c.predicate, c.object, c.start, c.status)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
