"""Command-line options and the dataset, shared by `make bench` (bench.run) and its parts."""

import argparse
import os
import subprocess
import time
from pathlib import Path

from bench.env import BASE_DIR, RESULTS_DIR, drop_database
from bench.load import PY


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 8)), help="seconds per URL"
    )
    parser.add_argument("--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", 8)))
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8901)), help="site port")
    parser.add_argument("--bare-port", type=int, default=int(os.environ.get("BENCH_BARE_PORT", 8902)))
    parser.add_argument("--only", default="", help="comma-separated URL names to measure (default: all)")
    parser.add_argument("--regenerate", action="store_true", help="drop and regenerate the benchmark database")
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "latest.json")
    return parser.parse_args(argv)


def ensure_database(env, regenerate):
    """Generate the dataset when it is not there (in a new database when DATABASE_URL names none)."""
    if regenerate:
        drop_database(env["DATABASE_URL"])
    started = time.monotonic()
    subprocess.run([PY, "-m", "bench.generate"], cwd=BASE_DIR, env=env, check=True)
    return time.monotonic() - started
