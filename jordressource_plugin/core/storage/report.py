"""The schedule report: one self-contained HTML file with the plan against the same plan without
storage, stock per storage site over time and the monthly flows by leg.

Charts are matplotlib figures embedded as inline SVG (no display needed, no external files).
Every label comes in through ``labels`` (see ``DEFAULT_LABELS``) and numbers are written as
``numbers`` (``core.number_format``) says: the caller passes both for the user's language.
"""
import datetime
from typing import Optional, Sequence

import numpy as np
import pandas as pd

from ..number_format import NumberFormat
from ..reporting import CSS, definition_list, escape, number, numbers_in, share, svg, thousands
from .schedule_plan import DISPOSAL, FROM_STORAGE, TO_STORAGE, ScheduleResult

MAX_CHART_SITES = 10  # lines beyond this are unreadable; the sites with the highest peaks are drawn
LEG_COLOURS = {"direct": "#1b7837", FROM_STORAGE: "#762a83", TO_STORAGE: "#5aae61",
               DISPOSAL: "#999999"}

DEFAULT_LABELS = {
    "lang": "en",
    "title": "Reuse over time with storage",
    "generated": "Generated {0}",
    "summary": "The plan with storage against the same plan without",
    "with_storage": "With storage",
    "without_storage": "Without storage",
    "difference": "Difference",
    "reused": "Reused (m³)",
    "disposed": "To disposal (m³)",
    "reused_share": "Reuse share",
    "cost": "Cost (DKK)",
    "tonne_km": "Haul (tonne-km)",
    "co2": "CO2 (kg)",
    "stored": "Through storage (t)",
    "horizon": "Months {0} to {1} ({2} months)",
    "proof": "HiGHS proved the plan optimal: gap between its cost and the dual bound {0} DKK; "
             "{1} variables, {2} rows.",
    "points": "{0} pp",
    "chart_stock": "Stock at each storage site (t, at month end)",
    "chart_stock_note": "The {0} sites with the highest peaks of {1} are drawn; all are in the "
                        "table.",
    "chart_flows": "Soil moved per month by leg (t)",
    "chart_reuse": "Soil reused per month, with and without storage (t)",
    "legs": {"direct": "Direct to receivers", FROM_STORAGE: "From storage to receivers",
             TO_STORAGE: "Into storage", DISPOSAL: "To disposal"},
    "sites": "Storage sites",
    "site": "Site",
    "capacity": "Capacity (t)",
    "peak": "Peak stock (t)",
    "throughput": "Throughput (t)",
    "dwell": "Mean dwell (months)",
    "value": "Value of 1 m³ more room (DKK)",
    "no_storage_used": "No soil goes through storage in the optimal plan.",
    "month": "Month",
    "tonnes": "Tonnes",
    "inputs": "Inputs",
    "parameters": "Parameters",
}


def schedule_report(result: ScheduleResult, storage_ids: Sequence, density_t_m3: float,
                    labels: Optional[dict] = None, inputs: Optional[dict] = None,
                    parameters: Optional[dict] = None,
                    generated: Optional[datetime.datetime] = None,
                    numbers: Optional[NumberFormat] = None) -> str:
    """The report as an HTML string; ``storage_ids`` name the storage sites in input order;
    ``numbers`` writes the numbers."""
    with numbers_in(numbers):
        return _schedule_report(result, storage_ids, density_t_m3, labels, inputs, parameters,
                                generated)


def _schedule_report(result, storage_ids, density_t_m3, labels, inputs, parameters,
                     generated) -> str:
    text = dict(DEFAULT_LABELS)
    text.update(labels or {})
    generated = generated or datetime.datetime.now()
    plan, months = result.with_storage, result.horizon.labels
    summary = plan.summary
    # The gap is HiGHS's proof; it is below an øre whenever the plan is optimal.
    proof = text["proof"].format(number(summary.dual_gap_dkk, 2),
                                 number(summary.variables), number(summary.rows))
    sections = [
        f"<h1>{escape(text['title'])}</h1>",
        f"<p class='meta'>{escape(text['generated'].format(generated.strftime('%Y-%m-%d %H:%M')))}"
        f"<br>{escape(text['horizon'].format(months[0], months[-1], len(months)))}</p>",
        f"<h2>{escape(text['summary'])}</h2>",
        _comparison(result, density_t_m3, text),
        f"<p class='meta'>{escape(proof)}</p>",
        f"<h2>{escape(text['chart_reuse'])}</h2>", _reuse_chart(result, text),
        f"<h2>{escape(text['chart_flows'])}</h2>", _flow_chart(plan.flows, months, text),
        f"<h2>{escape(text['sites'])}</h2>",
    ]
    if summary.stored_t > 0:
        sections += [f"<h3>{escape(text['chart_stock'])}</h3>",
                     _stock_chart(plan, storage_ids, months, text)]
    else:
        sections.append(f"<p>{escape(text['no_storage_used'])}</p>")
    sections += [_site_table(plan, storage_ids, text),
                 f"<h2>{escape(text['inputs'])}</h2>", definition_list(inputs or {}),
                 f"<h2>{escape(text['parameters'])}</h2>", definition_list(parameters or {})]
    body = "\n".join(sections)
    return (f"<!DOCTYPE html>\n<html lang='{escape(text['lang'])}'><head><meta charset='utf-8'>"
            f"<title>{escape(text['title'])}</title><style>{CSS}</style></head>\n"
            f"<body>\n{body}\n</body></html>\n")


def _comparison(result: ScheduleResult, density, text) -> str:
    with_, without = result.with_storage.summary, result.without_storage.summary
    rows = [(text["reused"], with_.reused_m3, without.reused_m3, number),
            (text["disposed"], with_.disposed_m3, without.disposed_m3, number),
            (text["reused_share"], with_.reused_share(density), without.reused_share(density),
             _share),
            (text["cost"], with_.cost_dkk, without.cost_dkk, number),
            (text["tonne_km"], with_.tonne_km, without.tonne_km, number),
            (text["co2"], with_.co2_kg, without.co2_kg, number),
            (text["stored"], with_.stored_t, without.stored_t, number)]
    head = "".join(f"<th>{escape(title)}</th>" for title in
                   ("", text["with_storage"], text["without_storage"], text["difference"]))
    body = "".join(
        f"<tr><th>{escape(name)}</th><td class='n'>{shown(a)}</td><td class='n'>{shown(b)}</td>"
        f"<td class='n'>{shown(a - b) if shown is number else _points(a - b, text)}</td></tr>"
        for name, a, b, shown in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _monthly(flows: pd.DataFrame, months: int, mask) -> np.ndarray:
    picked = flows[mask & (flows["month"] >= 0)]
    return np.bincount(picked["month"].to_numpy(dtype=np.int64),
                       weights=picked["tonnes"].to_numpy(dtype=float), minlength=months)


def _reuse_chart(result: ScheduleResult, text) -> str:
    from matplotlib.figure import Figure

    months = result.horizon.labels
    figure = Figure(figsize=(8, 3.4))
    axes = figure.add_subplot(1, 1, 1)
    position = np.arange(len(months))
    for plan, name, colour in ((result.with_storage, "with_storage", "#762a83"),
                               (result.without_storage, "without_storage", "#999999")):
        reused = _monthly(plan.flows, len(months), plan.flows["to_kind"] == "receiver")
        axes.step(position, reused, where="mid", color=colour, label=text[name])
    _month_axis(axes, months)
    axes.set_ylabel(text["tonnes"])
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False,
                fontsize="small")
    return svg(figure)


def _flow_chart(flows: pd.DataFrame, months, text) -> str:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 3.6))
    axes = figure.add_subplot(1, 1, 1)
    position = np.arange(len(months))
    bottom = np.zeros(len(months))
    for leg, colour in LEG_COLOURS.items():
        values = _monthly(flows, len(months), flows["leg"] == leg)
        axes.bar(position, values, 0.8, bottom=bottom, color=colour, label=text["legs"][leg])
        bottom += values
    _month_axis(axes, months)
    axes.set_ylabel(text["tonnes"])
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False,
                fontsize="small")
    return svg(figure)


def _stock_chart(plan, storage_ids, months, text) -> str:
    from matplotlib.figure import Figure

    sites = plan.sites
    used = np.flatnonzero(sites["throughput_t"].to_numpy() > 0)
    shown = used[np.argsort(-sites["peak_stock_t"].to_numpy()[used], kind="stable")]
    shown = shown[:MAX_CHART_SITES]
    figure = Figure(figsize=(8, 3.6))
    axes = figure.add_subplot(1, 1, 1)
    position = np.arange(len(months))
    for site in shown:
        stock = plan.stock[plan.stock["storage"] == site].sort_values("month")
        axes.step(position, stock["stock_t"].to_numpy(), where="mid", label=str(storage_ids[site]))
    _month_axis(axes, months)
    axes.set_ylabel(text["tonnes"])
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize="small")
    note = ""
    if len(used) > MAX_CHART_SITES:
        note = (f"<p class='note'>"
                f"{escape(text['chart_stock_note'].format(MAX_CHART_SITES, len(used)))}</p>")
    return svg(figure) + note


def _site_table(plan, storage_ids, text) -> str:
    sites = plan.sites
    capacity = plan.solution.problem.storage_capacity_t
    head = "".join(f"<th>{escape(text[key])}</th>" for key in
                   ("site", "capacity", "peak", "throughput", "dwell", "value"))
    rows = []
    for site, row in sites.iterrows():
        rows.append(
            f"<tr><td>{escape(storage_ids[site])}</td><td class='n'>{number(capacity[site])}</td>"
            f"<td class='n'>{number(row['peak_stock_t'])}</td>"
            f"<td class='n'>{number(row['throughput_t'])}</td>"
            f"<td class='n'>{number(row['mean_dwell_months'], 1)}</td>"
            f"<td class='n'>{number(row['capacity_value_dkk_m3'], 2)}</td></tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _month_axis(axes, months):
    step = max(1, len(months) // 12)
    axes.set_xticks(np.arange(0, len(months), step))
    axes.set_xticklabels([months[i] for i in range(0, len(months), step)], rotation=45,
                         ha="right", fontsize="small")
    thousands(axes.yaxis)
    axes.grid(axis="y", color="#dddddd")
    axes.set_axisbelow(True)


def _share(value) -> str:
    return share(value, decimals=1)  # reuse shares differ by tenths of a point


def _points(value, text) -> str:
    """A difference of shares in percentage points, with its sign."""
    shown = number(100 * float(value), 1)
    return text["points"].format(("+" if value > 0 else "") + shown)
