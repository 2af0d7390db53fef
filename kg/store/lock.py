"""One ingest (or forget) at a time per database: a lock held in the graph itself, a (:Lock {name}) node.

The holder refreshes it while it works; a holder that crashed loses it when its time runs out. Another
process waits, says once that it is "waiting for another ingest …", and gives up after `timeout` seconds
with an error that says what to do.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from typing import Callable

from neo4j import Driver

from kg.errors import KGError
from kg.store.cypher import load

LEASE = 60  # seconds a lock lasts unless refreshed
REFRESH = 15  # seconds between refreshes


class LockTimeout(KGError):
    pass


class GraphLock:
    def __init__(self, driver: Driver, database: str | None = None, name: str = "ingest", timeout: float = 600,
                 on_wait: Callable[[str], None] | None = None, poll: float = 1.0):
        self.driver, self.database, self.name = driver, database, name
        self.timeout, self.on_wait, self.poll = timeout, on_wait, poll
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._stop = threading.Event()
        self._refresher: threading.Thread | None = None

    def _try(self) -> tuple[bool, str | None]:
        with self.driver.session(database=self.database) as session:
            record = session.execute_write(
                lambda tx: tx.run(load("write/lock").body, name=self.name, owner=self.owner, seconds=LEASE).single())
        return record["owner"] == self.owner, record["since"]

    def __enter__(self) -> "GraphLock":
        deadline = time.monotonic() + self.timeout
        told = False
        while True:
            got, since = self._try()
            if got:
                break
            if time.monotonic() >= deadline:
                raise LockTimeout(f"Another ingest or forget on this database has held the lock since {since} "
                                  f"and did not finish within {self.timeout:.0f} s: wait for it and run the same "
                                  "command again (a crashed one frees the lock within a minute)")
            if not told and self.on_wait is not None:
                self.on_wait(f"waiting for another ingest … (it holds the database's lock since {since})")
                told = True
            time.sleep(self.poll)
        self._refresher = threading.Thread(target=self._refresh, name="kg-lock", daemon=True)
        self._refresher.start()
        return self

    def _refresh(self) -> None:
        while not self._stop.wait(REFRESH):
            try:
                self._try()
            except Exception:  # noqa: BLE001 - a missed refresh is retried; the lease covers several
                pass

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._refresher is not None:
            self._refresher.join()
        try:
            self.driver.execute_query(load("write/unlock").body, name=self.name, owner=self.owner,
                                      database_=self.database)
        except Exception:  # noqa: BLE001 - the lease runs out by itself
            pass
