"""Lighthouse (mobile) and axe-core on the demo reader site, served as in production.

    make lighthouse                              # every page, both languages
    .venv/bin/python bench/lighthouse.py --only front,video --port 8142
    .venv/bin/python bench/lighthouse.py --reuse --axe   # keep var/lighthouse's site

Builds a throw-away site in var/lighthouse/ (git-ignored): the demo (`load_demo`,
`curate_demo`) in SQLite, static files collected into WhiteNoise's compressed
manifest storage (hashed names, gzip and Brotli, far-future cache headers) as
production serves them, and gunicorn (gunicorn.conf.py, 2 workers) with the page
cache on. The archive's photos are remote addresses the sandbox cannot reach, so
each gets a generated 1600x1000 JPEG through the real download path
(`fetch_remote_photos`, renditions and all), as after a desk has fetched them.

The sample has no biography, party, quote, reference, timeline or data story, so
before each story type is measured one demo story is given that layout (and the
content version bumped, as a save would) in the throw-away database.

Lighthouse itself comes from tools/lighthouse (`npm ci` there; node_modules is
git-ignored) and drives Debian's /usr/bin/chromium. JSON reports go to
var/lighthouse/reports/. Not a test: scores depend on the machine's load.
"""

import argparse
import datetime
import json
import os
import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from pages import serve, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "lighthouse"
TOOLS = ROOT / "tools" / "lighthouse"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
AXE = ROOT / "tests" / "browser" / "vendor" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}

# (name, path after /<lang>/, the layout the story gets first or None)
PAGES = (
    ("front", "", None),
    ("section", "feature/", None),
    ("author", "authors/sun-narin/", None),
    ("centered", "mainbar/cambodia-adrift/", None),
    ("main", "politician/sok-eysan-cpp-spokesman/", None),
    ("video", "video/video-cement-development-farmers/", None),
    ("biography", "feature/hun-sen-hometown/", "biography"),
    ("party", "feature/cement-manufacturing-carves-up-rural-cambodia/", "party"),
    ("quote", "feature/government-leans-on-civil-servants/", "quote"),
    ("reference", "feature/media-crackdown-in-cambodia/", "reference"),
    ("timeline", "feature/media-crackdown-in-cambodia/", "timeline"),
    ("data", "hun-sen/hun-sen-interview-part-1-puppet/", "post-data"),
)
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => ["moderate", "serious", "critical"].includes(v.impact))
    .map(v => `${v.id} (${v.impact}): ` +
      v.nodes.map(n => n.target.join(" ")).join(", "));
}"""


def environment(port):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "NEWSROOM_ALLOW_INSECURE_KEY": "1",
        "DATABASE_URL": f"sqlite:///{WORK}/site.sqlite3",
        "NEWSROOM_CACHE_DIR": str(WORK / "cache"),
        "STATIC_ROOT": str(WORK / "static"),
        "MEDIA_ROOT": str(WORK / "media"),
        "NEWSROOM_SITE_URL": f"http://127.0.0.1:{port}",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    }
    for name in ("REDIS_URL", "NEWSROOM_PLAIN_STATIC", "DEBUG", "NEWSROOM_CACHE"):
        env.pop(name, None)
    return env


def generated_photo(seed):
    """A JPEG the size of an archive photo, different for every seed."""
    from io import BytesIO

    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)  # noqa: S311 - test pictures, not secrets
    image = Image.new("RGB", (1600, 1000), tuple(rng.randrange(256) for _ in "rgb"))
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = rng.randrange(1600), rng.randrange(1000)
        size = rng.randrange(40, 400)
        colour = tuple(rng.randrange(256) for _ in "rgb")
        draw.ellipse((x, y, x + size, y + size), fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(3))
    out = BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def build_site():
    """Migrate, collect static files, load and curate the demo, give photos files."""
    from django.core.management import call_command

    from media_assets import remote

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_demo")
    call_command("curate_demo")
    photos = iter(range(1, 10**6))
    real_download = remote.download
    remote.download = lambda url, *args, **kwargs: generated_photo(next(photos))
    try:
        report = remote.fetch_remote_photos()
    finally:
        remote.download = real_download
    print(f"Photos given generated files: {len(report.results)}")


def lay_out(path, layout):
    """Give the story at `path` the layout, and drop cached pages as a save would."""
    from articles.models import Article
    from articles.page_cache import bump_content_version

    slug = path.rstrip("/").rsplit("/", 1)[-1]
    if Article.objects.filter(slug=slug).exclude(layout=layout).update(layout=layout):
        bump_content_version()


def lighthouse(url, report):
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    for attempt in range(3):  # a trace is sometimes lost (NO_NAVSTART) on a busy host
        done = subprocess.run(  # noqa: S603 - the pinned dev tool
            [str(LIGHTHOUSE), url, "--quiet", "--output=json"]
            + [f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}"]
            + ["--only-categories=" + ",".join(CATEGORIES)],
            env=env,
            check=attempt == 2,
        )
        if done.returncode == 0:
            break
    result = json.loads(report.read_text())
    failing = [
        audit_id
        for category in result["categories"].values()
        for ref in category["auditRefs"]
        if ref["weight"]
        and (audit := result["audits"][ref["id"]])["score"] is not None
        and audit["score"] < 1
        and (audit_id := ref["id"])
    ]
    scores = {
        name: round(100 * (result["categories"][name]["score"] or 0))
        for name in CATEGORIES
    }
    return scores, sorted(set(failing))


def axe_violations(urls):
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking"],
        )
        for width in (390, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900})
            for url in urls:
                page.goto(url)
                page.evaluate(AXE.read_text())
                if violations := page.evaluate(RUN_AXE):
                    found[f"{url} @{width}"] = violations
            page.close()
        browser.close()
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8142)
    parser.add_argument("--only", help="comma-separated page names (default: all)")
    parser.add_argument("--languages", default="en,km")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the site built in var/lighthouse"
    )
    parser.add_argument("--axe", action="store_true", help="also run axe-core")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"Lighthouse is missing: run `npm ci` in {TOOLS}.")
    wanted = set(args.only.split(",")) if args.only else {name for name, *_ in PAGES}
    env = environment(args.port)
    os.environ.update(env)
    fresh = not (args.reuse and (WORK / "site.sqlite3").exists())
    if fresh:
        shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "reports").mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    if fresh:
        build_site()
    log = open(WORK / "gunicorn.log", "a")  # noqa: SIM115
    server = serve(env, args.port, log)
    base = f"http://127.0.0.1:{args.port}"
    rows = []
    try:
        wait_until_up(f"{base}/en/")
        for name, path, layout in PAGES:
            if name not in wanted:
                continue
            if layout:
                lay_out(path, layout)
            for language in args.languages.split(","):
                url = f"{base}/{language}/{path}"
                wait_until_up(url)  # also warms the page cache, as readers find it
                report = WORK / "reports" / f"{name}-{language}.json"
                scores, failing = lighthouse(url, report)
                rows.append((f"{name} ({language})", scores, failing))
                print_row(*rows[-1])
                if args.axe:
                    found = axe_violations([url])
                    print(f"  axe-core, 390 and 1280 px: {len(found)} with violations")
                    for page, violations in found.items():
                        print(f"  axe {page}: " + "; ".join(violations))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
    print_table(rows)


def print_row(page, scores, failing):
    cells = " | ".join(str(scores[name]) for name in CATEGORIES)
    below = f"  below 1: {', '.join(failing)}" if failing else ""
    print(f"| {page} | {cells} |{below}")


def print_table(rows):
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    version = json.loads((TOOLS / "package.json").read_text())["devDependencies"]
    print(f"\nLighthouse {version['lighthouse']} (mobile), {stamp}")
    print("| page | performance | accessibility | best practices | SEO |")
    print("| --- | --- | --- | --- | --- |")
    for page, scores, _failing in rows:
        cells = []
        for name in CATEGORIES:
            mark = "" if scores[name] >= TARGETS[name] else " (below)"
            cells.append(f"{scores[name]}{mark}")
        print(f"| {page} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
