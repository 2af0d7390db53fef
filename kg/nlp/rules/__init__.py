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



def apply(view: SentenceView) -> list[Found]:
    """What the rules find in the view's sentence, rule by rule in RULES order. A rule with a trigger
    (`triggered_by`) is called only when the sentence has one of its words."""
    words = view.ctx.sentence_words(view.index)
    found: list[Found] = []
    for rule, (lowers, lemmas, deps) in _triggers(view.ctx.lexicon):
        if lowers is None or not (words.lowers.isdisjoint(lowers) and words.lemmas.isdisjoint(lemmas)
                                  and words.deps.isdisjoint(deps)):
            found += rule(view)
    return found


def _triggers(lex) -> list[tuple]:
    """Each rule's body with its trigger's words in this lexicon ((None, None, None): no trigger)."""
    return lex.memo("rule_triggers", lambda: [
        (rule.__wrapped__, rule.trigger(lex)) if hasattr(rule, "trigger") else (rule, (None, None, None))
        for rule in RULES])


__all__ = ["DESCRIPTIVE", "RULES", "Found", "SentenceView", "apply", "leaked"]
