"""Help and About: the local help in the user's language, and who made the plugin and its data."""
import configparser

from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QMessageBox

from ..help_pages import overview_help_file
from ..i18n import translate
from ..resources import metadata_path


def plugin_metadata() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(metadata_path(), encoding="utf-8")
    return parser["general"]


def open_help(algorithms) -> bool:
    """The whole local help, in the user's language, in the system's browser; ``algorithms`` is
    [(id, title, group)] in the order the page lists them."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(overview_help_file(algorithms))))


def about_html() -> str:
    metadata = plugin_metadata()
    homepage, tracker = metadata.get("homepage", ""), metadata.get("tracker", "")
    text = {
        "what": translate("JordressourceAbout",
                          "Short-haul reuse of surplus soil for Danish municipalities and "
                          "regions: exact reuse matches under the area-based approach, soil "
                          "balances, free-movement zones, earthwork volumes and plan maps."),
        "data": translate("JordressourceAbout", "Data in the sample project"),
        "dagi": translate("JordressourceAbout",
                          "Administrative boundaries: DAGI, © Styrelsen for Dataforsyning og "
                          "Infrastruktur (SDFI)."),
        "corine": translate("JordressourceAbout",
                            "Land cover, extraction and dump sites: CORINE Land Cover 2018, "
                            "© European Union, Copernicus Land Monitoring Service."),
        "generated": translate("JordressourceAbout",
                               "Everything else in the sample (sites, volumes, roads, terrain) "
                               "is generated and fictitious."),
        "solver": translate("JordressourceAbout", "Optimisation: HiGHS through SciPy."),
        "report": translate("JordressourceAbout", "Report a problem"),
    }
    return (f"<h3>Jordressource {metadata.get('version', '')}</h3><p>{text['what']}</p>"
            f"<p><b>{text['data']}</b><br>{text['dagi']}<br>{text['corine']}<br>"
            f"{text['generated']}</p><p>{text['solver']}</p>"
            f"<p><a href=\"{homepage}\">{homepage}</a><br>"
            f"<a href=\"{tracker}\">{text['report']}</a></p>")


def show_about(parent) -> None:
    QMessageBox.about(parent, translate("JordressourceAbout", "About Jordressource"), about_html())
