"""The transparency table of a fund as CSV, for a council's own report: collected, allocated, spent.

Written for a spreadsheet opened in French: UTF-8 with a BOM (Excel then reads the accents), columns
separated by semicolons and decimal commas, French headers, one row per funded project and total rows.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.text import slugify

from .money import to_decimal

HEADERS = ["Fonds", "Projet", "Partenaire", "Statut", "Montant alloué (€)", "Montant dépensé (€)"]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value):
    """Text a spreadsheet shows as text: a leading =, +, -, @ would make it a formula (CSV injection)."""
    text = str(value or "")
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_amount(value):
    amount = to_decimal(value)
    return "" if amount is None else f"{amount:.2f}".replace(".", ",")


def transparency_rows(fund):
    rows = [HEADERS]
    for project in fund.project_list:
        rows.append(
            [
                csv_text(fund.title),
                csv_text(project.name),
                csv_text(project.partner),
                project.get_status_display(),
                csv_amount(project.amount),
                csv_amount(project.spent),
            ]
        )
    totals = fund.transparency
    title = csv_text(fund.title)
    figure_date = fund.collected_on.strftime("%d/%m/%Y") if fund.collected_on else ""
    rows.append([])
    rows.append(
        [
            title,
            "Total collecté" + (f" au {figure_date}" if figure_date else ""),
            "",
            "",
            csv_amount(totals["collected"]),
            "",
        ]
    )
    rows.append([title, "Total alloué aux projets", "", "", csv_amount(totals["allocated"]), ""])
    rows.append([title, "Total dépensé", "", "", "", csv_amount(totals["spent"])])
    rows.append([title, "Reste à allouer", "", "", csv_amount(totals["available"]), ""])
    return rows


def csv_response(fund):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(transparency_rows(fund))
    response = HttpResponse(("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    filename = f"transparence-{slugify(fund.slug) or 'fonds'}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
