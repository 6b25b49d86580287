"""Benchmark: check 1,000,000 soil movements against 50,000 excavations and 3,000 receivers, with
vehicles, departure and arrival times and a plan.

The log is generated (fixed seed) as a haulier's year would look: loads of 10–30 t from an
excavation to one of the 20 receivers nearest to it, each vehicle's loads of a day one after the
other (loading, the haul, unloading, the empty run to the next excavation), with a few per cent
of irregular rows mixed in (unknown ids, repeated ids, overloads, faked times, loads outside a
window). Three jobs on the same data, each in a forked child (time and peak memory):

- engine: the columns as the reader hands them (ids as text, tonnes, dates, yes/no, vehicles,
  times) through the table policy (core.tables), the check, the actor summary and the HTML
  report: ``core.movements`` end to end;
- pandas: a straightforward pandas implementation of the same flags on the same typed columns
  (merges, sorted group-wise cumulative sums, shifts), without the table policy, summary or
  report. Its flags are compared with the engine's, movement by movement;
- algorithm: ``processing.run("jordressource:check_movements")`` on GeoPackages (the log and
  the plan tables without geometry), its outputs written to temporary layers, then to
  GeoPackages (where GDAL builds a spatial index of a million lines as the file closes), and
  the report (``--no-qgis`` skips it); beside it, in the same run, QGIS's own floor for this
  log: ``native:fieldcalculator`` reading it and writing it once with one field added.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_movements.py [--movements 1000000]
     [--excavations 50000] [--receivers 3000] [--vehicles 1500] [--repeat 1] [--no-qgis]
"""
import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import measure, ratio

CRS = "EPSG:25832"
ORIGIN = (600_000.0, 6_100_000.0)
EXTENT_M = 100_000.0
DENSITY = 1.8
FIRST_DAY = np.datetime64("2026-01-01")
DAYS = 730
DATA = {}  # filled before the jobs fork, so that every child starts from the same arrays


# The data -----------------------------------------------------------------------------------
def generate(movements: int, excavations: int, receivers: int, vehicles: int) -> dict:
    from scipy.spatial import cKDTree

    rng = np.random.default_rng(15)
    source_xy = np.column_stack([ORIGIN[0] + rng.uniform(0, EXTENT_M, excavations),
                                 ORIGIN[1] + rng.uniform(0, EXTENT_M, excavations)])
    receiver_xy = np.column_stack([ORIGIN[0] + rng.uniform(0, EXTENT_M, receivers),
                                   ORIGIN[1] + rng.uniform(0, EXTENT_M, receivers)])
    volume = np.round(rng.lognormal(5.6, 0.8, excavations), 1)
    source_class = rng.choice([1, 1, 1, 2, 3], excavations)
    source_start = FIRST_DAY + rng.integers(0, DAYS - 200, excavations)
    source_end = source_start + rng.integers(120, 400, excavations)
    kind = rng.choice(["pit", "utilisation", "resource_site"], receivers, p=[0.5, 0.4, 0.1])
    capacity = np.round(rng.lognormal(9.2, 0.6, receivers), 0)
    max_class = rng.choice([1, 1, 2, 3], receivers)
    sources = {"id": np.array([f"EX{i:06d}" for i in range(excavations)], dtype=object),
               "xy": source_xy, "volume_m3": volume, "soil_class": source_class,
               "start_date": source_start, "end_date": source_end}
    receivers_ = {"id": np.array([f"RC{i:05d}" for i in range(receivers)], dtype=object),
                  "xy": receiver_xy, "kind": kind, "capacity_m3": capacity,
                  "max_soil_class": max_class,
                  "start_date": np.full(receivers, np.datetime64("NaT"), "datetime64[D]"),
                  "end_date": np.full(receivers, np.datetime64("NaT"), "datetime64[D]")}

    # Loads: an excavation (by volume), one of the 20 nearest receivers that accept its class,
    # 10-30 t, a day in its window, a vehicle.
    source = rng.choice(excavations, movements, p=volume / volume.sum())
    receiver = np.zeros(movements, dtype=np.int64)
    for soil_class in np.unique(source_class):
        accepting = np.flatnonzero(max_class >= soil_class)
        _, near = cKDTree(receiver_xy[accepting]).query(source_xy, k=min(20, len(accepting)))
        near = accepting[near.reshape(excavations, -1)]
        loads = np.flatnonzero(source_class[source] == soil_class)
        receiver[loads] = near[source[loads], rng.integers(0, near.shape[1], len(loads))]
    tonnes = np.round(rng.uniform(10.0, 30.0, movements), 1)
    span = (source_end - source_start).astype(int)[source]
    day = source_start[source] + (rng.random(movements) * span).astype(int)
    vehicle = rng.integers(0, vehicles, movements)
    soil_class = np.maximum(source_class[source], 1)
    analysed = rng.random(movements) < 0.3
    departure, arrival = _schedule(vehicle, day, source_xy[source], receiver_xy[receiver], rng)
    ids = np.array([f"M{i:07d}" for i in range(movements)], dtype=object)
    source_id = sources["id"][source].copy()
    receiver_id = receivers_["id"][receiver].copy()

    # Irregular rows.
    def pick(share):
        return rng.random(movements) < share

    source_id[pick(0.005)] = "EX-UNKNOWN"
    receiver_id[pick(0.003)] = "RC-UNKNOWN"
    repeated = np.flatnonzero(pick(0.002))
    ids[repeated] = ids[np.maximum(repeated - 1, 0)]
    tonnes[pick(0.003)] = 41.5
    faked = pick(0.002)
    departure[faked] -= np.timedelta64(3, "h")
    day[pick(0.002)] += 500
    soil_class[pick(0.002)] = 3  # declared more contaminated than the receiver takes
    log = {"id": ids, "source_id": source_id, "receiver_id": receiver_id, "tonnes": tonnes,
           "soil_class": soil_class, "date": day.astype("datetime64[D]"), "analysed": analysed,
           "vehicle": np.array([f"AB{v:05d}" for v in range(vehicles)], dtype=object)[vehicle],
           "departure_time": departure, "arrival_time": arrival}
    # The plan: the logged tonnes of every pair but one in a hundred, one pair in fifty
    # planned at 80 % (its last loads beyond the plan).
    import pandas as pd

    pair = source.astype(np.int64) * receivers + receiver
    logged = pd.Series(tonnes).groupby(pair).sum()
    planned = logged[rng.random(len(logged)) > 0.01]
    share = np.where(rng.random(len(planned)) < 0.02, 0.8, 1.0)
    plan = {"source_id": sources["id"][planned.index.to_numpy() // receivers],
            "receiver_id": receivers_["id"][planned.index.to_numpy() % receivers],
            "tonnes": np.round(planned.to_numpy() * share, 1) + 0.05}
    return {"sources": sources, "receivers": receivers_, "log": log, "plan": plan}


def _schedule(vehicle, day, origin_xy, receiver_xy, rng):
    """Departure and arrival per load: each vehicle's loads of a day in turn from 06:00, the
    haul at 50 km/h, 20 minutes to load and unload, the empty run to the next excavation."""
    import pandas as pd

    order = np.lexsort((rng.random(len(day)), day, vehicle))
    v, d = vehicle[order], day[order]
    haul_s = np.hypot(*(origin_xy[order] - receiver_xy[order]).T) / (50 / 3.6)
    first = np.r_[True, (v[1:] != v[:-1]) | (d[1:] != d[:-1])]
    empty_run_s = np.r_[0.0, np.hypot(*(receiver_xy[order][:-1] - origin_xy[order][1:]).T)
                        / (50 / 3.6)]
    empty_run_s[first] = 0.0
    step_s = empty_run_s + 1200.0
    group = np.cumsum(first)
    start_s = pd.Series(step_s + haul_s).groupby(group).cumsum().to_numpy() - haul_s
    midnight = d.astype("datetime64[s]") + np.timedelta64(6 * 3600, "s")
    departure = np.empty(len(day), dtype="datetime64[s]")
    arrival = np.empty(len(day), dtype="datetime64[s]")
    departure[order] = midnight + np.round(start_s).astype("timedelta64[s]")
    arrival[order] = midnight + np.round(start_s + haul_s).astype("timedelta64[s]")
    return departure, arrival


# Job 1: the engine ----------------------------------------------------------------------------
def engine_job():
    from jordressource_plugin.core import tables as t
    from jordressource_plugin.core.movements.check import check_movements
    from jordressource_plugin.core.movements.log import MovementFields, read_movement_log
    from jordressource_plugin.core.movements.plan import read_plan
    from jordressource_plugin.core.movements.registers import SiteRegister
    from jordressource_plugin.core.movements.report import movement_report

    data = DATA["data"]
    log_columns = dict(data["log"])
    for name in ("departure_time", "arrival_time"):
        moments = log_columns[name]
        log_columns[name] = t.DateColumn(moments, ~np.isnat(moments))
    fields = MovementFields("source_id", "receiver_id", "tonnes", id="id",
                            soil_class="soil_class", date="date", analysed="analysed",
                            vehicle="vehicle", departure="departure_time",
                            arrival="arrival_time")
    log, report = read_movement_log(log_columns, fields)
    assert not report.refused
    registers = []
    for table, amount, kind, sends in (
            (data["sources"], "volume_m3", t.VOLUME, None),
            (data["receivers"], "capacity_m3", t.CAPACITY, "kind")):
        reading = t.read_sites(table, t.SiteFields(
            amount, kind, "id", "soil_class" if kind == t.VOLUME else "max_soil_class",
            "start_date", "end_date"), ids_required=True)
        kinds = table.get(sends) if sends else None
        registers.append(SiteRegister(
            reading.ids, table["xy"], reading.amount_m3 * DENSITY, reading.soil_class,
            reading.start.days, reading.end.days,
            np.asarray(kinds if kinds is not None else [""] * len(reading.ids), dtype=object),
            (np.asarray(kinds) == "resource_site") if kinds is not None
            else np.zeros(len(reading.ids), bool)))
    plan, _ = read_plan(data["plan"], "source_id", "receiver_id", "tonnes")
    result = check_movements(log, registers[0], registers[1], plan=plan)
    html = movement_report(log, result)
    return result.flag_texts(), len(result.summary), len(html)


# Job 2: straightforward pandas ------------------------------------------------------------------
def pandas_job():
    """The same flags the way one writes them in pandas: merge the registers on, then a column
    per rule; running totals as sorted group-wise cumulative sums."""
    import pandas as pd

    data = DATA["data"]
    tolerance_t = 1e-6
    log = pd.DataFrame(data["log"])
    log["row"] = np.arange(len(log))
    sources = pd.DataFrame({k: v for k, v in data["sources"].items() if k != "xy"})
    sources[["sx", "sy"]] = data["sources"]["xy"]
    sources["limit_t"] = sources["volume_m3"] * DENSITY
    receivers = pd.DataFrame({k: v for k, v in data["receivers"].items() if k != "xy"})
    receivers[["rx", "ry"]] = data["receivers"]["xy"]
    receivers["limit_t"] = receivers["capacity_m3"] * DENSITY

    s = sources.rename(columns={"id": "source_id", "soil_class": "source_class",
                                "start_date": "s_start", "end_date": "s_end",
                                "limit_t": "s_limit"})
    r = receivers.rename(columns={"id": "receiver_id", "start_date": "r_start",
                                  "end_date": "r_end", "limit_t": "r_limit"})
    df = log.merge(s[["source_id", "sx", "sy", "source_class", "s_start", "s_end", "s_limit"]],
                   on="source_id", how="left")
    df["from_excavation"] = df["sx"].notna()
    senders = r[r["kind"] == "resource_site"][["receiver_id", "rx", "ry", "r_start", "r_end"]]
    senders = senders.rename(columns={"receiver_id": "source_id", "rx": "ox", "ry": "oy",
                                      "r_start": "o_start", "r_end": "o_end"})
    df = df.merge(senders, on="source_id", how="left")
    df["from_sender"] = ~df["from_excavation"] & df["ox"].notna()
    df["sx"] = df["sx"].fillna(df["ox"])
    df["sy"] = df["sy"].fillna(df["oy"])
    df["s_start"] = df["s_start"].where(df["from_excavation"], df["o_start"])
    df["s_end"] = df["s_end"].where(df["from_excavation"], df["o_end"])
    df = df.merge(r[["receiver_id", "rx", "ry", "kind", "max_soil_class", "r_start", "r_end",
                     "r_limit"]], on="receiver_id", how="left")
    df = df.sort_values("row").reset_index(drop=True)
    flags = pd.DataFrame(index=df.index)
    flags["duplicate_id"] = df["id"].duplicated(keep=False)
    flags["unknown_source"] = ~(df["from_excavation"] | df["from_sender"])
    flags["unknown_receiver"] = df["rx"].isna()
    soil_class = df["soil_class"].astype(float)
    registered = df["source_class"].where(df["from_excavation"])
    raise_class = registered.notna() & (soil_class.isna()
                                        | (~df["analysed"] & (registered > soil_class)))
    soil_class = soil_class.where(~raise_class, registered)
    flags["class_not_accepted"] = soil_class > df["max_soil_class"]

    def running_over(key, limit):
        ordered = df[df[key].notna() & df[limit].notna()].sort_values([key, "date", "row"])
        total = ordered.groupby(key)["tonnes"].cumsum()
        over = total > ordered[limit] + tolerance_t + 1e-9 * ordered[limit].abs()
        return over.reindex(df.index, fill_value=False)

    df["excavation"] = df["source_id"].where(df["from_excavation"])
    flags["over_capacity"] = running_over("receiver_id", "r_limit").where(
        df["rx"].notna(), False)
    over_excavated = running_over("excavation", "s_limit")
    # A resource site's stock: receipts (first on a day) less dispatches.
    incoming = df[df["kind"] == "resource_site"][["receiver_id", "date", "row", "tonnes"]]
    incoming = incoming.rename(columns={"receiver_id": "site"}).assign(direction=0)
    outgoing = df[df["from_sender"]][["source_id", "date", "row", "tonnes"]]
    outgoing = outgoing.rename(columns={"source_id": "site"}).assign(direction=1)
    outgoing["tonnes"] = -outgoing["tonnes"]
    events = pd.concat([incoming, outgoing]).sort_values(["site", "date", "direction", "row"])
    events["stock"] = events.groupby("site")["tonnes"].cumsum()
    events["received"] = events["tonnes"].clip(lower=0).groupby(events["site"]).cumsum()
    below = events[(events["direction"] == 1)
                   & (events["stock"] < -(tolerance_t + 1e-9 * events["received"]))]["row"]
    flags["over_excavated"] = over_excavated | df["row"].isin(below)
    straight_km = np.hypot(df["sx"] - df["rx"], df["sy"] - df["ry"]) / 1000.0
    flags["cross_area_without_analysis"] = False  # no area types or contamination given
    flags["outside_window"] = ((df["date"] < df["s_start"]) | (df["date"] > df["s_end"])
                               | (df["date"] < df["r_start"]) | (df["date"] > df["r_end"]))
    flags["implausible_haul"] = straight_km * 1.3 > 100.0
    flags["over_payload"] = df["tonnes"] > 32.0 + tolerance_t
    flags["impossible_travel"] = _pandas_travel(df)
    plan = pd.DataFrame(data["plan"]).groupby(["source_id", "receiver_id"], as_index=False)[
        "tonnes"].sum().rename(columns={"tonnes": "planned"})
    with_plan = df[["source_id", "receiver_id", "date", "row", "tonnes"]].merge(
        plan, on=["source_id", "receiver_id"], how="left").sort_values("row")
    with_plan.index = df.index
    in_plan = with_plan[with_plan["planned"].notna()].sort_values(
        ["source_id", "receiver_id", "date", "row"])
    total = in_plan.groupby(["source_id", "receiver_id"])["tonnes"].cumsum()
    beyond = (total > in_plan["planned"] + tolerance_t + 1e-9 * in_plan["planned"]).reindex(
        df.index, fill_value=False)
    flags["not_in_plan"] = with_plan["planned"].isna() | beyond
    texts = pd.Series("", index=df.index)
    for code in flags.columns:
        texts = texts.where(~flags[code].fillna(False).astype(bool),
                            texts + np.where(texts == "", "", ",") + code)
    return texts.to_numpy(dtype=object)


def _pandas_travel(df):
    import pandas as pd

    trips = df[["row", "vehicle", "departure_time", "arrival_time", "sx", "sy", "rx",
                "ry"]].sort_values(["vehicle", "departure_time", "row"]).reset_index(drop=True)
    start = trips["departure_time"].astype("int64") / 1e9
    end = trips["arrival_time"].astype("int64") / 1e9
    speed = 80 / 3.6
    own = (end < start) | ((np.hypot(trips["sx"] - trips["rx"], trips["sy"] - trips["ry"])
                            / speed).fillna(0) > end - start + 60)
    same = trips["vehicle"].eq(trips["vehicle"].shift())
    code = trips["arrival_time"].astype("int64") // 10**9 * len(trips) + trips.index
    holder = code.groupby(trips["vehicle"]).cummax() % len(trips)
    latest = end.groupby(trips["vehicle"]).cummax()
    overlap = same & (start < latest.shift() - 60)
    run_s = (np.hypot(trips["rx"].shift() - trips["sx"], trips["ry"].shift() - trips["sy"])
             / speed).fillna(0)
    too_fast = same & (run_s > start - end.shift() + 60)
    flagged = own | overlap | too_fast
    flagged_rows = set(trips["row"][flagged])
    flagged_rows |= set(trips["row"].to_numpy()[holder.shift()[overlap].astype(int)])
    flagged_rows |= set(trips["row"].shift()[too_fast].astype(int))
    return df["row"].isin(flagged_rows).to_numpy() & pd.notna(df["vehicle"]).to_numpy()


# Job 3: the algorithm ---------------------------------------------------------------------------
def write_inputs(folder: Path) -> dict:
    """The registers as GeoPackages (geopandas); the log and the plan as GeoPackage tables
    without geometry (created by GDAL, rows inserted through SQLite: fast to write)."""
    import geopandas as gpd
    import pandas as pd
    from osgeo import ogr

    data = DATA["data"]
    paths = {}
    for name, table in (("excavations", data["sources"]), ("receivers", data["receivers"])):
        frame = pd.DataFrame({k: v for k, v in table.items() if k != "xy"})
        for column in ("start_date", "end_date"):
            frame[column] = pd.to_datetime(frame[column]).dt.strftime("%Y-%m-%d")
        paths[name] = str(folder / f"{name}.gpkg")
        gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(*table["xy"].T), crs=CRS).to_file(
            paths[name], driver="GPKG")
    paths["plan"] = str(folder / "plan.gpkg")
    plan = data["plan"]
    _write_table(paths["plan"], "matches", {"source_id": ogr.OFTString,
                                            "receiver_id": ogr.OFTString,
                                            "tonnes": ogr.OFTReal},
                 zip(plan["source_id"], plan["receiver_id"], plan["tonnes"].tolist()),
                 len(plan["tonnes"]))
    paths["log"] = str(folder / "log.gpkg")
    kinds = {"id": ogr.OFTString, "source_id": ogr.OFTString, "receiver_id": ogr.OFTString,
             "tonnes": ogr.OFTReal, "soil_class": ogr.OFTInteger, "date": ogr.OFTDate,
             "analysed": ogr.OFTInteger, "vehicle": ogr.OFTString,
             "departure_time": ogr.OFTDateTime, "arrival_time": ogr.OFTDateTime}
    log = data["log"]

    def stamps(column):  # GeoPackage date-times: ISO with milliseconds and a zone
        return [t + ".000Z" for t in np.datetime_as_string(log[column]).tolist()]

    rows = zip(log["id"], log["source_id"], log["receiver_id"], log["tonnes"].tolist(),
               log["soil_class"].tolist(), np.datetime_as_string(log["date"]).tolist(),
               log["analysed"].astype(int).tolist(), log["vehicle"],
               stamps("departure_time"), stamps("arrival_time"))
    _write_table(paths["log"], "movements", kinds, rows, len(log["id"]))
    return paths


def _write_table(path: str, name: str, kinds: dict, rows, count: int) -> None:
    from osgeo import ogr, osr

    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(25832)
    layer = dataset.CreateLayer(name, reference, ogr.wkbNone)
    for field, kind in kinds.items():
        definition = ogr.FieldDefn(field, kind)
        if field == "analysed":
            definition.SetSubType(ogr.OFSTBoolean)
        layer.CreateField(definition)
    dataset = None
    with sqlite3.connect(path) as connection:
        connection.executemany(f"INSERT INTO {name} ({', '.join(kinds)}) VALUES "
                               f"({', '.join('?' * len(kinds))})", rows)
        connection.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE "
                           "table_name = ?", (count, name))


def algorithm_job(paths: dict, folder: str, to_files: bool):
    import processing

    result = processing.run("jordressource:check_movements", {
        "MOVEMENTS": f"{paths['log']}|layername=movements",
        "SOURCES": f"{paths['excavations']}|layername=excavations",
        "RECEIVERS": f"{paths['receivers']}|layername=receivers",
        "PLAN": f"{paths['plan']}|layername=matches",
        "OUTPUT": f"{folder}/checked.gpkg" if to_files else "TEMPORARY_OUTPUT",
        "OUTPUT_SUMMARY": f"{folder}/actors.gpkg" if to_files else "TEMPORARY_OUTPUT",
        "OUTPUT_HTML": f"{folder}/report.html"})
    return result["MOVEMENT_COUNT"], result["FLAGGED_COUNT"]


def qgis_copy_job(paths: dict, folder: str, to_files: bool):
    """The floor of any QGIS algorithm on this log: reading it and writing it once with one
    field added (native:fieldcalculator), no check at all."""
    import processing

    result = processing.run("native:fieldcalculator", {
        "INPUT": f"{paths['log']}|layername=movements", "FIELD_NAME": "ok", "FIELD_TYPE": 1,
        "FORMULA": "1",
        "OUTPUT": f"{folder}/copied.gpkg" if to_files else "TEMPORARY_OUTPUT"})
    output = result["OUTPUT"]
    return output if isinstance(output, str) else output.featureCount()


def qgis_app():
    from unittest import mock

    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    import jordressource_plugin

    plugin = jordressource_plugin.classFactory(mock.MagicMock())
    plugin.initProcessing()
    # As in a QGIS session after a first run: the plugin's libraries are imported once.
    import matplotlib.figure  # noqa: F401

    import jordressource_plugin.core.movements.check  # noqa: F401
    return app, plugin


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--movements", type=int, default=1_000_000)
    parser.add_argument("--excavations", type=int, default=50_000)
    parser.add_argument("--receivers", type=int, default=3_000)
    parser.add_argument("--vehicles", type=int, default=1_500)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-qgis", action="store_true")
    args = parser.parse_args()

    began = time.perf_counter()
    DATA["data"] = generate(args.movements, args.excavations, args.receivers, args.vehicles)
    print(f"{args.movements:,} movements, {args.excavations:,} excavations, "
          f"{args.receivers:,} receivers, {args.vehicles:,} vehicles "
          f"(generated in {time.perf_counter() - began:.0f} s)")

    def best(func, *arguments):
        runs = [measure(func, *arguments) for _ in range(max(args.repeat, 1))]
        return min(runs, key=lambda run: run[0])

    engine_s, engine_mb, (engine_flags, actors, html_bytes) = best(engine_job)
    pandas_s, pandas_mb, pandas_flags = best(pandas_job)
    agree = int((engine_flags == pandas_flags).sum())
    flagged = int((engine_flags != "").sum())
    print(f"engine (table policy, check, summary of {actors:,} actors, report "
          f"{html_bytes / 1024:.0f} KB): {engine_s:.1f} s, peak +{engine_mb:.0f} MB")
    print(f"pandas (same flags, no policy, summary or report): {pandas_s:.1f} s, "
          f"peak +{pandas_mb:.0f} MB")
    print(f"engine / pandas: time {ratio(engine_s, pandas_s)}, memory "
          f"{ratio(engine_mb, pandas_mb)}; flags agree on {agree:,} of {len(engine_flags):,} "
          f"movements ({flagged:,} flagged)", flush=True)
    if agree != len(engine_flags):
        differ = np.flatnonzero(engine_flags != pandas_flags)[:5]
        print("  differ at", [(int(i), engine_flags[i], pandas_flags[i]) for i in differ])
    if args.no_qgis:
        return
    app, plugin = qgis_app()
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        paths = write_inputs(Path(folder))
        print(f"inputs written in {time.perf_counter() - began:.0f} s")
        for to_files, where in ((False, "to temporary layers"), (True, "to GeoPackages")):
            qgis_s, qgis_mb, (count, qgis_flagged) = best(algorithm_job, paths, folder,
                                                          to_files)
            print(f"algorithm (processing.run, GeoPackages in, outputs {where}, report): "
                  f"{qgis_s:.1f} s, peak +{qgis_mb:.0f} MB; {count:,} movements, "
                  f"{qgis_flagged:,} flagged", flush=True)
            copy_s, copy_mb, _ = best(qgis_copy_job, paths, folder, to_files)
            print(f"  QGIS copying the log once (native:fieldcalculator, no geometry) "
                  f"{where}: {copy_s:.1f} s, peak +{copy_mb:.0f} MB; the check takes "
                  f"{ratio(qgis_s, copy_s)} its time")
    plugin.unload()
    del app


if __name__ == "__main__":
    main()
