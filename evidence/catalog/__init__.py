"""Evaluation frameworks as data: indicators, aspects, domains, level criteria, critical items, and the
crosswalks between frameworks."""

from evidence.catalog.crosswalk import Crosswalk, load_crosswalk
from evidence.catalog.library import BUNDLED, Catalogs
from evidence.catalog.loader import available_frameworks, load_catalog
from evidence.catalog.model import Catalog, CriticalItem, Indicator

__all__ = [
    "BUNDLED",
    "Catalog",
    "Catalogs",
    "CriticalItem",
    "Crosswalk",
    "Indicator",
    "available_frameworks",
    "load_catalog",
    "load_crosswalk",
]
