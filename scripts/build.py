"""Build the site strictly into a fresh folder and put it in place only if the build succeeds,
so a failed build never leaves a half-built site where a good one was.

    python scripts/build.py [TARGET]     (default: site)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def build(target: Path) -> int:
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(scratch / "site")],
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
    sys.exit(build(Path(sys.argv[1]) if len(sys.argv) > 1 else PROJECT / "site"))
