"""The dialogs read top-down and show numbers as a planner reads them: match_reuse's layers, main
fields, area rule and haul come first and the rest waits under Advanced; number boxes show the
decimals their values need (QGIS 3.22's widget_wrapper metadata, checked on the real widget);
outputs show m³ whole and km to 0.01 while keeping full precision."""
import pytest

MAIN = ["SOURCES", "RECEIVERS", "DISPOSAL", "AREA_TYPES", "CONTAMINATION", "ROADS",
        "SOURCE_ID_FIELD", "VOLUME_FIELD", "CLASS_FIELD", "RECEIVER_ID_FIELD",
        "CAPACITY_FIELD", "MAX_CLASS_FIELD", "AREA_RULE", "MAX_HAUL_KM", "DETOUR_FACTOR"]


def algorithm(algorithm_id):
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().createAlgorithmById(f"jordressource:{algorithm_id}")


def test_match_reuse_dialog_reads_top_down(plugin):
    found = algorithm("match_reuse")
    inputs = [p for p in found.parameterDefinitions() if not p.isDestination()]
    shown = [p.name() for p in inputs if not p.flags() & p.FlagAdvanced]
    advanced = [p.name() for p in inputs if p.flags() & p.FlagAdvanced]
    assert shown == MAIN
    assert {"SOURCE_START_FIELD", "KIND_FIELD", "GATE_FEE_FIELD", "AREA_TYPE_FIELD",
            "DENSITY_T_M3", "DISTANCE_CRS"} <= set(advanced)
    # every field selector comes after the layer it belongs to
    order = [p.name() for p in found.parameterDefinitions()]
    for parameter in inputs:
        parent = getattr(parameter, "parentLayerParameterName", lambda: "")()
        if parent:
            assert order.index(parent) < order.index(parameter.name()), parameter.name()


@pytest.mark.parametrize("name, decimals", [("MAX_HAUL_KM", 1), ("DETOUR_FACTOR", 2),
                                            ("CO2_KG_TKM", 3), ("DENSITY_T_M3", 2)])
def test_number_boxes_show_sensible_decimals(plugin, name, decimals):
    from qgis.core import QgsProcessingContext
    from qgis.gui import QgsGui, QgsProcessingGui
    from qgis.PyQt.QtWidgets import QDoubleSpinBox

    found = algorithm("match_reuse")  # kept alive: it owns the parameter
    parameter = found.parameterDefinition(name)
    wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(
        parameter, QgsProcessingGui.Standard)
    widget = wrapper.createWrappedWidget(QgsProcessingContext())
    boxes = [widget] if isinstance(widget, QDoubleSpinBox) else \
        widget.findChildren(QDoubleSpinBox)
    assert boxes and boxes[0].decimals() == decimals


def test_every_double_parameter_asks_for_its_decimals(plugin):
    from qgis.core import QgsApplication, QgsProcessingParameterNumber

    provider = QgsApplication.processingRegistry().providerById("jordressource")
    missing = [f"{a.name()}:{p.name()}" for a in provider.algorithms()
               for p in a.parameterDefinitions()
               if isinstance(p, QgsProcessingParameterNumber)
               and p.dataType() == QgsProcessingParameterNumber.Double
               and "decimals" not in p.metadata().get("widget_wrapper", {})]
    assert not missing, missing


def test_outputs_show_rounded_values_and_keep_full_precision(plugin, run_algorithm,
                                                             make_layer):
    crs = "EPSG:25832"
    sources = make_layer("Point", crs, [("id", "string"), ("volume_m3", "double"),
                                        ("soil_class", "integer")],
                         [("POINT(681000 6170000)", ["S1", 1234.5678, 1])])
    receivers = make_layer("Point", crs, [("id", "string"), ("kind", "string"),
                                          ("capacity_m3", "double"),
                                          ("max_soil_class", "integer")],
                           [("POINT(682345.6 6170000)", ["R1", "pit", 5000.0, 2])])
    result = run_algorithm("match_reuse", {
        "SOURCES": sources, "RECEIVERS": receivers, "DISTANCE_CRS": crs, "AREA_RULE": 0,
        "OUTPUT_MATCHES": "TEMPORARY_OUTPUT", "OUTPUT_SOURCES": "TEMPORARY_OUTPUT",
        "OUTPUT_RECEIVERS": "TEMPORARY_OUTPUT"})
    layer = result["OUTPUT_MATCHES"]
    match = next(layer.getFeatures())
    assert match["volume_m3"] == pytest.approx(1234.5678)  # stored in full
    shown = {}
    for name in ("volume_m3", "distance_km", "tonne_km", "cost_dkk"):
        setup = layer.editorWidgetSetup(layer.fields().lookupField(name))
        shown[name] = (setup.type(), setup.config().get("Precision"))
    assert shown == {"volume_m3": ("Range", 0), "distance_km": ("Range", 2),
                     "tonne_km": ("Range", 0), "cost_dkk": ("Range", 0)}
