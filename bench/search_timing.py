"""Search and listing timings on 1,000 articles in a scratch PostgreSQL database (not a unit test).

Usage (from the repository root):

    /work/main/.venv/bin/python bench/search_timing.py            # 1000 articles, 50 runs per query
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/cuf_bench ARTICLES=1000 RUNS=50 python bench/search_timing.py

The database named by BENCH_DATABASE_URL is dropped and recreated: never point it at real data.
REUSE=1 keeps the database of a previous run (creating 1,000 pages takes minutes).
Prints, per query, the result count and the median / p95 / max time of the whole /recherche/ page
(search, pagination, excerpts, template) and of the bare backend search, plus the SQL query count
and time of the filtered listing pages.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cuf_wt5_bench")
ARTICLES = int(os.environ.get("ARTICLES", "1000"))
RUNS = int(os.environ.get("RUNS", "50"))
QUERIES = [
    "coopération",
    "cooperations",
    "eau potable",
    "Palestine solidarité",
    "jumelage culturel",
    "développement durable agriculture",
    "xylophone",  # matches nothing
]

WORDS = [
    "coopération",
    "coopérations",
    "décentralisée",
    "collectivités",
    "territoriales",
    "partenariat",
    "jumelage",
    "solidarité",
    "eau",
    "potable",
    "assainissement",
    "agriculture",
    "agricole",
    "durable",
    "développement",
    "climat",
    "énergie",
    "culture",
    "jeunesse",
    "formation",
    "santé",
    "éducation",
    "gouvernance",
    "locale",
    "reconstruction",
    "urgence",
    "humanitaire",
    "réseau",
    "villes",
    "régions",
    "départements",
    "communes",
    "échanges",
    "expertise",
    "mission",
    "délégation",
    "rencontre",
    "assises",
    "fonds",
    "projet",
]
PLACES = ["Palestine", "Liban", "Arménie", "Mali", "Sénégal", "Haïti", "Vietnam", "Maroc", "Ukraine", "Tunisie"]


def recreate_database(url):
    import psycopg
    from dj_database_url import parse

    config = parse(url)
    name = config["NAME"]
    admin = psycopg.connect(
        host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"], dbname="postgres", autocommit=True
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def sentence(rng, length):
    return " ".join(rng.choice(WORDS) for _ in range(length)).capitalize() + "."


def build_content():
    import datetime

    from articles.models import ArticlePage
    from tests.factories import CountryFactory, ThemeFactory, build_site

    rng = random.Random(5)
    tree = build_site()
    countries = [CountryFactory(name=name, region="afrique") for name in PLACES]
    themes = [ThemeFactory(name=name) for name in ("Eau", "Climat", "Culture", "Crises et réhabilitation")]
    started = time.perf_counter()
    for number in range(ARTICLES):
        place = rng.choice(countries)
        article = ArticlePage(
            title=f"{sentence(rng, 5)[:-1]} – {place.name}",
            slug=f"article-{number}",
            date=datetime.date(2023, 1, 1) + datetime.timedelta(days=number % 1000),
            intro=" ".join(sentence(rng, 12) for _ in range(3)),
            body=[("paragraph", "<p>" + " ".join(sentence(rng, 15) for _ in range(8)) + "</p>")],
            live=True,
        )
        tree["articles"].add_child(instance=article)
        article.countries.set([place])
        article.themes.set([rng.choice(themes)])
        article.save()  # reindex with its terms
    print(f"created {ARTICLES} articles in {time.perf_counter() - started:.1f} s")
    return tree


def timings(func, runs):
    """Median, p95 and max wall-clock ms, and median CPU ms of this process (Python side, excludes PostgreSQL)."""
    values, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        func()
        values.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    values.sort()
    return statistics.median(values), values[max(int(len(values) * 0.95) - 1, 0)], values[-1], statistics.median(cpu)


def main():
    os.environ["DATABASE_URL"] = BENCH_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cuf_cms.settings.test")
    reuse = os.environ.get("REUSE") == "1"
    if not reuse:
        recreate_database(BENCH_URL)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from wagtail.models import Page

    from core.views import searchable_types

    setup_test_environment()
    call_command("migrate", verbosity=0)
    if not reuse:
        build_content()
    client = Client()
    print(
        f"database: {connection.vendor} {connection.settings_dict['NAME']}, search config "
        f"{os.environ.get('SEARCH_CONFIG', 'cuf_french')}, {RUNS} runs per query (ms: median / p95 / max)"
    )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (timings are wall-clock)")

    for query in QUERIES:
        count = client.get("/recherche/", {"q": query}).context["results"].paginator.count
        page = timings(lambda q=query: client.get("/recherche/", {"q": q}), RUNS)
        pages = Page.objects.live().public().type(*searchable_types())
        backend = timings(lambda q=query, p=pages: list(p.search(q, operator="and")[:10]), RUNS)
        print(
            f"  {query!r:40} {count:5d} results  page {page[0]:6.1f} / {page[1]:6.1f} / {page[2]:6.1f}"
            f" (cpu {page[3]:5.1f})   backend {backend[0]:6.1f} / {backend[1]:6.1f} / {backend[2]:6.1f}"
        )

    for url in (
        "/actualites/",
        "/actualites/?pays=palestine&thematique=eau&annee=2024",
        "/actualites/?page=50",
        "/agenda/",
        "/centre-de-ressources/",
        "/pays/palestine/",
        "/actualites/flux.xml?pays=liban",
    ):
        client.get(url)
        executed = []
        with connection.execute_wrapper(lambda execute, *args, seen=executed: seen.append(1) or execute(*args)):
            status = client.get(url).status_code
        median, p95, _, cpu = timings(lambda u=url: client.get(u), max(RUNS // 2, 5))
        print(
            f"  {url:55} {status}  {len(executed):3d} queries  {median:6.1f} ms median, {p95:6.1f} ms p95"
            f" (cpu {cpu:5.1f})"
        )


if __name__ == "__main__":
    main()
