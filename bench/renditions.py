"""Benchmark: the rendition set of a 6000×4000 JPEG, and an article page with
20 photos cold (no renditions yet) and warm (all generated).

Runs against a throw-away SQLite database and media folder:
    .venv/bin/python bench/renditions.py
"""

import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
os.environ.update(
    DATABASE_URL=f"sqlite:///{WORK / 'bench.sqlite3'}",
    MEDIA_ROOT=str(WORK / "media"),
    NEWSROOM_ALLOW_INSECURE_KEY="1",
    NEWSROOM_PLAIN_STATIC="1",
    LOG_LEVEL="WARNING",
    # Queued, not run: the benchmark times generation itself.
    TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend",
    DJANGO_SETTINGS_MODULE="newsroom.settings",
)
sys.path.insert(0, str(ROOT))


def make_photo(path, size):
    """A detailed JPEG: fractal edges at every scale plus fine grain, so that
    downscaled renditions still carry detail (flat test images encode
    unrealistically fast and small)."""
    from PIL import Image

    fractal = Image.effect_mandelbrot(size, (-2.0, -1.2, 1.0, 1.2), 60)
    grain = Image.effect_noise(size, 24)
    gradient = Image.linear_gradient("L").resize(size)
    image = Image.merge(
        "RGB",
        (fractal, Image.blend(gradient, grain, 0.4), Image.blend(fractal, grain, 0.3)),
    )
    image.save(path, "JPEG", quality=90)


def make_in_child(path, size):
    # Built in a child process so this process's peak memory is the
    # generator's alone.
    child = multiprocessing.get_context("fork").Process(
        target=make_photo, args=(path, size)
    )
    child.start()
    child.join()


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    big = WORK / "big.jpg"
    make_in_child(big, (6000, 4000))
    for index in range(20):
        make_in_child(WORK / f"page-{index}.jpg", (2400, 1600))

    import django

    django.setup()
    from django.core.files import File
    from django.core.management import call_command
    from django.test import Client

    from media_assets.models import Rendition
    from media_assets.renditions import create_renditions, planned_specs
    from media_assets.services import ingest
    from tests.factories import ArticleFactory, PhotoPlacementFactory

    call_command("migrate", verbosity=0)

    with big.open("rb") as handle:
        photo = ingest(File(handle), "big.jpg").photo
    specs = planned_specs(photo)
    rss_before = peak_rss_mb()
    tracemalloc.start()
    started = time.perf_counter()
    create_renditions(photo, specs)
    elapsed = time.perf_counter() - started
    _current, python_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = peak_rss_mb()
    total_bytes = sum(r.file.size for r in Rendition.objects.filter(photo=photo))
    print(f"6000×4000 JPEG → {len(specs)} renditions in {elapsed:.2f} s")
    print(f"  stored: {total_bytes / 1024 / 1024:.1f} MB")
    print(f"  peak RSS: {rss_after:.0f} MB (was {rss_before:.0f} MB before)")
    print(f"  Python-heap peak (tracemalloc): {python_peak / 1024 / 1024:.1f} MB")

    article = ArticleFactory(published=True)
    photos = []
    for index in range(20):
        with (WORK / f"page-{index}.jpg").open("rb") as handle:
            photos.append(ingest(File(handle), f"page-{index}.jpg").photo)
        PhotoPlacementFactory(
            article=article,
            photo=photos[-1],
            kind="hero" if index == 0 else "inline",
            position=index + 1,
        )
    client = Client()
    url = article.get_absolute_url("en")

    def timed_get():
        started = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200
        return time.perf_counter() - started

    cold = timed_get()
    print(
        f"Article page, 20 photos, cold (no renditions; one set made in the "
        f"request, 19 originals): {cold * 1000:.0f} ms"
    )
    for page_photo in photos:
        create_renditions(page_photo, planned_specs(page_photo))
    warm = [timed_get() for _ in range(7)]
    print(
        "Article page, 20 photos, warm (all renditions stored): "
        f"median {statistics.median(warm) * 1000:.1f} ms over {len(warm)} requests"
    )


if __name__ == "__main__":
    main()
