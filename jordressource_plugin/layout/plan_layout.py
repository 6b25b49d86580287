"""The print layout of a local-plan map, built in code.

Built from code rather than read from a project, so the map is the same in the toolbox, in a model
and in qgis_process. A page has a header (title and the area's name over an accent rule), the map,
a panel (legend, north arrow, scale bar and scale) and a footer (sources, date, CRS). Portrait
pages put the panel under the map, landscape pages beside it (page_geometry.py says where).
"""
from dataclasses import dataclass

from qgis.core import (
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsLineSymbol,
    QgsPrintLayout,
    QgsProperty,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..i18n import number_locale, translate
from .page_geometry import Box, PageGeometry, page_geometry

MAP_ITEM_ID = "plan_map"
# Layout property: False when even the smallest legend type overflows its box.
LEGEND_FITS = "jordressource/legend_fits"
# How much the legend's panel may grow (mm on A4) before its type shrinks below 80 %.
PANEL_GROWTHS_MM = (0.0, 12.0, 24.0, 36.0)
# Kilometres on the scale bar from this scale up (a 40 mm bar then spans a whole kilometre).
KILOMETRE_SCALE = 25000

# Page fields the atlas reads: the page's name, its image file name, scale and map extent.
PAGE_NAME_FIELD = "page_name"
PAGE_FILE_FIELD = "page_file"
PAGE_SCALE_FIELD = "page_scale"
EXTENT_FIELDS = ("x_min", "y_min", "x_max", "y_max")

INK = QColor("#22313a")
MUTED = QColor("#56626a")
ACCENT = "#8c5a2b"
RULE = "#b8bec2"


@dataclass(frozen=True)
class PageTexts:
    """Everything written on the page, already translated. ``subtitle`` may hold QGIS
    expressions in [% %], evaluated per atlas page; ``scale`` holds ``{scale}`` for the map's
    scale number."""
    title: str
    subtitle: str
    legend_title: str
    sources: str
    date: str
    crs: str
    scale: str


def build_plan_layout(project, geometry: PageGeometry, map_layers, crs, texts: PageTexts,
                      north_arrow_svg: str, dpi: float, extent=None, scale=None,
                      atlas_layer=None) -> QgsPrintLayout:
    """A one-page print layout in ``project`` showing ``map_layers`` (top first) in ``crs``.

    With ``atlas_layer`` (a page layer with the PAGE_* fields and EXTENT_FIELDS) the layout is an
    atlas and each page's map extent comes from its feature; otherwise the map shows ``extent``
    (a QgsRectangle) at ``scale``.
    """
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(texts.title)
    layout.renderContext().setDpi(dpi)
    page = layout.pageCollection().page(0)
    orientation = (QgsLayoutItemPage.Orientation.Landscape if geometry.landscape
                   else QgsLayoutItemPage.Orientation.Portrait)
    page.setPageSize(geometry.paper, orientation)

    map_item = _add_map(layout, geometry, map_layers, crs, extent, atlas_layer)
    _add_header(layout, geometry, texts)
    _add_panel(layout, geometry, map_item, texts, north_arrow_svg, scale, atlas_layer is not None)
    _add_footer(layout, geometry, texts)
    if atlas_layer is not None:
        atlas = layout.atlas()
        atlas.setCoverageLayer(atlas_layer)
        atlas.setPageNameExpression(f'"{PAGE_NAME_FIELD}"')
        atlas.setFilenameExpression(f'"{PAGE_FILE_FIELD}"')
        atlas.setEnabled(True)
    return layout


def _place(item, box: Box):
    # Size before position: moving a map item that has no extent yet leaves it without one.
    item.attemptResize(QgsLayoutSize(box.w, box.h))
    item.attemptMove(QgsLayoutPoint(box.x, box.y))


def _text_format(size_pt, color, bold=False):
    font = QFont()
    font.setBold(bold)
    font.setPointSizeF(size_pt)
    text_format = QgsTextFormat()
    text_format.setFont(font)
    text_format.setSize(size_pt)
    text_format.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    text_format.setColor(color)
    return text_format


def _add_label(layout, box, text, size_pt, color, bold=False, align=Qt.AlignmentFlag.AlignLeft,
               valign=Qt.AlignmentFlag.AlignTop, item_id=""):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    text_format = _text_format(size_pt, color, bold)
    if hasattr(label, "setTextFormat"):  # QGIS 3.24 and later
        label.setTextFormat(text_format)
    else:
        label.setFont(text_format.font())
        label.setFontColor(color)
    label.setHAlign(align)
    label.setVAlign(valign)
    label.setMargin(0)
    label.setId(item_id)
    layout.addLayoutItem(label)
    _place(label, box)
    return label


def _add_rectangle(layout, box, color):
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    shape.setSymbol(QgsFillSymbol.createSimple({"color": color, "outline_style": "no"}))
    layout.addLayoutItem(shape)
    _place(shape, box)
    return shape


def _add_map(layout, geometry, map_layers, crs, extent, atlas_layer):
    map_item = QgsLayoutItemMap(layout)
    map_item.setId(MAP_ITEM_ID)
    layout.addLayoutItem(map_item)
    _place(map_item, geometry.map)
    map_item.setCrs(crs)
    map_item.setLayers(map_layers)
    map_item.setKeepLayerSet(True)
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeColor(INK)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.35 * geometry.unit))
    map_item.setBackgroundColor(QColor("white"))
    if atlas_layer is not None:
        feature = next(atlas_layer.getFeatures(), None)
        if feature is not None:
            extent = QgsRectangle(*(feature[field] for field in EXTENT_FIELDS))
    if extent is not None:
        map_item.zoomToExtent(extent)
    if atlas_layer is not None:
        # Set after the first extent: evaluated with no atlas page yet, the properties would
        # otherwise collapse the extent to nothing.
        properties = map_item.dataDefinedProperties()
        defined = QgsLayoutObject.DataDefinedProperty
        for prop, field in zip((defined.MapXMin, defined.MapYMin, defined.MapXMax, defined.MapYMax),
                               EXTENT_FIELDS):
            properties.setProperty(prop, QgsProperty.fromExpression(
                f"attribute(@atlas_feature, '{field}')"))
        map_item.setDataDefinedProperties(properties)
    return map_item


def _add_header(layout, geometry, texts):
    unit, header = geometry.unit, geometry.header
    _add_label(layout, Box(header.x, header.y, header.w, 9 * unit), texts.title, 17 * unit, INK,
               bold=True, item_id="title")
    _add_label(layout, Box(header.x, header.y + 9.5 * unit, header.w, 6.5 * unit), texts.subtitle,
               11.5 * unit, MUTED, item_id="subtitle")
    _add_rectangle(layout, geometry.rule, ACCENT)


def _panel_boxes(geometry):
    """The legend's box and column count, and the box of the north arrow and scale."""
    unit, panel = geometry.unit, geometry.panel
    # North arrow, and beside it the scale bar over the scale.
    block_width, block_height = 50 * unit, 17 * unit
    if geometry.landscape:
        legend_box = Box(panel.x, panel.y, panel.w, panel.h - block_height - 3 * unit)
        block = Box(panel.x, panel.bottom - block_height, panel.w, block_height)
        return legend_box, 1, block
    legend_box = Box(panel.x, panel.y, panel.w - block_width - 4 * unit, panel.h)
    block = Box(panel.right - block_width, panel.y, block_width, block_height)
    return legend_box, 2, block


def fit_page_geometry(project, paper, landscape, legend_title):
    """The page geometry with the smallest panel in which the legend of every layer in
    ``project``'s layer tree fits at 80 % of its type size or more."""
    for growth in PANEL_GROWTHS_MM:
        geometry = page_geometry(paper, landscape, growth)
        box, columns, _block = _panel_boxes(geometry)
        trial = QgsPrintLayout(project)
        legend = _new_legend(trial, legend_title, geometry.unit)
        if _fit_legend(legend, box, columns, geometry.unit, shrinks=(1.0, 0.9, 0.8)):
            return geometry
    return geometry


def _add_panel(layout, geometry, map_item, texts, north_arrow_svg, scale, atlas):
    unit = geometry.unit
    legend_box, columns, block = _panel_boxes(geometry)
    _add_legend(layout, legend_box, map_item, texts.legend_title, columns, unit)

    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north_arrow")
    arrow.setPicturePath(north_arrow_svg, QgsLayoutItemPicture.Format.FormatSVG)
    arrow.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    arrow.setLinkedMap(map_item)
    arrow.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    layout.addLayoutItem(arrow)
    _place(arrow, Box(block.x, block.y, 9 * unit, 13 * unit))

    bar_x = block.x + 13 * unit
    bar_width = block.right - bar_x
    bar_position = QgsLayoutPoint(bar_x, block.y + 1.5 * unit)
    if atlas:
        # One bar in metres, one in kilometres; each page prints the one that suits its scale.
        page_scale = f"attribute(@atlas_feature, '{PAGE_SCALE_FIELD}')"
        _add_scale_bar(layout, map_item, bar_position, bar_width, unit, False,
                       f"{page_scale} >= {KILOMETRE_SCALE}")
        _add_scale_bar(layout, map_item, bar_position, bar_width, unit, True,
                       f"{page_scale} < {KILOMETRE_SCALE}")
    else:
        _add_scale_bar(layout, map_item, bar_position, bar_width, unit, scale >= KILOMETRE_SCALE)

    # The scale in the user's number format (1:10.000 in Danish), whatever the system's locale
    # (qgis_process keeps the system's): format_number's language argument.
    scale_text = texts.scale.format(
        scale=f"[% format_number(map_get(item_variables('{MAP_ITEM_ID}'), 'map_scale'), 0, "
              f"'{number_locale().name()}') %]")
    _add_label(layout, Box(bar_x, block.y + 10.5 * unit, bar_width, 5 * unit), scale_text, 8 * unit,
               INK, item_id="scale_text")


def _add_scale_bar(layout, map_item, position, max_width, unit, kilometres, exclude_when=None):
    bar = QgsLayoutItemScaleBar(layout)
    bar.setId("scale_bar_km" if kilometres else "scale_bar_m")
    bar.setStyle("Single Box")
    bar.setLinkedMap(map_item)
    bar.applyDefaultSize(QgsUnitTypes.DistanceUnit.DistanceKilometers if kilometres
                         else QgsUnitTypes.DistanceUnit.DistanceMeters)
    bar.setNumberOfSegmentsLeft(0)
    bar.setNumberOfSegments(2)
    bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
    bar.setMinimumBarWidth(min(24 * unit, max_width - 8 * unit))
    bar.setMaximumBarWidth(max_width - 6 * unit)
    bar.setHeight(1.8 * unit)
    bar.setTextFormat(_text_format(7 * unit, INK))
    bar.setFillSymbol(QgsFillSymbol.createSimple({"color": INK.name(), "outline_style": "no"}))
    bar.setLineSymbol(QgsLineSymbol.createSimple({"color": INK.name(), "width": str(0.25 * unit)}))
    if exclude_when:
        properties = bar.dataDefinedProperties()
        properties.setProperty(QgsLayoutObject.DataDefinedProperty.ExcludeFromExports,
                               QgsProperty.fromExpression(exclude_when))
        bar.setDataDefinedProperties(properties)
    layout.addLayoutItem(bar)
    bar.attemptMove(position)
    bar.update()
    return bar


def _new_legend(layout, title, unit):
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle(title)
    legend.setSplitLayer(True)
    legend.setEqualColumnWidth(True)
    legend.setColumnSpace(4 * unit)
    legend.setBackgroundEnabled(False)
    legend.setWrapString("|")
    legend.setResizeToContents(False)
    layout.addLayoutItem(legend)
    return legend


def _add_legend(layout, box, map_item, title, columns, unit):
    legend = _new_legend(layout, title, unit)
    legend.setLinkedMap(map_item)
    layout.setCustomProperty(LEGEND_FITS, _fit_legend(legend, box, columns, unit))
    legend.setLegendFilterByMapEnabled(True)
    _place(legend, box)
    return legend


def _fit_legend(legend, box, columns, unit, shrinks=(1.0, 0.9, 0.8, 0.7, 0.6)):
    """The largest type, then the fewest columns, at which every entry of every layer fits in
    ``box``; False when none does. Measured unfiltered: a page lists a subset, so it fits too."""
    context = QgsLayoutUtils.createRenderContextForLayout(legend.layout(), None)
    most_columns = max(columns, int(box.w // (28 * unit)))
    for shrink in shrinks:
        _scale_legend_text(legend, shrink, unit)
        for count in range(columns, most_columns + 1):
            legend.setColumnCount(count)
            size = QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context)
            if size.width() <= box.w and size.height() <= box.h:
                return True
    return False


def _scale_legend_text(legend, shrink, unit):
    style, side = QgsLegendStyle.Style, QgsLegendStyle.Side
    sizes = {style.Title: (10, True), style.Group: (8, True), style.Subgroup: (8, True),
             style.SymbolLabel: (7.5, False)}
    for kind, (size, bold) in sizes.items():
        legend_style = legend.rstyle(kind)
        text_format = _text_format(size * unit * shrink, INK, bold)
        if hasattr(legend_style, "setTextFormat"):  # QGIS 3.30 and later
            legend_style.setTextFormat(text_format)
        else:
            legend_style.setFont(text_format.font())
    if not hasattr(legend.rstyle(style.Title), "setTextFormat"):
        legend.setFontColor(INK)
    legend.setSymbolWidth(6 * unit * shrink)
    legend.setSymbolHeight(3.5 * unit * shrink)
    legend.rstyle(style.Title).setMargin(side.Bottom, 2.5 * unit * shrink)
    legend.rstyle(style.Subgroup).setMargin(side.Top, 2 * unit * shrink)
    legend.rstyle(style.Symbol).setMargin(side.Top, 1.4 * unit * shrink)
    legend.rstyle(style.SymbolLabel).setMargin(side.Top, 1.4 * unit * shrink)


def _add_footer(layout, geometry, texts):
    unit, footer = geometry.unit, geometry.footer
    _add_rectangle(layout, Box(footer.x, footer.y, footer.w, 0.25 * unit), RULE)
    text_top = footer.y + 1.5 * unit
    left_width = footer.w * 0.64
    _add_label(layout, Box(footer.x, text_top, left_width, footer.h - 1.5 * unit), texts.sources,
               6.5 * unit, MUTED, item_id="sources")
    _add_label(layout, Box(footer.x + left_width, text_top, footer.w - left_width,
                           footer.h - 1.5 * unit),
               f"{texts.date}\n{texts.crs}", 6.5 * unit, MUTED, align=Qt.AlignmentFlag.AlignRight,
               item_id="date")


def export_result_message(result, path):
    """A planner-readable sentence for a QgsLayoutExporter error code, None for success."""
    if result == QgsLayoutExporter.ExportResult.Success:
        return None
    messages = {
        QgsLayoutExporter.ExportResult.FileError: translate(
            "ExportPlanMapAlgorithm", "Cannot write {0}. The folder may be read-only, or the file "
            "may be open in another program (close it and run again)."),
        QgsLayoutExporter.ExportResult.PrintError: translate(
            "ExportPlanMapAlgorithm", "Could not create the PDF printer for {0}."),
        QgsLayoutExporter.ExportResult.MemoryError: translate(
            "ExportPlanMapAlgorithm", "Rendering {0} ran out of memory. Choose a lower DPI or a "
            "smaller page size."),
        QgsLayoutExporter.ExportResult.SvgLayerError: translate(
            "ExportPlanMapAlgorithm", "Could not write the layers of {0}."),
        QgsLayoutExporter.ExportResult.IteratorError: translate(
            "ExportPlanMapAlgorithm", "Could not step through the pages of the atlas for {0}."),
        QgsLayoutExporter.ExportResult.Canceled: translate(
            "ExportPlanMapAlgorithm", "The export of {0} was canceled."),
    }
    return messages.get(result, translate("ExportPlanMapAlgorithm", "Exporting {0} failed.")) \
        .format(path)
