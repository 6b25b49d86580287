"""One layer of bad rows through every algorithm that reads sites (match_reuse, soil_balance,
area_zones, haul_matrix): the same rows left out, refused and noted, in the same words, and the
same volumes, because every one reads through core.tables (see docs/reading-tables.md).

classify_area_types reads only geometries, so it has no table to read."""
import re

import pytest

CRS = "EPSG:25832"
FIELDS = [("id", "string"), ("volume_m3", "string"), ("soil_class", "string"),
          ("start_date", "string"), ("end_date", "string")]
AREA = "POLYGON((679000 6169000, 681000 6169000, 681000 6171000, 679000 6171000, 679000 6169000))"
# Rows every algorithm can run with: Danish and English spellings, and what is left out or noted.
READABLE = [
    ("comma", "12,5", "1", "01.02.2026", "31. marts 2026"),
    ("danish", "1.234,5", "1", "2026-01-01", None),
    ("english", "1,234.5", "2", None, None),
    ("zero", "0", "1", None, None),
    ("empty", None, "1", None, None),  # left out, named
    ("blank", " ", "1", None, None),  # left out, named
    ("noclass", "10", None, None, None),  # kept without a class, named
    ("reversed", "7", "1", "2026-05-01", "2026-04-01"),  # kept, named
    ("huge", "2e7", "1", None, None),  # kept, named as implausible
]
VOLUMES = {"comma": 12.5, "danish": 1234.5, "english": 1234.5, "zero": 0.0, "noclass": 10.0,
           "reversed": 7.0, "huge": 2e7}
# Rows that cannot be used as given: every algorithm stops and names them all.
REFUSED = [
    ("ambiguous", "1.500", "1", None, None),
    ("negative", "-5", "1", None, None),
    ("words", "lots", "1", None, None),
    ("infinite", "inf", "1", None, None),
    ("badclass", "10", "klasse 2", None, None),
    ("slashdate", "10", "1", "01/02/2026", None),
    ("numberdate", "10", "1", None, "20261201"),
]


def _sources(make_layer, rows):
    return make_layer("Point", CRS, FIELDS,
                      [(f"POINT({680000 + 10 * k} {6170000 + 5 * k})", list(row))
                       for k, row in enumerate(rows)],
                      name="sources")


def _run_all(run_algorithm, make_layer, recording_feedback, rows, tmp_path):
    """{algorithm: (result or the error's text, messages)} for one layer of sources, each run
    with a fresh feedback of the conftest's recording kind."""
    from qgis.core import QgsProcessingException

    receivers = make_layer("Point", CRS, [("id", "string"), ("capacity_m3", "double"),
                                          ("max_soil_class", "integer")],
                           [("POINT(680000 6170000)", ["R", 1e9, 3])], name="receivers")
    area_types = make_layer("Polygon", CRS, [("area_type", "string")], [(AREA, ["byzone"])])
    areas = make_layer("Polygon", CRS, [("id", "string")], [(AREA, ["A"])])
    runs = {
        "match_reuse": {"SOURCES": _sources(make_layer, rows), "RECEIVERS": receivers,
                        "AREA_RULE": 0, "OUTPUT_MATCHES": "memory:",
                        "OUTPUT_SOURCES": "memory:", "OUTPUT_RECEIVERS": "memory:"},
        "soil_balance": {"AREAS": areas, "SOURCES": _sources(make_layer, rows),
                         "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT",
                         "OUTPUT_HTML": str(tmp_path / "balance.html")},
        "area_zones": {"AREA_TYPES": area_types, "SOURCES": _sources(make_layer, rows),
                       "OUTPUT": "TEMPORARY_OUTPUT"},
        "haul_matrix": {"SOURCES": _sources(make_layer, rows), "TARGETS": receivers,
                        "OUTPUT": "memory:"},
    }
    outcomes = {}
    for algorithm, parameters in runs.items():
        feedback = type(recording_feedback)()
        try:
            outcomes[algorithm] = (run_algorithm(algorithm, parameters, feedback),
                                   feedback.messages)
        except QgsProcessingException as error:
            outcomes[algorithm] = (str(error), feedback.messages)
    return outcomes


def _reading_messages(messages, label="Excavations"):
    """The reader's sentences about a layer, without what each algorithm adds after them."""
    return {re.sub(r"(\.) [A-Z].*$", r"\1", m) for m in messages if m.startswith(label + ": ")
            and ("left out" in m or "no soil class" in m or "end before they start" in m
                 or "implausibly" in m or "plausibly" in m or "no id" in m or "more than one" in m)}


def test_readable_rows_give_the_same_reading_and_volumes_everywhere(run_algorithm, make_layer,
                                                                    recording_feedback, tmp_path):
    outcomes = _run_all(run_algorithm, make_layer, recording_feedback, READABLE, tmp_path)
    left_out = "Excavations: 2 site(s) have no value in 'volume_m3' and are left out: empty, blank."
    implausible = ("Excavations: 1 site(s) hold more than 10,000,000 m³ in 'volume_m3', more "
                   "than one site plausibly holds; they are kept as given, check them: "
                   "huge = \"2e7\".")
    for algorithm in ("match_reuse", "soil_balance", "area_zones"):
        result, messages = outcomes[algorithm]
        assert isinstance(result, dict), (algorithm, result)
        assert left_out in messages, (algorithm, messages)
        assert implausible in messages, (algorithm, messages)
    # classes and dates: read by the two algorithms that use them, in the same words
    reuse, balance = (_reading_messages(outcomes[a][1]) for a in ("match_reuse", "soil_balance"))
    assert reuse == balance
    assert "Excavations: 1 site(s) have no soil class in 'soil_class': noclass." in reuse
    assert any("end before they start ('start_date/end_date'): reversed" in m for m in reuse)

    total = sum(VOLUMES.values())
    sources = {f["id"]: f["reused_m3"] + f["disposed_m3"]
               for f in outcomes["match_reuse"][0]["OUTPUT_SOURCES"].getFeatures()}
    assert sources == pytest.approx(VOLUMES)
    assert outcomes["soil_balance"][0]["SURPLUS_M3"] == pytest.approx(total)
    zones = outcomes["area_zones"][0]
    assert zones["SURPLUS_M3"] + zones["OUTSIDE_SURPLUS_M3"] == pytest.approx(total)
    # haul_matrix reads ids only: every site has one
    pairs = {f["source_id"] for f in outcomes["haul_matrix"][0]["OUTPUT"].getFeatures()}
    assert pairs == {row[0] for row in READABLE}


def test_rows_that_cannot_be_used_stop_every_algorithm_with_the_same_words(
        run_algorithm, make_layer, recording_feedback, tmp_path):
    outcomes = _run_all(run_algorithm, make_layer, recording_feedback, READABLE + REFUSED,
                        tmp_path)
    errors = {algorithm: outcomes[algorithm][0] for algorithm in
              ("match_reuse", "soil_balance", "area_zones")}
    for algorithm, error in errors.items():
        assert isinstance(error, str) and error.startswith("Excavations: "), (algorithm, error)

    def lines(error, field):
        return sorted(line for line in error.splitlines() if line.startswith(f"- '{field}'"))

    volume_lines = lines(errors["match_reuse"], "volume_m3")
    assert volume_lines == lines(errors["soil_balance"], "volume_m3") \
        == lines(errors["area_zones"], "volume_m3")
    assert sorted(line.rsplit(": ", 1)[1] for line in volume_lines) == sorted(
        ['ambiguous = "1.500"', 'infinite = "inf"', 'negative = "-5"', 'words = "lots"'])
    for field in ("soil_class", "start_date", "end_date"):
        assert lines(errors["match_reuse"], field) == lines(errors["soil_balance"], field)
        assert lines(errors["match_reuse"], field), field
    assert 'badclass = "klasse 2"' in errors["soil_balance"]
    assert 'slashdate = "01/02/2026"' in errors["soil_balance"]
    assert 'numberdate = "20261201"' in errors["soil_balance"]
    # area_zones reads volumes only: classes and dates are not its business
    assert "soil_class" not in errors["area_zones"]
    assert isinstance(outcomes["haul_matrix"][0], dict)  # ids only, all present


def test_ids_missing_or_repeated_are_named_alike_and_refused_where_matches_need_them(
        run_algorithm, make_layer, recording_feedback, tmp_path):
    rows = [("a", "1", "1", None, None), (None, "2", "1", None, None),
            ("dup", "3", "1", None, None), ("dup", "4", "1", None, None)]
    outcomes = _run_all(run_algorithm, make_layer, recording_feedback, rows, tmp_path)
    expected = {"1 site(s) have no id in 'id' and are named by their feature id: 2.",
                "ids used by more than one site in 'id': dup."}
    for algorithm, label in (("soil_balance", "Excavations"), ("area_zones", "Excavations"),
                             ("haul_matrix", "Sources")):
        result, messages = outcomes[algorithm]
        assert isinstance(result, dict), (algorithm, result)
        said = {m.split(": ", 1)[1] for m in _reading_messages(messages, label)}
        assert said == expected, (algorithm, messages)
    error = outcomes["match_reuse"][0]
    assert isinstance(error, str) and "without an id" in error and "unique" in error
    assert re.search(r"- 'id': sites without an id .*: 2$", error, re.MULTILINE)


def test_one_absurd_volume_is_warned_and_leaves_every_other_flow(run_algorithm, make_layer,
                                                                 recording_feedback):
    rows = [("S1", "100", "1", None, None), ("S2", "1e15", "1", None, None)]
    receivers = make_layer("Point", CRS, [("id", "string"), ("capacity_m3", "double"),
                                          ("max_soil_class", "integer")],
                           [("POINT(680000 6170000)", ["R1", 100.0, 3]),
                            ("POINT(680008 6170004)", ["R2", 1e9, 3])])
    feedback = recording_feedback
    result = run_algorithm("match_reuse", {
        "SOURCES": _sources(make_layer, rows), "RECEIVERS": receivers, "AREA_RULE": 0,
        "OUTPUT_MATCHES": "memory:", "OUTPUT_SOURCES": "memory:",
        "OUTPUT_RECEIVERS": "memory:"}, feedback)
    flows = {(f["source_id"], f["receiver_id"]): f["volume_m3"]
             for f in result["OUTPUT_MATCHES"].getFeatures()}
    assert flows == pytest.approx({("S1", "R1"): 100.0, ("S2", "R2"): 1e9})
    assert any("more than 10,000,000 m³" in m and 'S2 = "1e15"' in m for m in feedback.warnings)


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("algorithm", ["match_reuse", "soil_balance", "area_zones", "haul_matrix",
                                       "earthwork_volumes"])
@pytest.mark.qgis  # reads help or styles through QGIS's translator
def test_every_algorithm_that_reads_tables_includes_the_one_reading_section(algorithm, language):
    from jordressource_plugin.i18n import INCLUDE, _snippet
    from jordressource_plugin.resources import help_dir

    page = (help_dir() / language / f"{algorithm}.html").read_text(encoding="utf-8")
    assert INCLUDE.findall(page).count("reading_tables") == 1
    assert "1.500" in _snippet("reading_tables", language)
