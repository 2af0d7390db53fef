"""Relation rules over the dependency parse; each has an id, kept on every claim it makes."""

from kg.nlp.rules.attribution import (
    attribution_actor_acts, attribution_actor_phrase, attribution_agent, attribution_charged, attribution_attackers, attribution_blame, attribution_claim,
    attribution_hacked_by, attribution_linked, attribution_responsible,
)
from kg.nlp.rules.base import DESCRIPTIVE, Found, SentenceView
from kg.nlp.rules.malware import used
from kg.nlp.rules.facts import appears_in, denounced, executive, executive_apposition, leader, produced, subsidiary
from kg.nlp.rules.response import hired, investigates, leaked, motive, works_with

RULES = (attribution_agent, attribution_attackers, attribution_actor_phrase, attribution_linked, attribution_hacked_by,
         attribution_responsible, attribution_claim, attribution_blame, attribution_charged, attribution_actor_acts, motive, hired, investigates, subsidiary, leader,
         executive, executive_apposition, denounced, produced, appears_in, used, works_with)

__all__ = ["DESCRIPTIVE", "RULES", "Found", "SentenceView", "leaked"]
