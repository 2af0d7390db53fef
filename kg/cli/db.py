"""`kg db`: the managed local Neo4j server."""

from __future__ import annotations

import typer

from kg.cli.output import console
from kg.config import Settings
from kg.store.connect import answers, open_driver, target
from kg.store.server import USER, LocalServer
from kg.store.writer import init_schema

app = typer.Typer(help="Manage the local Neo4j server kg runs (unless NEO4J_URI points elsewhere).",
                  no_args_is_help=True)


def _managed(settings: Settings, action: str) -> LocalServer | None:
    if settings.managed:
        return LocalServer(settings.server)
    console.print(f"NEO4J_URI is set ({settings.neo4j_uri}): kg uses that server and does not {action} one.")
    return None


def ensure_running(settings: Settings) -> None:
    """Start the managed server if it is not running (used by `kg db start` and `kg demo`)."""
    server = _managed(settings, "start")
    if server is None:
        with open_driver(settings):
            return
    if server.pid() is not None and answers(*target(settings)):
        return
    if not server.installed():
        console.print(f"Installing Neo4j {settings.server.version} with Maven into {server.lib} …")
        server.install()
    console.print(f"Starting Neo4j on {server.bolt_uri} (HTTP {server.http_url}) …")
    uri, auth = target(settings)
    server.start(lambda: answers(uri, auth))
    console.print(f"[green]Neo4j is up[/green] at {server.bolt_uri}; Browser at {server.http_url}/browser/")


@app.command()
def install() -> None:
    """Fetch the Neo4j server's jars with Maven (once; later runs do no network work)."""
    settings = Settings.from_env()
    server = _managed(settings, "install")
    if server is None:
        return
    fetched = server.install()
    console.print(("Installed" if fetched else "Already installed:") + f" Neo4j {settings.server.version} in {server.lib}")


@app.command()
def start() -> None:
    """Install if needed, start the server, and wait until Bolt answers."""
    ensure_running(Settings.from_env())


@app.command()
def stop() -> None:
    """Stop the managed server."""
    settings = Settings.from_env()
    server = _managed(settings, "stop")
    if server is None:
        return
    console.print("Stopped." if server.stop() else "Not running.")


@app.command()
def status() -> None:
    """Say where the server runs and whether it answers; exit 1 when it does not."""
    settings = Settings.from_env()
    uri, auth = target(settings)
    up = answers(uri, auth)
    if settings.managed:
        server = LocalServer(settings.server)
        pid = server.pid()
        console.print(f"managed server: {'installed' if server.installed() else 'not installed'} "
                      f"(Neo4j {settings.server.version}, {server.home})")
        console.print(f"process: {'pid ' + str(pid) if pid else 'not running'}")
        console.print(f"Browser: {server.http_url}/browser/")
    console.print(f"bolt: {uri} — {'[green]answers[/green]' if up else '[red]not answering[/red]'}")
    if up:
        with open_driver(settings) as driver:
            records, _, _ = driver.execute_query("CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition AS e")
            console.print(f"version: Neo4j {records[0]['v']} {records[0]['e']}")
    else:
        raise typer.Exit(1)


@app.command()
def init() -> None:
    """Create kg's constraints and indexes (idempotent; ingest does it too)."""
    settings = Settings.from_env()
    with open_driver(settings) as driver:
        init_schema(driver, settings.neo4j_database)
    console.print("Constraints and indexes are in place.")


@app.command()
def password() -> None:
    """Print the login of the managed server (user and generated password)."""
    settings = Settings.from_env()
    server = _managed(settings, "have a password for")
    if server is not None:
        console.print(f"user: {USER}\npassword: {server.password()}")
