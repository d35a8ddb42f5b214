"""A local stand-in for GitHub Pages: serves a built site under a project sub-path (/REPO/), answers
missing paths with the site's 404.html and status 404, redirects a folder without its slash, sends
text gzipped over kept-alive HTTP/1.1 connections with a 10-minute cache lifetime as GitHub Pages
does (so that Lighthouse weighs pages as fellows receive them), and remembers every request so tests
can assert that nothing was missing."""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


@dataclass
class PagesServer:
    root: Path
    prefix: str  # the path of site_url, e.g. "/pain-medicine-curriculum/"
    host: str = "127.0.0.1"
    requests: list[tuple[str, int]] = field(default_factory=list)

    def start(self) -> PagesServer:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):  # noqa: N802 - http.server's naming
                path = unquote(urlsplit(self.path).path)
                if not path.startswith(server.prefix):
                    return self._not_found(path)
                relative = path[len(server.prefix) :]
                target = (server.root / relative).resolve()
                if server.root.resolve() not in (target, *target.parents):
                    return self._not_found(path)
                if target.is_dir() and not path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", path + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    server.requests.append((path, 301))
                    return None
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_file():
                    return self._not_found(path)
                server.requests.append((path, 200))
                return self._send(200, target)

            def _not_found(self, path: str):
                server.requests.append((path, 404))
                return self._send(404, server.root / "404.html")

            def _send(self, status: int, file: Path):
                body = file.read_bytes()
                kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                self.send_response(status)
                self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
                if kind.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", ""):
                    body = gzip.compress(body, compresslevel=6)
                    self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
                self.send_header("Cache-Control", "max-age=600")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._httpd = http.server.ThreadingHTTPServer((self.host, 0), Handler)
        self.port = self._httpd.server_address[1]
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        return self.origin + self.prefix

    def missing(self) -> list[str]:
        return [path for path, status in self.requests if status == 404]

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


if __name__ == "__main__":
    import sys
    import time

    from tests.support.sitebuild import site_prefix  # the path of site_url (or of SITE_URL, when set)

    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    running = PagesServer(site.resolve(), sys.argv[2] if len(sys.argv) > 2 else site_prefix()).start()
    print(f"Serving {site} at {running.base_url}", flush=True)
    while True:
        time.sleep(3600)
