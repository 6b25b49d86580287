"""Jordressource: short-haul reuse of surplus soil, as a QGIS Processing provider."""


def classFactory(iface):
    from .plugin import JordressourcePlugin

    return JordressourcePlugin(iface)
