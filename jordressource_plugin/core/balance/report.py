"""The soil-balance report: one self-contained HTML file a planner can mail or attach to a plan.

Charts are drawn with matplotlib (no display needed) and embedded as inline SVG, so the file has
no external references. Every label comes in through ``labels`` (see ``DEFAULT_LABELS``) and
numbers are written as ``numbers`` (``core.number_format``) says: the caller passes both for
the user's language, which keeps this module free of QGIS and the report in that language.
"""
import datetime
from typing import Sequence

import numpy as np
import pandas as pd

from ..number_format import NumberFormat
from ..reporting import CSS as _CSS
from ..reporting import definition_list as _definition_list
from ..reporting import escape as _e
from ..reporting import number as _number
from ..reporting import numbers_in
from ..reporting import share as _share
from ..reporting import svg as _svg
from ..reporting import thousands as _thousands
from .soil_balance import UNDATED, SoilBalance

# Bars beyond this are unreadable; the areas with the largest balances are shown.
MAX_CHART_AREAS = 25
MAX_TABLE_ROWS = 500  # the full table is the algorithm's table output

DEFAULT_LABELS = {
    "lang": "en",
    "title": "Soil balance by planning area",
    "generated": "Generated {0}",
    "summary": "Summary",
    "area": "Area",
    "year": "Year",
    "undated": "undated",
    "outside": "outside every area",
    "total": "Total",
    "surplus": "Surplus (m³)",
    "demand": "Demand (m³)",
    "balance": "Balance (m³)",
    "self_sufficiency": "Self-sufficiency",
    "substitute": "Raw-material substitute (m³)",
    "sources": "Excavations",
    "receivers": "Receivers",
    "chart_areas": "Balance per area (surplus − demand)",
    "chart_areas_note": "The {0} areas with the largest balances of {1} are shown.",
    "chart_years": "Surplus-soil prognosis per year",
    "table_areas": "Balance per area",
    "table_years": "Prognosis per year, all areas",
    "table_note": "The first {0} of {1} rows (largest balances first); every row is in the "
                  "table output.",
    "inputs": "Inputs",
    "parameters": "Parameters",
    "explanation": "Balance = surplus − demand: positive where soil must leave the area, "
                   "negative where the area can receive more than it produces. Self-sufficiency "
                   "is the share of an area's surplus it can place itself.",
}


def balance_report(balance: SoilBalance, area_ids: Sequence, labels: dict = None,
                   inputs: dict = None, parameters: dict = None,
                   generated: datetime.datetime = None, numbers: NumberFormat = None) -> str:
    """The report as an HTML string. ``area_ids`` label the areas in input order; ``inputs`` and
    ``parameters`` are shown as given (name -> value); ``numbers`` writes the numbers."""
    with numbers_in(numbers):
        return _balance_report(balance, area_ids, labels, inputs, parameters, generated)


def _balance_report(balance, area_ids, labels, inputs, parameters, generated) -> str:
    text = dict(DEFAULT_LABELS)
    text.update(labels or {})
    generated = generated or datetime.datetime.now()
    areas = _area_table(balance, area_ids, text)
    years = _year_table(balance, text)
    sections = [
        f"<h1>{_e(text['title'])}</h1>",
        f"<p class='meta'>{_e(text['generated'].format(generated.strftime('%Y-%m-%d %H:%M')))}</p>",
        f"<h2>{_e(text['summary'])}</h2>",
        _summary(balance, text),
        f"<p>{_e(text['explanation'])}</p>",
        f"<h2>{_e(text['chart_areas'])}</h2>",
        _area_chart(areas, text),
    ]
    if len(years) > 1 or (len(years) == 1 and years.index[0] != UNDATED):
        sections += [f"<h2>{_e(text['chart_years'])}</h2>", _year_chart(years, text)]
    sections += [
        f"<h2>{_e(text['table_years'])}</h2>",
        _html_table(years.reset_index(), text, year_table=True),
        f"<h2>{_e(text['table_areas'])}</h2>",
        _html_table(areas, text, year_table=False),
        f"<h2>{_e(text['inputs'])}</h2>", _definition_list(inputs or {}),
        f"<h2>{_e(text['parameters'])}</h2>", _definition_list(parameters or {}),
    ]
    body = "\n".join(sections)
    return (f"<!DOCTYPE html>\n<html lang='{_e(text['lang'])}'><head><meta charset='utf-8'>"
            f"<title>{_e(text['title'])}</title><style>{_CSS}</style></head>\n"
            f"<body>\n{body}\n</body></html>\n")


def _area_table(balance: SoilBalance, area_ids, text) -> pd.DataFrame:
    """Areas plus the outside row, largest absolute balance first."""
    table = balance.areas.copy()
    table.insert(0, "label", [_label(value) for value in area_ids])
    table["is_outside"] = False
    if balance.outside[["source_count", "receiver_count"]].sum() > 0:
        outside = balance.outside.copy()
        outside["label"] = text["outside"]
        outside["is_outside"] = True
        table = pd.concat([table, pd.DataFrame([outside.to_dict()])], ignore_index=True)
    order = np.argsort(-np.abs(table["balance_m3"].to_numpy(dtype=float)), kind="stable")
    return table.iloc[order].reset_index(drop=True)


def _year_table(balance: SoilBalance, text) -> pd.DataFrame:
    columns = ["surplus_m3", "demand_m3", "balance_m3", "raw_material_substitute_m3"]
    return balance.by_year.groupby("year", sort=False)[columns].sum()


def _summary(balance: SoilBalance, text) -> str:
    total = balance.totals
    sources = int(balance.areas["source_count"].sum() + balance.outside["source_count"])
    receivers = int(balance.areas["receiver_count"].sum() + balance.outside["receiver_count"])
    rows = [(text["surplus"], _number(total["surplus_m3"])),
            (text["demand"], _number(total["demand_m3"])),
            (text["balance"], _number(total["balance_m3"])),
            (text["substitute"], _number(total["raw_material_substitute_m3"])),
            (text["sources"], _number(sources)), (text["receivers"], _number(receivers))]
    return _definition_list(dict(rows))


def _area_chart(areas: pd.DataFrame, text) -> str:
    from matplotlib.figure import Figure

    # the outside row's bar would dwarf the areas'; it stays in the table
    areas = areas[~areas["is_outside"].to_numpy(dtype=bool)]
    shown = areas.head(MAX_CHART_AREAS).iloc[::-1]
    height = 1.2 + 0.28 * max(len(shown), 1)
    figure = Figure(figsize=(8, height))
    axes = figure.add_subplot(1, 1, 1)
    values = shown["balance_m3"].to_numpy(dtype=float)
    colours = np.where(values > 0, "#a6611a", "#018571")
    axes.barh(np.arange(len(shown)), values, color=colours)
    axes.set_yticks(np.arange(len(shown)))
    axes.set_yticklabels([str(label) for label in shown["label"]])
    axes.axvline(0, color="#333333", linewidth=0.8)
    axes.set_xlabel(text["balance"])
    _thousands(axes.xaxis)
    axes.grid(axis="x", color="#dddddd")
    axes.set_axisbelow(True)
    note = ""
    if len(areas) > MAX_CHART_AREAS:
        shown = text["chart_areas_note"].format(_number(MAX_CHART_AREAS), _number(len(areas)))
        note = f"<p class='note'>{_e(shown)}</p>"
    return _svg(figure) + note


def _year_chart(years: pd.DataFrame, text) -> str:
    from matplotlib.figure import Figure

    labels = [text["undated"] if year == UNDATED else str(year) for year in years.index]
    position = np.arange(len(years))
    figure = Figure(figsize=(8, 3.8))
    axes = figure.add_subplot(1, 1, 1)
    width = 0.38
    axes.bar(position - width / 2, years["surplus_m3"], width, color="#a6611a",
             label=text["surplus"])
    axes.bar(position + width / 2, years["demand_m3"], width, color="#018571", label=text["demand"])
    axes.plot(position, years["balance_m3"], color="#333333", marker="o", label=text["balance"])
    axes.set_xticks(position)
    axes.set_xticklabels(labels)
    axes.set_xlabel(text["year"])
    axes.axhline(0, color="#333333", linewidth=0.8)
    _thousands(axes.yaxis)
    axes.grid(axis="y", color="#dddddd")
    axes.set_axisbelow(True)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False,
                fontsize="small")
    return _svg(figure)


def _html_table(table: pd.DataFrame, text, year_table: bool) -> str:
    columns = [("surplus_m3", text["surplus"]), ("demand_m3", text["demand"]),
               ("balance_m3", text["balance"])]
    if not year_table:
        columns.append(("self_sufficiency", text["self_sufficiency"]))
    columns.append(("raw_material_substitute_m3", text["substitute"]))
    first = text["year"] if year_table else text["area"]
    head = "".join(f"<th>{_e(title)}</th>" for title in [first] + [c[1] for c in columns])
    shown = table.head(MAX_TABLE_ROWS)
    rows = []
    for _, row in shown.iterrows():
        if year_table:
            key = text["undated"] if row["year"] == UNDATED else str(int(row["year"]))
        else:
            key = str(row["label"])
        cells = [f"<td>{_e(key)}</td>"]
        for column, _ in columns:
            value = row[column]
            shown_value = _share(value) if column == "self_sufficiency" else _number(value)
            cells.append(f"<td class='n'>{shown_value}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    note = ""
    if len(table) > MAX_TABLE_ROWS:
        shown = text["table_note"].format(_number(MAX_TABLE_ROWS), _number(len(table)))
        note = f"<p class='note'>{_e(shown)}</p>"
    return (f"<table><thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(rows)
            + "\n</tbody></table>" + note)


def _label(value) -> str:
    return "–" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
