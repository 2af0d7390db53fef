"""`SentenceView.tokens_with`: the words a rule acts on, read off the Doc's word lists."""

from __future__ import annotations

from kg.nlp.context import DocContext
from kg.nlp.rules.base import SentenceView


def test_sentence_view_tokens_with_is_a_filter_of_its_sentence(nlp):
    doc = nlp("Acme Bank said hackers breached its network.\nThe FBI is investigating the Breach, and Acme "
              "hired Quillmark to investigate.")
    ctx = DocContext(doc)
    lowers, lemmas, deps = frozenset({"breach", "fbi"}), frozenset({"investigate", "hire"}), frozenset({"dobj"})
    for n, sent in enumerate(ctx.sents):
        view = SentenceView(ctx, n, sent)
        want = [t for t in sent if t.lower_ in lowers or t.lemma_.lower() in lemmas or t.dep_ in deps]
        got = view.tokens_with(lowers=lowers, lemmas=lemmas, deps=deps)
        assert [t.i for t in got] == [t.i for t in want]
    second = SentenceView(ctx, 1, ctx.sents[1])
    # a lemma matches whatever the form ("investigating", "investigate"); a lower-case form whatever the case
    assert [t.text for t in second.tokens_with(lemmas=lemmas)] == ["investigating", "hired", "investigate"]
    assert [t.text for t in second.tokens_with(lowers=lowers)] == ["FBI", "Breach"]
    assert second.tokens_with() == []
