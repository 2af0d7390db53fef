"""The data that flows between stages. The JSON shape of `kg extract` is `Graph.to_json()`."""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import asdict, dataclass, field

from kg import EXTRACTOR_VERSION, JSON_SCHEMA_VERSION

ENTITY_TYPES = ("Organization", "ThreatActor", "Country", "Person", "Film", "Product", "Malware")
# The relation vocabulary of ../shared/gold/seeds.json, plus the evidence edge ACCORDING_TO.
PREDICATES = (
    "TARGETED", "ATTRIBUTED_TO", "MOTIVATED_BY", "RESPONDED_TO", "HIRED", "INVESTIGATES", "SUBSIDIARY_OF",
    "LEADER_OF", "DENOUNCED", "PRODUCED", "APPEARS_IN", "EXECUTIVE_OF", "LEAKED",
    # Malicious software an incident or an actor used (incident -> Malware, ThreatActor/Country -> Malware).
    "USED",
)
# Strongest first: aggregated edges take the strongest status present.
STATUSES = ("asserted", "claimed", "suspected", "denied", "negated")
# Types in one group may name one entity (a ThreatActor one article calls an Organization); the group is the
# prefix of an entity's id ("org:acme").
GROUP_OF_TYPE = {"Organization": "org", "ThreatActor": "org", "Product": "org", "Person": "person",
                 "Film": "work", "Country": "country", "Malware": "malware"}


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on its parts (so re-runs MERGE onto the same node)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}:{digest}"


@dataclass
class Article:
    """One news article as read, before cleaning."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    path: str | None = None
    html: bool = False
    notes: list[str] = field(default_factory=list)  # what reading it changed, e.g. invalid UTF-8 replaced
    pages: list[int] | None = None  # paged documents (PDF): the offset in `text` where each page starts

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    def record(self) -> dict:
        out = {
            "id": self.id, "title": self.title, "url": self.url, "source": self.source,
            "published": self.published, "path": self.path, "sha256": self.sha256,
        }
        if self.pages is not None:
            out["pages"] = self.pages
        return out


def page_of(pages: list[int] | None, offset: int) -> int | None:
    """The page (1-based) of a character offset, given where each page starts; None for unpaged text."""
    if not pages:
        return None
    return max(1, bisect.bisect_right(pages, offset))


@dataclass
class Mention:
    """One entity mention in an article's cleaned text, as kg's spaCy components typed it."""

    text: str
    type: str
    start: int  # char offsets in the cleaned text
    end: int
    sent: int
    token: int  # first token index
    token_end: int
    rule: str | None = None  # the finder that typed it (kg/nlp/finders.py), e.g. "named-actor"


@dataclass
class Cluster:
    """The mentions of one real-world entity within one article (kg.nlp.clusters), with the keys by which
    kg.resolve.merge links it to the clusters of other articles."""

    name: str
    type: str
    mentions: list[int]
    aliases: list[str]
    strong_keys: list[str]
    weak_keys: list[str] = field(default_factory=list)
    kb: dict | None = None
    acronyms: list[str] = field(default_factory=list)  # of its long names: "CISA" for "Cybersecurity and ..."
    kind: str | None = None  # organisations: company, security firm, government agency, news outlet, platform


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    kb: dict | None = None  # e.g. {"source": "MITRE ATT&CK", "id": "G0032", "name": "Lazarus Group"}
    kind: str | None = None  # organisations only: company, security firm, government agency, news outlet, platform
    # article id -> the names that article uses; stored on its MENTIONS edge, so that forgetting or
    # re-extracting one article can recompute the aliases the others give (not part of the JSON shape).
    names_in: dict[str, list[str]] = field(default_factory=dict, repr=False)
    # the summed votes its type, name and aliases are decided by (JSON, kept on the node for later runs)
    evidence: str | None = field(default=None, repr=False)

    def record(self) -> dict:
        out = {"id": self.id, "name": self.name, "type": self.type, "aliases": self.aliases, "articles": self.articles}
        if self.kind:
            out["kind"] = self.kind
        if self.kb:
            out["kb"] = self.kb
        return out


@dataclass
class Incident:
    id: str
    name: str
    victims: list[str]
    articles: list[str]
    date: str | None = None
    kind: str = "cyber attack"
    mentions: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # what the text calls the attack: "WannaCry"
    date_basis: str | None = None  # "text": an article says when; "published": an article's own date stands in
    date_source: dict | None = None  # the sentence that gave the date: {article, start, end, sentence}
    # what each article says of it (JSON, kept on the node so that later runs resolve to it; not in the JSON shape)
    evidence: str | None = field(default=None, repr=False)

    def record(self) -> dict:
        out = asdict(self)
        del out["evidence"]
        return out


@dataclass
class Claim:
    """One relation as one sentence of one article states it."""

    subject: str
    predicate: str
    object: str
    status: str
    article: str
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float
    cue: str | None = None
    according_to: str | None = None

    @property
    def id(self) -> str:
        return stable_id("c", self.article, self.subject, self.predicate, self.object, self.start, self.rule)

    def record(self) -> dict:
        return {"id": self.id, **asdict(self)}


@dataclass
class Graph:
    articles: list[dict] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)  # knowledge-base links, e.g. ALIAS_OF an ATT&CK group

    def to_json(self, model: str | None = None) -> dict:
        pages = {a["id"]: a["pages"] for a in self.articles if a.get("pages")}
        return {
            "schema_version": JSON_SCHEMA_VERSION,
            "extractor": {"name": "kg", "version": EXTRACTOR_VERSION, "model": model},
            "articles": self.articles,
            "entities": [e.record() for e in self.entities],
            "incidents": [i.record() for i in self.incidents],
            "claims": [_paged(c.record(), pages) for c in self.claims],
            "links": self.links,
        }


def _paged(claim: dict, pages: dict[str, list[int]]) -> dict:
    """A claim of a paged article also says the page its sentence starts on."""
    if claim["article"] in pages:
        claim["page"] = page_of(pages[claim["article"]], claim["start"])
    return claim

# ---- what one article's extraction hands to resolution (graph/ makes them, resolve/ and store/ read them) ----

Ref = tuple[str, int]  # ("e", cluster) or ("i", incident) within one article


@dataclass
class IncidentMention:
    token: int
    sent: int
    victim: int | None
    year: int | None
    owner: int | None = None  # the maker of a product victim: "Acme's GameNet service was broken into"
    fronted: bool = False  # the year leads the sentence: "In 2011, ..." (another, earlier event)
    label: str | None = None  # the attack's own name: "the WannaCry attack", "the NotPetya cyber attack"
    also: list[int] = field(default_factory=list)  # victims listed with the first: "hit A, B and C"


@dataclass
class LocalIncident:
    victims: list[int]
    year: int | None
    mentions: list[IncidentMention] = field(default_factory=list)
    date: str | None = None  # the most precise ISO date its mentions give ("2015-12-23"), else the year
    names: list[str] = field(default_factory=list)  # what the text calls the attack: "WannaCry"
    date_basis: str | None = None  # "text": the article says it; "published": the article's own date stands in
    date_sent: int | None = None  # the sentence whose attack word gave `date` (basis "text")
    date_source: dict | None = None  # that sentence as evidence: {article, start, end, sentence} (set by extract)


@dataclass
class LocalClaim:
    subject: Ref
    predicate: str
    object: Ref
    status: str
    cue: str | None
    source: int | None
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float


@dataclass
class DocResult:
    article: dict
    clusters: list[Cluster]
    incidents: list[LocalIncident]
    claims: list[LocalClaim] = field(default_factory=list)
