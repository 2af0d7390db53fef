"""Docs are checked: every CLI command and canned query has help text and is in the README."""

from __future__ import annotations

import subprocess
from pathlib import Path

import typer.main

from kg.cli.app import app
from kg.store.cypher import canned

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def _commands(group, prefix="kg"):
    click_group = typer.main.get_command(group)
    for name, command in click_group.commands.items():
        if hasattr(command, "commands"):
            for sub_name, sub in command.commands.items():
                yield f"{prefix} {name} {sub_name}", sub
        else:
            yield f"{prefix} {name}", command


def test_docs_every_command_has_help_and_is_in_the_readme():
    commands = list(_commands(app))
    assert len(commands) >= 10
    for name, command in commands:
        assert (command.help or "").strip(), f"{name} has no help"
        assert f"`{name}" in README, f"{name} is missing from README.md"


def test_docs_every_canned_query_is_in_the_readme():
    for statement in canned():
        assert f"`{statement.name}`" in README, f"query {statement.name} is missing from README.md"
        assert statement.description


def test_docs_make_eval_scores_every_gold_set():
    """`make eval` names each gold file (a missing one stops it), and none of the project's own is left out."""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(["make", "-n", "eval"], cwd=root, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    command = next(line for line in done.stdout.splitlines() if " eval --gold " in line).split()
    scored = {command[i + 1] for i, word in enumerate(command) if word == "--gold"}
    own = {str(p.relative_to(root)) for p in (root / "tests" / "data").glob("*/gold.json")}
    assert own and own | {"../shared/gold/seeds.json"} == scored
