"""A report's HTML printed to PDF with Qt's own rich-text engine (QTextDocument on a
QPdfWriter): no browser and no web engine, which QGIS builds do not all ship.

Qt's rich text draws no SVG, so the report comes with its charts as PNG images, registered as
named resources of the document under the names the HTML's <img> elements use.
"""
from qgis.PyQt.QtCore import QMarginsF, QSizeF, QUrl
from qgis.PyQt.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

PAGE_MARGIN_MM = 15.0
RESOLUTION_DPI = 300
LAYOUT_DPI = 96.0  # QTextDocument lays out in pixels of a 96 dpi screen and scales on print


def printable_size_px() -> QSizeF:
    """The printable part of an A4 page in the pixels the document is laid out in: a text
    laid out on it prints at its nominal point size."""
    width_mm, height_mm = 210.0 - 2 * PAGE_MARGIN_MM, 297.0 - 2 * PAGE_MARGIN_MM
    return QSizeF(width_mm / 25.4 * LAYOUT_DPI, height_mm / 25.4 * LAYOUT_DPI)


def write_pdf(html: str, images: dict, path: str, title: str = "") -> int:
    """Print ``html`` (with ``images``: name -> PNG bytes) to an A4 PDF at ``path``; returns
    the number of pages. Raises OSError when the file cannot be written."""
    document = QTextDocument()
    for name, data in images.items():
        image = QImage()
        if not image.loadFromData(data, "PNG"):
            raise ValueError(f"not a PNG image: {name}")
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html)
    writer = QPdfWriter(path)
    writer.setTitle(title)
    writer.setCreator("Jordressource")
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM,
                                    PAGE_MARGIN_MM),
                          QPageLayout.Unit.Millimeter)
    document.setPageSize(printable_size_px())
    document.print(writer)
    pages = document.pageCount()
    del writer  # closes the file
    return pages
