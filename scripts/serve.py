"""Preview the site with `mkdocs serve` at http://127.0.0.1:PORT/ (PORT 8000 unless given), rebuilding it
whenever a watched file is saved (mkdocs.yml `watch`: data/, docs/, overrides/, macros/).

    python scripts/serve.py [PORT]          (make serve PORT=8001)

A port that is in use gets one line saying so and how to choose another, instead of MkDocs' traceback.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def main(argv: list[str]) -> int:
    given = argv[1] if len(argv) > 1 else "8000"
    if not given.isdigit() or not 1 <= int(given) <= 65535:
        print(f"PORT must be a number from 1 to 65535, e.g. make serve PORT=8001 (got '{given}').", file=sys.stderr)
        return 2
    port = int(given)
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server does
        try:
            probe.bind((HOST, port))
        except OSError as error:
            why = "is already in use" if error.errno == errno.EADDRINUSE else f"cannot be used ({error.strerror})"
            print(
                f"Port {port} {why}. Choose another: make serve PORT={port + 1 if port < 65535 else 8001}",
                file=sys.stderr,
            )
            return 1
    os.chdir(PROJECT)
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"{HOST}:{port}"]
    os.execv(sys.executable, command)  # noqa: S606 - MkDocs takes over this process (and Ctrl+C)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
