"""JSON-LD of a fund page: a schema.org DonateAction towards CUF, with its amounts as MonetaryAmount."""

from core import origin
from core.seo import organization, page_structured_data

from .money import to_decimal


def monetary_amount(value, name):
    amount = to_decimal(value)
    if amount is None:
        return None
    return {"@type": "MonetaryAmount", "name": name, "currency": "EUR", "value": str(amount)}


def fund_structured_data(fund, request):
    fields = {
        "recipient": organization(),
        "actionStatus": "https://schema.org/PotentialActionStatus"
        if fund.is_open
        else "https://schema.org/CompletedActionStatus",
        "startTime": fund.opening_date.isoformat() if fund.opening_date else None,
    }
    collected = monetary_amount(fund.amount_collected, "Montant collecté")
    if collected:
        fields["result"] = collected
    target = monetary_amount(fund.target_amount, "Objectif")
    if target:
        fields["priceSpecification"] = {
            "@type": "PriceSpecification",
            "price": target["value"],
            "priceCurrency": "EUR",
            "name": "Objectif de collecte",
        }
    if fund.is_open:
        fields["target"] = {
            "@type": "EntryPoint",
            "urlTemplate": origin.page_url(fund, request) + fund.reverse_subpage("pledge_view"),
        }
    return page_structured_data(fund, request, "DonateAction", **{k: v for k, v in fields.items() if v is not None})
