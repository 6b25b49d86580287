"""The Jordressource engine: soil, sites, hauls and allocations, with no QGIS import.

Plain functions and small dataclasses over numpy arrays and GeoDataFrames in metres and cubic
metres, so that the engine can be tested and scripted on its own.
"""
