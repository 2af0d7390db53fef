from __future__ import annotations

import pytest
import spacy

from kg.keys import LEGAL_SUFFIXES, alias_key, initials
from kg.models import Mention
from kg.nlp.kinds import kind_votes
from kg.unionfind import UnionFind


def test_unionfind_merges_chains_transitively():
    uf = UnionFind()
    uf.union("a", "b")
    uf.union("c", "d")
    uf.union("b", "c")
    assert sorted(map(sorted, uf.groups())) == [["a", "b", "c", "d"]]


def test_unionfind_keeps_unlinked_apart():
    uf = UnionFind(["x", "y"])
    uf.union("x", "z")
    assert sorted(map(sorted, uf.groups())) == [["x", "z"], ["y"]]


@pytest.mark.parametrize("a, b", [
    ("#LockBit", "LockBit"), ("Kim Jong-Un", "Kim Jong Un"), ("Colonial Pipeline's", "Colonial Pipeline"),
    ("The Equifax", "Equifax"), ("U.S.", "US"), ("SolarWinds Corp.", "SolarWinds"), ("Café Group", "Cafe Group"),
])
def test_keys_alias_forms_meet(a, b):
    assert alias_key(a) == alias_key(b)


@pytest.mark.parametrize("a, b", [("Sony Corporation", "Sony"), ("Fancy Bear", "Cozy Bear"), ("The Interview", "Interview Day")])
def test_keys_different_names_stay_apart(a, b):
    assert alias_key(a) != alias_key(b)


def test_keys_initials_cover_acronyms():
    assert "dnc" in initials("Democratic National Committee")
    assert "gop" in initials("Guardians of Peace") or "gp" in initials("Guardians of Peace")


@pytest.mark.parametrize("suffix", sorted(LEGAL_SUFFIXES))
def test_keys_every_legal_form_of_the_data_file_is_dropped_and_makes_a_company(suffix):
    """kg/data/legal_suffixes.json is the one list: the alias key drops each form, and the organisation-kind
    votes count each as a company's."""
    name = f"Acme {suffix.capitalize()}."
    assert alias_key(name) == "acme"
    doc = spacy.blank("en")(f"{name} said so.")
    said = next(t.i for t in doc if t.text == "said")
    mention = Mention(name, "Organization", 0, len(name), 0, 0, said)
    assert kind_votes(doc, mention)["company"] >= 1


def _clusters_of(*names: str) -> list[list[str]]:
    from kg.nlp.clusters import resolve_mentions
    from kg.nlp.lexicon import load_lexicon

    mentions = [Mention(n, "Organization", 10 * k, 10 * k + len(n), k, k, k + 1) for k, n in enumerate(names)]
    clusters, _ = resolve_mentions(mentions, load_lexicon())
    return sorted(sorted(c.aliases) for c in clusters)


def test_clusters_a_body_named_with_its_country_is_the_same_body_without_it():
    """'the U.S. Marshals Service' ... 'the Marshals Service'; the bare name is weak (another article's may be
    another country's), so the cluster keeps the full one as its name."""
    assert _clusters_of("U.S. Marshals Service", "Marshals Service", "Acme") == [
        ["Acme"], ["Marshals Service", "U.S. Marshals Service"]]
    assert _clusters_of("Department of Fisheries", "Fisheries Department") == [
        ["Department of Fisheries", "Fisheries Department"]]
    assert _clusters_of("Ruritanian Fisheries Department", "Fisheries Office") == [
        ["Fisheries Office"], ["Ruritanian Fisheries Department"]]


def test_a_name_is_a_place_only_when_the_model_says_so_more_often_than_person():
    from spacy.tokens import Doc, Span

    from kg.nlp.entities import _places

    words = "Karen Mills met Mills in Riverton ; Mills and Riverton , Riverton".split()
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 4, "GPE"), Span(doc, 5, 6, "GPE"), Span(doc, 7, 8, "PERSON"),
                Span(doc, 9, 10, "PERSON"), Span(doc, 11, 12, "GPE")]
    # "Mills": once a place, once a person (and a full name's surname) -> no place; "Riverton": twice a place
    assert _places(doc) == {"riverton"}
