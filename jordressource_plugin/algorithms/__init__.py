"""The provider's algorithms, in toolbox order."""
from .classify_area_types import ClassifyAreaTypesAlgorithm
from .create_project import CreateProjectAlgorithm
from .earthwork_volumes import EarthworkVolumesAlgorithm

ALGORITHM_CLASSES = [
    CreateProjectAlgorithm,
    ClassifyAreaTypesAlgorithm,
    EarthworkVolumesAlgorithm,
]
