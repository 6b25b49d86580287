"""The pieces of the Holbæk sample project (scripts/build_sample.py): terrain, sites, roads.

Plain functions over shapely geometries and numpy arrays in EPSG:25832 metres; each takes its own
numpy random generator, so every part is deterministic on its own.
"""
CRS = "EPSG:25832"
SEA_CODES = (521, 523)  # CORINE coastal lagoons, sea and ocean
URBAN_CODES = (111, 112)
INDUSTRIAL_CODES = (121, 123)
