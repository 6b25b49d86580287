"""The soil management plan (jordhåndteringsplan) as one self-contained, printable HTML document.

Sections, in the order a municipality reads such a plan: the site map; volumes and balance
(prevention first: the balanced level of each polygon and of the project); sampling; the
options catalogue (where each batch can go, against disposal and the regional plan); a data
sheet per batch of soil (origin, class, soil type, volume, window, analyses, suitable uses);
sources and defaults.

Every label comes in through ``labels`` (``plan_text.DEFAULT_LABELS`` names them), passed
translated by the caller, so this module stays free of QGIS. Charts are matplotlib figures,
inline SVG in the HTML file; for Qt's rich-text renderer (which prints the PDF and draws no SVG)
the paged variant carries them as PNG images, named resources of the document.
"""
import datetime
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import numpy as np
import pandas as pd

from ..number_format import NumberFormat
from ..reporting import (
    CSS,
    definition_list,
    escape,
    missing,
    number,
    numbers_in,
    png,
    svg,
    thousands,
    trimmed,
)
from .plan_text import DEFAULT_LABELS
from .site_map import DEFICIT, SURPLUS, site_map_figure

MAX_CHART_POLYGONS = 30  # bars beyond this are unreadable; the tables list every polygon
PAGED_WIDTH_PX = 680  # A4 less 15 mm margins at 96 px per inch: the paged variant's width


@dataclass
class PlanContent:
    """What the document shows; the column names are documented per field."""
    title: str
    # geometry (metres) + label, planned_level_m, cut_m3, fill_m3, net_m3, surplus_m3,
    # balanced_level_m, balanced_shift_m, balanced_cut_m3, reason
    polygons: object
    # label, name, area_type, suspected, soil_class, soil_type, start_date, end_date, volume_m3,
    # tonnes, sample_rule, batch_t, samples, sampling_cost_dkk, feasible_count,
    # disposal_label, disposal_km, disposal_cost_dkk_t, plan_cost_dkk_t
    batches: pd.DataFrame
    # batch, rank, receiver, receiver_kind, distance_km, cost_dkk_t, analysis_required,
    # co2_kg_t, saving_dkk_t, in_plan, plan_tonnes, extra_cost_dkk_t
    options: pd.DataFrame
    # management_plan.project_totals
    totals: Dict[str, float]
    has_receivers: bool = True
    has_plan: bool = False
    crs_name: str = ""
    sampling_rule: tuple = (120.0, 30.0, 1250.0)  # t per sample classified, suspected; DKK
    inputs: Dict[str, str] = field(default_factory=dict)
    parameters: Dict[str, str] = field(default_factory=dict)
    references: List[str] = field(default_factory=list)


@dataclass
class PlanDocument:
    html: str  # the HTML file: charts inline as SVG
    paged_html: Optional[str] = None  # for Qt's rich text (the PDF): charts as PNG resources
    images: Dict[str, bytes] = field(default_factory=dict)  # name -> PNG, for paged_html


def plan_document(content: PlanContent, labels: dict = None,
                  generated: datetime.datetime = None, paged: bool = False,
                  numbers: NumberFormat = None) -> PlanDocument:
    """The document as an HTML file and, with ``paged``, as the variant Qt prints to PDF. The
    sections and charts are built once and written into both; ``numbers`` writes the numbers
    in the reader's language (``core.number_format``)."""
    with numbers_in(numbers):
        return _plan_document(content, labels, generated, paged)


def _plan_document(content, labels, generated, paged) -> PlanDocument:
    text = dict(DEFAULT_LABELS)
    text.update(labels or {})
    figures = _Figures()
    generated = generated or datetime.datetime.now()
    sections = [
        f"<h1>{escape(content.title or text['title'])}</h1>",
        f"<p class='meta'>{escape(text['title'])} · "
        f"{escape(text['generated'].format(generated.strftime('%Y-%m-%d %H:%M')))}</p>",
        _section("site_map", text["site_map"]), _site_map(content, text, figures),
        _section("volumes", text["volumes"]), _volumes(content, text, figures),
        _section("sampling", text["sampling"]), _sampling(content, text),
        _section("options", text["options"]), _options(content, text),
        _section("data_sheets", text["data_sheets"], page_break=True),
        _data_sheets(content, text),
        _section("sources", text["sources"]), _sources(content, text),
    ]
    body = "\n".join(sections)
    title = escape(content.title or text["title"])

    def page(style, figure_html):
        return (f"<!DOCTYPE html>\n<html lang='{escape(text['lang'])}'><head>"
                f"<meta charset='utf-8'><title>{title}</title><style>{style}</style></head>\n"
                f"<body>\n{figures.fill(body, figure_html)}\n</body></html>\n")

    document = PlanDocument(page(CSS + _CSS, lambda _, figure: svg(figure)))
    if paged:
        def image(name, figure):
            document.images[name] = png(figure)
            # the figure's width at the 96 px per inch the paged layout uses, within a page
            width_px = min(int(figure.get_figwidth() * 96), PAGED_WIDTH_PX)
            return f"<p><img src='{name}' width='{width_px}'></p>"

        document.paged_html = page(CSS + _CSS + _PAGED_CSS, image)
    return document


class _Figures:
    """Charts placed in the body as markers, drawn into each variant of the document."""

    def __init__(self):
        self.figures = []

    def html(self, figure) -> str:
        self.figures.append(figure)
        return f"<!--figure-{len(self.figures)}-->"

    def fill(self, body: str, draw) -> str:
        """``body`` with each marker replaced by ``draw(name, figure)``."""
        for number_, figure in enumerate(self.figures, start=1):
            body = body.replace(f"<!--figure-{number_}-->",
                                draw(f"figure-{number_}.png", figure))
        return body


def _section(anchor: str, title: str, page_break: bool = False) -> str:
    style = " style='page-break-before: always'" if page_break else ""
    return f"<h2 id='{anchor}'{style}>{escape(title)}</h2>"


def _site_map(content: PlanContent, text, figures) -> str:
    polygons = content.polygons
    figure = site_map_figure(list(polygons.geometry), list(polygons["label"]),
                             polygons["net_m3"].to_numpy(dtype=float), text)
    note = (f"<p class='note'>{escape(text['site_map_note'].format(content.crs_name))}</p>"
            if content.crs_name else "")
    return figures.html(figure) + note


def _volumes(content: PlanContent, text, figures) -> str:
    polygons, totals = content.polygons, content.totals
    parts = [f"<p>{escape(text['volumes_intro'])}</p>"]
    if missing(totals.get("project_shift_m")):
        parts.append(f"<p><b>{escape(text['no_project_shift'])}</b></p>")
    else:
        parts.append("<p><b>" + escape(text["project_shift"].format(
            _signed(totals["project_shift_m"]), number(totals["project_cut_m3"]))) + "</b></p>")
    parts.append(definition_list({
        text["total_cut"]: number(totals.get("cut_m3")),
        text["total_fill"]: number(totals.get("fill_m3")),
        text["total_net"]: number(totals.get("net_m3")),
        text["total_surplus"]: number(totals.get("surplus_m3")),
        text["total_tonnes"]: number(totals.get("tonnes")),
        text["total_deficit"]: number(totals.get("deficit_m3")),
        text["total_kept"]: number(totals.get("kept_m3")),
        text["total_leaving"]: number(totals.get("leaving_m3"))}))
    columns = [("planned_level_m", text["planned_level"], 2), ("cut_m3", text["cut"], 0),
               ("fill_m3", text["fill"], 0), ("net_m3", text["net"], 0),
               ("surplus_m3", text["surplus"], 0),
               ("balanced_level_m", text["balanced_level"], 3),
               ("balanced_shift_m", text["balanced_shift"], 3),
               ("balanced_cut_m3", text["balanced_cut"], 0)]
    rows = []
    for _, row in polygons.iterrows():
        cells = [f"<td>{escape(row['label'])}</td>"]
        cells += [f"<td class='n'>{number(row.get(name), decimals)}</td>"
                  for name, _, decimals in columns]
        cells.append(f"<td>{escape(text['reasons'].get(row.get('reason'), row.get('reason')))}"
                     "</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(f"<th>{escape(title)}</th>" for title in
                   [text["polygon"]] + [c[1] for c in columns] + [text["note"]])
    parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(rows)
                 + "\n</tbody></table>")
    parts.append(f"<h3>{escape(text['chart_volumes'])}</h3>")
    parts.append(_volume_chart(polygons, text, figures))
    return "\n".join(parts)


def _volume_chart(polygons, text, figures) -> str:
    from matplotlib.figure import Figure

    cut = polygons["cut_m3"].to_numpy(dtype=float)
    fill = polygons["fill_m3"].to_numpy(dtype=float)
    size = np.nan_to_num(cut) + np.nan_to_num(fill)
    order = np.argsort(-size, kind="stable")[:MAX_CHART_POLYGONS][::-1]
    labels = [str(polygons["label"].iloc[i]) for i in order]
    figure = Figure(figsize=(7.5, 1.2 + 0.26 * max(len(order), 1)))
    axes = figure.add_subplot(1, 1, 1)
    position = np.arange(len(order))
    axes.barh(position, np.nan_to_num(cut[order]), color=SURPLUS, label=text["cut"])
    axes.barh(position, -np.nan_to_num(fill[order]), color=DEFICIT, label=text["fill"])
    axes.set_yticks(position)
    axes.set_yticklabels(labels)
    axes.axvline(0, color="#333333", linewidth=0.8)
    thousands(axes.xaxis)
    axes.grid(axis="x", color="#dddddd")
    axes.set_axisbelow(True)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False,
                fontsize="small")
    note = ""
    if len(polygons) > MAX_CHART_POLYGONS:
        note = ("<p class='note'>"
                + escape(text["chart_note"].format(number(MAX_CHART_POLYGONS),
                                                   number(len(polygons)))) + "</p>")
    return figures.html(figure) + note


def _sampling(content: PlanContent, text) -> str:
    batches = content.batches
    classified_t, suspected_t, price = content.sampling_rule
    intro = text["sampling_intro"].format(trimmed(classified_t), trimmed(suspected_t),
                                          number(price))
    parts = [f"<p>{escape(intro)}</p>"]
    if batches.empty:
        return parts[0] + f"<p>{escape(text['no_batches'])}</p>"
    head = "".join(f"<th>{escape(t)}</th>" for t in (
        text["batch"], text["tonnes"], text["rule"], text["tonnes_per_sample"], text["samples"],
        text["sampling_cost"]))
    rows = [f"<tr><td>{escape(r.label)}</td><td class='n'>{number(r.tonnes)}</td>"
            f"<td>{escape(text['rules'].get(r.sample_rule, r.sample_rule))}</td>"
            f"<td class='n'>{number(r.batch_t)}</td><td class='n'>{int(r.samples)}</td>"
            f"<td class='n'>{number(r.sampling_cost_dkk)}</td></tr>"
            for r in batches.itertuples()]
    rows.append(f"<tr><th>{escape(text['total'])}</th><td class='n'>"
                f"{number(batches['tonnes'].sum())}</td><td></td><td></td>"
                f"<td class='n'>{int(batches['samples'].sum())}</td>"
                f"<td class='n'>{number(batches['sampling_cost_dkk'].sum())}</td></tr>")
    parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(rows)
                 + "\n</tbody></table>")
    return "\n".join(parts)


def _options(content: PlanContent, text) -> str:
    batches, options = content.batches, content.options
    parts = [f"<p>{escape(text['options_intro'])}</p>"]
    if not content.has_receivers:
        parts.append(f"<p><b>{escape(text['no_receivers'])}</b></p>")
    if batches.empty:
        parts.append(f"<p>{escape(text['no_batches'])}</p>")
        return "\n".join(parts)
    titles = [text["rank"], text["receiver"], text["kind"], text["distance"], text["cost_t"],
              text["analysis"], text["co2_t"], text["saving_t"]]
    if content.has_plan:
        titles += [text["in_plan"], text["extra_t"]]
    head = "".join(f"<th>{escape(t)}</th>" for t in titles)
    by_batch = _by_batch(options)
    for batch in batches.itertuples():
        parts.append(f"<h3>{escape(batch.label)}</h3>")
        disposal = (text["baseline_disposal"] if missing(batch.disposal_label)
                    else batch.disposal_label)
        parts.append("<p>" + escape(text["disposal_line"].format(
            disposal, number(batch.disposal_km, 1), number(batch.disposal_cost_dkk_t, 1),
            int(batch.feasible_count))) + "</p>")
        if content.has_plan and not missing(batch.plan_cost_dkk_t):
            parts.append("<p>" + escape(text["plan_line"].format(
                number(batch.plan_cost_dkk_t, 1))) + "</p>")
        rows = by_batch.get(batch.label, options.iloc[:0])
        if rows.empty:
            if content.has_receivers:
                parts.append(f"<p>{escape(text['no_options'])}</p>")
            continue
        body = []
        for option in rows.itertuples():
            cells = [str(int(option.rank)), escape(option.receiver),
                     escape("" if missing(option.receiver_kind) else option.receiver_kind)]
            numbers = [number(option.distance_km, 1), number(option.cost_dkk_t, 1)]
            analysis = escape(text["yes"] if option.analysis_required else text["no"])
            trailing = [number(option.co2_kg_t, 2), number(option.saving_dkk_t, 1)]
            row = ("<tr>" + "".join(f"<td>{c}</td>" for c in cells)
                   + "".join(f"<td class='n'>{v}</td>" for v in numbers)
                   + f"<td>{analysis}</td>"
                   + "".join(f"<td class='n'>{v}</td>" for v in trailing))
            if content.has_plan:
                chosen = (escape(text["chosen"].format(number(option.plan_tonnes)))
                          if option.in_plan else "")
                row += (f"<td>{chosen}</td>"
                        f"<td class='n'>{_signed(option.extra_cost_dkk_t, 1)}</td>")
            body.append(row + "</tr>")
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(body)
                     + "\n</tbody></table>")
    return "\n".join(parts)


def _data_sheets(content: PlanContent, text) -> str:
    batches, options = content.batches, content.options
    if batches.empty:
        return f"<p>{escape(text['no_batches'])}</p>"
    parts = []
    by_batch = _by_batch(options)
    for batch in batches.itertuples():
        mine = by_batch.get(batch.label, options.iloc[:0])
        analysed = int(mine["analysis_required"].astype(bool).sum()) if len(mine) else 0
        rule = text["rules"].get(batch.sample_rule, batch.sample_rule)
        origin = str(batch.label) + ("" if missing(batch.name) or not str(batch.name)
                                     else f" – {batch.name}")
        items = {
            text["origin"]: origin,
            text["area_type"]: _text(batch.area_type, text),
            text["suspected"]: text["yes"] if batch.suspected else text["no"],
            text["soil_class"]: _soil_class(batch.soil_class, text),
            text["soil_type"]: _text(batch.soil_type, text),
            text["volume"]: number(batch.volume_m3),
            text["tonnes"]: number(batch.tonnes),
            text["window"]: _window(batch.start_date, batch.end_date, text),
            text["analyses"]: text["analyses_text"].format(int(batch.samples), rule, analysed,
                                                           len(mine)),
            text["suitable_uses"]: _uses(batch.soil_class, mine, text),
        }
        parts.append(f"<h3>{escape(batch.label)}</h3>" + definition_list(items))
    return "\n".join(parts)


def _by_batch(options: pd.DataFrame) -> dict:
    """Each batch's options, found once rather than filtered per batch."""
    return {label: rows for label, rows in options.groupby("batch", sort=False)}


def _uses(soil_class, options: pd.DataFrame, text) -> str:
    uses = text["uses_by_class"]
    try:
        key = int(soil_class)
    except (TypeError, ValueError):
        key = None
    statement = uses.get(key, text["uses_unknown"]) if key is not None else text["uses_unknown"]
    kinds = options["receiver_kind"].dropna().astype(str)
    if len(kinds):
        counts = kinds.value_counts()
        listed = ", ".join(f"{kind} ({count})" for kind, count in counts.items())
        statement += "; " + text["receivers_in_reach"].format(listed)
    return statement


def _soil_class(value, text) -> str:
    if missing(value) or str(value) == "":
        return text["unknown"]
    try:
        number_ = float(value)
    except (TypeError, ValueError):
        return str(value)
    shown = f"{number_:g}"
    name = text["class_names"].get(int(number_)) if number_.is_integer() else None
    return f"{shown} ({name})" if name else shown


def _window(start, end, text) -> str:
    if missing(start) and missing(end):
        return text["open_window"]
    return f"{_date(start, text)} – {_date(end, text)}"


def _date(value, text) -> str:
    if missing(value):
        return text["open_window"]
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)


def _text(value, text) -> str:
    return text["unknown"] if missing(value) or str(value) == "" else str(value)


def _signed(value, decimals: int = 3) -> str:
    if missing(value):
        return "–"
    return ("+" if value > 0 else "") + number(value, decimals)


def _sources(content: PlanContent, text) -> str:
    parts = [f"<h3>{escape(text['inputs'])}</h3>", definition_list(content.inputs),
             f"<h3>{escape(text['parameters'])}</h3>", definition_list(content.parameters)]
    if content.references:
        parts.append(f"<h3>{escape(text['references'])}</h3>")
        parts.append("<ul>" + "".join(f"<li>{escape(r)}</li>" for r in content.references)
                     + "</ul>")
    return "\n".join(parts)


# Qt's rich text lays the paged variant out on the page itself: no screen margins, smaller type,
# and tables ruled by rows: its collapsed cell borders take three times as long to print.
_PAGED_CSS = """
body { margin: 0; max-width: none; font-size: 9pt; }
table { font-size: 8pt; border-collapse: separate; border-spacing: 0; }
th, td { border: none; border-bottom: 1px solid #ccc; }
"""

_CSS = """
h3 { font-size: 1.05em; margin-top: 1.2em; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; }
               table, figure { page-break-inside: avoid; } }
"""
