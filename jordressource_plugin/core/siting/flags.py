"""Reading a yes/no field (an existing site), with one reading per value or none.

True: booleans True, the numbers 1, text ``true``, ``t``, ``yes``, ``y``, ``ja``, ``j``, ``1``,
``x``. False: False, 0, text ``false``, ``f``, ``no``, ``n``, ``nej``, ``0`` and empty values
(NULL, blank text): a site not marked is not an existing one. Anything else (``2``, ``maybe``)
is refused, never guessed, as the number reader does (``core.tables``).
"""
from typing import Sequence, Tuple

import numpy as np

YES = {"true", "t", "yes", "y", "ja", "j", "1", "x"}
NO = {"false", "f", "no", "n", "nej", "0", ""}


def read_flags(values: Sequence) -> Tuple[np.ndarray, np.ndarray]:
    """(bool per value, positions of refused values)."""
    flags = np.zeros(len(values), dtype=bool)
    refused = []
    for position, value in enumerate(values):
        if value is None or (isinstance(value, float) and value != value):
            continue
        if isinstance(value, (bool, np.bool_)):
            flags[position] = bool(value)
            continue
        if isinstance(value, (int, float, np.integer, np.floating)):
            if value in (0, 1):
                flags[position] = value == 1
            else:
                refused.append(position)
            continue
        text = str(value).strip().lower()
        if text in YES:
            flags[position] = True
        elif text not in NO:
            refused.append(position)
    return flags, np.asarray(refused, dtype=np.int64)
