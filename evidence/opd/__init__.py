"""OPD (perangkat daerah): the Pemda's list of agencies, finding one by name, and inference of a file's OPD
from its path."""

from evidence.opd.directory import Opd, OpdDirectory, load_opd_directory
from evidence.opd.infer import OpdMatch, infer_opd
from evidence.opd.lookup import find_opd

__all__ = ["Opd", "OpdDirectory", "OpdMatch", "find_opd", "infer_opd", "load_opd_directory"]
