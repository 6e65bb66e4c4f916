"""The partner rate limit is one budget for all processes, as gunicorn runs them."""

import os
import subprocess
import sys
import time

from django.conf import settings

from tests.conftest import ROOT

LIMIT = (120, 60)
PER_WORKER = 150  # 300 requests in all, as in the review

# One "worker": Django set up from the project's settings, nothing overridden
# but the cache folder; it reports ready, waits for "go", then counts.
WORKER = """
import sys, django
django.setup()
from django.core.cache import caches
from syndication import ratelimit
backend = type(caches["default"])
print(backend.__module__ + "." + backend.__name__, flush=True)
sys.stdin.readline()
now = float(sys.argv[1])
print(sum(ratelimit.hit("shared-key", now=now).allowed for _ in range({n})))
"""


def worker_env(cache_dir):
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"NEWSROOM_CACHE", "REDIS_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        NEWSROOM_ALLOW_INSECURE_KEY="1",
        NEWSROOM_CACHE_DIR=str(cache_dir),
        NEWSROOM_FEED_RATE_LIMIT="{}/{}".format(*LIMIT),
    )
    return env


def test_two_processes_share_one_budget_on_the_default_cache(tmp_path):
    # The middle of a window, so that both processes count in the same one.
    now = (int(time.time()) // LIMIT[1]) * LIMIT[1] + LIMIT[1] / 2
    workers = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", WORKER.format(n=PER_WORKER), str(now)],
            cwd=ROOT,
            env=worker_env(tmp_path / "cache"),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    backends = {worker.stdout.readline().strip() for worker in workers}
    assert backends == {"newsroom.diskcache_backend.PersistentDjangoCache"}  # default
    for worker in workers:  # start counting together
        worker.stdin.write("go\n")
        worker.stdin.flush()
    allowed = [int(worker.communicate(timeout=60)[0]) for worker in workers]
    assert all(worker.returncode == 0 for worker in workers)
    assert sum(allowed) == LIMIT[0], allowed  # not LIMIT[0] per process


def test_the_test_run_itself_uses_a_memory_cache():
    """The suite is one process; only the test above needs the shared cache."""
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
