"""Reading a road layer into the engine's ``RoadNetwork``, shared by every algorithm with a
ROADS parameter, so that each reads roads the same way and reports the same problems."""
from qgis.core import QgsProcessingException

from ..i18n import number_format, translate
from .frames import bounds_rectangle, read_frame


def read_road_network(source, crs, snap_tolerance_m, context, feedback,
                      oneway_field=None, within=None):
    """The ``RoadNetwork`` of a line layer in ``crs``, its make-up reported in the log.

    Shared by every algorithm with a ROADS parameter: an empty layer is an error a planner
    understands, lines without a usable geometry are counted. ``oneway_field`` (optional) holds
    one-way values such as OpenStreetMap's `oneway`. ``within`` (bounds in ``crs``) reads only
    the roads reaching into that rectangle (see ``read_roads_near``)."""
    from ..core.network.build import oneway_directions
    from ..core.network.road_network import EmptyNetworkError, RoadNetwork

    roads = read_frame(source, crs, context, feedback,
                       fields=[oneway_field] if oneway_field else [],
                       label=translate("JordressourceAlgorithm", "Roads"),
                       within=bounds_rectangle(within))
    oneway = oneway_directions(roads[oneway_field].tolist()) if oneway_field else None
    if oneway is not None:
        feedback.pushInfo(translate(
            "JordressourceAlgorithm", "Roads: {0} one-way line(s) in '{1}'.")
            .format(int((oneway != 0).sum()), oneway_field))
    try:
        network = RoadNetwork.from_lines(roads.geometry, snap_tolerance_m, oneway)
    except EmptyNetworkError:
        if snap_tolerance_m > 0 and float(roads.geometry.length.sum()) > 0:
            # The lines have a length: the snapping collapsed them, not the layer.
            raise QgsProcessingException(translate(
                "JordressourceAlgorithm",
                "Joining road ends closer than the snap tolerance ({0} m) left no road with a "
                "length: the roads are shorter than the tolerance. Lower the snap tolerance; "
                "1 m closes digitising gaps.").format(number_format().trimmed(snap_tolerance_m))
            ) from None
        raise QgsProcessingException(translate(
            "JordressourceAlgorithm",
            "The road layer has no lines with a length. Choose a road layer (for example "
            "GeoDanmark road centre lines or OpenStreetMap roads), or leave Roads empty to use "
            "straight lines times the detour factor.")) from None
    topology = network.topology
    numbers = number_format()
    feedback.pushInfo(translate(
        "JordressourceAlgorithm",
        "Road network: {0} segments, {1} km, {2} junctions, {3} connected part(s); the "
        "largest holds {4} of the road length.").format(
            numbers.whole(network.segment_count), numbers.number(network.length_km, 1),
            numbers.whole(network.junction_count), numbers.whole(network.component_count),
            numbers.share(network.largest_component_share)))
    if topology.dropped_segments:
        feedback.pushInfo(translate(
            "JordressourceAlgorithm",
            "Roads: {0} segment(s) of zero length or shorter than the snap tolerance were "
            "dropped.").format(topology.dropped_segments))
    if topology.skipped_lines:
        feedback.pushWarning(translate(
            "JordressourceAlgorithm",
            "Roads: {0} feature(s) hold no line and were skipped.").format(topology.skipped_lines))
    return network


def read_roads_near(source, crs, snap_tolerance_m, context, feedback, sites_xy, reach_m,
                    oneway_field=None):
    """(RoadNetwork, bounds read) of the roads a run needs: those reaching into the rectangle
    around ``sites_xy`` grown by ``reach_m`` (the longest haul that counts), so that a national
    road layer in PostGIS is not copied whole for one municipality's sites. Every haul of at
    most ``reach_m`` from a site is then the whole layer's (``core.geometry.extent``) provided
    each site joins the road it joins on the whole layer: a site whose nearest road read lies
    beyond its room in the rectangle may have a nearer one outside, within that distance, so
    the roads are read again within that distance of every site. An infinite ``reach_m``
    reads the whole layer (bounds None)."""
    from ..core.geometry import extent

    bounds = extent.grown(extent.bounds_of(sites_xy), reach_m + extent.EDGE_SLACK_M)
    network = read_road_network(source, crs, snap_tolerance_m, context, feedback, oneway_field,
                                within=bounds)
    if bounds is None or not len(sites_xy):
        return network, bounds
    access_m = network.attach(sites_xy).access_m
    if extent.within_room(sites_xy, access_m, bounds):
        return network, bounds
    bounds = extent.covering(sites_xy, access_m, bounds)
    feedback.pushInfo(translate(
        "JordressourceAlgorithm", "Roads: a site lies {0} m from the nearest road read, which "
        "may not be its nearest road; reading the roads within that distance of every site.")
        .format(number_format().whole(float(access_m.max()))))
    return read_road_network(source, crs, snap_tolerance_m, context, feedback, oneway_field,
                             within=bounds), bounds
