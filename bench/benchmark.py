"""Performance benchmark: a script, not a test (timings vary with the machine; tests must not).

    make bench                       or   .venv/bin/python bench/benchmark.py [--repeat 3] [--scales 1,10,100]

Measures, and writes into bench/RESULTS.md between its markers (the notes around them are kept):
  - the full strict build, and the same build with the macros plugin removed (what data-driven
    rendering costs over plain MkDocs + Material on the same pages);
  - load + validation and rendering of a synthetic curriculum 1×, 10× and 100× the real one
    (bench/synthetic.py), and the full strict build of each;
  - `python -m macros check` on the real data;
  - every page's weight as a phone loads it (HTML, CSS, JS and whatever else it fetches, gzipped);
  - Lighthouse (mobile) for the home page, a track page, the skills catalogue and the self-assessment.
Needs what `make test` installs (the test virtualenv, Debian's chromium, node_modules).
"""

from __future__ import annotations

import argparse
import ast
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

from synthetic import write_synthetic_data  # noqa: E402

from macros.clock import build_date  # noqa: E402
from macros.load import load_curriculum  # noqa: E402
from macros.render import Renderer  # noqa: E402
from pages_server import PagesServer  # noqa: E402
from sitebuild import academy_contact, site_prefix  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
LIGHTHOUSE = PROJECT / "node_modules" / ".bin" / "lighthouse"
RESULTS = BENCH / "RESULTS.md"
CODE = (".html", ".css", ".js")  # what the page-weight target counts
START, END = "<!-- results:start -->", "<!-- results:end -->"
# Everything a build reads; the rest (virtualenv, node_modules, git, built sites, caches) is left out.
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "bench", ".*cache*", "__pycache__")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the median is reported")
    parser.add_argument("--scales", default="1,10,100", help="sizes of the synthetic curriculum")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("SOURCE_DATE_EPOCH", _git("log", "-1", "--format=%ct") or str(int(time.time())))

    commit = _git("rev-parse", "--short", "HEAD") + (
        " with uncommitted changes" if _git("status", "--porcelain") else ""
    )
    report = [f"Measured {datetime.date.today().isoformat()} at commit {commit}, with `{_command()}`.", "", *machine()]
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        scratch = Path(scratch)
        real = _copy_project(scratch / "real")
        report += builds(real, scratch, args.repeat)
        report += check_command(args.repeat)
        report += scaling(scratch, [int(n) for n in args.scales.split(",")], args.repeat)
        site = scratch / "site"
        _build(real, site)
        report += page_weights(site)
        if not args.no_lighthouse:
            report += lighthouse(site, args.repeat)
    _write(report)
    print("\n".join(report))
    return 0


# -- the machine ------------------------------------------------------------------------------------


def machine() -> list[str]:
    cpu = (
        re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        if Path("/proc/cpuinfo").exists()
        else None
    )
    memory = (
        re.search(r"MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text())
        if Path("/proc/meminfo").exists()
        else None
    )
    release = Path("/etc/os-release")
    os_name = (
        re.search(r'PRETTY_NAME="([^"]+)"', release.read_text()).group(1) if release.exists() else platform.platform()
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    rows = [
        ("CPU", cpu.group(1) if cpu else platform.processor()),
        ("Cores", str(os.cpu_count())),
        ("RAM", f"{int(memory.group(1)) / 1024 / 1024:.1f} GiB" if memory else "?"),
        ("OS", f"{os_name}, {platform.machine()}"),
        ("Python", platform.python_version()),
        ("MkDocs / Material", f"{_version('mkdocs')} / {_version('mkdocs-material')}"),
        ("Chromium", _run([CHROMIUM, "--version"]).strip()),
        (
            "Node / Lighthouse",
            f"{_run(['node', '--version']).strip()} / {_run([str(LIGHTHOUSE), '--version']).strip()}",
        ),
        ("Load average at start", f"{load:.2f}" if load is not None else "?"),
    ]
    return ["## Machine", "", "| | |", "| --- | --- |", *(f"| {name} | {value} |" for name, value in rows), ""]


# -- builds -----------------------------------------------------------------------------------------


def builds(real: Path, scratch: Path, repeat: int) -> list[str]:
    as_written = _copy_project(scratch / "as-written")
    _edit_config(as_written, _without_macros)
    same_html = _prerendered(real, scratch)
    with_macros = [_build(real, scratch / "out") for _ in range(repeat)]
    # Without the plugin the pages show their macro calls as text, and links to anchors the macros
    # would have made are missing: MkDocs warns about those, so that build cannot be strict.
    without = [_build(as_written, scratch / "out", strict=False) for _ in range(repeat)]
    same = [_build(same_html, scratch / "out") for _ in range(repeat)]
    wall, inner = _median(t for t, _ in with_macros), _median(m for _, m in with_macros)
    rows = []
    for name, runs in (
        ("without the macros plugin, pages as written (their macro calls show as text)", without),
        ("without the macros plugin, pages pre-rendered: the same HTML from plain Markdown", same),
    ):
        plain_wall, plain_inner = _median(t for t, _ in runs), _median(m for _, m in runs)
        rows.append(
            f"| {name} | {plain_wall:.2f} s | {plain_inner:.2f} s | {wall / plain_wall:.2f} | {inner / plain_inner:.2f} |"
        )
    return [
        "## Full build",
        "",
        f"Median of {repeat} runs. *Wall* is the whole command (Python start-up included); *MkDocs* is",
        "the time MkDocs reports for the build. The ratio is the full build's time over the other's",
        "(target ≤ 1.3).",
        "",
        "| Build | Wall | MkDocs | Ratio (wall) | Ratio (MkDocs) |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| `mkdocs build --strict`, the real site | {wall:.2f} s | {inner:.2f} s | | |",
        *rows,
        "",
    ]


def _prerendered(real: Path, scratch: Path) -> Path:
    """A copy of the project whose pages hold what the macros made of them (bench/prerender.py)."""
    target = _copy_project(scratch / "prerendered")
    capture = _copy_project(scratch / "capture")
    _edit_config(capture, lambda config: config.setdefault("hooks", []).append(str(BENCH / "prerender.py")))
    _build(capture, scratch / "out", env={"BENCH_PRERENDER_TARGET": str(target)})
    facts = yaml.safe_load((target / "prerendered.yml").read_text(encoding="utf-8"))

    def plain(config: dict) -> None:
        _without_macros(config)
        config["strict"] = True
        extensions = config.get("markdown_extensions", [])
        config["markdown_extensions"] = [
            {"abbr": {"glossary": facts["glossary"]}} if e == "abbr" or (isinstance(e, dict) and "abbr" in e) else e
            for e in extensions
        ]
        config.setdefault("extra", {})["curriculum"] = facts["curriculum"]

    _edit_config(target, plain)
    return target


def _without_macros(config: dict) -> None:
    config["plugins"] = [p for p in config["plugins"] if not (p == "macros" or (isinstance(p, dict) and "macros" in p))]
    config["strict"] = False


def check_command(repeat: int) -> list[str]:
    times = []
    for _ in range(max(repeat, 5)):
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=PROJECT, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            raise SystemExit(f"`python -m macros check` failed:\n{result.stderr}")
    return [
        "## Check command",
        "",
        f"`python -m macros check` on the real data, whole command: median {_median(times):.2f} s of {len(times)}"
        f" runs (target < 1 s). {result.stdout.strip()}",
        "",
    ]


def scaling(scratch: Path, scales: list[int], repeat: int) -> list[str]:
    calls = macro_calls(PROJECT / "docs")
    rows, first = [], None
    for times in scales:
        data = write_synthetic_data(PROJECT / "data", scratch / f"data-x{times}", times)
        loads, renders = [], []
        for run in range(repeat if times <= 10 else 1):  # the largest size is measured once: it is slow
            fresh = scratch / f"data-x{times}-run{run}"  # a new folder: the loader's cache cannot help
            shutil.copytree(data, fresh)
            started = time.perf_counter()
            curriculum = load_curriculum(fresh)
            loads.append(time.perf_counter() - started)
            started = time.perf_counter()
            renderer = Renderer(curriculum, today=build_date(), contact=academy_contact())
            html = sum(len(getattr(renderer, name)(*args, **kwargs)) for name, args, kwargs in calls)
            renders.append(time.perf_counter() - started)
        project = _copy_project(scratch / f"project-x{times}")
        shutil.rmtree(project / "data")
        shutil.copytree(data, project / "data")
        build, _ = _build(project, scratch / f"site-x{times}", strict=True)
        size = sum(f.stat().st_size for f in (scratch / f"site-x{times}").rglob("*") if f.is_file())
        load, render = _median(loads), _median(renders)
        first = first or (times, load, render)
        growth = times / first[0]
        rows.append(
            f"| {times}× | {len(curriculum.skills)} | {load:.3f} s | {_per_record(load, first[1], growth)} |"
            f" {render:.3f} s | {_per_record(render, first[2], growth)} | {html / 1e6:.1f} MB | {build:.1f} s |"
            f" {size / 1e6:.0f} MB |"
        )
    return [
        "## A larger curriculum",
        "",
        "bench/synthetic.py copies every record N times (tracks keep their number; their checklists grow N",
        f"times). *Render* runs the {len(calls)} macro calls the pages make. *Per record* is the time per",
        "record relative to 1×: 1.00 means it grows linearly. *Build* is the full `mkdocs build --strict`",
        f"(target for 100×: under 60 s). Median of {repeat} runs up to 10×, one run above.",
        "",
        "| Size | Skills | Load + validation | Per record | Render | Per record | HTML rendered | Build | Site |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *rows,
        "",
    ]


def _per_record(value: float, base: float, growth: float) -> str:
    """Time per record relative to the smallest size: 1.00 means linear growth."""
    return f"{value / base / growth:.2f}"


def macro_calls(docs: Path) -> list[tuple[str, tuple, dict]]:
    """The macro calls written in the pages that render macros, with their literal arguments."""
    calls = []
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        front = re.match(r"---\n(.*?)\n---\n", text, re.S)
        if not front or not (yaml.safe_load(front.group(1)) or {}).get("render_macros"):
            continue
        for expression in re.findall(r"\{\{(.*?)\}\}", text, re.S):
            try:
                call = ast.parse(expression.strip(), mode="eval").body
            except SyntaxError:
                continue
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in Renderer.macros:
                args = tuple(ast.literal_eval(a) for a in call.args)
                kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
                calls.append((call.func.id, args, kwargs))
    return calls


# -- pages ------------------------------------------------------------------------------------------


def page_weights(site: Path) -> list[str]:
    """What a phone downloads for each page: every file it fetches while loading, gzipped as GitHub
    Pages serves them (level 6), the search index included when Material fetches it."""
    from playwright.sync_api import sync_playwright

    prefix = site_prefix()
    server = PagesServer(site, prefix).start()
    weights = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS.split()[1:])
            for html in sorted(site.rglob("index.html")):
                path = html.parent.relative_to(site).as_posix()
                path = "" if path == "." else path + "/"
                context = browser.new_context(viewport={"width": 390, "height": 844})
                page = context.new_page()
                fetched = []
                page.on("requestfinished", lambda request, fetched=fetched: fetched.append(request.url))
                page.goto(server.base_url + path, wait_until="networkidle")
                context.close()
                files = {_served_file(site, prefix, url) for url in fetched} - {None}
                weights[path] = {f.relative_to(site).as_posix(): _gzipped(f) for f in files}
    finally:
        server.stop()
    code = {path: sum(size for name, size in files.items() if name.endswith(CODE)) for path, files in weights.items()}
    heaviest = max(code, key=code.get)
    lines = [
        "## Page weight",
        "",
        "What a 390 px phone fetches while loading each page, gzipped as GitHub Pages sends it. The target",
        "(≤ 100 KiB for the heaviest page) counts the page's HTML and the CSS and JavaScript it loads;",
        "*Everything* adds the rest (the search index, the sitemap, the icon).",
        "",
        "| Page | HTML + CSS + JS | Everything | Files |",
        "| --- | ---: | ---: | ---: |",
    ]
    for path in sorted(code, key=lambda p: -code[p])[:5]:
        everything = sum(weights[path].values())
        lines.append(f"| /{path} | {code[path] / 1024:.1f} KiB | {everything / 1024:.1f} KiB | {len(weights[path])} |")
    lines += ["", f"The heaviest, /{heaviest}, file by file:", "", "| File | gzip |", "| --- | ---: |"]
    for name, size in sorted(weights[heaviest].items(), key=lambda item: -item[1]):
        lines.append(f"| {name} | {size / 1024:.1f} KiB |")
    return [*lines, ""]


def lighthouse(site: Path, repeat: int) -> list[str]:
    tracks = yaml.safe_load((PROJECT / "data" / "tracks.yaml").read_text(encoding="utf-8"))
    pages = {
        "Home": "",
        f"Track ({tracks[0]['id']})": f"tracks/{tracks[0]['id'].lower()}/",
        "Skills catalogue": "skills/",
        "Self-assessment": "self-assessment/",
    }
    categories = ("performance", "accessibility", "best-practices", "seo")
    server = PagesServer(site, site_prefix()).start()
    rows = []
    try:
        for name, path in pages.items():
            if not (site / path / "index.html").is_file():
                rows.append(f"| {name} | (no page at /{path}) |" + " |" * len(categories))
                continue
            runs = [_lighthouse_run(server.base_url + path) for _ in range(max(repeat, 5))]
            scores = [statistics.median(run[c] for run in runs) for c in categories]
            rows.append(f"| {name} (/{path}) | " + " | ".join(f"{score:.0f}" for score in scores) + " |")
    finally:
        server.stop()
    return [
        "## Lighthouse (mobile)",
        "",
        "Lighthouse's default mobile emulation and simulated throttling, against the local Pages server;",
        f"median of {max(repeat, 5)} runs (targets: performance ≥ 98, the others 100).",
        "",
        "| Page | Performance | Accessibility | Best practices | SEO |",
        "| --- | ---: | ---: | ---: | ---: |",
        *rows,
        "",
    ]


def _lighthouse_run(url: str) -> dict[str, float]:
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            "--only-categories=performance,accessibility,best-practices,seo",
            f"--chrome-flags={CHROMIUM_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    return {name: category["score"] * 100 for name, category in report["categories"].items()}


# -- plumbing ---------------------------------------------------------------------------------------


def _copy_project(target: Path) -> Path:
    shutil.copytree(PROJECT, target, ignore=NOT_COPIED)
    return target


def _edit_config(project: Path, change) -> None:
    """Change a copy's mkdocs.yml (its comments are lost, its tags are kept)."""
    config_file = project / "mkdocs.yml"
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_KeepTags)  # noqa: S506 - a SafeLoader
    change(config)
    config_file.write_text(
        yaml.dump(config, Dumper=_KeepTagsDumper, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )


class _Tagged:
    def __init__(self, tag: str, value):
        self.tag, self.value = tag, value


class _KeepTags(yaml.SafeLoader):
    """Safe YAML that keeps tags it does not know (!ENV, !!python/name:…) to write them back."""


class _KeepTagsDumper(yaml.SafeDumper):
    pass


_KeepTags.add_multi_constructor("", lambda loader, tag, node: _Tagged(tag, loader.construct_scalar(node)))
_KeepTagsDumper.add_representer(_Tagged, lambda dumper, tagged: dumper.represent_scalar(tagged.tag, tagged.value))


def _build(project: Path, site: Path, strict: bool = True, env: dict | None = None) -> tuple[float, float]:
    """Build `project` into `site`; return the wall time and the time MkDocs reports."""
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)] + (["--strict"] if strict else [])
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env={**os.environ, **(env or {})})
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"The build of {project} failed:\n{result.stderr[-3000:]}")
    reported = re.search(r"Documentation built in ([\d.]+) seconds", result.stderr + result.stdout)
    return wall, float(reported.group(1)) if reported else float("nan")


def _served_file(site: Path, prefix: str, url: str) -> Path | None:
    from urllib.parse import unquote, urlsplit

    path = unquote(urlsplit(url).path)
    if not path.startswith(prefix):
        return None
    file = site / path[len(prefix) :]
    if file.is_dir():
        file = file / "index.html"
    return file if file.is_file() else None


def _gzipped(file: Path) -> int:
    return len(gzip.compress(file.read_bytes(), compresslevel=6, mtime=0))


def _median(values) -> float:
    return statistics.median(list(values))


def _run(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout
    except OSError:
        return "not installed"


def _git(*args: str) -> str:
    return _run(["git", "-C", str(PROJECT), *args]).strip()


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def _command() -> str:
    return " ".join([".venv/bin/python", "bench/benchmark.py", *sys.argv[1:]])


def _write(report: list[str]) -> None:
    block = "\n".join([START, *report, END])
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else f"# Benchmark results\n\n{START}\n{END}\n"
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    RESULTS.write_text(before + block + after, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
