"""The provider's algorithms, in toolbox order."""
from .area_zones import AreaZonesAlgorithm
from .classify_area_types import ClassifyAreaTypesAlgorithm
from .match_reuse import MatchReuseAlgorithm
from .create_project import CreateProjectAlgorithm
from .earthwork_volumes import EarthworkVolumesAlgorithm
from .haul_matrix import HaulMatrixAlgorithm
from .soil_balance import SoilBalanceAlgorithm
from .export_plan_map import ExportPlanMapAlgorithm

ALGORITHM_CLASSES = [
    CreateProjectAlgorithm,
    ClassifyAreaTypesAlgorithm,
    MatchReuseAlgorithm,
    EarthworkVolumesAlgorithm,
    HaulMatrixAlgorithm,
    SoilBalanceAlgorithm,
    AreaZonesAlgorithm,
    ExportPlanMapAlgorithm,
]
