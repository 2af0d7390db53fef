"""kg's Neo4j Browser guide: one slide per canned query, generated from cypher/*.cypher so it never drifts.

Browser 5 shows it in its guide drawer: `:guide http://127.0.0.1:7480/guide.html` while `kg browser --serve`
runs (older Browsers: `:play` with the same URL). Each slide has a clickable `:params` line with the header's
example values and the query itself. Regenerate the committed copy with `python -m kg.browser.guide`.
"""

from __future__ import annotations

import json
import re
from html import escape

from kg.browser import GUIDE
from kg.store.cypher import Statement, canned, load
from kg.style import style_command

_EXAMPLE = re.compile(r"Example:\s*(.+?)\s*$")
# The questions an analyst asks first come first; queries not listed follow in name order.
ORDER = ("attribution", "involvement", "evidence", "accusations", "sources", "incidents", "timeline", "profile",
         "connections", "contradictions", "stats")


def example_params(statement: Statement) -> dict:
    """The statement's parameters filled with the examples its header gives (`… Example: Colonial Pipeline`)
    and the alias keys of the example names; optional ones without an example are null (Browser needs every
    $param set)."""
    params = {}
    for param in statement.inputs:
        match = _EXAMPLE.search(param.help)
        value = match.group(1) if match else ""
        if value or not param.optional:
            params[param.name] = json.loads(value) if value.startswith("[") else value
    return statement.values(params)


def _runnable(code: str) -> str:
    return f'<pre class="code runnable">{escape(code, quote=False)}</pre>'


def _slide(title: str, lead: str, *blocks: str) -> str:
    body = "\n".join(blocks)
    return f'<slide class="row-fluid">\n<div class="col-sm-12">\n<h3>{escape(title)}</h3>\n' \
           f'<p class="lead">{escape(lead)}</p>\n{body}\n</div>\n</slide>'


def _query_slide(statement: Statement) -> str:
    blocks = []
    params = example_params(statement)
    if params:
        change = "change the values" if not any(p.key_of for p in statement.params) else \
            "change a name and its <code>_key</code> together, as the first slide says"
        blocks.append(f"<p>Set the parameters (to ask about something else, {change}):</p>")
        blocks.append(_runnable(f":params {json.dumps(params, ensure_ascii=False)}"))
    blocks.append("<p>Then run the query:</p>")
    blocks.append(_runnable(statement.body))
    if statement.example:
        blocks.append(f"<p>From a terminal: <code>{escape(statement.example)}</code></p>")
    return _slide(statement.name, statement.description, *blocks)


def _place(statement: Statement) -> tuple[int, str]:
    return (ORDER.index(statement.name) if statement.name in ORDER else len(ORDER), statement.name)


def render() -> str:
    """The guide's HTML."""
    drawing = load("browser/attribution")
    slides = [
        _slide("kg: questions about cyber-attack news",
               "Every relation in this graph keeps its evidence: the article, the sentence, how certain the text is "
               "(asserted, claimed, suspected, denied, negated) and who said it.",
               "<p>kg's own server applies kg's colours and captions when you log in. On another server, "
               f'<a data-exec="{escape(style_command()[1:])}">click here to apply kg\'s style</a>.</p>',
               "<p>The next slides run kg's canned questions. Click a block to put it in the editor, then run it.</p>",
               "<p>A question about a name takes the name and its alias key, the form kg finds every spelling by "
               "(<code>target</code> and <code>target_key</code>): kg's commands compute the key, Browser cannot, so "
               "give both. The key is the name in lower case, accents and punctuation folded to plain letters and "
               "spaces, without a leading “the”, a possessive “'s” or a legal form such as Inc or Ltd "
               "(“The Acme Co.'s” is <code>acme</code>); <code>kg query NAME --explain</code> prints the keys it "
               "used.</p>"),
        *(_query_slide(statement) for statement in sorted(canned(), key=_place)),
        _slide("See it as a graph", drawing.description,
               _runnable(f":params {json.dumps(example_params(drawing), ensure_ascii=False)}"),
               _runnable(drawing.body)),
    ]
    return ("<title>kg: questions about cyber-attack news</title>\n<article class=\"guide\">\n"
            "<carousel class=\"deck container-fluid\">\n" + "\n".join(slides) + "\n</carousel>\n</article>\n")


if __name__ == "__main__":
    GUIDE.write_text(render(), encoding="utf-8")
    print(f"wrote {GUIDE}")
