"""The ``spbe`` command line: a thin adapter over evidence/, classifier/ and worker/."""
