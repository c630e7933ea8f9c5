"""Value types of the training corpus.

Kept in a module of their own (no YAML, no catalog imports) so that training, evaluation and tests can
name a generated document without importing the generator and its data files.
"""

from __future__ import annotations

from dataclasses import dataclass

DOC_TYPES: tuple[str, ...] = (
    "perkada",  # Peraturan Bupati / Wali Kota / Gubernur
    "perda",  # Peraturan Daerah (with the DPRD)
    "keputusan",  # Keputusan (SK) of a head of region or of an agency head
    "surat_edaran",
    "sop",
    "laporan",
    "notulen",
    "undangan",  # invitation plus attendance list
    "berita",  # news item from a portal or the Pemda's own site
    "anggaran",  # RKA / DPA budget form pages
    "perencanaan",  # planning documents: arsitektur, peta rencana, peta proses bisnis, renstra
    "screenshot",  # text captured from a screenshot of an application
    "halaman_layanan",  # service web page or user manual of an application
    "lainnya",  # registers, tables, cooperation agreements, team profiles
)

GENERATED_SOURCE = "generated"


@dataclass(frozen=True)
class LabelledText:
    """One training document: its text, the indicators it supports (empty = supports none) and its kind.

    ``title`` is what an OPD clerk would call the file; training uses it to make plausible file names.
    """

    text: str
    indicators: tuple[int, ...]
    doc_type: str
    source: str
    title: str = ""


@dataclass(frozen=True)
class Region:
    """A real Indonesian regional government, with what its documents are headed and signed with."""

    kind: str  # "kabupaten" | "kota" | "provinsi"
    name: str  # "Gowa", "Bitung", "Sulawesi Selatan"
    province: str  # the province it lies in (its own name for a provinsi)
    seat: str  # town where its regulations are set ("Ditetapkan di ...")

    @property
    def head(self) -> str:
        """Title of the head of region: Bupati, Wali Kota or Gubernur."""
        return {"kabupaten": "Bupati", "kota": "Wali Kota", "provinsi": "Gubernur"}[self.kind]

    @property
    def full(self) -> str:
        """'Kabupaten Gowa', 'Kota Bitung', 'Provinsi Sulawesi Selatan'."""
        return f"{self.kind.capitalize()} {self.name}"

    @property
    def government(self) -> str:
        return f"Pemerintah {self.full}"

    @property
    def short_government(self) -> str:
        """How news writes it: Pemkab, Pemkot, Pemprov."""
        prefix = {"kabupaten": "Pemkab", "kota": "Pemkot", "provinsi": "Pemprov"}[self.kind]
        return f"{prefix} {self.name}"

    @property
    def slug(self) -> str:
        """Domain label used in the Pemda's web addresses, e.g. 'gowakab' in gowakab.go.id."""
        base = "".join(ch for ch in self.name.lower() if ch.isalnum())
        return base + {"kabupaten": "kab", "kota": "kota", "provinsi": "prov"}[self.kind]
