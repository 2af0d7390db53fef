"""Neo4j Browser support: kg's style (style.grass), its guide (guide.html) and their loading commands.

Browser accepts a style as GraSS text or as JSON; the JSON form has no bare semicolon, so it fits on one line
and inside `browser.post_connect_cmd`, which Browser splits on semicolons.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
STYLE = HERE / "style.grass"
GUIDE = HERE / "guide.html"

_RULE = re.compile(r"([\w.\-]+)\s*\{((?:[^{}'\"]|'[^']*'|\"[^\"]*\")*)\}")
_PROP = re.compile(r"(?:[^;'\"]|'[^']*'|\"[^\"]*\")+")


def parse_grass(text: str) -> dict[str, dict[str, str]]:
    """GraSS text -> {selector: {property: value}}, read the way Neo4j Browser reads it (quotes dropped)."""
    rules: dict[str, dict[str, str]] = {}
    for selector, body in _RULE.findall(text):
        props = rules.setdefault(selector, {})
        for part in _PROP.findall(body):
            key, sep, value = part.partition(":")
            if sep and key.strip():
                props[key.strip()] = value.strip().strip("'\"")
    return rules


def style_json() -> str:
    """kg's style as one line of JSON, which Browser's `:style` command accepts as it accepts GraSS."""
    return json.dumps(parse_grass(STYLE.read_text(encoding="utf-8")), separators=(",", ":"))


def style_command() -> str:
    """The Browser command that applies kg's style (paste it into the editor, or put it in post_connect_cmd)."""
    return f":style {style_json()}"
