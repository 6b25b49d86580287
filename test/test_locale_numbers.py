"""Messages in the user's language with numbers as that language writes them: a Danish QGIS
reads "273.910 af ..." and 25 %, an English one "273,910 of ..." and 25%; QGIS's own number
locale setting wins where the user chose one; the solver's proof is in our words."""
import pytest

CRS = "EPSG:25832"
SOURCE_FIELDS = [("id", "string"), ("volume_m3", "double"), ("soil_class", "integer")]
RECEIVER_FIELDS = [("id", "string"), ("kind", "string"), ("capacity_m3", "double"),
                   ("max_soil_class", "integer")]


@pytest.fixture
def big_plan(make_layer):
    """273,910 m³ from S1; R1 takes 200,000 m³ of it, the rest goes to disposal."""
    sources = make_layer("Point", CRS, SOURCE_FIELDS,
                         [("POINT(681000 6170000)", ["S1", 273910.0, 1])])
    receivers = make_layer("Point", CRS, RECEIVER_FIELDS,
                           [("POINT(682000 6170000)", ["R1", "pit", 200000.0, 2])])
    return {"SOURCES": sources, "RECEIVERS": receivers, "DISTANCE_CRS": CRS,
            "DETOUR_FACTOR": 1.0, "MAX_HAUL_KM": 3.0, "AREA_RULE": 0,
            "OUTPUT_MATCHES": "memory:", "OUTPUT_SOURCES": "memory:",
            "OUTPUT_RECEIVERS": "memory:"}


def run_log(run_algorithm, recording_feedback, parameters):
    run_algorithm("match_reuse", parameters, recording_feedback)
    return recording_feedback.log


def test_danish_match_reuse_message_reads_danish_numbers(run_algorithm, recording_feedback,
                                                         qgis_language, big_plan):
    qgis_language("da")
    log = run_log(run_algorithm, recording_feedback, big_plan)
    assert ("Optimal plan: 200.000 af 273.910 m³ genanvendes (73\u00a0%), 73.910 m³ går til "
            "deponering.") in log
    assert "HiGHS har bevist, at planen er optimal" in log
    for english in ("273,910", "reused", "Optimal)", "HiGHS Status", "Optimization terminated"):
        assert english not in log


def test_english_match_reuse_message_reads_english_numbers(run_algorithm, recording_feedback,
                                                           qgis_language, big_plan):
    qgis_language("en")
    log = run_log(run_algorithm, recording_feedback, big_plan)
    assert "Optimal plan: 200,000 of 273,910 m³ reused (73%), 73,910 m³ to disposal." in log
    assert "HiGHS proved the plan optimal: total cost" in log
    assert "HiGHS Status" not in log


def test_qgis_number_locale_setting_wins_over_the_interface_language(qgis_language):
    """An English QGIS with Danish number formats (Settings ▸ Options ▸ General ▸ Locale)."""
    from jordressource_plugin.i18n import format_number, format_share

    qgis_language("en", number_locale="da_DK")
    assert format_number(273910) == "273.910" and format_number(2.5, 1) == "2,5"
    assert format_share(0.25) == "25\u00a0%"
    qgis_language("da")
    assert format_number(273910) == "273.910"
    qgis_language("en_US")
    assert format_number(273910) == "273,910" and format_share(0.25) == "25%"


def test_solver_failure_is_said_in_our_words(qgis_language):
    from jordressource_plugin.layers.solver import INFEASIBLE, solver_failure

    qgis_language("da")
    assert solver_failure(INFEASIBLE).startswith("HiGHS fandt problemet uløseligt")
    qgis_language("en")
    assert "infeasible" in solver_failure(INFEASIBLE)


def test_area_types_in_a_danish_message(run_algorithm, recording_feedback, qgis_language,
                                        make_layer):
    qgis_language("da")
    sites = make_layer("Point", CRS, [("id", "string")], [("POINT(681000 6170000)", ["S1"])])
    areas = make_layer("Polygon", CRS, [("area_type", "string")], [
        ("POLYGON((680000 6169000, 682000 6169000, 682000 6171000, 680000 6171000, "
         "680000 6169000))", ["byzone"])])
    run_algorithm("classify_area_types", {"INPUT": sites, "AREA_TYPES": areas,
                                          "OUTPUT": "memory:"}, recording_feedback)
    assert "byområde 1" in recording_feedback.log and "urban" not in recording_feedback.log
