"""Build the site strictly into a fresh folder and put it in place only if the build succeeds,
so a failed build never leaves a half-built site where a good one was.

    python scripts/build.py [TARGET]             (default: site)
    python scripts/build.py --preview [TARGET]   (default: site-preview)

--preview builds the copy reviewers open from a folder on their computer: mkdocs.preview.yml with
Material's offline plugin (OFFLINE=true), so every link names a file and search works from file://.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def build(target: Path, preview: bool = False) -> int:
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    config = []
    if preview:
        env["OFFLINE"] = "true"
        config = ["--config-file", str(PROJECT / "mkdocs.preview.yml")]
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", *config, "--site-dir", str(scratch / "site")],
            cwd=PROJECT,
            env=env,
            check=False,
        )
        if result.returncode != 0:
            print(f"Build failed: {target} was left as it was.", file=sys.stderr)
            return result.returncode
        old = scratch / "previous"
        if target.exists():
            target.rename(old)
        (scratch / "site").rename(target)
        return 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preview", action="store_true", help="build the preview reviewers open from a folder")
    parser.add_argument("target", nargs="?", type=Path, help="where to put the site (default: site or site-preview)")
    arguments = parser.parse_args()
    default = PROJECT / ("site-preview" if arguments.preview else "site")
    sys.exit(build(arguments.target or default, preview=arguments.preview))
