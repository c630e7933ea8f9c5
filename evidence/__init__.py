"""Shared core of the SPBE evidence classifier: catalog, intake, extraction, storage, database, reports.

Service (HTTP), worker (queue) and CLI are thin adapters over this package; none imports another adapter.
"""
