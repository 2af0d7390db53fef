"""URLs -> bytes: `kg ingest https://…` fetches the page itself, and nothing else.

One GET of the given URL, with a timeout and a size limit; a redirect is not followed (it would fetch
another address), it is reported with the address to give instead. The page's links, images and scripts
are never fetched: the HTML goes to the same extractor as an .html file.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message

from kg import __version__

TIMEOUT = 30.0  # seconds to connect, and between bytes of the answer
USER_AGENT = f"kg/{__version__} (knowledge graphs of cyber-attack news)"


@dataclass(frozen=True)
class Page:
    url: str
    data: bytes
    content_type: str  # e.g. "text/html", lower case, without parameters
    charset: str | None


class FetchError(Exception):
    """The URL could not be fetched; the message says why and what to do (the caller names the URL)."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # the 3xx answer then comes back as an HTTPError, reported below


def fetch(url: str, limit: int, timeout: float | None = None) -> Page:
    """The body of one GET of `url`; FetchError on an HTTP error, a redirect, no answer or a body over `limit`."""
    timeout = TIMEOUT if timeout is None else timeout
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain, "
                                                   "application/pdf;q=0.9, */*;q=0.1"})
    try:
        with opener.open(request, timeout=timeout) as answer:
            data = answer.read(limit + 1)
            headers: Message = answer.headers
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400 and error.headers.get("Location"):
            target = urllib.parse.urljoin(url, error.headers["Location"])
            raise FetchError(f"redirects (HTTP {error.code}) to {target}: kg fetches only the address it is "
                             "given, so give that address instead") from None
        raise FetchError(f"answered HTTP {error.code} {error.reason}: check the address, or save the page "
                         "and give the file") from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"did not answer within {timeout:g} s: try again later, or save the page and give "
                         "the file") from None
    except urllib.error.URLError as error:
        reason = error.reason.strerror if isinstance(error.reason, OSError) and error.reason.strerror \
            else str(error.reason)
        raise FetchError(f"could not be fetched ({reason}): check the address and the network, or save the "
                         "page and give the file") from None
    except (OSError, ValueError) as error:
        raise FetchError(f"could not be fetched ({error}): check the address, or save the page and give the "
                         "file") from None
    if len(data) > limit:
        raise FetchError(f"is over the {limit // 2**20} MB limit of one article: save it and split it")
    return Page(url, data, headers.get_content_type().lower(), headers.get_content_charset())
