"""Two gunicorn app servers, one PostgreSQL, one Redis, one media directory: are the servers stateless?

Starts instances A and B with production settings on two ports, then, as an editor with a browser would:
logs in on A and uses that session on B; publishes a page through A's admin and reads it on B; edits
and republishes it on A and sees the change on B; uploads an image through A and downloads it from B;
a `db_worker` process (one for both) makes that image's renditions in the background.
Prints each step, the security headers of `/` and `/admin/login/`, and PASS or FAIL (exit status 0/1).

    make two-instances            # or: .venv/bin/python bench/two_instances.py

Environment: MULTI_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/cuf_wt7_multi, created if
missing; `--fresh` drops it first), MULTI_REDIS_URL (default redis://127.0.0.1:6379/7, emptied with
FLUSHDB), MULTI_PORTS (default 8701,8702).
"""

import http.client
import io
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
DATABASE_URL = os.environ.get("MULTI_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cuf_wt7_multi")
REDIS_URL = os.environ.get("MULTI_REDIS_URL", "redis://127.0.0.1:6379/7")
PUBLIC_HOST = "localhost"
PORTS = [int(port) for port in os.environ.get("MULTI_PORTS", "8701,8702").split(",")]

SETUP_SITE = """
import django
django.setup()
from django.contrib.auth.models import User
from home.models import HomePage
from tests.factories import build_site
home = HomePage.objects.first() or build_site()["home"]
user = User.objects.filter(username="admin").first() or User.objects.create_superuser("admin", "admin@example.org")
user.set_password(PASSWORD)
user.save()
print(home.pk)
"""


class Browser:
    """A minimal HTTP client that keeps cookies (Secure ones too: TLS ends at the imaginary proxy)."""

    def __init__(self):
        self.cookies = {}
        self.cookie_flags = {}

    def request(self, port, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        # Both instances sit behind one public name, as behind a load balancer that terminates TLS.
        sent = {
            "Host": PUBLIC_HOST,
            "X-Forwarded-Proto": "https",
            "Origin": f"https://{PUBLIC_HOST}",
            "Referer": f"https://{PUBLIC_HOST}{path}",
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        sent.update(headers or {})
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        response.body = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
                self.cookie_flags[name] = {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"])}
        conn.close()
        return response

    def get(self, port, path):
        return self.request(port, "GET", path)

    def post(self, port, path, fields):
        fields = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **fields}
        return self.request(
            port, "POST", path, urlencode(fields), {"Content-Type": "application/x-www-form-urlencoded"}
        )

    def post_multipart(self, port, path, fields, files):
        boundary = uuid.uuid4().hex
        out = io.BytesIO()
        fields = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **fields}
        for name, value in fields.items():
            out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, (filename, content, content_type) in files.items():
            out.write(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n".encode()
            )
            out.write(content + b"\r\n")
        out.write(f"--{boundary}--\r\n".encode())
        return self.request(
            port, "POST", path, out.getvalue(), {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        )


def prepare_database(fresh):
    """Creates the shared database (dropping it first with --fresh); migrate then brings it up to date."""
    import psycopg

    url = urlparse(DATABASE_URL)
    name = url.path.lstrip("/")
    admin_url = url._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def clear_redis():
    """Empties only our Redis database (never FLUSHALL)."""
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def png_bytes():
    """A new image each run: the media library refuses an exact duplicate of an earlier upload."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), tuple(secrets.token_bytes(3))).save(buffer, format="PNG")
    return buffer.getvalue()


def wait_healthy(port, process, deadline=120):
    start = time.monotonic()
    last = "no answer"
    while time.monotonic() - start < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn on {port} exited with {process.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/healthz")
            last = conn.getresponse().status
            if last == 200:
                return time.monotonic() - start
        except OSError as error:
            last = repr(error)
        time.sleep(0.5)
    raise RuntimeError(f"gunicorn on {port} not healthy after {deadline} s (last: {last})")


class Checks:
    def __init__(self):
        self.failures = []

    def __call__(self, label, ok, detail=""):
        print(f"  [{'ok' if ok else 'FAIL'}] {label}{(': ' + detail) if detail and not ok else ''}")
        if not ok:
            self.failures.append(label)
        return ok


def run_scenario(env, home_id, media_root):
    check = Checks()
    a, b = PORTS
    browser = Browser()

    browser.get(a, "/admin/login/")
    login = browser.post(a, "/admin/login/", {"username": "admin", "password": env["PASSWORD"], "next": "/admin/"})
    check("log in on A", login.status == 302, f"status {login.status}")
    dashboard = browser.get(b, "/admin/")
    check("the session made on A is valid on B", dashboard.status == 200, f"status {dashboard.status}")
    flags = browser.cookie_flags.get("sessionid", {})
    check("session cookie is Secure and HttpOnly", flags.get("secure") and flags.get("httponly"), str(flags))

    tag = secrets.token_hex(3)
    title = f"Jumelage Lyon–Beyrouth {tag}"
    slug = f"jumelage-{tag}"
    page_fields = {
        "title": title,
        "slug": slug,
        "intro": "Première version publiée sur A.",
        "body-count": "0",
        "action-publish": "action-publish",
    }
    published = browser.post(a, f"/admin/pages/add/core/standardpage/{home_id}/", page_fields)
    check("publish a page through A's admin", published.status == 302, f"status {published.status}")
    visitor = Browser()
    on_b = visitor.get(b, f"/{slug}/")
    check(
        "B serves the page published on A",
        on_b.status == 200 and "Première version publiée sur A." in on_b.body.decode(),
        f"status {on_b.status}",
    )

    on_a = visitor.get(a, f"/{slug}/")
    if on_b.getheader("X-Page-Cache"):  # the anonymous page cache is installed: it must be shared too
        states = f"B {on_b.getheader('X-Page-Cache')}, then A {on_a.getheader('X-Page-Cache')}"
        check(f"the page cache is shared ({states})", on_a.getheader("X-Page-Cache") == "hit", states)

    page_id = find_page_id(browser, a, home_id, tag)
    edited = browser.post(
        a, f"/admin/pages/{page_id}/edit/", {**page_fields, "intro": "Seconde version, modifiée sur A."}
    )
    check("edit and republish it through A", edited.status == 302, f"status {edited.status}, page {page_id}")
    again = visitor.get(b, f"/{slug}/")
    check(
        f"B shows the change at once (no stale copy; page cache: {again.getheader('X-Page-Cache', 'none')})",
        "Seconde version, modifiée sur A." in again.body.decode(),
        f"status {again.status}",
    )

    content = png_bytes()
    upload = browser.post_multipart(
        a,
        "/admin/images/add/",
        {"title": "Rencontre des maires", "description": "Des maires réunis en séance", "credit": "CUF", "tags": ""},
        {"file": ("rencontre-maires.png", content, "image/png")},
    )
    check("upload an image through A", upload.status == 302, f"status {upload.status} {form_errors(upload)}")
    stored = sorted(Path(media_root, "original_images").glob("rencontre-maires*.png"))
    check("the upload is in the shared media storage", bool(stored))
    if stored:
        relative = stored[0].relative_to(media_root).as_posix()
        fetched = visitor.get(b, f"/media/{relative}")
        check(
            "B serves the file uploaded on A, byte for byte",
            fetched.status == 200 and fetched.body == content,
            f"status {fetched.status}",
        )
        check(
            "media responses are nosniff and sandboxed",
            "sandbox" in (fetched.getheader("Content-Security-Policy") or ""),
        )

    renditions = wait_for_worker(env)
    check(f"the worker made the upload's renditions in the background ({renditions} made)", renditions > 0)

    health = [visitor.get(port, "/healthz") for port in PORTS]
    check("both instances healthy", all(r.status == 200 and r.body == b"ok\n" for r in health))

    print("\nHeaders of / (instance A):")
    print_headers(visitor.get(a, "/"))
    print("Headers of /admin/login/ (instance B):")
    print_headers(Browser().get(b, "/admin/login/"))
    return check.failures


COUNT_RENDITIONS = """
import django; django.setup()
from django_tasks_db.models import DBTaskResult
from media_library.models import CufImage
image = CufImage.objects.filter(title="Rencontre des maires").first()
done = DBTaskResult.objects.filter(task_path="media_library.tasks.generate_image_renditions", status="SUCCESSFUL")
print(image.renditions.count() if image and done.exists() else 0)
"""


def wait_for_worker(env, timeout=90):
    """Renditions of the uploaded image, made by the db_worker process (never by the upload request)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = subprocess.run([PYTHON, "-c", COUNT_RENDITIONS], cwd=ROOT, env=env, capture_output=True, text=True)
        count = int((result.stdout.strip().splitlines() or ["0"])[-1] or 0)
        if count:
            return count
        time.sleep(1)
    return 0


def form_errors(response):
    """The French error messages of a re-displayed admin form, to say why a POST was refused."""
    html = response.body.decode(errors="replace")
    return re.findall(r'class="error-message"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+)', html)[:3]


def find_page_id(browser, port, parent_id, tag):
    """The new page's id, from the admin's search among the parent's children (rows link to their edit view)."""
    html = browser.get(port, f"/admin/pages/{parent_id}/?q={tag}").body.decode()
    ids = set(re.findall(r'href="/admin/pages/(\d+)/edit/"', html)) - {str(parent_id)}
    return ids.pop() if len(ids) == 1 else ""


def print_headers(response):
    for name, value in response.getheaders():
        if name.lower() not in {"date", "content-length", "server"}:
            print(f"  {name}: {value}")


def main():
    started = time.monotonic()
    media_root = tempfile.mkdtemp(prefix="cuf-multi-media-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cuf_cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # The public origin both instances serve, behind the imaginary TLS proxy (absolute URLs, the Site).
        "BASE_URL": f"https://{PUBLIC_HOST}",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": "cuf-multi",
        "MEDIA_ROOT": media_root,
        "SERVE_MEDIA": "1",
        "SECURE_PROXY_SSL_HEADER": "1",
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_ACCESS_LOG": os.devnull,
        "GUNICORN_LOG_LEVEL": "warning",
        "LOG_LEVEL": "WARNING",
        "PASSWORD": secrets.token_urlsafe(16),
    }
    processes = []
    try:
        prepare_database(fresh="--fresh" in sys.argv)
        clear_redis()
        print(f"Shared PostgreSQL {DATABASE_URL}, Redis {REDIS_URL}, media {media_root}")
        subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        setup = SETUP_SITE.replace("PASSWORD", json.dumps(env["PASSWORD"]))
        result = subprocess.run([PYTHON, "-c", setup], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
        home_id = int(result.stdout.strip().splitlines()[-1])
        print(f"Database ready in {time.monotonic() - started:.1f} s")

        for port in PORTS:
            command = [GUNICORN, "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "--no-control-socket"]
            processes.append(subprocess.Popen(command, cwd=ROOT, env=env))  # noqa: S603
        # The background worker (renditions, emails), one for both instances, as in production.
        worker = [PYTHON, "manage.py", "db_worker", "--no-reload", "--interval", "0.5", "-v0"]
        processes.append(subprocess.Popen(worker, cwd=ROOT, env=env))  # noqa: S603
        for port, process in zip(PORTS, processes, strict=False):
            print(f"Instance on :{port} healthy after {wait_healthy(port, process):.1f} s")

        failures = run_scenario(env, home_id, media_root)
    except Exception as error:  # report any setup error as a failure, with its cause
        print(f"ERROR: {error!r}")
        failures = ["scenario did not run"]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(media_root, ignore_errors=True)

    print(f"\nTotal {time.monotonic() - started:.1f} s")
    print("FAIL: " + "; ".join(failures) if failures else "PASS")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
