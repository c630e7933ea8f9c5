"""Issue 3: document metadata, maturity hints and evidence spans are stored with the outcome (Alembic schema)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from classifier.maturity import maturity_hint
from classifier.metadata import extract_metadata
from classifier.predict import Classification
from evidence.catalog import load_catalog
from evidence.db.models import Document, SuggestionRecord
from evidence.domain import Suggestion
from evidence.intake import IntakeLimits
from evidence.opd import load_opd_directory
from evidence.pipeline import ingest_source, run_document
from tests.fixtures.documents import make_pdf, make_zip

SK = """KEPUTUSAN BUPATI SUKAMAJU
NOMOR 050/123/KPTS/2024
TENTANG
PEMBENTUKAN TIM KOORDINASI SPBE KABUPATEN SUKAMAJU
KESATU Membentuk Tim Koordinasi SPBE.
Ditetapkan di Sukamaju pada tanggal 3 Maret 2024
BUPATI SUKAMAJU,
ttd"""


@dataclass
class MetadataClassifier:
    """A stand-in that suggests indicator 19 and uses the real metadata and maturity functions."""

    def threshold(self, indicator_id: int) -> float:
        return 0.5

    def classify(self, text: str, path: str = "", pages: object = None) -> Classification:
        catalog = load_catalog("spbe-2020")
        meta = extract_metadata(text, path)
        hit = Suggestion(19, 0.9, ("frasa 'tim koordinasi'",), True)
        return Classification(
            meta.doc_kind, [hit], [hit, Suggestion(10, 0.2, (), False)], "meta-test-1", "spbe-2020", metadata=meta,
            maturity={i: maturity_hint(catalog.indicator(i), meta, text) for i in (19, 10)},
            evidence={19: [{"page": 1, "sentence": "KESATU Membentuk Tim Koordinasi SPBE.", "term": "tim koordinasi"}]},
        )


def test_metadata_and_hints_are_stored(database, store, tmp_path: Path) -> None:
    source = tmp_path / "kiriman.zip"
    source.write_bytes(make_zip({"Diskominfo/SK Tim.pdf": make_pdf([SK])}))
    with database.session() as s:
        ingested = ingest_source(s, store, source, catalog=load_catalog("spbe-2020"),
                                 opd_directory=load_opd_directory(), limits=IntakeLimits(max_members=10))
    (doc_id,) = ingested.to_process
    assert run_document(database, store, doc_id, lambda _fw: MetadataClassifier()) == "ok"
    with database.session() as s:
        doc = s.get(Document, doc_id)
        records = {r.indicator_id: r for r in s.scalars(select(SuggestionRecord).where(
            SuggestionRecord.document_id == doc_id))}
    assert doc.doc_type == "keputusan"
    assert doc.doc_metadata["status"] == "enacted" and doc.doc_metadata["number"] == "050/123/KPTS/2024"
    assert doc.doc_metadata["enacted_date"] == "2024-03-03"
    assert records[19].maturity_level == 2 and records[19].maturity_reason.startswith("petunjuk tingkat 2")
    assert records[19].evidence == [{"page": 1, "sentence": "KESATU Membentuk Tim Koordinasi SPBE.",
                                     "term": "tim koordinasi"}]
    assert records[10].maturity_level == 2 and records[10].evidence is None
