"""The knowledge kg ships in kg/data, read once: countries (with demonyms and capitals) and MITRE ATT&CK
groups and software, looked up by alias key (the gazetteer); each rule's measured precision. See
tools/build_kb.py for where the knowledge files come from. Below every stage: nlp finds names with it,
resolve links the ATT&CK groups.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.keys import alias_key


def rule_precision() -> dict[str, float]:
    """Each rule's measured precision (kg/data/rule_precision.json, written by `kg eval --calibrate`), or
    another table named by KG_RULE_PRECISION (a path), or none at all with KG_RULE_PRECISION=off."""
    return _precision_table(os.environ.get("KG_RULE_PRECISION", ""))


@lru_cache(maxsize=4)
def _precision_table(where: str) -> dict[str, float]:
    if where == "off":
        return {}
    if where:
        data = json.loads(Path(where).read_text(encoding="utf-8"))
    else:
        data = _data("rule_precision.json") or {"rules": {}}
    return {rule: row["precision"] for rule, row in data["rules"].items()}


def _data(name: str) -> dict | None:
    resource = resources.files("kg.data").joinpath(name)
    if not resource.is_file():
        return None
    return json.loads(resource.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Country:
    name: str
    iso2: str
    forms: tuple[str, ...]  # every surface form: name, aliases, demonyms, capitals
    capitals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    aliases: tuple[str, ...]
    url: str | None


@dataclass(frozen=True)
class Software:
    id: str
    name: str
    kind: str  # "malware" or "tool", as ATT&CK classes it
    aliases: tuple[str, ...]
    url: str | None


class Gazetteer:
    """Countries (with demonyms and capitals), MITRE ATT&CK groups and software, looked up by alias key."""

    def __init__(self, countries: list[Country], groups: list[Group], ambiguous: set[str], sources: dict,
                 software: list[Software] = (), ambiguous_software: set[str] = frozenset()):
        self.countries = countries
        self.groups = groups
        self.ambiguous_aliases = ambiguous
        self.ambiguous_software = ambiguous_software
        self.sources = sources
        self.software_by_key: dict[str, Software] = {}
        for item in software:
            for alias in item.aliases:
                self.software_by_key.setdefault(alias_key(alias), item)
        self.country_by_key: dict[str, Country] = {}
        self.capital_keys = {alias_key(c) for country in countries for c in country.capitals}
        for country in countries:
            for form in country.forms:
                self.country_by_key.setdefault(alias_key(form), country)
        self.group_by_key: dict[str, Group] = {}
        for group in groups:
            for alias in group.aliases:
                self.group_by_key.setdefault(alias_key(alias), group)
                # "Sandworm Team", "Lazarus Group": news drops the generic last word.
                words = alias.split()
                if len(words) > 1 and words[-1] in ("Team", "Group") and "(" not in alias:
                    self.group_by_key.setdefault(alias_key(" ".join(words[:-1])), group)

    def country(self, text: str) -> Country | None:
        return self.country_by_key.get(alias_key(text))

    def group(self, text: str) -> Group | None:
        return self.group_by_key.get(alias_key(text))

    def malware(self, text: str) -> Software | None:
        """ATT&CK malware by any alias (its tools, e.g. "PsExec" or "Net", are not malware)."""
        found = self.software_by_key.get(alias_key(text))
        return found if found is not None and found.kind == "malware" else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    countries: list[Country] = []
    groups: list[Group] = []
    ambiguous: set[str] = set()
    sources: dict = {}
    country_data = _data("countries.json")
    if country_data:
        sources["countries"] = country_data.get("source")
        for row in country_data["countries"]:
            forms = [row["name"], *row.get("aliases", []), *row.get("demonyms", []), *row.get("capitals", [])]
            countries.append(Country(row["name"], row.get("iso2", ""), tuple(f for f in forms if f),
                                     tuple(row.get("capitals", []))))
    group_data = _data("attack_groups.json")
    if group_data:
        sources["groups"] = group_data.get("source")
        ambiguous = {a.lower() for a in group_data.get("ambiguous_aliases", [])}
        for row in group_data["groups"]:
            aliases = tuple(dict.fromkeys([row["name"], *row.get("aliases", [])]))
            groups.append(Group(row["id"], row["name"], aliases, row.get("url")))
    software: list[Software] = []
    ambiguous_software: set[str] = set()
    software_data = _data("attack_software.json")
    if software_data:
        sources["software"] = software_data.get("source")
        ambiguous_software = {a.lower() for a in software_data.get("ambiguous_aliases", [])}
        software = [Software(row["id"], row["name"], row["kind"], tuple(row["aliases"]), row.get("url"))
                    for row in software_data["software"]]
    return Gazetteer(countries, groups, ambiguous, sources, software, ambiguous_software)
