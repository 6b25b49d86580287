"""Whole help pages for a browser: the Help button of every dialog and the menu's Help.

The help files in help/<language>/ are fragments that the Processing dialog shows beside the
parameters. A browser needs a page with its encoding declared, so the fragments are wrapped and
written once per language and plugin version into QGIS's temporary folder.
"""
import html
import tempfile
from pathlib import Path

from .i18n import help_text, translate, user_language

STYLE = ("body{font-family:sans-serif;max-width:52em;margin:2em auto;line-height:1.45;color:#222}"
         "h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:1px solid #ccc;margin-top:2em}"
         "h3{font-size:1.05em}code{background:#f3f3f3;padding:0 .2em}")


def _folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "jordressource-help" / user_language()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html><html lang=\"{user_language()}\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
            f"<body>{body}</body></html>")


def _fragment(name: str) -> str:
    return help_text(name)


def algorithm_help_file(algorithm_id: str, title: str) -> Path:
    """A page holding one algorithm's help."""
    path = _folder() / f"{algorithm_id}.html"
    path.write_text(_page(title, f"<h1>{html.escape(title)}</h1>{_fragment(algorithm_id)}"),
                    encoding="utf-8")
    return path


def overview_help_file(algorithms) -> Path:
    """One page with every algorithm's help, in the order given: [(id, title, group)]."""
    heading = translate("JordressourceHelp", "Jordressource help")
    intro = translate(
        "JordressourceHelp",
        "Jordressource finds where surplus soil can be reused on the shortest haul, under the "
        "area-based approach. The algorithms are in the Processing toolbox under Jordressource "
        "and in the Jordressource menu, in the order a planner uses them.")
    contents = "".join(f"<li><a href=\"#{a}\">{html.escape(t)}</a> <small>({html.escape(g)})"
                       f"</small></li>" for a, t, g in algorithms)
    sections = "".join(f"<h2 id=\"{a}\">{html.escape(t)}</h2>{_fragment(a)}"
                       for a, t, _ in algorithms)
    path = _folder() / "index.html"
    path.write_text(_page(heading, f"<h1>{html.escape(heading)}</h1><p>{html.escape(intro)}</p>"
                                   f"<ul>{contents}</ul>{sections}"), encoding="utf-8")
    return path
