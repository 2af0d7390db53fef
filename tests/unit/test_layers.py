"""kg's stages run one way: import-linter's contracts in pyproject.toml hold, and README draws the same layers."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTRACTS = {c["id"]: c for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]}


def test_layers_import_linter_contracts_are_kept():
    """No module imports a layer above its own, none imports a sibling its line declares independent, every
    module of kg/ has a layer, and no package's modules import each other in a loop."""
    assert {"layers", "no-loops"} <= set(CONTRACTS) and CONTRACTS["layers"]["exhaustive"]
    done = subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports_command as c; c()",
                           "--config", str(ROOT / "pyproject.toml"), "--no-cache", "--no-logo"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 kept, 0 broken" in done.stdout, done.stdout


def test_layers_readme_draws_the_contract():
    """README's Architecture drawing lists the contract's layers, top to bottom, with the same siblings."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    drawing = next(block for block in re.findall(r"```\n(.*?)```", section, re.S) if block.startswith("__main__"))
    drawn = [re.split(r"\s{2,}", line.strip())[0] for line in drawing.splitlines() if not line.startswith(" ")]
    assert drawn == CONTRACTS["layers"]["layers"]
