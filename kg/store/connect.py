"""Opening a driver to the right Neo4j: NEO4J_URI if set, else the managed local server."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

from kg.config import Settings
from kg.errors import ServerError
from kg.store.server import USER, LocalServer


def target(settings: Settings) -> tuple[str, tuple[str, str]]:
    """The URI and credentials kg will use."""
    if settings.managed:
        server = LocalServer(settings.server)
        password = settings.neo4j_password or server.password()
        return server.bolt_uri, (USER, password)
    if not settings.neo4j_password:
        raise ServerError(f"NEO4J_URI is {settings.neo4j_uri} but NEO4J_PASSWORD is not set: set it, or unset NEO4J_URI")
    return settings.neo4j_uri, (settings.neo4j_user, settings.neo4j_password)


def answers(uri: str, auth: tuple[str, str], timeout: float = 3.0) -> bool:
    """True when a Bolt server answers at `uri` and accepts `auth`."""
    driver = GraphDatabase.driver(uri, auth=auth, connection_timeout=timeout, max_transaction_retry_time=0)
    try:
        driver.verify_connectivity()
        return True
    except (ServiceUnavailable, OSError, AuthError):
        return False
    except Exception:  # noqa: BLE001 - any other driver error while the server boots means "not yet"
        return False
    finally:
        driver.close()


@contextmanager
def open_driver(settings: Settings) -> Iterator[Driver]:
    """A connected driver, or a ServerError that names the URI and the fix."""
    uri, auth = target(settings)
    # Server notifications (e.g. "property key does not exist" before the first ingest) are not for users.
    driver = GraphDatabase.driver(uri, auth=auth, connection_timeout=5.0, notifications_min_severity="OFF")
    try:
        try:
            driver.verify_connectivity()
        except AuthError as error:
            raise ServerError(f"Neo4j at {uri} refused the credentials for user {auth[0]!r}: {error.message}") from None
        except (ServiceUnavailable, OSError) as error:
            fix = "run `kg db start`" if settings.managed else "check that server, or unset NEO4J_URI to use kg's own"
            raise ServerError(f"Neo4j is not answering at {uri} — {fix}. ({type(error).__name__})") from None
        try:
            yield driver
        except (ServiceUnavailable, SessionExpired) as error:
            fix = "start it again (`kg db start`)" if settings.managed else "check that server"
            raise ServerError(f"Neo4j at {uri} stopped answering mid-run ({type(error).__name__}) — {fix} and run "
                              "the same command again: each write transaction is all in or not at all, and the "
                              "ledger makes a re-run skip what was finished.") from None
    finally:
        driver.close()
