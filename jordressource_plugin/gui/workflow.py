"""The order a planner meets the algorithms in: set up a project, know the terrain and the area
types, see the balance, find the matches, then plan over time, site, check and map."""

# Algorithm ids in workflow order; an id not registered (a later release's) is left out of the menu.
WORKFLOW = (
    "create_project",
    "classify_area_types",
    "earthwork_volumes",
    "soil_management_plan",
    "soil_balance",
    "area_zones",
    "haul_matrix",
    "match_reuse",
    "schedule_reuse",
    "suggest_resource_sites",
    "check_movements",
    "export_plan_map",
)


def in_workflow_order(algorithm_ids):
    """``algorithm_ids`` sorted by WORKFLOW; ids it does not know come last, by name."""
    rank = {algorithm_id: position for position, algorithm_id in enumerate(WORKFLOW)}
    return sorted(algorithm_ids, key=lambda a: (rank.get(a, len(WORKFLOW)), a))
