"""`make bench`: server-side render time, query count and HTML weight of each public page type.

Builds a throwaway SQLite database with the demo content, then requests one page of every page
type many times through Django's test client (in process: no network, no browser). Prints a table
and exits non-zero when a page type misses a target. Timings vary with the machine: targets are
for the 2-core reference machine.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Targets per uncached page render (anonymous visitor, warm process).
TARGET_P95_MS = float(os.environ.get("BENCH_TARGET_P95_MS", "150"))
TARGET_HTML_KB = float(os.environ.get("BENCH_TARGET_HTML_KB", "100"))
TARGET_QUERIES = int(os.environ.get("BENCH_TARGET_QUERIES", "30"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "50"))


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="amnesty-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "website.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from wagtail.models import Page

    setup_test_environment()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", "--skip-index", stdout=open(os.devnull, "w"))  # noqa: SIM115

    client = Client()
    pages = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        pages.setdefault(type(page).__name__, page)

    rows, failures = [], []
    for name, page in pages.items():
        url = page.url
        response = client.get(url)  # warm caches and renditions
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        query_count = len(queries)  # read now: later requests clear the connection's query log
        timings = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[int(len(timings) * 0.95) - 1]
        kb = len(response.content) / 1024
        rows.append((name, url, p50, p95, query_count, kb))
        if p95 > TARGET_P95_MS or kb > TARGET_HTML_KB or query_count > TARGET_QUERIES:
            failures.append(name)

    print(f"{'page type':<30} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'HTML kB':>8}  url")
    for name, url, p50, p95, count, kb in rows:
        print(f"{name:<30} {p50:>8.1f} {p95:>8.1f} {count:>8} {kb:>8.1f}  {url}")
    print(
        f"targets: p95 <= {TARGET_P95_MS:.0f} ms, queries <= {TARGET_QUERIES}, HTML <= {TARGET_HTML_KB:.0f} kB ({ROUNDS} rounds)"
    )
    if failures:
        print("MISSED: " + ", ".join(failures))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
