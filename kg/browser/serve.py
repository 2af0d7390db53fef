"""Serving kg's style and guide to Neo4j Browser from loopback, with the CORS header Browser needs.

Browser fetches `:style URL` and `:guide URL` itself, across origins, and only from hosts in the server's
`browser.remote_content_hostname_whitelist` (kg's managed server lists 127.0.0.1 and localhost).
"""

from __future__ import annotations

from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from kg.browser import GUIDE
from kg.style import STYLE

# What a URL path serves: the guide beside this module, the style in kg/data.
FILES = {f"/{GUIDE.name}": GUIDE, f"/{STYLE.name}": STYLE}


class _Handler(SimpleHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path.split("?")[0] not in FILES:
            self.send_error(404, "kg serves only guide.html and style.grass")
            return
        super().do_GET()

    def translate_path(self, path: str) -> str:
        return str(FILES.get(path.split("?")[0], GUIDE.parent / "no-such-file"))

    def do_OPTIONS(self) -> None:  # noqa: N802 - Browser's no-cache headers make it ask first (CORS preflight)
        self.send_response(204)
        self.send_header("Access-Control-Allow-Methods", "GET")
        self.send_header("Access-Control-Allow-Headers", "*")
        self.end_headers()

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet: Browser polls nothing, logs add noise
        return


def server(port: int) -> ThreadingHTTPServer:
    """An HTTP server on 127.0.0.1:`port` for kg's guide and style (call serve_forever() to run it)."""
    return ThreadingHTTPServer(("127.0.0.1", port), _Handler)
