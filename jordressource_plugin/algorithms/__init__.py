"""The provider's algorithms, in toolbox order."""
from .area_zones import AreaZonesAlgorithm
from .check_movements import CheckMovementsAlgorithm
from .classify_area_types import ClassifyAreaTypesAlgorithm
from .create_project import CreateProjectAlgorithm
from .earthwork_volumes import EarthworkVolumesAlgorithm
from .export_plan_map import ExportPlanMapAlgorithm
from .haul_matrix import HaulMatrixAlgorithm
from .match_reuse import MatchReuseAlgorithm
from .schedule_reuse import ScheduleReuseAlgorithm
from .soil_balance import SoilBalanceAlgorithm
from .soil_management_plan import SoilManagementPlanAlgorithm
from .suggest_resource_sites import SuggestResourceSitesAlgorithm

ALGORITHM_CLASSES = [
    CreateProjectAlgorithm,
    ClassifyAreaTypesAlgorithm,
    EarthworkVolumesAlgorithm,
    SoilManagementPlanAlgorithm,
    HaulMatrixAlgorithm,
    MatchReuseAlgorithm,
    ScheduleReuseAlgorithm,
    SoilBalanceAlgorithm,
    SuggestResourceSitesAlgorithm,
    AreaZonesAlgorithm,
    CheckMovementsAlgorithm,
    ExportPlanMapAlgorithm,
]
