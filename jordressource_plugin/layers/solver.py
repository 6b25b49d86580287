"""What the optimiser did, in the user's language: the proof of optimality for the log, or why
HiGHS stopped. HiGHS's own status text is English (through scipy); a Danish sentence gets our
words for it, and the raw text only where no word of ours fits."""
import re

from ..i18n import number_format, translate

# scipy.optimize.linprog's status codes for a solve that ended without an optimum.
ITERATION_LIMIT, INFEASIBLE, UNBOUNDED, NUMERICAL = 1, 2, 3, 4
_HIGHS_OPTIMAL = re.compile(r"HiGHS Status 7\b|\boptimal\b", re.IGNORECASE)


def solver_report(status: str, solves: int, objective_dkk: float, numbers=None) -> str:
    """The log line proving the answer: HiGHS reached the optimum, its objective and the number
    of LP solves; or that there was nothing to optimise."""
    numbers = numbers or number_format()
    if not solves:
        return translate("Solver", "Nothing to optimise: no excavation–receiver pair is both "
                                   "allowed and cheaper than disposal, so all soil goes to "
                                   "disposal.")
    if _HIGHS_OPTIMAL.search(status or ""):
        return translate("Solver", "HiGHS proved the plan optimal: total cost {0} DKK, "
                                   "{1} LP solve(s).").format(numbers.whole(objective_dkk),
                                                              numbers.whole(solves))
    return translate("Solver", "HiGHS ended with status \"{0}\" after {1} LP solve(s).").format(
        status, numbers.whole(solves))


def solver_failure(status) -> str:
    """Why HiGHS stopped without an optimum, as a planner can act on it."""
    reasons = {
        ITERATION_LIMIT: translate("Solver", "HiGHS reached its iteration limit before the "
                                             "optimum. Lower the maximum haul or split the area, "
                                             "and run again."),
        INFEASIBLE: translate("Solver", "HiGHS found the problem infeasible: no plan meets every "
                                        "capacity. Check for negative or impossible capacities."),
        UNBOUNDED: translate("Solver", "HiGHS found the problem unbounded: some cost or price is "
                                       "negative. Check the prices and gate fees."),
        NUMERICAL: translate("Solver", "HiGHS met numerical difficulties. Check for volumes or "
                                       "capacities many orders of magnitude apart (a typing "
                                       "error such as 1e15 m³)."),
    }
    return reasons.get(status, translate("Solver", "HiGHS stopped without an optimum."))
