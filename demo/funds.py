"""Demo solidarity funds and calls, idempotent like the rest of the demo.

One call from demo.builder: ensure_funds_and_calls(writer, home, terms, collectivites, today).
"""

import datetime

from django.utils import timezone

from calls.models import CallIndexPage, CallPage
from demo.data.funds import ELIGIBILITY, FUND_THEMES, FUNDS, INDEXES, calls
from directory.models import Collectivite
from funds.models import FundContribution, FundDecision, FundedProject, FundIndexPage, FundPage


def paragraphs(items):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in items]


def ensure_children(page, relation, model, wanted, fields):
    """Replace page.<relation> by `wanted` (tuples in `fields` order) when they differ; True when changed."""
    current = [tuple(getattr(item, name) for name in fields) for item in getattr(page, relation).order_by("sort_order")]
    if current == wanted:
        return False
    setattr(
        page,
        relation,
        [model(sort_order=index, **dict(zip(fields, row, strict=True))) for index, row in enumerate(wanted)],
    )
    return True


def ensure_fund(writer, index, spec, terms):
    fields = {
        "title": spec["title"],
        "status": spec["status"],
        "opening_date": spec["opening"],
        "closing_date": spec.get("closing"),
        "target_amount": spec["target"],
        "amount_collected": spec["collected"],
        "collected_on": spec["collected_on"],
        "intro": spec["intro"],
    }
    m2m = {"countries": [terms.countries[spec["country"]]], "themes": [terms.themes[name] for name in FUND_THEMES]}
    page = writer.upsert(index, FundPage, spec["slug"], fields, streams={"body": paragraphs(spec["context"])}, m2m=m2m)
    collectivites = {c.slug: c for c in Collectivite.objects.filter(slug__in=[row[0] for row in spec["contributions"]])}
    contributions = [(collectivites[slug], amount, show, vote) for slug, amount, show, vote in spec["contributions"]]
    changed = ensure_children(
        page, "contributions", FundContribution, contributions, ("collectivite", "amount", "show_amount", "vote_date")
    )
    changed |= ensure_children(page, "decisions", FundDecision, spec["decisions"], ("date", "text"))
    changed |= ensure_children(
        page, "projects", FundedProject, spec["projects"], ("name", "partner", "amount", "spent", "status")
    )
    if changed:
        page.save_revision().publish()
        writer.updated += 1
    return page


def ensure_call(writer, index, spec, terms):
    day, hour = spec["deadline"]
    fields = {
        "title": spec["title"],
        "kind": spec["kind"],
        "funder": spec["funder"],
        "audience": spec["audience"],
        "opening_date": spec["opening"],
        "deadline": timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0))),
        "amount": spec["amount"],
        "eligibility": ELIGIBILITY,
        "apply_url": "https://cites-unies-france.org/",
        "intro": spec["intro"],
    }
    m2m = {
        "countries": [terms.countries[name] for name in spec["countries"]],
        "themes": [terms.themes[name] for name in spec["themes"]],
    }
    return writer.upsert(index, CallPage, spec["slug"], fields, m2m=m2m)


def ensure_funds_and_calls(writer, home, terms, today=None):
    today = today or timezone.localdate()
    title, slug, intro = INDEXES["funds"]
    funds_index = writer.upsert(home, FundIndexPage, slug, {"title": title, "intro": intro})
    for spec in FUNDS:
        ensure_fund(writer, funds_index, spec, terms)
    title, slug, intro = INDEXES["calls"]
    calls_index = writer.upsert(home, CallIndexPage, slug, {"title": title, "intro": intro})
    for spec in calls(today):
        ensure_call(writer, calls_index, spec, terms)
    return funds_index, calls_index
