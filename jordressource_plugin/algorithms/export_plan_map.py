"""Export map for a local plan: a print layout built in code, one page per plan area (atlas)."""
import os
import re
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsLayoutExporter,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProject,
    QgsRectangle,
    QgsSymbolLayerUtils,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QLocale

from ..i18n import user_language
from ..layers.fields import id_list, missing_field_error
from ..layout import map_layers
from ..layout.atlas_pages import outline_layer, set_page_extents, veil_layer
from ..layout.page_geometry import page_extent
from ..layout.plan_layout import (
    LEGEND_FITS,
    PAGE_NAME_FIELD,
    PageTexts,
    build_plan_layout,
    export_result_message,
    fit_page_geometry,
)
from ..qt_compat import is_null
from ..resources import PACKAGE_DIR
from .base import DEFAULT_DISTANCE_CRS, JordressourceAlgorithm, processing_vector_types

PAPERS = ["A4", "A3"]
# The sample project's data and their required credits (../shared/data/README.md).
SAMPLE_SOURCES = ("CORINE Land Cover 2018 © European Union, Copernicus Land Monitoring Service; "
                  "DAGI © Styrelsen for Dataforsyning og Infrastruktur (SDFI)")
NAME_FIELD_GUESSES = ("name", "navn", "plannavn", "plan_navn")
DATE_FORMATS = {"da": "d. MMMM yyyy"}
NORTH_ARROW = "arrows/NorthArrow_02.svg"


class ExportPlanMapAlgorithm(JordressourceAlgorithm):
    ALGORITHM_ID = "export_plan_map"
    GROUP_ID = "maps"
    # Layouts and QGIS's own libraries only: no engine libraries needed.
    REQUIRED_LIBRARIES = ()

    LAYERS = "LAYERS"
    COVERAGE = "COVERAGE"
    COVERAGE_NAME_FIELD = "COVERAGE_NAME_FIELD"
    EXTENT = "EXTENT"
    TITLE = "TITLE"
    PAGE_SIZE = "PAGE_SIZE"
    ORIENTATION = "ORIENTATION"
    SOURCES_TEXT = "SOURCES_TEXT"
    MARGIN_PERCENT = "MARGIN_PERCENT"
    DPI = "DPI"
    OUTPUT = "OUTPUT"
    OUTPUT_PNG_FOLDER = "OUTPUT_PNG_FOLDER"
    PAGE_COUNT = "PAGE_COUNT"

    def displayName(self):
        return self.tr("Export map for a local plan")

    def extra_tags(self):
        return ["map", "kort", "pdf", "png", "layout", "atlas", "lokalplan", "local plan", "print"]

    def flags(self):
        # Layouts are not thread safe: like QGIS's own layout exports, run in the main thread.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.LAYERS, self.tr("Layers to show on the map"),
            QgsProcessing.SourceType.TypeMapLayer))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.COVERAGE, self.tr("Plan areas, one page each (optional)"),
            processing_vector_types("polygon"), optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.COVERAGE_NAME_FIELD, self.tr("Plan area name field"), defaultValue="name",
            parentLayerParameterName=self.COVERAGE, optional=True))
        self.addParameter(QgsProcessingParameterExtent(
            self.EXTENT, self.tr("Map extent (without plan areas; default: all layers)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, self.tr("Title"), defaultValue=self.tr("Surplus soil and reuse")))
        self.addParameter(QgsProcessingParameterEnum(
            self.PAGE_SIZE, self.tr("Paper size"), options=PAPERS, defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.ORIENTATION, self.tr("Orientation"),
            options=[self.tr("Portrait"), self.tr("Landscape")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCES_TEXT, self.tr("Sources credited on the map"), defaultValue=SAMPLE_SOURCES,
            optional=True))
        self.add_number_parameter(self.MARGIN_PERCENT,
                                  self.tr("Margin around each plan area (% of its size)"),
                                  10.0, minimum=0.0, advanced=True)
        dpi = self.add_number_parameter(self.DPI, self.tr("Resolution (DPI)"), 300, minimum=72,
                                        advanced=True, integer=True)
        dpi.setMaximum(1200)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.output_title(self.OUTPUT), self.tr("PDF files (*.pdf)")))
        png = QgsProcessingParameterFolderDestination(
            self.OUTPUT_PNG_FOLDER, self.output_title(self.OUTPUT_PNG_FOLDER), optional=True,
            createByDefault=False)
        png.setFlags(png.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(png)
        self.addOutput(QgsProcessingOutputNumber(self.PAGE_COUNT, self.tr("Pages")))

    def processAlgorithm(self, parameters, context, feedback):
        layers = [layer for layer in self.parameterAsLayerList(parameters, self.LAYERS, context)
                  if layer is not None]
        if not layers:
            raise QgsProcessingException(self.tr(
                "Choose at least one layer to show on the map."))
        invalid = [layer.name() for layer in layers if not layer.isValid()]
        if invalid:
            raise QgsProcessingException(self.tr("These layers could not be read: {0}.")
                                         .format(", ".join(invalid)))
        crs = self.map_crs(layers[0], feedback)
        landscape = self.parameterAsEnum(parameters, self.ORIENTATION, context) == 1
        paper = PAPERS[self.parameterAsEnum(parameters, self.PAGE_SIZE, context)]
        margin = self.parameterAsDouble(parameters, self.MARGIN_PERCENT, context) / 100.0
        dpi = self.parameterAsInt(parameters, self.DPI, context) or 300
        title = self.parameterAsString(parameters, self.TITLE, context).strip()
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not pdf_path.lower().endswith(".pdf"):
            pdf_path += ".pdf"
        self.prepare_folder(Path(pdf_path).parent)
        png_folder = self.parameterAsFileOutput(parameters, self.OUTPUT_PNG_FOLDER, context)
        if png_folder:
            self.prepare_folder(Path(png_folder))

        language = user_language()
        coverage = self.parameterAsSource(parameters, self.COVERAGE, context)
        if coverage is not None and self.parameterAsString(parameters, self.EXTENT, context):
            feedback.pushInfo(self.tr("Each page shows its plan area; the map extent is not used."))
        project, copies, pages, page_layers = self.assemble_project(
            parameters, context, feedback, layers, coverage, crs, title, pdf_path, language)
        atlas_layer = page_layers[0] if page_layers else None

        geometry = fit_page_geometry(project, paper, landscape, self.tr("Legend"))
        extent = None
        if coverage is not None:
            scales = set_page_extents(page_layers, pages, geometry, margin)
            self.report_blank_pages(pages, copies, crs, project, margin, feedback)
        else:
            bounds = self.map_bounds(parameters, context, copies, crs, project, feedback)
            (x_min, y_min, x_max, y_max), scale = page_extent(
                bounds, geometry.map.w, geometry.map.h, margin)
            extent = QgsRectangle(x_min, y_min, x_max, y_max)
            scales = [scale]
            if not any_feature_in(copies, extent, crs, project):
                feedback.pushWarning(self.tr(
                    "The map extent holds no feature of the chosen layers: the map is blank. "
                    "Check the extent and its coordinate system."))

        texts = self.page_texts(parameters, context, title, copies, crs, coverage is not None,
                                geometry.paper, language)
        layout = build_plan_layout(project, geometry, page_layers + copies, crs, texts,
                                   self.north_arrow(), dpi, extent=extent, scale=scales[0],
                                   atlas_layer=atlas_layer)

        if not layout.customProperty(LEGEND_FITS, True):
            feedback.pushWarning(self.tr(
                "The legend has more entries than fit beside the map; some are cut off. Choose "
                "fewer layers, A3 or the other orientation."))
        steps = QgsProcessingMultiStepFeedback(2 if png_folder else 1, feedback)
        self.export_pdf(layout, pdf_path, dpi, steps)
        if png_folder and not feedback.isCanceled():
            steps.setCurrentStep(1)
            self.export_png(layout, png_folder, Path(pdf_path).stem, dpi, steps)
        page_count = len(scales)
        feedback.pushInfo(self.tr("Wrote {0} page(s) to {1}.").format(page_count,
                                                                         self.final_path(pdf_path)))
        return {self.OUTPUT: pdf_path, self.OUTPUT_PNG_FOLDER: png_folder or None,
                self.PAGE_COUNT: page_count}

    def assemble_project(self, parameters, context, feedback, layers, coverage, crs, title,
                         pdf_path, language):
        """The map's own project: copies of the layers and, with plan areas, the page layers
        (the current area's outline, in the legend, and the veil outside it, not)."""
        project = QgsProject()
        project.setCrs(crs)
        metadata = project.metadata()
        metadata.setTitle(title)
        project.setMetadata(metadata)
        user_project = context.project()
        project_layer_ids = {layer.id() for layer in layers
                             if user_project is not None and user_project.mapLayer(layer.id())}
        copies, styles = map_layers.copy_for_map(layers, project, language, project_layer_ids)
        if styles:
            feedback.pushInfo(self.tr("Styled as Jordressource outputs: {0}.")
                              .format(", ".join(styles)))
        pages, page_layers = [], []
        if coverage is not None:
            name_field = self.name_field(coverage, parameters, context)
            pages = self.read_pages(coverage, name_field, crs, pdf_path, context, feedback)
            page_layers = [outline_layer(pages, crs, coverage.sourceName(), self.tr("Plan area")),
                           veil_layer(pages, crs)]
            for layer in page_layers:
                project.addMapLayer(layer, False)
            node = project.layerTreeRoot().addLayer(page_layers[0])
            # Its one entry names the plan area; a heading above it would repeat the name.
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
        for layer in copies:
            project.layerTreeRoot().addLayer(layer)
        return project, copies, pages, page_layers

    # Inputs -----------------------------------------------------------------------------------
    def map_crs(self, first_layer, feedback):
        """The first layer's CRS when it is projected; EPSG:25832 otherwise (a map in degrees
        has no metric scale)."""
        crs = first_layer.crs()
        if crs.isValid() and not crs.isGeographic():
            return crs
        feedback.pushInfo(self.tr(
            "The first layer's CRS is not projected; the map is drawn in {0}.")
            .format(DEFAULT_DISTANCE_CRS))
        return QgsCoordinateReferenceSystem(DEFAULT_DISTANCE_CRS)

    def prepare_folder(self, folder: Path):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise QgsProcessingException(self.tr(
                "Cannot create the folder {0}: {1}. Choose another place for the map.")
                .format(folder, error.strerror or error)) from error
        if not os.access(folder, os.W_OK):
            raise QgsProcessingException(self.tr(
                "The folder {0} is not writable. Choose another place for the map.").format(folder))

    def name_field(self, coverage, parameters, context):
        field = self.parameterAsString(parameters, self.COVERAGE_NAME_FIELD, context)
        names = coverage.fields().names()
        chosen = parameters.get(self.COVERAGE_NAME_FIELD) not in (None, "")
        if field and (chosen or field in names):
            if field not in names:
                raise missing_field_error(self.tr("Plan areas"), field, coverage)
            return field
        lowered = {name.lower(): name for name in names}
        return next((lowered[guess] for guess in NAME_FIELD_GUESSES if guess in lowered), None)

    def read_pages(self, coverage, name_field, crs, pdf_path, context, feedback):
        """One page per plan area with a geometry, in the map's CRS, named by ``name_field``
        (or "Area <id>" where the name is empty)."""
        request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
        id_index = coverage.fields().lookupField("id")
        pages, skipped, unnamed = [], [], []
        stem = Path(pdf_path).stem
        for feature in coverage.getFeatures(request):
            if feedback.isCanceled():
                break
            shape = feature.geometry()
            if shape is None or shape.isNull() or shape.isEmpty():
                skipped.append(feature.id())
                continue
            name = feature[name_field] if name_field else None
            if is_null(name):
                name = ""
            name = str(name)
            if not name.strip():
                ident = feature.attributes()[id_index] if id_index >= 0 else None
                if is_null(ident) or ident == "":
                    ident = feature.id()
                name = self.tr("Area {0}").format(ident)
                unnamed.append(feature.id())
            number = len(pages) + 1
            safe = re.sub(r"[^\w\-]+", "_", name).strip("_")[:60]
            file_name = f"{stem}_{number:02d}_{safe}" if safe else f"{stem}_{number:02d}"
            pages.append({"geometry": shape, "name": name.strip(), "file": file_name})
        if skipped:
            feedback.reportError(self.tr("Plan areas without geometry were left out, ids {0}.")
                                 .format(id_list(skipped)))
        if unnamed:
            feedback.pushWarning(self.tr(
                "Plan areas without a name were named by their id: ids {0}.")
                .format(id_list(unnamed)))
        if not pages:
            raise QgsProcessingException(self.tr(
                "The plan-area layer has no areas to map. Choose a layer with polygons, or leave "
                "plan areas empty for a single map of all layers."))
        return pages

    def map_bounds(self, parameters, context, layers, crs, project, feedback):
        if self.parameterAsString(parameters, self.EXTENT, context):
            extent = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
            if not extent.isEmpty():
                return extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()
            feedback.pushWarning(self.tr(
                "The map extent has no width or height; the map shows all layers instead."))
        # Combined from the first extent on: an empty QgsRectangle to start from differs between
        # QGIS versions (3.34 deprecates setMinimal() for setNull(), which 3.22 lacks).
        extents = [QgsCoordinateTransform(layer.crs(), crs, project.transformContext())
                   .transformBoundingBox(layer.extent())
                   for layer in layers if not layer.extent().isNull()]
        if not extents:
            raise QgsProcessingException(self.tr(
                "The layers hold no features to map. Add layers with data, or give a map extent."))
        combined = QgsRectangle(extents[0])
        for extent in extents[1:]:
            combined.combineExtentWith(extent)
        return combined.xMinimum(), combined.yMinimum(), combined.xMaximum(), combined.yMaximum()

    def report_blank_pages(self, pages, layers, crs, project, margin, feedback):
        """Name the plan areas whose page shows none of the layers' features."""
        blank = []
        for page in pages:
            box = page["geometry"].boundingBox()
            box.grow(margin * max(box.width(), box.height()))
            if not any_feature_in(layers, box, crs, project):
                blank.append(page["name"])
        if blank:
            feedback.pushWarning(self.tr(
                "{0} plan area(s) hold no feature of the chosen layers; their pages show only "
                "the area: {1}.").format(len(blank), ", ".join(blank)))

    # Page ---------------------------------------------------------------------------------
    def page_texts(self, parameters, context, title, layers, crs, atlas, paper, language):
        user_sources = self.parameterAsString(parameters, self.SOURCES_TEXT, context)
        sources = map_layers.sources_text(user_sources, layers)
        date = QLocale(language).toString(QDate.currentDate(),
                                          DATE_FORMATS.get(language, "d MMMM yyyy"))
        return PageTexts(
            title=title,
            subtitle=f'[% "{PAGE_NAME_FIELD}" %]' if atlas else self.tr("Overview map"),
            legend_title=self.tr("Legend"),
            sources=self.tr("Sources: {0}").format(sources) if sources else "",
            date=self.tr("Date: {0}").format(date) + " · Jordressource",
            crs=self.tr("Coordinate system: {0}").format(
                f"{crs.description()} ({crs.authid()})" if crs.authid() else crs.description()),
            scale=self.tr("Scale 1:{scale} at {paper}").replace("{paper}", paper),
        )

    def north_arrow(self):
        """QGIS's own north arrow; the plugin's copy where the QGIS install lacks it."""
        path = QgsSymbolLayerUtils.svgSymbolNameToPath(NORTH_ARROW,
                                                       QgsProject.instance().pathResolver())
        if path and Path(path).exists():
            return path
        return str(PACKAGE_DIR / "layout" / "north_arrow.svg")

    # Export -------------------------------------------------------------------------------
    def export_pdf(self, layout, path, dpi, feedback):
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = dpi
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = False
        settings.appendGeoreference = True
        settings.exportMetadata = True
        settings.simplifyGeometries = True
        # Text as text, not outlines: the planner can search and copy names in the PDF.
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
        exporter = QgsLayoutExporter(layout)
        atlas = layout.atlas()
        if atlas.enabled():
            atlas.updateFeatures()
            result, error = QgsLayoutExporter.exportToPdf(atlas, path, settings, feedback)
        else:
            result, error = exporter.exportToPdf(path, settings), ""
        self.raise_for(result, path, error)

    def export_png(self, layout, folder, stem, dpi, feedback):
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        # A world file beside each image lets GIS place it; PNG cannot hold the georeference.
        settings.generateWorldFile = True
        atlas = layout.atlas()
        if atlas.enabled():
            # The atlas keeps only the folder of this path and names each image by its page.
            base = os.path.join(folder, f"{stem}.png")
            result, error = QgsLayoutExporter.exportToImage(atlas, base, "png", settings, feedback)
            self.raise_for(result, folder, error)
        else:
            path = os.path.join(folder, f"{stem}.png")
            self.raise_for(QgsLayoutExporter(layout).exportToImage(path, settings), path, "")

    def raise_for(self, result, path, error):
        message = export_result_message(result, path)
        if message:
            raise QgsProcessingException(message + (f" ({error})" if error else ""))


def any_feature_in(layers, rectangle, crs, project):
    """Whether any of ``layers`` has a feature (a raster: any extent) within ``rectangle``,
    given in ``crs``."""
    for layer in layers:
        transform = QgsCoordinateTransform(crs, layer.crs(), project.transformContext())
        try:
            area = transform.transformBoundingBox(rectangle)
        except QgsCsException:
            continue
        if not isinstance(layer, QgsVectorLayer):
            if layer.extent().intersects(area):
                return True
            continue
        request = QgsFeatureRequest().setFilterRect(area).setLimit(1)
        request.setNoAttributes()
        if any(True for _ in layer.getFeatures(request)):
            return True
    return False

