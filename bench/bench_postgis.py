"""Benchmark: match_reuse on the region-scale instance read from PostGIS against the same read
from a GeoPackage, and what the reading filter saves on a national area-type layer.

The instance is bench_match_reuse's region (2,000 excavations × 300 receivers over 100 × 80 km,
30 disposal sites, seeded), written through QGIS as point layers into a GeoPackage and into a
throwaway PostgreSQL + PostGIS on loopback (test/postgis_server.py), each table with its key and
spatial index. An area-type layer covers the national extent of bench_match_reuse (450 × 350 km)
in 2.5 km squares (25,200 polygons, types drawn with the seed), so match_reuse classifies the
sites with area rule 1 and reads the squares around the region only.

Configurations, all processing.run of jordressource:match_reuse in one QGIS, outputs to memory,
run round by round --repeat times (default 3), the fastest reported:
- GeoPackage (the baseline);
- PostGIS, read with the filter (as the plugin does);
- PostGIS, the whole area-type layer read (the filter switched off, for comparison);
- PostGIS in and PostGIS out (three new tables per run).
Every configuration must give the same cost and reuse as the baseline, to the last bit.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_postgis.py [--repeat 3]
"""
import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "test"))

from bench_match_reuse import SCALES, instance
from postgis_server import PostgisServer, postgres_bin_dir

CELL_M = 2500.0
NATIONAL = SCALES["national"][2]  # (width, height) in metres from (440e3, 6050e3)
AREA_TYPES = np.array(["urban", "agricultural", "industrial", "other"])


def start_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    import jordressource_plugin

    plugin = jordressource_plugin.classFactory(None)
    plugin.initProcessing()
    return app, plugin


def memory_layer(geometry, fields, shapes, rows):
    from qgis.core import QgsFeature, QgsField, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:25832", "x", "memory")
    # Fields without a length or precision: a memory layer's "double" field has precision 5,
    # and the GeoPackage writer would round the volumes to it.
    kinds = {"string": QVariant.String, "double": QVariant.Double, "integer": QVariant.Int}
    layer.dataProvider().addAttributes([QgsField(name, kinds[kind]) for name, kind in fields])
    layer.updateFields()
    features = []
    for shape, values in zip(shapes, rows):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(shape)
        feature.setAttributes(values)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def instance_layers(seed=2026):
    """{name: memory layer} of the region instance and the national area types."""
    from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle

    sources, sinks, disposal_xy, fees = instance("region", seed)

    def points(xy):
        return [QgsGeometry.fromPointXY(QgsPointXY(x, y)) for x, y in xy]

    width, height = NATIONAL
    columns, rows = int(width // CELL_M), int(height // CELL_M)
    rng = np.random.default_rng(seed)
    kinds = AREA_TYPES[rng.choice(4, columns * rows, p=[0.2, 0.6, 0.15, 0.05])]
    squares = [QgsGeometry.fromRect(QgsRectangle(
        440e3 + c * CELL_M, 6050e3 + r * CELL_M, 440e3 + (c + 1) * CELL_M,
        6050e3 + (r + 1) * CELL_M)) for r in range(rows) for c in range(columns)]
    return {
        "excavations": memory_layer(
            "Point", [("id", "string"), ("volume_m3", "double"), ("soil_class", "integer")],
            points(sources.xy), [[f"S{i}", float(v), int(c)] for i, (v, c) in
                                 enumerate(zip(sources.volume_m3, sources.soil_class))]),
        "receivers": memory_layer(
            "Point", [("id", "string"), ("kind", "string"), ("capacity_m3", "double"),
                      ("max_soil_class", "integer")], points(sinks.xy),
            [[f"R{j}", "pit", float(k), int(c)] for j, (k, c) in
             enumerate(zip(sinks.capacity_m3, sinks.max_soil_class))]),
        "disposal_sites": memory_layer(
            "Point", [("id", "string"), ("gate_fee_dkk_t", "double")], points(disposal_xy),
            [[f"D{d}", float(f)] for d, f in enumerate(fees)]),
        "area_types": memory_layer("Polygon", [("area_type", "string")], squares,
                                   [[str(kind)] for kind in kinds]),
    }


def write_geopackage(layers, path):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    for number, (name, layer) in enumerate(layers.items()):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = name
        if number:
            options.actionOnExistingFile = (
                QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer)
        error = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, str(path), QgsCoordinateTransformContext(), options)
        assert error[0] == QgsVectorFileWriter.WriterError.NoError, error


def write_postgis(layers, server):
    from qgis.core import Qgis, QgsVectorLayerExporter

    for name, layer in layers.items():
        error, message = QgsVectorLayerExporter.exportLayer(
            layer, server.uri(name, key="fid"), "postgres", layer.crs(), False,
            {"overwrite": True})
        assert error == Qgis.VectorExportResult.Success, message
        server.sql("jordressource", f"CREATE INDEX ON public.{name} USING gist (geom); "
                                    f"ANALYZE public.{name}")


def open_layers(source):
    """{name: QgsVectorLayer} from a GeoPackage path or a PostgisServer."""
    from qgis.core import QgsVectorLayer

    layers = {}
    for name in ("excavations", "receivers", "disposal_sites", "area_types"):
        if isinstance(source, Path):
            layer = QgsVectorLayer(f"{source}|layername={name}", name, "ogr")
        else:
            layer = QgsVectorLayer(source.uri(name, key="fid"), name, "postgres")
        assert layer.isValid(), name
        layers[name] = layer
    return layers


def match(layers, outputs):
    import processing

    result = processing.run("jordressource:match_reuse", {
        "SOURCES": layers["excavations"], "RECEIVERS": layers["receivers"],
        "DISPOSAL": layers["disposal_sites"], "AREA_TYPES": layers["area_types"],
        "AREA_RULE": 1, **outputs})
    return result["COST_DKK"], result["REUSED_M3"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    app, plugin = start_qgis()
    from jordressource_plugin.core.geometry import extent

    server = PostgisServer(postgres_bin_dir()).start()
    folder = Path(tempfile.mkdtemp(prefix="bench-postgis-"))
    try:
        made = instance_layers()
        gpkg = folder / "region.gpkg"
        write_geopackage(made, gpkg)
        write_postgis(made, server)
        counts = {name: layer.featureCount() for name, layer in made.items()}
        print(f"Instance: {counts['excavations']:,} excavations × {counts['receivers']:,} "
              f"receivers, {counts['disposal_sites']} disposal sites, "
              f"{counts['area_types']:,} area-type squares; best of {args.repeat}")
        memory = {name: "memory:" for name in ("OUTPUT_MATCHES", "OUTPUT_SOURCES",
                                               "OUTPUT_RECEIVERS")}
        runs = {"GeoPackage (baseline)": lambda: match(open_layers(gpkg), memory),
                "PostGIS, filtered read": lambda: match(open_layers(server), memory),
                "PostGIS, whole layers read": lambda: whole(server, memory),
                "PostGIS in, PostGIS out": lambda: match(open_layers(server), {
                    name: "postgres://" + server.uri(f"bench_{name.lower()}")
                    for name in memory})}

        def whole(source, outputs):
            with mock.patch.object(extent, "grown", lambda bounds, margin: None):
                return match(open_layers(source), outputs)

        seconds = {name: [] for name in runs}
        answers = {}
        # Round by round, so that the machine's drifting load falls on every configuration.
        for _ in range(args.repeat):
            for name, job in runs.items():
                start = time.perf_counter()
                answers[name] = job()
                seconds[name].append(time.perf_counter() - start)
        baseline_name = next(iter(runs))
        baseline = min(seconds[baseline_name])
        print("| configuration | seconds | vs GeoPackage | same answer |")
        print("|---|---|---|---|")
        for name in runs:
            best = min(seconds[name])
            same = answers[name] == answers[baseline_name]  # cost and reuse, to the last bit
            print(f"| {name} | {best:.2f} | {best / baseline:.2f}x | {same} |")
    finally:
        server.stop()
        plugin.unload()


if __name__ == "__main__":
    main()
