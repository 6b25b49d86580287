"""The inspector's report: one self-contained HTML file with what to look at first.

Sections: the totals and the flags found (movements and tonnes per flag), how the risk is
scored, the movements with the highest risk, the actors with the highest risk, a chart of each
receiver's received tonnes against its capacity (and a resource site's theoretical stock), and
the inputs and parameters. Charts and formats are every report's (``core.reporting``); labels
come in translated through ``labels``, keeping this module free of QGIS.
"""
import datetime
from typing import Optional, Sequence

import numpy as np
import pandas as pd

from ..number_format import NumberFormat
from ..reporting import (
    CSS,
    definition_list,
    escape,
    number,
    numbers_in,
    share,
    svg,
    thousands,
    trimmed,
)
from . import flags as f
from .check import MovementCheck
from .log import MovementLog
from .risk import WEIGHTS
from .summary import RECEIVER

TOP_MOVEMENTS = 50
TOP_ACTORS = 25
MAX_CHART_RECEIVERS = 25

DEFAULT_LABELS = {
    "lang": "en",
    "title": "Soil movement check",
    "generated": "Generated {0}",
    "summary": "Summary",
    "movements": "Movements",
    "tonnes": "Tonnes",
    "flagged": "Movements with a flag",
    "flagged_tonnes": "Tonnes moved with a flag",
    "flags": "Flags",
    "flag": "Flag",
    "weight": "Weight",
    "risk": "Risk",
    "risk_title": "How the risk is scored",
    "risk_text": "A movement's risk is 100 · (1 − Π(1 − w)) over its flags, with the weights "
                 "below: 0 for a clean movement, higher with every further flag, never above "
                 "100. An actor's risk is the tonnes-weighted mean risk of its movements.",
    "top_movements": "Movements with the highest risk",
    "top_actors": "Excavations, receivers and vehicles with the highest risk",
    "none": "No movement has a flag.",
    "id": "Id",
    "date": "Date",
    "source": "From",
    "receiver": "To",
    "role": "Role",
    "moved": "Moved (t)",
    "registered": "Registered (t)",
    "balance": "Balance (t)",
    "stock": "Theoretical stock",
    "chart_receivers": "Received against capacity, per receiver",
    "chart_note": "The {0} receivers most filled of {1} are shown.",
    "received": "Received",
    "capacity": "Capacity",
    "fill": "Received, % of capacity",
    "roles": {"source": "excavation", "receiver": "receiver", "vehicle": "vehicle"},
    "flag_names": {code: code for code in f.FLAGS},
    "inputs": "Inputs",
    "parameters": "Parameters",
}


def movement_report(log: MovementLog, check: MovementCheck, labels: Optional[dict] = None,
                    inputs: Optional[dict] = None, parameters: Optional[dict] = None,
                    generated: Optional[datetime.datetime] = None,
                    numbers: Optional[NumberFormat] = None) -> str:
    """The report as an HTML string; ``numbers`` writes the numbers (the reader's locale)."""
    with numbers_in(numbers):
        return _movement_report(log, check, labels, inputs, parameters, generated)


def _movement_report(log, check, labels, inputs, parameters, generated) -> str:
    text = dict(DEFAULT_LABELS)
    text.update(labels or {})
    generated = generated or datetime.datetime.now()
    sections = [
        f"<h1>{escape(text['title'])}</h1>",
        f"<p class='meta'>{escape(text['generated'].format(generated.strftime('%Y-%m-%d %H:%M')))}"
        "</p>",
        f"<h2>{escape(text['summary'])}</h2>", _totals(log, check, text),
        f"<h2>{escape(text['flags'])}</h2>", _flag_table(log, check, text),
        f"<h2>{escape(text['risk_title'])}</h2>", f"<p>{escape(text['risk_text'])}</p>",
        f"<h2>{escape(text['top_movements'])}</h2>", _top_movements(log, check, text),
        f"<h2>{escape(text['top_actors'])}</h2>", _top_actors(check.summary, text),
        f"<h2>{escape(text['chart_receivers'])}</h2>", _receiver_chart(check.summary, text),
        f"<h2>{escape(text['inputs'])}</h2>", definition_list(inputs or {}),
        f"<h2>{escape(text['parameters'])}</h2>", definition_list(parameters or {}),
    ]
    body = "\n".join(sections)
    return (f"<!DOCTYPE html>\n<html lang='{escape(text['lang'])}'><head><meta charset='utf-8'>"
            f"<title>{escape(text['title'])}</title><style>{CSS}</style></head>\n"
            f"<body>\n{body}\n</body></html>\n")


def _totals(log, check, text) -> str:
    tonnes = np.nan_to_num(log.tonnes)
    flagged = ~check.ok
    return definition_list({
        text["movements"]: number(len(log)),
        text["tonnes"]: number(tonnes.sum()),
        text["flagged"]: f"{number(flagged.sum())} ({_share(flagged.sum(), len(log))})",
        text["flagged_tonnes"]: f"{number(tonnes[flagged].sum())} "
                                f"({_share(tonnes[flagged].sum(), tonnes.sum())})",
    })


def _flag_table(log, check, text) -> str:
    tonnes = np.nan_to_num(log.tonnes)
    rows = []
    for code in f.FLAGS:
        mask = f.has_flag(check.bits, code)
        rows.append([text["flag_names"].get(code, code), number(mask.sum()),
                     number(tonnes[mask].sum()), trimmed(WEIGHTS[code])])
    return _table([text["flag"], text["movements"], text["tonnes"], text["weight"]], rows,
                  numeric=(1, 2, 3))


def _top_movements(log, check, text) -> str:
    flagged = np.flatnonzero(~check.ok)
    if not len(flagged):
        return f"<p>{escape(text['none'])}</p>"
    # Highest risk first, then most tonnes, then the log's order.
    order = flagged[np.lexsort((flagged, -np.nan_to_num(log.tonnes[flagged]),
                                -check.risk[flagged]))][:TOP_MOVEMENTS]
    days = log.date.days[order]
    flag_text = check.flag_texts()
    rows = [[log.labels[i], "" if np.isnat(day) else str(day), log.source_id[i],
             log.receiver_id[i], number(log.tonnes[i], 1), _names(flag_text[i], text),
             number(check.risk[i])] for i, day in zip(order, days)]
    return _table([text["id"], text["date"], text["source"], text["receiver"], text["tonnes"],
                   text["flags"], text["risk"]], rows, numeric=(4, 6))


def _top_actors(summary: pd.DataFrame, text) -> str:
    flagged = summary[summary["flagged"] > 0]
    if flagged.empty:
        return f"<p>{escape(text['none'])}</p>"
    top = flagged.sort_values(["risk", "moved_t"], ascending=[False, False]).head(TOP_ACTORS)
    rows = [[text["roles"].get(row.role, row.role), "–" if row.id is None else row.id,
             number(row.moved_t), number(row.registered_t), number(row.balance_t),
             number(row.flagged), number(row.risk)] for row in top.itertuples()]
    return _table([text["role"], text["id"], text["moved"], text["registered"],
                   text["balance"], text["flagged"], text["risk"]], rows,
                  numeric=(2, 3, 4, 5, 6))


def _receiver_chart(summary: pd.DataFrame, text) -> str:
    """Received tonnes as a share of capacity per receiver (the fullest first), over 100 % in
    red, and a resource site's theoretical stock on the same scale; each bar labelled with its
    tonnes, since capacities differ by orders of magnitude."""
    from matplotlib.figure import Figure

    receivers = summary[(summary["role"] == RECEIVER) & summary["known"]
                        & (summary["movements"] > 0) & (summary["registered_t"] > 0)]
    if receivers.empty:
        return f"<p>{escape(text['none'])}</p>"
    capacity = receivers["registered_t"].to_numpy(dtype=float)
    received = receivers["received_t"].to_numpy(dtype=float)
    fill = 100.0 * received / capacity
    order = np.lexsort((-received, -fill))[:MAX_CHART_RECEIVERS][::-1]
    shown, fill, capacity = receivers.iloc[order], fill[order], capacity[order]
    stock = 100.0 * shown["stock_t"].to_numpy(dtype=float) / capacity
    position = np.arange(len(shown))
    figure = Figure(figsize=(8, 1.4 + 0.3 * len(shown)))
    axes = figure.add_subplot(1, 1, 1)
    axes.barh(position, fill, color=np.where(fill > 100.0, "#b2182b", "#4d9221"),
              label=text["received"])
    if np.isfinite(stock).any():
        axes.scatter(stock, position, marker="D", s=18, color="#2166ac", label=text["stock"],
                     zorder=4)
    axes.axvline(100.0, color="#222222", linewidth=1.0, label=text["capacity"])
    for y, value, tonnes, limit in zip(position, fill, shown["received_t"], capacity):
        axes.annotate(f"{number(tonnes)} / {number(limit)} t", (value, y), xytext=(3, 0),
                      textcoords="offset points", va="center", fontsize="x-small")
    axes.set_xlim(0, max(120.0, float(np.nanmax(np.r_[fill, stock])) * 1.25))
    axes.set_yticks(position)
    axes.set_yticklabels([str(value) for value in shown["id"]])
    axes.set_xlabel(text["fill"])
    thousands(axes.xaxis)
    axes.grid(axis="x", color="#dddddd")
    axes.set_axisbelow(True)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False,
                fontsize="small")
    note = ""
    if len(receivers) > MAX_CHART_RECEIVERS:
        note = (f"<p class='note'>"
                f"{escape(text['chart_note'].format(MAX_CHART_RECEIVERS, len(receivers)))}</p>")
    return svg(figure) + note


def _names(codes: str, text) -> str:
    return ", ".join(text["flag_names"].get(code, code) for code in codes.split(",") if code)


def _share(part, whole) -> str:
    return share(part / whole) if whole else "–"


def _table(head: Sequence[str], rows: Sequence[Sequence], numeric: Sequence[int] = ()) -> str:
    header = "".join(f"<th>{escape(title)}</th>" for title in head)
    body = "\n".join(
        "<tr>" + "".join(f"<td class='n'>{escape(cell)}</td>" if k in numeric
                         else f"<td>{escape(cell)}</td>" for k, cell in enumerate(row)) + "</tr>"
        for row in rows)
    return f"<table><thead><tr>{header}</tr></thead><tbody>\n{body}\n</tbody></table>"
