"""Document type from the title page: regulation, decree, circular, SOP, report, minutes, budget ...

Rules, not a model: the heading of Indonesian government documents is formulaic, and reviewers need the
type to judge the maturity level a document can prove (a Perbup proves more than a news item).
The rules live in ``classifier.metadata`` (which also reads number, year, issuer and draft status); this
module keeps the original function and its finer labels (perkada, perda, keputusan, surat_edaran, sop,
anggaran, notulen, undangan, laporan, perencanaan, berita, lainnya), which the stored ``doc_type`` uses.
``classifier.metadata.KIND_TO_TYPE`` maps them onto the issue's document types.
"""

from __future__ import annotations

from classifier.metadata import _DRAFT_HEADING as DRAFT  # noqa: F401  (kept for importers of the old name)
from classifier.metadata import detect_kind


def detect_doc_type(text: str) -> str:
    """The finer document kind of ``text`` (see module docstring)."""
    return detect_kind(text)[0]
