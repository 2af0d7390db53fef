"""Real inputs for the reader tests: PDFs made with reportlab, and a web server on 127.0.0.1 only."""

from __future__ import annotations

import http.server
import socket
import threading
from pathlib import Path

ATTACK = "Investigators attributed the attack on Acme Bank to the Lazarus Group."


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A real PDF with one line of Helvetica per string, page by page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        y = 780
        for line in lines:
            drawing.drawString(60, y, line)
            y -= 16
        drawing.showPage()
    drawing.save()
    return path


class Site:
    """Pages served from memory by http.server on 127.0.0.1; `requests` lists every path asked for."""

    def __init__(self, pages: dict[str, tuple[int, str, bytes]]):
        self.pages = pages
        self.requests: list[str] = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                site.requests.append(self.path)
                status, kind, body = site.pages.get(self.path, (404, "text/plain", b"not here"))
                self.send_response(status)
                self.send_header("Content-Type", kind)
                if status in (301, 302):
                    self.send_header("Location", body.decode())
                    body = b""
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> "Site":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

