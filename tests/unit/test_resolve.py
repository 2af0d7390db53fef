from __future__ import annotations

import pytest

from kg.keys import alias_key, initials
from kg.resolve.unionfind import UnionFind


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
