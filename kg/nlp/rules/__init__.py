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
    by_lower, by_lemma, by_dep, always, bodies = _triggers(view.ctx.lexicon)
    # The rules whose trigger holds, from the sentence's few trigger words (most sentences have none).
    opened = set(always)
    for index, part in ((by_lower, words.lowers), (by_lemma, words.lemmas), (by_dep, words.deps)):
        for word in part & index.keys():
            opened.update(index[word])
    found: list[Found] = []
    for k in sorted(opened):
        found += bodies[k](view)
    return found


def _triggers(lex) -> tuple[dict[str, set[int]], dict[str, set[int]], dict[str, set[int]], set[int], list]:
    """Which rules (by place in RULES) each trigger word opens, as lower-case form, lemma and dependency
    label, in this lexicon; the rules without a trigger, which every sentence opens; and each rule's body
    (a gated rule's test is made here, so its body runs without it)."""
    def make():
        indexes: tuple[dict[str, set[int]], ...] = ({}, {}, {})
        always = set()
        for k, rule in enumerate(RULES):
            if not hasattr(rule, "trigger"):
                always.add(k)
                continue
            for index, trigger_words in zip(indexes, rule.trigger(lex)):
                for word in trigger_words:
                    index.setdefault(word, set()).add(k)
        return (*indexes, always, [getattr(rule, "__wrapped__", rule) for rule in RULES])
    return lex.memo("rule_triggers", make)


__all__ = ["DESCRIPTIVE", "RULES", "Found", "SentenceView", "apply", "leaked"]
