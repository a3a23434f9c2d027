import json
import os
import pathlib
import uuid

import pytest

from tests.factories import build_site


@pytest.fixture
def site_tree(db):
    return build_site()


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    from pagecache import local

    cache.clear()
    local.entries.clear()
    yield
    cache.clear()
    local.entries.clear()


FUZZ_STATS_DIR = pathlib.Path(__file__).resolve().parent.parent / "artifacts" / "fuzz"  # = harness.STATS_DIR


def pytest_configure(config):
    """One id per run, on the controller and its workers (xdist reads --testrunuid; the fuzz harness
    names its count files after it): two runs at once on one machine never merge each other's counts."""
    if hasattr(config, "workerinput"):
        return
    if getattr(config.option, "testrunuid", None) is None:
        config.option.testrunuid = uuid.uuid4().hex
    os.environ["PYTEST_XDIST_TESTRUNUID"] = config.option.testrunuid


def pytest_sessionfinish(session, exitstatus):
    """Merge the fuzz suite's request counts of every worker (tests/fuzz/harness.py) into
    artifacts/fuzz/stats.json: {database: {route: {part: requests}}}, the other database's run kept."""
    if hasattr(session.config, "workerinput"):
        return  # a worker: the controller merges once all have written their part
    run = os.environ["PYTEST_XDIST_TESTRUNUID"]
    parts_dir = FUZZ_STATS_DIR / "parts"
    parts = sorted(parts_dir.glob(f"{run}-*.json")) if parts_dir.exists() else []
    if not parts:
        return
    stats_file = FUZZ_STATS_DIR / "stats.json"
    stats = json.loads(stats_file.read_text()) if stats_file.exists() else {}
    fresh = {}
    for part in parts:
        for vendor, route, kind, number in json.loads(part.read_text()):
            routes = fresh.setdefault(vendor, {})
            routes.setdefault(route, {}).setdefault(kind, 0)
            routes[route][kind] += number
        part.unlink()
    stats.update(fresh)
    for routes in stats.values():
        for route in routes.values():
            route["total"] = sum(number for kind, number in route.items() if kind != "total")
    stats_file.write_text(json.dumps(stats, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
