"""`kg export --format neo4j-admin -o DIR`: the database as header+CSV files for `neo4j-admin database import full`.

Bulk import builds a new store offline, far faster than any online write (no transactions, no index
look-ups per row), which is how a graph built once moves into a fresh server, a cluster or Aura. One node
file per label set and one relationship file per type, each with its header line; node ids are element
ids (one id space), so the files describe exactly the graph that was exported. `import.args` holds the
matching `neo4j-admin` arguments; run

    neo4j-admin database import full neo4j @DIR/import.args

into a database that does not exist yet (or add --overwrite-destination). Nodes and relationships are
streamed from Neo4j and written as they come, so memory stays flat.

Limits of the format: an empty list property cannot be written (an empty CSV field means "no value"), so
such properties are absent after import; list elements must not contain U+001F, the array delimiter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable

from neo4j import Driver

from kg.config import Settings
from kg.errors import ConfigError, InputError
from kg.store.cypher import load

ARRAY_DELIMITER = "\x1f"
# valueType() of a property -> the type in a neo4j-admin header
TYPES = {"STRING": "string", "INTEGER": "long", "FLOAT": "double", "BOOLEAN": "boolean",
         "ZONED DATETIME": "datetime", "LOCAL DATETIME": "localdatetime", "DATE": "date",
         "LOCAL TIME": "localtime", "ZONED TIME": "time", "DURATION": "duration"}
_LIST = re.compile(r"^LIST<(.+?)(?: NOT NULL)?>$")


@dataclass
class Exported:
    folder: Path
    nodes: int = 0
    relationships: int = 0
    files: list[Path] = field(default_factory=list)


def export(settings: Settings, output: Path | None) -> Exported:
    """Dump the database kg's settings point at into `output` (a folder); what `kg export` calls (and reports)."""
    from kg.store.connect import open_driver

    if output is None:
        raise ConfigError("--format neo4j-admin writes a folder of CSV files: give it with -o DIR")
    with open_driver(settings) as driver:
        return dump(driver, output, settings.neo4j_database)


def dump(driver: Driver, folder: Path, database: str | None = None) -> Exported:
    """Write the header+CSV files and `import.args` for the whole database into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.glob("*.csv")):
        raise InputError(f"{folder} already holds CSV files: give an empty folder, so that no stale file is imported")
    done = Exported(folder.resolve())
    with driver.session(database=database, default_access_mode="READ") as session:
        node_types = _key_types(session.run(load("admin/node_keys").body), "labels")
        rel_types = _key_types(session.run(load("admin/relationship_keys").body), "type")
        with _Files(done.folder, "nodes") as nodes:
            for record in session.run(load("admin/nodes").body):
                labels = tuple(sorted(record["labels"]))
                header = nodes.header(labels, ":ID", ":LABEL", node_types.get(labels, {}))
                header.write([record["id"], ARRAY_DELIMITER.join(labels)], record["props"])
                done.nodes += 1
        with _Files(done.folder, "relationships") as rels:
            for record in session.run(load("admin/relationships").body):
                header = rels.header(record["type"], ":START_ID", ":END_ID", rel_types.get(record["type"], {}),
                                     ":TYPE")
                header.write([record["start"], record["end"], record["type"]], record["props"])
                done.relationships += 1
    done.files = sorted(nodes.paths + rels.paths)
    args = ["--multiline-fields=true", "--array-delimiter=U+001F"]
    args += [f"--nodes={path}" for path in nodes.paths] + [f"--relationships={path}" for path in rels.paths]
    (done.folder / "import.args").write_text("\n".join(args) + "\n", encoding="utf-8")
    return done


def import_args(folder: Path, database: str = "neo4j") -> list[str]:
    """The `neo4j-admin` arguments that import a folder written by `dump` into a new database."""
    return ["database", "import", "full", database, f"@{folder.resolve() / 'import.args'}"]


def _key_types(records: Iterable, group: str) -> dict:
    """{label set or type: {key: neo4j-admin type}} from the admin/*_keys queries."""
    out: dict = {}
    for record in records:
        name = tuple(sorted(record[group])) if group == "labels" else record[group]
        out.setdefault(name, {})[record["key"]] = _admin_type(record["key"], record["types"])
    return out


def _admin_type(key: str, types: list[str]) -> str:
    bare = set()
    for value_type in types:
        value_type = value_type.removesuffix(" NOT NULL")
        listed = _LIST.match(value_type)
        if listed:
            if listed.group(1) != "NOTHING":  # an empty list says nothing about the element type
                bare.add(TYPES.get(listed.group(1).removesuffix(" NOT NULL"), "?") + "[]")
            continue
        bare.add(TYPES.get(value_type, "?"))
    bare = bare or {"string[]"}
    if len(bare) != 1 or "?" in next(iter(bare)):
        raise InputError(f"Property {key!r} holds values of types {sorted(types)}, which one CSV column cannot "
                         "hold: make them one type before exporting")
    return bare.pop()


class _Header:
    """One CSV file: its fixed columns, then one column per property key."""

    def __init__(self, handle: IO[str], fixed: list[str], props: dict[str, str]):
        self.handle, self.keys, self.types = handle, sorted(props), props
        handle.write(",".join(fixed + [f"{key}:{props[key]}" for key in self.keys]) + "\n")

    def write(self, fixed: list[str], props: dict) -> None:
        cells = [_quote(str(value)) for value in fixed]
        for key in self.keys:
            cells.append(_cell(props.get(key), self.types[key]))
        unknown = set(props) - set(self.types)
        if unknown:
            raise InputError(f"Property {sorted(unknown)[0]!r} appeared while exporting: run the export again "
                             "on a database that no one writes to")
        self.handle.write(",".join(cells) + "\n")


class _Files:
    """The CSV files of one kind (nodes or relationships), one per label set or type, opened as needed."""

    def __init__(self, folder: Path, kind: str):
        self.folder, self.kind = folder, kind
        self.open: dict = {}
        self.paths: list[Path] = []

    def header(self, name, first: str, second: str, props: dict[str, str], third: str | None = None) -> _Header:
        if name not in self.open:
            label = "_".join(name) if isinstance(name, tuple) else name
            path = self.folder / f"{self.kind}_{re.sub(r'[^A-Za-z0-9_]', '_', label) or 'none'}.csv"
            handle = open(path, "w", encoding="utf-8", newline="")
            self.open[name] = _Header(handle, [first, second] + ([third] if third else []), props)
            self.paths.append(path)
        return self.open[name]

    def __enter__(self) -> "_Files":
        return self

    def __exit__(self, *exc) -> None:
        for header in self.open.values():
            header.handle.close()


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _cell(value, admin_type: str) -> str:
    if value is None or value == []:
        return ""
    if admin_type.endswith("[]"):
        items = [_scalar(v) for v in value]
        if any(ARRAY_DELIMITER in item for item in items):
            raise InputError("A list element contains U+001F, the array delimiter of the export: remove it first")
        return _quote(ARRAY_DELIMITER.join(items))
    return _quote(_scalar(value))


def _scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)
