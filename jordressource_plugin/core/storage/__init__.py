"""Reuse over time with storage: the exact plan when soil is dug in one month and needed in
another (the contract's `schedule_reuse`).

``periods`` turns date windows into months, ``release`` what each excavation releases and the
rows bounding it, ``moves`` lists what may move where by `match_reuse`'s rules,
``schedule_problem`` builds the linear programme, ``schedule`` solves it with HiGHS and
``schedule_plan`` tabulates flows, stock and storage sites, with and without storage.
"""
