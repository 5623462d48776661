"""Fuzzing zjopen with hostile input: the inputs (:mod:`tests.fuzz.cases`), the properties
every parse must keep (:mod:`tests.fuzz.oracle`) and a reducer for what breaks them
(:mod:`tests.fuzz.reduce`).

``tests/test_fuzz.py`` runs them for a bounded time in CI; ``benchmarks/fuzz.py`` runs
them for as long as you like, on every core, and saves what it finds to
``tests/fixtures/crashers/``.
"""
