"""What storage costs and how long soil may stay, as planning defaults a user can override.

- Handling 39 DKK per tonne that enters storage, loading out included: Frederikshavn Jordhotel's
  price list (jordhotelfrederikshavn.dk/priser) charges 39 DKK/t for receiving, placing,
  keeping, reloading and registering soil including the current month's rent; Thyborøn-Nordsø
  Råstof's soil hotel charges 38 DKK/t for the same service (thyboron-nordsoral.dk/jordrensning).
- Storage 2 DKK per tonne on hand at a month's end: Frederikshavn Jordhotel's monthly rent
  ("lagerleje pr. måned: 2,00 kr. pr. ton"); the first month is in the handling price, as here.
- Maximum dwell 6 months (the contract's default): soil hotels' environmental permits limit how
  long soil may lie (Thyborøn's permit: 12 months); six keeps soil moving within a season.
"""
from dataclasses import dataclass

HANDLING_COST_DKK_T = 39.0
STORAGE_COST_DKK_T_MONTH = 2.0
MAX_DWELL_MONTHS = 6


@dataclass(frozen=True)
class StorageRates:
    max_dwell_months: int = MAX_DWELL_MONTHS
    handling_dkk_t: float = HANDLING_COST_DKK_T
    storage_dkk_t_month: float = STORAGE_COST_DKK_T_MONTH

    def __post_init__(self):
        if self.max_dwell_months < 0 or int(self.max_dwell_months) != self.max_dwell_months:
            raise ValueError("the maximum dwell must be a whole number of months, 0 or more")
