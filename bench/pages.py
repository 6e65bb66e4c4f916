"""Serve the story page the way ../shared/peer-bench measures it (not a test).

    .venv/bin/python bench/pages.py                       # SQLite, three targets
    .venv/bin/python bench/pages.py --postgres postgres://postgres@127.0.0.1:5432/newsroom_bench

Loads the demo as `make run` does (the archive sample, so the peer-bench's seed
story `government-leans-on-civil-servants` is there, and the demo curation)
into a throw-away SQLite file
and, with --postgres, into that database (it is migrated and the demo loaded
into it; use one that holds nothing else), then starts gunicorn as `make run`
does (gunicorn.conf.py, 2 sync workers), one per target:

  ours-sqlite     SQLite, page cache off (NEWSROOM_PAGE_CACHE_SECONDS=0)
  ours-postgres   PostgreSQL, page cache off (only with --postgres)
  ours-cached     SQLite, page cache on (the default: diskcache)
  ours-quiet      as ours-cached, without the access log: gunicorn as the
                  peers run it (peer-bench's F and P targets log nothing)

Each target has its own diskcache folder. It prints the `--extra` arguments
for peer-bench's bench.sh (the story, the front page and a section on each)
and serves until interrupted (Ctrl-C stops them).
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
STORY = "/en/feature/government-leans-on-civil-servants/"
# The other pages the issue compares: the front page and a section.
PAGES = {"": STORY, "front-": "/en/", "section-": "/en/feature/"}


def environment(workdir, name, database_url, page_cache):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "NEWSROOM_ALLOW_INSECURE_KEY": "1",
        "NEWSROOM_PLAIN_STATIC": "1",
        "DATABASE_URL": database_url,
        "NEWSROOM_CACHE_DIR": str(Path(workdir) / f"cache-{name}"),
        "NEWSROOM_PAGE_CACHE_SECONDS": "300" if page_cache else "0",
    }
    env.pop("REDIS_URL", None)
    return env


def load_demo(env):
    for command in (["migrate", "--noinput", "-v0"], ["load_demo"], ["curate_demo"]):
        subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [PYTHON, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def serve(env, port, log, config="gunicorn.conf.py"):
    return subprocess.Popen(  # noqa: S603 - our own gunicorn
        [GUNICORN, "newsroom.wsgi", "--config", config]
        + ["--workers", "2", "--worker-class", "sync", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_until_up(url, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.5)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="database URL for ours-postgres")
    parser.add_argument(
        "--ports",
        default="8131,8139,8136,8137",
        help="ours-sqlite,ours-postgres,ours-cached,ours-quiet (default %(default)s)",
    )
    args = parser.parse_args()
    names = ("sqlite", "postgres", "cached", "quiet")
    ports = dict(zip(names, args.ports.split(","), strict=True))
    workdir = tempfile.TemporaryDirectory(prefix="pages-bench-")
    sqlite_url = f"sqlite:///{workdir.name}/bench.sqlite3"
    targets = {
        "sqlite": (sqlite_url, False),
        "cached": (sqlite_url, True),
        "quiet": (sqlite_url, True),
    }
    if args.postgres:
        targets["postgres"] = (args.postgres, False)
        load_demo(environment(workdir.name, "postgres", args.postgres, False))
    load_demo(environment(workdir.name, "sqlite", sqlite_url, False))
    servers = []
    log = open(Path(workdir.name) / "gunicorn.log", "w")  # noqa: SIM115
    quiet = Path(workdir.name) / "quiet.conf.py"
    quiet.write_text(
        f"exec(open({str(ROOT / 'gunicorn.conf.py')!r}).read())\naccesslog = None\n"
    )
    try:
        for name, (url, page_cache) in targets.items():
            env = environment(workdir.name, name, url, page_cache)
            config = str(quiet) if name == "quiet" else "gunicorn.conf.py"
            servers.append(serve(env, ports[name], log, config))
        extras = []
        for name in targets:
            wait_until_up(f"http://127.0.0.1:{ports[name]}{STORY}")
            for prefix, path in PAGES.items():
                url = f"http://127.0.0.1:{ports[name]}{path}"
                extras.append(f"--extra {prefix}ours-{name}={url}")
        print("Serving. Run in ../shared/peer-bench:\n  ./bench.sh " + " ".join(extras))
        print("Ctrl-C stops the servers.", flush=True)
        signal.pause()
    except KeyboardInterrupt:
        pass
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
        for server in servers:
            server.wait()
        workdir.cleanup()


def interrupted(signum, frame):
    raise KeyboardInterrupt


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, interrupted)
    main()
