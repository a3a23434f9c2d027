"""The table of `make validate` (page type × tool) and its files in artifacts/validate/."""

import json
from dataclasses import dataclass, field

from .site import BASE_URL, ROOT

ARTIFACTS = ROOT / "artifacts" / "validate"
TOOLS = ["html", "json-ld", "meta", "feeds", "sitemap", "lighthouse"]


@dataclass
class Result:
    """One cell of the table: a short summary and the failures behind it."""

    summary: str = "—"
    failures: list = field(default_factory=list)


class Report:
    def __init__(self):
        self.rows = {}  # row (page type or feed) -> {tool: Result}
        self.urls = {}
        self.timings = {}

    def set(self, row, tool, summary, failures=()):
        self.rows.setdefault(row, {})[tool] = Result(summary, list(failures))

    def failures(self):
        return [
            (row, tool, self.urls.get(row, ""), message)
            for row, tools in self.rows.items()
            for tool, result in tools.items()
            for message in result.failures
        ]

    def table(self):
        tools = [tool for tool in TOOLS if any(tool in cells for cells in self.rows.values())]
        lines = [
            "| page type / feed | " + " | ".join(tools) + " |",
            "|---|" + "---|" * len(tools),
        ]
        for row, cells in self.rows.items():
            lines.append(f"| {row} | " + " | ".join(cells.get(tool, Result()).summary for tool in tools) + " |")
        return "\n".join(lines)


def write_report(report):
    table = report.table()
    timings = "\n".join(f"- {step}: {seconds:.1f} s" for step, seconds in report.timings.items())
    print("\n" + table + "\n\n" + timings)
    (ARTIFACTS / "results.md").write_text(
        f"# make validate on {BASE_URL} (production settings, demo content)\n\n{table}\n\n## Time\n\n{timings}\n"
    )
    data = {
        "base_url": BASE_URL,
        "rows": {
            row: {tool: {"summary": r.summary, "failures": r.failures} for tool, r in cells.items()}
            for row, cells in report.rows.items()
        },
        "urls": report.urls,
        "timings": report.timings,
    }
    (ARTIFACTS / "results.json").write_text(json.dumps(data, indent=2, ensure_ascii=False))
