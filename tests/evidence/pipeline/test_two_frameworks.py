"""One pile of evidence, two frameworks: every document gets suggestions in SPBE 2020 and in Pemdi 2026,
each from its own model, and a mapping confirmed in one is offered (not applied) in the other."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from classifier.loading import load_classifier
from evidence.catalog import load_catalog
from evidence.crosswalk_offers import crosswalk_offers
from evidence.db.models import Document, SuggestionRecord
from evidence.extraction.policy import ExtractionPolicy
from evidence.intake import IntakeLimits
from evidence.opd import load_opd_directory
from evidence.pipeline import ingest_source, run_document
from evidence.settings import get_settings
from tests.fixtures.documents import make_pdf, make_zip

ARCHITECTURE_PERBUP = (
    "PERATURAN BUPATI SUKAMAJU NOMOR 12 TAHUN 2023 TENTANG ARSITEKTUR SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK "
    "KABUPATEN SUKAMAJU TAHUN 2023-2027. Menimbang bahwa untuk memberikan panduan dalam pelaksanaan integrasi "
    "proses bisnis, data dan informasi, layanan SPBE, aplikasi SPBE, infrastruktur SPBE dan keamanan SPBE perlu "
    "menetapkan Arsitektur SPBE Pemerintah Daerah. Pasal 1 Arsitektur SPBE terdiri atas referensi arsitektur dan "
    "domain arsitektur proses bisnis, data dan informasi, infrastruktur, aplikasi, keamanan dan layanan SPBE."
)
PDP_POLICY = (
    "PERATURAN BUPATI SUKAMAJU NOMOR 7 TAHUN 2025 TENTANG PELINDUNGAN DATA PRIBADI DALAM PENYELENGGARAAN "
    "PEMERINTAHAN DIGITAL. Menimbang bahwa untuk melindungi data pribadi warga yang diproses oleh perangkat daerah "
    "perlu menetapkan kebijakan pelindungan data pribadi, pejabat pelindungan data pribadi, dan penanganan "
    "kegagalan pelindungan data pribadi sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi. "
    "Pasal 1 Pengendali data pribadi wajib melakukan penilaian dampak pelindungan data pribadi."
)
FRAMEWORKS = ("spbe-2020", "pemdi-2026")


@pytest.fixture(scope="module")
def classifiers() -> dict:
    models_dir = get_settings().models_dir
    return {fw: load_classifier(load_catalog(fw), models_dir) for fw in FRAMEWORKS}


def _suggested(database, doc_id: int) -> dict[str, set[int]]:
    with database.session() as s:
        rows = s.scalars(select(SuggestionRecord).where(SuggestionRecord.document_id == doc_id,
                                                        SuggestionRecord.above_threshold.is_(True))).all()
    found: dict[str, set[int]] = {fw: set() for fw in FRAMEWORKS}
    for row in rows:
        found[row.framework_id].add(row.indicator_id)
    return found


def test_each_document_is_classified_in_both_frameworks(database, store, tmp_path: Path, classifiers) -> None:
    archive = tmp_path / "kiriman.zip"
    archive.write_bytes(make_zip({"Diskominfo/Perbup Arsitektur SPBE.pdf": make_pdf([ARCHITECTURE_PERBUP]),
                                  "Diskominfo/Perbup PDP.pdf": make_pdf([PDP_POLICY])}))
    with database.session() as s:
        ingested = ingest_source(s, store, archive, catalog=load_catalog("pemdi-2026"),
                                 opd_directory=load_opd_directory(), limits=IntakeLimits(max_members=10))
    for doc_id in ingested.to_process:
        status = run_document(database, store, doc_id, classifiers.__getitem__, frameworks=FRAMEWORKS,
                              policy=ExtractionPolicy(isolate=False))
        assert status == "ok"
    with database.session() as s:
        ids = {d.filename: d.id for d in s.scalars(select(Document).where(Document.batch_id == ingested.batch_id))}
        versions = {r.framework_id: r.model_version for r in s.scalars(select(SuggestionRecord))}
    assert versions == {fw: classifiers[fw].model.version for fw in FRAMEWORKS}  # each its own model
    architecture = _suggested(database, ids["Perbup Arsitektur SPBE.pdf"])
    assert 1 in architecture["pemdi-2026"] and architecture["spbe-2020"] & {1, 11}
    pdp = _suggested(database, ids["Perbup PDP.pdf"])
    pemdi_pdp = {i.id for i in load_catalog("pemdi-2026").indicators if "Data Pribadi" in i.name}
    assert pdp["pemdi-2026"] & pemdi_pdp and not pdp["spbe-2020"]  # a topic that is new in Pemdi


def test_confirmed_spbe_mapping_is_offered_in_pemdi_unless_already_there() -> None:
    offers = crosswalk_offers({"spbe-2020": {11}}, "pemdi-2026", already=set())
    assert [(o.indicator_id, o.from_indicators) for o in offers] == [(1, (11,))]
    assert crosswalk_offers({"spbe-2020": {11}}, "pemdi-2026", already={1}) == []
    back = crosswalk_offers({"pemdi-2026": {1}}, "spbe-2020", already={11})
    assert {o.indicator_id for o in back} == {1, 2, 12, 13}  # read backwards: the predecessors
