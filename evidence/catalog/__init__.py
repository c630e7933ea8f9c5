"""Evaluation frameworks as data: indicators, aspects, domains, level criteria, critical items."""

from evidence.catalog.loader import available_frameworks, load_catalog
from evidence.catalog.model import Catalog, CriticalItem, Indicator

__all__ = ["Catalog", "CriticalItem", "Indicator", "available_frameworks", "load_catalog"]
