"""check_movements through processing.run and qgis_process: the hand-made case of
test/data/movements from QGIS layers, from a CSV of text values (Danish decimal commas, dates in
several formats) and from a GeoPackage, bad input named by id, hauls along roads, and the plan
reconciled with a match_reuse run on the Holbæk sample."""
import csv
import json
import math
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "jordressource_plugin" / "sample" / "holbaek_sample.gpkg"
CASE = json.loads((Path(__file__).parent / "data" / "movements" / "hand_case.json")
                  .read_text(encoding="utf-8"))
X0, Y0 = CASE["origin"]
CRS = CASE["crs"]
LOG_FIELDS = [("id", "string"), ("source_id", "string"), ("receiver_id", "string"),
              ("tonnes", "double"), ("soil_class", "integer"), ("date", "date"),
              ("analysed", "boolean"), ("vehicle", "string"), ("departure_time", "datetime"),
              ("arrival_time", "datetime")]


def _box(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


def _qgis(value, kind):
    from qgis.PyQt.QtCore import QDate, QDateTime

    if value is None:
        return None
    if kind == "date":
        return QDate.fromString(value, "yyyy-MM-dd")
    if kind == "datetime":
        return QDateTime.fromString(value, "yyyy-MM-dd HH:mm")
    return value


@pytest.fixture
def case_inputs(make_layer):
    """The case's registers as point layers, area types (industrial round R3 first, urban
    round everything within 50 km), a contaminated site on S3 and the log as a table."""
    def sites(rows, fields):
        return make_layer("Point", CRS, fields, [
            (f"POINT({X0 + row['dx']} {Y0 + row['dy']})",
             [_qgis(row.get(name), kind) for name, kind in fields]) for row in rows])

    excavations = sites(CASE["excavations"], [
        ("id", "string"), ("volume_m3", "double"), ("soil_class", "integer"),
        ("start_date", "date"), ("end_date", "date")])
    receivers = sites(CASE["receivers"], [
        ("id", "string"), ("kind", "string"), ("capacity_m3", "double"),
        ("max_soil_class", "integer"), ("start_date", "date"), ("end_date", "date")])
    areas = make_layer("Polygon", CRS, [("area_type", "string")], [
        (_box(X0 + 4000, Y0 + 1000, X0 + 6000, Y0 + 3000), ["Erhvervsområde"]),
        (_box(X0 - 10_000, Y0 - 10_000, X0 + 50_000, Y0 + 10_000), ["Byzone"])])
    contamination = make_layer("Polygon", CRS, [("status", "string")], [
        (_box(X0 + 400, Y0 + 400, X0 + 600, Y0 + 600), ["V2"])])
    log = make_layer("None", CRS, LOG_FIELDS, [
        (None, [_qgis(row[name], kind) for name, kind in LOG_FIELDS]) for row in CASE["log"]])
    plan = make_layer("None", CRS, [("source_id", "string"), ("receiver_id", "string"),
                                    ("tonnes", "double")],
                      [(None, [row["source_id"], row["receiver_id"], row["tonnes"]])
                       for row in CASE["plan"]])
    return {"MOVEMENTS": log, "SOURCES": excavations, "RECEIVERS": receivers,
            "AREA_TYPES": areas, "CONTAMINATION": contamination, "PLAN": plan}


def _run(run_algorithm, inputs, tmp_path, feedback=None, **extra):
    parameters = dict(inputs, OUTPUT="TEMPORARY_OUTPUT", OUTPUT_SUMMARY="TEMPORARY_OUTPUT",
                      OUTPUT_HTML=str(tmp_path / "report.html"))
    parameters.update(extra)
    return run_algorithm("check_movements", parameters, feedback)


def _by_id(layer, field="flags"):
    return {feature["id"]: feature[field] for feature in layer.getFeatures()}


def _expected():
    return {row["id"]: ",".join(row["expected"]) for row in CASE["log"]}


def test_the_hand_made_log_gets_exactly_its_flags(run_algorithm, case_inputs, tmp_path,
                                                   recording_feedback):
    result = _run(run_algorithm, case_inputs, tmp_path, recording_feedback)
    output = result["OUTPUT"]
    assert _by_id(output) == _expected()
    ok = _by_id(output, "ok")
    assert ok["C1"] is True and ok["K1"] is False
    shapes = {f["id"]: f.geometry() for f in output.getFeatures()}
    assert shapes["C1"].length() == pytest.approx(5000.0)
    assert shapes["U1"].length() == 0.0 and not shapes["U1"].isEmpty()  # drawn at R2
    assert _by_id(output, "distance_km")["C1"] == pytest.approx(6.5)
    from qgis.PyQt.QtCore import QDate, QDateTime

    assert _by_id(output, "date")["C1"] == QDate(2026, 2, 1)  # the log's fields, typed
    assert _by_id(output, "arrival_time")["T1"] == QDateTime(QDate(2026, 4, 1),
                                                             QDateTime.fromString(
                                                                 "08:20", "HH:mm").time())
    assert result["FLAGGED_COUNT"] == sum(1 for row in CASE["log"] if row["expected"])
    assert result["MOVEMENT_COUNT"] == len(CASE["log"])
    summary = {(f["role"], f["id"]): f for f in result["OUTPUT_SUMMARY"].getFeatures()}
    assert summary[("receiver", "R1")]["flag_counts"] == "class_not_accepted: 1, over_capacity: 1"
    assert summary[("receiver", "R1")]["balance_t"] == pytest.approx(-1.0)
    assert summary[("source", "SX")]["known"] is False
    assert summary[("source", "SX")].geometry().isNull()
    html = Path(result["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert "<svg" in html and "K1" in html
    assert "outside_window" in recording_feedback.log


def test_a_csv_of_text_values_gives_the_same_flags(run_algorithm, case_inputs, tmp_path,
                                                   recording_feedback):
    """Tonnes with a decimal comma, dates day first, by name and ISO, yes/no in Danish: read
    from the file by GDAL, every value as text."""
    path = tmp_path / "log.csv"
    day_formats = ("{d:%Y-%m-%d}", "{d:%d-%m-%Y}", "{d:%d.%m.%Y}")
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([name for name, _ in LOG_FIELDS])
        for k, row in enumerate(CASE["log"]):
            import datetime

            day = datetime.date.fromisoformat(row["date"])
            writer.writerow([
                row["id"], row["source_id"], row["receiver_id"],
                f"{row['tonnes']:.1f}".replace(".", ","), row["soil_class"],
                day_formats[k % 3].format(d=day), "ja" if row["analysed"] else "nej",
                row["vehicle"] or "", row["departure_time"] or "", row["arrival_time"] or ""])
    inputs = dict(case_inputs, MOVEMENTS=str(path))
    result = _run(run_algorithm, inputs, tmp_path, recording_feedback)
    assert _by_id(result["OUTPUT"]) == _expected()
    assert "GDAL" in recording_feedback.log


def test_a_geopackage_log_read_by_gdal_equals_the_memory_table(run_algorithm, case_inputs,
                                                               tmp_path, recording_feedback):
    from qgis.core import QgsVectorFileWriter, QgsVectorLayer

    path = str(tmp_path / "log.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(
        case_inputs["MOVEMENTS"], path, case_inputs["MOVEMENTS"].transformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError
    inputs = dict(case_inputs, MOVEMENTS=QgsVectorLayer(path, "log", "ogr"))
    result = _run(run_algorithm, inputs, tmp_path, recording_feedback,
                  OUTPUT=str(tmp_path / "checked.gpkg"))
    assert "GDAL" in recording_feedback.log
    result["OUTPUT"] = QgsVectorLayer(result["OUTPUT"], "checked", "ogr")
    written = {f["id"]: f for f in result["OUTPUT"].getFeatures()}
    assert written["T1"]["departure_time"].toString("yyyy-MM-dd HH:mm") == "2026-04-01 08:00"
    assert written["C1"]["date"].toString("yyyy-MM-dd") == "2026-02-01"
    assert written["H1"]["analysed"] is True and written["C1"]["analysed"] is False
    memory = _run(run_algorithm, case_inputs, tmp_path)
    for field in ("flags", "risk", "distance_km"):
        assert _by_id(result["OUTPUT"], field) == _by_id(memory["OUTPUT"], field)


def test_without_area_types_only_contamination_needs_an_analysis(run_algorithm, case_inputs,
                                                                tmp_path, recording_feedback):
    inputs = dict(case_inputs)
    del inputs["AREA_TYPES"]
    result = _run(run_algorithm, inputs, tmp_path, recording_feedback)
    flags = _by_id(result["OUTPUT"])
    assert flags["X1"] == "cross_area_without_analysis"  # S3 on a contaminated site
    assert "area types are not compared" in recording_feedback.log


def test_bad_values_stop_the_run_naming_movement_and_value(run_algorithm, case_inputs,
                                                           make_layer, tmp_path):
    from qgis.core import QgsProcessingException

    log = make_layer("None", CRS, [("id", "string"), ("source_id", "string"),
                                   ("receiver_id", "string"), ("tonnes", "string"),
                                   ("date", "string")],
                     [(None, ["M1", "S1", "R2", "12,5", "2026-05-01"]),
                      (None, ["M2", "S1", "R2", "1.500", "2026-05-01"]),
                      (None, ["M3", "S1", "R2", "10", "05/01/2026"])])
    with pytest.raises(QgsProcessingException) as refused:
        _run(run_algorithm, dict(case_inputs, MOVEMENTS=log), tmp_path)
    message = str(refused.value)
    assert 'M2 = "1.500"' in message or "M2 = '1.500'" in message
    assert "M3" in message and "05/01/2026" in message and "M1" not in message


def test_rows_without_geometry_or_id_are_checked_and_named(run_algorithm, case_inputs,
                                                           make_layer, tmp_path,
                                                           recording_feedback):
    log = make_layer("Point", CRS, [("id", "string"), ("source_id", "string"),
                                    ("receiver_id", "string"), ("tonnes", "double")],
                     [(f"POINT({X0} {Y0})", ["M1", "S1", "R2", 10.0]),
                      (None, ["M2", "S1", "R2", 10.0]),
                      (None, [None, "S1", None, 5.0])])
    result = _run(run_algorithm, dict(case_inputs, MOVEMENTS=log, PLAN=None), tmp_path,
                  recording_feedback)
    flags = [f["flags"] for f in result["OUTPUT"].getFeatures()]
    assert flags == ["", "", "unknown_receiver"]
    assert "feature id: 3" in recording_feedback.log


def test_a_haul_along_roads_round_a_fjord_is_implausible(run_algorithm, case_inputs,
                                                         make_layer, tmp_path):
    """S1 to R2 is 2 km straight, but the only road runs 60 km north and back: 122 km."""
    roads = make_layer("LineString", CRS, [("name", "string")], [
        (f"LINESTRING({X0} {Y0}, {X0} {Y0 + 60_000}, {X0 + 2000} {Y0 + 60_000}, "
         f"{X0 + 2000} {Y0})", ["round the fjord"])])
    log = make_layer("None", CRS, [("id", "string"), ("source_id", "string"),
                                   ("receiver_id", "string"), ("tonnes", "double")],
                     [(None, ["M1", "S1", "R2", 10.0])])
    inputs = dict(case_inputs, MOVEMENTS=log, PLAN=None)
    straight = _run(run_algorithm, inputs, tmp_path)
    assert _by_id(straight["OUTPUT"]) == {"M1": ""}
    along = _run(run_algorithm, dict(inputs, ROADS=roads), tmp_path)
    assert _by_id(along["OUTPUT"]) == {"M1": "implausible_haul"}
    assert _by_id(along["OUTPUT"], "distance_km")["M1"] == pytest.approx(122.0)


def _match_reuse(run_algorithm):
    return run_algorithm("match_reuse", {
        "SOURCES": f"{SAMPLE}|layername=excavations",
        "RECEIVERS": f"{SAMPLE}|layername=receivers",
        "OUTPUT_MATCHES": "TEMPORARY_OUTPUT", "OUTPUT_SOURCES": "TEMPORARY_OUTPUT",
        "OUTPUT_RECEIVERS": "TEMPORARY_OUTPUT"})


def test_the_plan_of_match_reuse_reconciles_with_a_log_that_follows_it(run_algorithm,
                                                                      make_layer):
    """A log that carries out match_reuse's plan on the sample in loads of at most 25 t, dated
    on the first day both windows are open, breaks no rule (no match joins windows that share
    no day: both tools count both end days); two deviations dated after it, a load beyond a
    pair's planned tonnes and a load to a receiver its excavation was not matched with, are the
    only movements not in the plan."""
    from qgis.core import QgsVectorLayer

    matches = _match_reuse(run_algorithm)["OUTPUT_MATCHES"]
    windows = {}
    for layer in ("excavations", "receivers"):
        for feature in QgsVectorLayer(f"{SAMPLE}|layername={layer}", layer, "ogr").getFeatures():
            windows[feature["id"]] = (feature["start_date"], feature["end_date"])
    rows, pairs, touching = [], set(), set()
    for match in matches.getFeatures():
        source, receiver, tonnes = match["source_id"], match["receiver_id"], match["tonnes"]
        pairs.add((source, receiver))
        start = max(windows[source][0], windows[receiver][0])
        loads = math.ceil(tonnes / 25.0)
        for _ in range(loads):
            rows.append((None, [f"M{len(rows) + 1}", source, receiver, tonnes / loads, start]))
            if start > min(windows[source][1], windows[receiver][1]):
                touching.add(f"M{len(rows)}")
    after = max(row[1][4] for row in rows).addDays(1)
    source, receiver = sorted(pairs)[0]
    extra_load = [f"M{len(rows) + 1}", source, receiver, 5.0, after]
    unmatched = sorted(r for r in windows if r.startswith("RC") and (source, r) not in pairs)[0]
    stray = [f"M{len(rows) + 2}", source, unmatched, 5.0, after]
    log = make_layer("None", CRS, [("id", "string"), ("source_id", "string"),
                                   ("receiver_id", "string"), ("tonnes", "double"),
                                   ("date", "date")],
                     rows + [(None, extra_load), (None, stray)])
    result = run_algorithm("check_movements", {
        "MOVEMENTS": log, "SOURCES": f"{SAMPLE}|layername=excavations",
        "RECEIVERS": f"{SAMPLE}|layername=receivers", "PLAN": matches,
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT",
        "TRUCK_PAYLOAD_T": 25.0})
    flags = _by_id(result["OUTPUT"])
    assert {i for i, text in flags.items() if "not_in_plan" in text} == {extra_load[0],
                                                                          stray[0]}
    plan_loads = {i: text for i, text in flags.items()
                  if i not in (extra_load[0], stray[0]) and text}
    assert not touching and not plan_loads
    assert result["TONNES"] == pytest.approx(sum(m["tonnes"] for m in matches.getFeatures())
                                             + 10.0)


def _a_pair_both_open(classes_fit=True):
    """(excavation id, receiver id, first day both windows are open) of the sample."""
    from qgis.core import QgsVectorLayer

    def rows(name):
        return list(QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr").getFeatures())

    for excavation in rows("excavations"):
        for receiver in rows("receivers"):
            start = max(excavation["start_date"], receiver["start_date"])
            if (start <= min(excavation["end_date"], receiver["end_date"])
                    and excavation["soil_class"] <= receiver["max_soil_class"]):
                return excavation["id"], receiver["id"], start
    raise AssertionError("the sample has no pair open at the same time")


@pytest.mark.qgis_process
def test_qgis_process_checks_a_csv_log(qgis_process, tmp_path):
    from qgis.core import QgsVectorLayer

    excavation, receiver, day = _a_pair_both_open()
    path = tmp_path / "log.csv"
    path.write_text("id,source_id,receiver_id,tonnes,date\n"
                    f"M1,{excavation},{receiver},\"12,5\",{day.toString('dd-MM-yyyy')}\n"
                    f"M2,{excavation},RC99,10,{day.toString('yyyy-MM-dd')}\n"
                    f"M2,EX999,{receiver},40,{day.toString('dd.MM.yyyy')}\n",
                    encoding="utf-8")
    out = qgis_process.run("jordressource:check_movements", {
        "MOVEMENTS": str(path), "SOURCES": f"{SAMPLE}|layername=excavations",
        "RECEIVERS": f"{SAMPLE}|layername=receivers", "OUTPUT": str(tmp_path / "checked.gpkg"),
        "OUTPUT_SUMMARY": str(tmp_path / "summary.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "report.html")})
    results = out["results"]
    assert results["MOVEMENT_COUNT"] == 3 and results["FLAGGED_COUNT"] == 2
    assert results["TONNES"] == pytest.approx(62.5)
    layer = QgsVectorLayer(results["OUTPUT"], "checked", "ogr")
    flags = [f["flags"] for f in layer.getFeatures()]
    assert flags == ["", "duplicate_id,unknown_receiver",
                     "duplicate_id,unknown_source,over_payload"]
    assert Path(results["OUTPUT_HTML"]).exists()
