"""Finding an OPD in the directory by any of the names people write for it."""

from __future__ import annotations

from evidence.opd.directory import Opd, OpdDirectory


def find_opd(directory: OpdDirectory, name: str | None) -> Opd | None:
    """The directory entry for an OPD name as stored on a document or typed by a user: exact name, else any
    name or alias compared case-insensitively (so "Diskominfo" and the full name land in the same bucket)."""
    if name is None:
        return None
    exact = directory.by_name(name)
    if exact is not None:
        return exact
    folded = name.strip().casefold()
    return next(
        (o for o in directory.opd if any(n.strip().casefold() == folded for n in o.all_names())), None
    )
