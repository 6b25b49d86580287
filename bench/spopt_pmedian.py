"""PySAL spopt's PMedian with PuLP's CBC on an instance written by bench_siting.py.

Runs in spopt's own virtual environment (never in the interpreter that imports qgis), so it
imports nothing of the plugin. Prints one JSON line: status, objective (t·km), chosen site
indexes, seconds in the solver.
Usage: <spopt-venv>/bin/python bench/spopt_pmedian.py instance.npz
"""
import json
import sys
import time

import numpy as np
import pulp
from spopt.locate import PMedian


def main(path):
    data = np.load(path)
    km, tonnes, p = data["km"], data["tonnes"], int(data["p"])
    capacity = data["capacity"] if len(data["capacity"]) else None
    model = PMedian.from_cost_matrix(km, tonnes, p_facilities=p, facility_capacities=capacity)
    start = time.perf_counter()
    model = model.solve(pulp.PULP_CBC_CMD(msg=False))
    seconds = time.perf_counter() - start
    sites = [j for j, variable in enumerate(model.fac_vars) if variable.value() > 0.5]
    print(json.dumps({"status": pulp.LpStatus[model.problem.status],
                      "total": float(pulp.value(model.problem.objective)),
                      "sites": sites, "solve_seconds": seconds}))


if __name__ == "__main__":
    main(sys.argv[1])
