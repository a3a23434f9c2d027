"""The benchmark's table: one row per URL, absolute figures and ratios to the bare "ok" view."""


def _ratio(value, reference):
    return f"{value / reference:.2f}" if value is not None and reference else "–"


def _load_cells(figures, bare):
    if not figures:
        return ["–"] * 5
    if figures.get("absent"):
        return ["absent (404)", "", "", "", ""]
    if not figures["requests"]:
        return ["no answer in the run", "", "", "", str(figures["errors"] or "")]
    return [
        f"{figures['rps']:.1f}",
        _ratio(figures["rps"], bare["rps"]),
        f"{figures['p50_ms']:.0f}/{figures['p95_ms']:.0f}/{figures['p99_ms']:.0f}",
        _ratio(figures["p95_ms"], bare["p95_ms"]),
        str(figures["errors"]) if figures["errors"] else "",
    ]


def print_table(result):
    cold, warm = result["load"]["cold"], result["load"]["warm"]
    headers = [
        "page",
        "status",
        "SQL cold",
        "SQL warm",
        "SQL warm+pc",
        "rend.",
        "cold rps",
        "×bare",
        "cold p50/95/99 ms",
        "p95×bare",
        "err",
        "warm rps",
        "×bare",
        "warm p50/95/99 ms",
        "p95×bare",
        "err",
    ]
    rows = []
    for name, q in result["queries"].items():
        renditions = q["cold_renditions_created"] + q["warm_renditions_created"]
        rows.append(
            [
                name,
                str(q["status"]),
                str(q["cold_queries"]),
                str(q["warm_queries"]),
                str(q["warm_page_cache_queries"]),
                str(renditions),
                *_load_cells(cold["urls"].get(name), cold["bare"]),
                *_load_cells(warm["urls"].get(name), warm["bare"]),
            ]
        )
    for label, phase in (("bare view", cold), ("bare view (warm run)", warm)):
        bare = phase["bare"]
        cells = [
            f"{bare['rps']:.0f}",
            "1.00",
            f"{bare['p50_ms']:.0f}/{bare['p95_ms']:.0f}/{bare['p99_ms']:.0f}",
            "1.00",
            "",
        ]
        rows.append(
            [
                label,
                "200",
                "",
                "",
                "",
                "",
                *(cells if phase is cold else [""] * 5),
                *(cells if phase is warm else [""] * 5),
            ]
        )
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line)
    print("-" * len(line))
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    print()
    for phase_name, phase in (("cold", cold), ("warm", warm)):
        rss = phase["site_worker_rss_mb"]
        print(
            f"{phase_name}: site worker RSS after the run (MB): {rss} (max {max(rss, default=0):.0f}); "
            f"bare: {phase['bare_worker_rss_mb']}; renditions created during the run: {phase['renditions_created']}"
        )
    print(
        "SQL cold: first request, caches cleared, page cache off · SQL warm: second request, page cache off · "
        "SQL warm+pc: second request with the page cache on · rend.: renditions created by those requests."
    )
