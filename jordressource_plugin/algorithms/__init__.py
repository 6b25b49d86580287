"""The provider's algorithms, in toolbox order."""
from .classify_area_types import ClassifyAreaTypesAlgorithm

ALGORITHM_CLASSES = [
    ClassifyAreaTypesAlgorithm,
]
