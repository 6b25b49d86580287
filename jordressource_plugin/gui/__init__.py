"""Desktop glue: the Jordressource menu, the sample project, help and about. Only `initGui`
uses this package; `qgis_process` never imports it."""
