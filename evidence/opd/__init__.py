"""OPD (perangkat daerah): the Pemda's list of agencies, and inference of a file's OPD from its path."""

from evidence.opd.directory import Opd, OpdDirectory, load_opd_directory

__all__ = ["Opd", "OpdDirectory", "load_opd_directory"]
