"""The managed local Neo4j Community server: installed from Maven Central, run as a child JVM.

Layout under the state folder (`.kg/neo4j/` by default):

    lib-<version>/      the server's jars (Maven's dependency:copy-dependencies), plus `.complete`
    server/conf/        neo4j.conf, written by kg
    server/data/        databases
    server/logs/        neo4j.log, debug.log, console.log
    server/run/kg.pid   the JVM's process id while it runs
    password            the generated password of user `neo4j` (mode 0600)
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import time
from importlib import resources

from kg.config import ServerSettings
from kg.errors import ServerError
from kg.style import style_json

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_ENTRY_POINT = "org.neo4j.server.startup.Neo4jAdminBoot"
USER = "neo4j"


class LocalServer:
    """Install, configure, start and stop one local Neo4j server. No I/O happens in the constructor."""

    def __init__(self, settings: ServerSettings):
        self.settings = settings
        self.home = settings.home
        self.lib = settings.home / f"lib-{settings.version}"
        self.server = settings.home / "server"
        self.conf = self.server / "conf"
        self.logs = self.server / "logs"
        self.pid_file = self.server / "run" / "kg.pid"
        self.password_file = settings.home / "password"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.settings.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.http_port}"

    # ---- install -----------------------------------------------------------------------------

    def installed(self) -> bool:
        return (self.lib / ".complete").is_file()

    def install(self) -> bool:
        """Fetch the server's jars with Maven; return False when they were already there (no network)."""
        if self.installed():
            return False
        for tool in ("java", "mvn"):
            if shutil.which(tool) is None:
                raise ServerError(
                    f"`{tool}` is not on PATH: install Java 17 and Maven 3.8+ "
                    "(Debian: apt-get install openjdk-17-jre-headless maven), or set NEO4J_URI to a server you run"
                )
        self.home.mkdir(parents=True, exist_ok=True)
        pom = resources.files("kg.store").joinpath("neo4j-server.pom.xml")
        staging = self.home / f".lib-{self.settings.version}.partial"
        shutil.rmtree(staging, ignore_errors=True)
        with resources.as_file(pom) as pom_path:
            command = [
                "mvn", "-q", "-B", "-f", str(pom_path),
                f"-Dneo4j.version={self.settings.version}",
                f"-Dneo4j.browser.version={self.settings.browser_version}",
                "dependency:copy-dependencies", "-DincludeScope=runtime", f"-DoutputDirectory={staging}",
            ]
            done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            shutil.rmtree(staging, ignore_errors=True)
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            raise ServerError(
                f"Maven could not fetch Neo4j {self.settings.version} (exit {done.returncode}):\n{tail}\n"
                "Check that Maven Central is reachable and KG_NEO4J_VERSION names a released version."
            )
        jars = list(staging.glob("*.jar"))
        (staging / ".complete").write_text(f"neo4j {self.settings.version}\njars {len(jars)}\n")
        shutil.rmtree(self.lib, ignore_errors=True)
        staging.rename(self.lib)
        return True

    # ---- configuration -----------------------------------------------------------------------

    def password(self) -> str:
        """The generated password; created (0600) on first use."""
        if self.password_file.is_file():
            return self.password_file.read_text().strip()
        self.home.mkdir(parents=True, exist_ok=True)
        value = "kg" + secrets.token_urlsafe(18)  # a leading '-' would read as an option to neo4j-admin
        descriptor = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(value + "\n")
        return value

    def config_text(self) -> str:
        s = self.settings
        lines = [
            "# Written by kg (kg/store/server.py); edits are overwritten by `kg db init` and `kg db start`.",
            "server.default_listen_address=127.0.0.1",
            "server.default_advertised_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{s.bolt_port}",
            f"server.http.listen_address=127.0.0.1:{s.http_port}",
            "server.https.enabled=false",
            "dbms.security.auth_enabled=true",
            f"server.memory.heap.initial_size={s.heap}",
            f"server.memory.heap.max_size={s.heap}",
            f"server.memory.pagecache.size={s.pagecache}",
            f"server.directories.data={self.server / 'data'}",
            f"server.directories.logs={self.logs}",
            f"server.directories.run={self.pid_file.parent}",
            "dbms.usage_report.enabled=false",
            "client.allow_telemetry=false",
            "browser.remote_content_hostname_whitelist=127.0.0.1,localhost",
            # Neo4j Browser applies kg's style (kg/data/style.grass) after every login.
            f"browser.post_connect_cmd=style {style_json()}",
        ]
        return "\n".join(lines) + "\n"

    def configure(self) -> None:
        """Write neo4j.conf and, before the very first start, set the generated password."""
        for folder in (self.conf, self.logs, self.pid_file.parent, self.server / "data"):
            folder.mkdir(parents=True, exist_ok=True)
        (self.conf / "neo4j.conf").write_text(self.config_text())
        if not (self.server / "data" / "dbms").exists():
            self._admin("dbms", "set-initial-password", self.password())

    def _admin(self, *args: str) -> None:
        env = {**os.environ, "NEO4J_HOME": str(self.server), "NEO4J_CONF": str(self.conf)}
        done = subprocess.run(
            ["java", "-cp", f"{self.lib}/*", ADMIN_ENTRY_POINT, *args], env=env, capture_output=True, text=True
        )
        if done.returncode != 0:
            output = (done.stdout + done.stderr).replace(self.password(), "********")
            raise ServerError(f"neo4j-admin {args[0]} {args[1]} failed:\n{output.strip()}")

    # ---- lifecycle ---------------------------------------------------------------------------

    def pid(self) -> int | None:
        """The server's pid when its process is alive, else None (a stale pid file is removed)."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            self.pid_file.unlink(missing_ok=True)
            return None
        except PermissionError:
            return pid
        return pid

    def start(self, answers) -> bool:
        """Start the server and wait until `answers()` is true; return False if it already ran."""
        if self.pid() is not None:
            return False
        if not self.installed():
            self.install()
        self.configure()
        console = self.logs / "console.log"
        with open(console, "ab") as out:
            process = subprocess.Popen(
                ["java", "-cp", f"{self.lib}/*", ENTRY_POINT,
                 f"--home-dir={self.server}", f"--config-dir={self.conf}"],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            )
        self.pid_file.write_text(f"{process.pid}\n")
        deadline = time.monotonic() + self.settings.start_timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                raise ServerError(
                    f"Neo4j exited with code {process.returncode} while starting. Last lines of the log:\n"
                    f"{self.log_tail()}\nFix the cause above (a port in use? set KG_BOLT_PORT/KG_HTTP_PORT), "
                    "then run `kg db start` again."
                )
            if answers():
                return True
            time.sleep(0.5)
        self.stop()
        raise ServerError(
            f"Neo4j did not answer on {self.bolt_uri} within {self.settings.start_timeout:.0f} s. "
            f"Last lines of the log:\n{self.log_tail()}\nRaise KG_NEO4J_START_TIMEOUT on a slow machine."
        )

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the server (SIGTERM, then SIGKILL after `timeout`); return False if it was not running."""
        pid = self.pid()
        if pid is None:
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.1)
        self.pid_file.unlink(missing_ok=True)
        return True

    def log_tail(self, lines: int = 20) -> str:
        chunks = []
        for name in ("console.log", "neo4j.log"):
            path = self.logs / name
            if path.is_file():
                text = path.read_text(errors="replace").strip().splitlines()[-lines:]
                if text:
                    chunks.append(f"--- {path}\n" + "\n".join(text))
        return "\n".join(chunks) or f"(no log yet in {self.logs})"


def _alive(pid: int) -> bool:
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)
        if waited == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
