"""Intake: from an uploaded archive or folder to one in-memory item per file, safely."""

from evidence.intake.archive import IntakeItem, iter_intake
from evidence.intake.limits import IntakeLimits

__all__ = ["IntakeItem", "IntakeLimits", "iter_intake"]
