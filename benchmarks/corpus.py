"""A deterministic corpus of invented cyber-attack news, for benchmarks.

`articles(n, seed)` yields `n` news-style articles (dicts in kg's `.jsonl` shape: id, title, published,
source, text) about invented incidents: victims, gangs, state sponsors, responders, agencies and outlets
are made up from syllables, and only the countries are real (kg resolves them with its gazetteer). The
sentences mix the shapes the extractor handles: asserted, hedged and negated attribution, claims of
responsibility, denials, sources ("according to ..."), hired responders, investigations, executives and
leaders. Several articles report the same incident, so cross-article resolution has work to do.

The same (n, seed) always gives the same articles, byte for byte.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from kg.chunks import chunks

_ONSET = ["Var", "Tel", "Mon", "Kor", "Zen", "Bri", "Lum", "Ost", "Quin", "Dra", "Fen", "Hal", "Cor", "Nex", "Pal",
          "Ryn", "Sol", "Tav", "Ul", "Vey", "Wex", "Yar", "Ald", "Bel", "Cas", "Dor", "Elm", "Gar", "Hux", "Ith"]
_CODA = ["ton", "ix", "ara", "en", "ova", "is", "ar", "um", "eth", "ia", "ex", "wick", "mere", "dale", "vik"]
_SECTORS = ["Bank", "Pipeline", "Health", "Energy", "Airlines", "Logistics", "Telecom", "Motors", "Insurance",
            "Hospital", "University", "Water", "Media", "Foods", "Shipping", "Pharmaceuticals"]
_SERVICES = ["its billing system", "online banking", "its fuel deliveries", "patient records", "email and payroll",
             "its booking website", "customer accounts", "its payment network", "its production lines",
             "its container terminals"]
_FIRM_SUFFIX = ["Security", "Labs", "Technologies", "Cyber Defense", "Forensics"]
_OUTLET = ["{} Times", "{} Post", "{} Journal", "{} News", "{} Herald", "{} Tribune"]
_GANG_ADJ = ["Night", "Crimson", "Silent", "Iron", "Hollow", "Black", "Frozen", "Velvet", "Rusty", "Grey", "Cobalt",
             "Scarlet", "Phantom", "Lunar", "Obsidian", "Ashen", "Bitter", "Copper"]
_GANG_NOUN = ["Owls", "Jackals", "Lynx", "Spiders", "Ravens", "Vipers", "Wolves", "Hornets", "Mantis", "Foxes",
              "Herons", "Badgers", "Cobras", "Moths", "Falcons"]
_FIRST = ["Maria", "James", "Lena", "Tomas", "Priya", "Omar", "Ingrid", "Daniel", "Sofia", "Kenji", "Amara",
          "Lucas", "Hanna", "Mateo", "Nadia", "Victor", "Elena", "Samuel", "Irene", "Paul"]
_COUNTRIES = [("Iran", "Iranian"), ("Russia", "Russian"), ("China", "Chinese"), ("North Korea", "North Korean"),
              ("Belarus", "Belarusian"), ("Vietnam", "Vietnamese"), ("Syria", "Syrian"), ("Pakistan", "Pakistani"),
              ("Venezuela", "Venezuelan"), ("Turkey", "Turkish"), ("Brazil", "Brazilian"), ("Nigeria", "Nigerian")]
_AGENCIES = ["FBI", "CISA", "Europol", "the National Cyber Security Centre", "the Department of Justice"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_FILLER = [
    "Customers were told to reset their passwords and to watch for suspicious emails in the coming weeks.",
    "The company said it had restored most of its systems from backups and expected full service within days.",
    "Experts warned that attacks on critical infrastructure have grown more frequent and more costly over the past year.",
    "Regulators said they would review the company's security practices once the systems were back online.",
    "Staff worked through the weekend with pen and paper while engineers rebuilt the affected servers.",
    "Shares in the company fell sharply in early trading before recovering some of their losses by the close.",
    "Insurance analysts said the incident would add to pressure on premiums across the sector this year.",
    "Lawmakers called for a hearing and asked the company to explain how long the intruders had been inside.",
    "A spokesperson declined to say whether any ransom had been demanded or paid.",
    "The disruption left thousands of people unable to reach the services they rely on every day.",
    "Security researchers have long warned that older systems in the sector are hard to patch and easy to exploit.",
    "Officials urged other organisations in the region to check their networks for signs of the same intrusion.",
    "Internal documents and employee records later appeared on a file-sharing site, according to people who saw them.",
    "Backup copies stored offline allowed the company to avoid the worst of the damage, engineers said.",
]


def _word(rng: random.Random) -> str:
    return rng.choice(_ONSET) + rng.choice(_CODA)


@dataclass(frozen=True)
class Incident:
    victim: str
    year: int
    service: str
    actor: str | None
    country: tuple[str, str] | None
    responder: str
    agency: str
    executive: str
    leader: str | None


class _Names:
    """Unique invented names of one kind (a name is never reused for another thing)."""

    def __init__(self, rng: random.Random, used: set[str]):
        self.rng, self.used = rng, used

    def make(self, build) -> str:
        while True:
            name = build(self.rng)
            if name not in self.used:
                self.used.add(name)
                return name


def _world(n: int, rng: random.Random):
    names = _Names(rng, set())
    victims = [names.make(lambda r: f"{_word(r)} {r.choice(_SECTORS)}") for _ in range(max(4, n // 3))]
    actors = [names.make(lambda r: f"{r.choice(_GANG_ADJ)} {r.choice(_GANG_NOUN)}") for _ in range(max(3, min(n // 15, 250)))]
    firms = [names.make(lambda r: f"{_word(r)} {r.choice(_FIRM_SUFFIX)}") for _ in range(max(3, n // 40))]
    outlets = [names.make(lambda r: r.choice(_OUTLET).format(_word(r))) for _ in range(max(3, n // 60))]
    people = [names.make(lambda r: f"{r.choice(_FIRST)} {_word(r)}") for _ in range(max(4, n // 3))]
    leaders = {country: names.make(lambda r: f"{r.choice(_FIRST)} {_word(r)}") for country, _ in _COUNTRIES}
    return victims, actors, firms, outlets, people, leaders


def _incidents(n: int, rng: random.Random) -> tuple[list[Incident], list[str]]:
    victims, actors, firms, outlets, people, leaders = _world(n, rng)
    out = []
    for k, victim in enumerate(victims):
        country = rng.choice(_COUNTRIES) if rng.random() < 0.6 else None
        out.append(Incident(
            victim=victim, year=rng.randint(2014, 2025), service=rng.choice(_SERVICES),
            actor=rng.choice(actors) if rng.random() < 0.8 else None, country=country,
            responder=rng.choice(firms), agency=rng.choice(_AGENCIES), executive=people[k % len(people)],
            leader=leaders[country[0]] if country else None,
        ))
    return out, outlets


def _sentences(inc: Incident, outlet: str, rng: random.Random, follow_up: bool) -> list[str]:
    day = rng.choice(_WEEKDAYS)
    v, s = inc.victim, inc.service
    lead = rng.choice([
        f"{v} said on {day} that hackers had breached its computer systems, disrupting {s} for thousands of customers.",
        f"A ransomware attack on {v} has shut down {s}, the company said on {day}.",
        f"{v} was hit by a cyber attack that knocked {s} offline, officials said on {day}.",
    ])
    out = [lead]
    if inc.actor:
        out.append(rng.choice([
            f"A group that calls itself “{inc.actor}” claimed responsibility for the attack in a post on its leak site.",
            f"The {inc.actor} ransomware gang took credit for the breach on its dark-web blog.",
        ]))
    if inc.country:
        country, demonym = inc.country
        out.append(rng.choice([
            f"Investigators are examining whether hackers working for {country} might be responsible for the attack, "
            f"according to {outlet}.",
            f"Security researchers said the malware bore hallmarks of tools previously linked to {country}, "
            f"{outlet} reported.",
        ]))
        if follow_up:
            out.append(f"The {inc.agency} said on {day} that the {demonym} government was responsible for the attack on {v}."
                       if inc.agency == "FBI" else f"{inc.agency} officials blamed {country} for the intrusion.")
        out.append(rng.choice([
            f"{country} denied any involvement in the attack.",
            f"{country}'s foreign ministry rejected the accusation as groundless.",
        ]))
        if inc.leader and rng.random() < 0.5:
            out.append(f"{demonym} President {inc.leader} dismissed the report on {rng.choice(_WEEKDAYS)}.")
    elif rng.random() < 0.5:
        out.append(f"{inc.responder} said there was no evidence that a foreign government was involved.")
    out.append(rng.choice([
        f"{v} has hired {inc.responder} to investigate the breach and restore its systems.",
        f"{v} brought in the security firm {inc.responder} to help contain the intrusion.",
    ]))
    out.append(f"The {inc.agency} is investigating the attack." if not inc.agency.startswith("the ")
               else f"{inc.agency[0].upper()}{inc.agency[1:]} is investigating the attack.")
    out.append(f"{inc.executive}, the chief executive of {v}, told {outlet} that no customer money had been lost.")
    return out


def articles(n: int, seed: int = 7) -> Iterator[dict]:
    """`n` articles, each a dict with id, title, published, source and text; same (n, seed) -> same articles."""
    rng = random.Random(f"kg-bench:{seed}:{n}")
    incidents, outlets = _incidents(n, rng)
    for number in range(n):
        inc = incidents[rng.randrange(len(incidents))] if number >= len(incidents) else incidents[number]
        outlet = rng.choice(outlets)
        follow_up = number >= len(incidents) or rng.random() < 0.3
        body = _sentences(inc, outlet, rng, follow_up)
        filler = rng.sample(_FILLER, k=rng.randint(8, 13))
        for sentence in filler:  # filler goes between the facts, as in real reports
            body.insert(rng.randint(1, len(body)), sentence)
        paragraphs = [" ".join(pair) for pair in chunks(body, 2)]
        title = (f"{inc.victim} investigates cyber attack" if not follow_up
                 else f"Update: who was behind the attack on {inc.victim}?")
        month = rng.randint(1, 12)
        yield {
            "id": f"bench-{seed}-{number:07d}",
            "title": title,
            "published": f"{inc.year}-{month:02d}-{rng.randint(1, 28):02d}",
            "source": outlet,
            "text": title + "\n\n" + "\n\n".join(paragraphs) + "\n",
        }


def write(n: int, path: Path, seed: int = 7) -> Path:
    """Write `n` articles as one .jsonl file (kg's batch input format) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        for article in articles(n, seed):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path
