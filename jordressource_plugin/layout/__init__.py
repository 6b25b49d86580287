"""Print layouts of Jordressource maps (QGIS-side: layouts need QGIS, unlike core/)."""
