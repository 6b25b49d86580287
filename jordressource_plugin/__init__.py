"""Jordressource: short-haul reuse of surplus soil, as a QGIS Processing provider."""


def classFactory(iface):  # noqa: N802 (QGIS's plugin entry point)
    from .plugin import JordressourcePlugin

    return JordressourcePlugin(iface)
