"""Serving and load tools shared by the benchmarks: gunicorn servers, wrk runs, single requests."""

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.env import BASE_DIR, RESULTS_DIR

PY = sys.executable
LUA = BASE_DIR / "bench" / "wrk_report.lua"


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def ensure_wrk():
    if shutil.which("wrk"):
        return shutil.which("wrk")
    log("wrk is missing: installing it with apt-get (Debian package 'wrk')")
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*prefix, "apt-get", "install", "-y", "-q", "wrk"], check=False, env=env)
    if not shutil.which("wrk"):
        sys.exit("wrk is required: apt-get install wrk")
    return shutil.which("wrk")


def gunicorn_config():
    project_conf = BASE_DIR / "gunicorn.conf.py"
    return project_conf if project_conf.exists() else BASE_DIR / "bench" / "gunicorn_bench.conf.py"


class Server:
    """One gunicorn master serving `app` on 127.0.0.1:port; its log goes to bench/results/."""

    def __init__(self, app, port, env, name):
        self.app, self.port, self.env, self.name = app, port, env, name
        self.process = None

    def __enter__(self):
        log_file = open(RESULTS_DIR / f"gunicorn-{self.name}.log", "a")  # noqa: SIM115
        command = [PY, "-m", "gunicorn", "-c", str(gunicorn_config()), "-b", f"127.0.0.1:{self.port}", self.app]
        self.process = subprocess.Popen(command, cwd=BASE_DIR, env=self.env, stdout=log_file, stderr=log_file)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn ({self.name}) exited; see {log_file.name}")
            try:
                # The first request of a worker is slow on a busy machine: wait for it, do not retry too early.
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=120)  # noqa: S310
                return self
            except urllib.error.HTTPError:
                return self
            except OSError:
                time.sleep(0.5)
        self.__exit__()
        sys.exit(f"gunicorn ({self.name}) did not answer on port {self.port}")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def workers_rss_mb(self):
        """RSS in MB of each worker (children of the gunicorn master), read from /proc."""
        sizes = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            except OSError:
                continue
            if fields.get("PPid", "").strip() == str(self.process.pid) and "VmRSS" in fields:
                sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
        return sorted(sizes)


def get(url, cookie=None, gzip=False):
    """(status, headers, body) of one GET; error statuses are returned, not raised. With gzip=True the
    request accepts gzip and the body is returned as sent (compressed or not)."""
    headers = {"Cookie": cookie} if cookie else {}
    if gzip:
        headers["Accept-Encoding"] = "gzip"
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http only)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def fetch(url, cookie=None):
    """(status, body length) of one GET."""
    status, _, body = get(url, cookie)
    return status, len(body)


# What every browser sends: visitors' pages are measured as visitors get them (compressed when the
# server offers it).
BROWSER_HEADERS = ("Accept-Encoding: gzip, deflate, br, zstd",)


def run_wrk(wrk, url, args, cookie=None, script=LUA, headers=BROWSER_HEADERS):
    """wrk at the run's fixed concurrency and duration; `script` must print wrk_report.lua's JSON line."""
    command = [wrk, f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "30s"]
    command += ["-s", str(script)]
    for header in headers:
        command += ["-H", header]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True, cwd=BASE_DIR).stdout
    data = json.loads([line for line in out.splitlines() if line.startswith("{")][-1])
    seconds = data["duration_us"] / 1e6
    return {
        "rps": round(data["requests"] / seconds, 1) if seconds else 0.0,
        "requests": data["requests"],
        "p50_ms": round(data["p50_us"] / 1000, 2),
        "p95_ms": round(data["p95_us"] / 1000, 2),
        "p99_ms": round(data["p99_us"] / 1000, 2),
        "errors": data["errors_status"] + data["errors_connect"] + data["errors_read"] + data["errors_timeout"],
    }
