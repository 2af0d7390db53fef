"""`kg browser`: explore the graph in Neo4j Browser with kg's style and guide, or save a picture of it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional
from urllib.parse import quote

import typer

from kg.cli.output import console
from kg.config import Settings
from kg.errors import ConfigError
from kg.style import style_command


def _browser_url(settings: Settings, url: str | None) -> str | None:
    if url:
        return url.rstrip("/")
    if settings.managed:
        from kg.store.server import LocalServer

        return LocalServer(settings.server).http_url
    return None


def browser(
    serve: Annotated[bool, typer.Option("--serve", help="Serve kg's guide and style on 127.0.0.1 until Ctrl-C.")] = False,
    port: Annotated[int, typer.Option(help="Port of --serve.", envvar="KG_GUIDE_PORT")] = 7480,
    screenshot: Annotated[Optional[Path], typer.Option(
        help="Save a PNG of an incident's attribution subgraph as Neo4j Browser draws it with kg's style.")] = None,
    target: Annotated[Optional[str], typer.Option(
        help="The victim or incident that --screenshot draws (default: the victim of the incident with the most "
             "attribution claims).")] = None,
    url: Annotated[Optional[str], typer.Option(
        help="Neo4j Browser's address (default: kg's managed server's).", envvar="KG_BROWSER_URL")] = None,
) -> None:
    """Print how to open the graph in Neo4j Browser: URL, login and the `:style` command for kg's style; or serve kg's guide (--serve); or save a picture (--screenshot)."""
    from kg.store.connect import target as connection

    settings = Settings.from_env()
    bolt, (user, password) = connection(settings)
    http = _browser_url(settings, url)
    if screenshot is not None:
        _picture(http, bolt, user, password, target, screenshot)
        return
    guide = f"http://127.0.0.1:{port}/guide.html"
    if http:
        link = f"{http}/browser/?dbms={quote(bolt.replace('://', f'://{user}@', 1), safe=':/@')}"
        console.print(f"Neo4j Browser: {link}" + (f"&cmd=guide&arg={quote(guide, safe=':/')}" if serve else ""))
    else:
        console.print(f"Open Neo4j Browser (or Workspace) for {bolt}.")
    # The password is printed only by `kg db password`, never as a side effect.
    shown = "`kg db password` prints it" if settings.managed else "the one in NEO4J_PASSWORD"
    console.print(f"Log in as {user}; password: {shown}", soft_wrap=True)
    if settings.managed:
        console.print("kg's style is applied at every login (browser.post_connect_cmd in kg's neo4j.conf). "
                      "To apply it elsewhere, run this in Browser's editor:")
    else:
        console.print("To apply kg's style, run this in Browser's editor:")
    print(style_command())
    if not serve:
        console.print("For kg's guide to the canned questions, run `kg browser --serve`.")
        return
    _serve(port, guide)


def _serve(port: int, guide: str) -> None:
    from kg.browser.serve import server

    try:
        httpd = server(port)
    except OSError as error:
        raise ConfigError(f"Cannot serve on 127.0.0.1:{port} ({error.strerror}): choose another with --port "
                          "or KG_GUIDE_PORT") from None
    console.print(f"Serving kg's guide and style on http://127.0.0.1:{port}/ (Ctrl-C to stop). In Browser run:\n"
                  f"  :guide {guide}\n  :style http://127.0.0.1:{port}/style.grass")
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


def _picture(http: str | None, bolt: str, user: str, password: str, target: str | None, path: Path) -> None:
    from kg.browser import drive
    from kg.store.cypher import load

    if http is None:
        raise ConfigError("--screenshot needs Neo4j Browser's address: pass --url or set KG_BROWSER_URL")
    if target is None:
        from kg.store.connect import open_driver
        from kg.store.queries import busiest_target

        settings = Settings.from_env()
        with open_driver(settings) as driver:
            target = busiest_target(driver, settings.neo4j_database)
    with drive.page() as tab:
        drive.login(tab, http, bolt, user, password)
        statement = load("browser/attribution")
        drive.picture(tab, statement.body, statement.values({"target": target}), path)
    console.print(f"Saved {path}: the attribution subgraph of {target!r} as Neo4j Browser draws it.")
