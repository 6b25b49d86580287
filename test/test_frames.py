"""Writing frames to sinks: every value a frame can hold reaches the layer as QGIS takes it."""
import numpy as np
import pandas as pd


def test_numpy_strings_reach_the_sink_as_text(qgis_app, make_layer):
    from jordressource_plugin.layers.frames import qgis_value, write_frame

    # Labels picked from a numpy array (np.array(["direct", ...])[codes]) are numpy str_: a str
    # subclass the sink refuses, so the whole write would fail.
    assert type(qgis_value(np.str_("to_storage"))) is str
    layer = make_layer("None", "EPSG:25832", [("leg", "string"), ("tonnes", "double")], [])
    legs = np.array(["direct", "disposal"])
    frame = pd.DataFrame({"leg": pd.Series([legs[0], legs[1]], dtype=object),
                          "tonnes": np.array([1.5, 2.0])})
    assert isinstance(frame["leg"][0], np.str_)
    write_frame(layer.dataProvider(), frame, layer.fields(), geometry=False)
    assert [(f["leg"], f["tonnes"]) for f in layer.getFeatures()] == [
        ("direct", 1.5), ("disposal", 2.0)]
