"""Checks of the sample-archive generator used by ``make demo`` and the end-to-end tests.

The script is not part of an installed package, so it is imported by path. One archive is built per
module and shared; determinism tests build more in their own tmp dirs.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import importlib.util
import io
import sys
import zipfile
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import docx
import pdfplumber
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "make_sample_archive.py"


def _load_script() -> ModuleType:
    name = "make_sample_archive_under_test"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


msa = _load_script()
TOP = msa.TOP_FOLDER + "/"


def _docs(*kinds: str) -> list:
    return [doc for doc in msa.SAMPLE_DOCS if doc.kind in kinds]


def _original(doc):
    """The manifest entry whose bytes a copy duplicates (or the doc itself)."""
    if doc.kind != "copy":
        return doc
    return next(d for d in msa.SAMPLE_DOCS if d.path == doc.copy_of)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return msa.build_sample_archive(tmp_path_factory.mktemp("sample") / "sample.zip")


@pytest.fixture(scope="module")
def members(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


@pytest.fixture(scope="module")
def labels(archive: Path) -> list[dict[str, str]]:
    with msa.labels_path_for(archive).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_archive_has_between_25_and_40_files(members: dict[str, bytes]) -> None:
    assert 25 <= len(members) <= 40


def test_layout_top_folder_opd_folders_and_one_loose_file(members: dict[str, bytes]) -> None:
    assert all(name.startswith(TOP) for name in members)
    relative = [name[len(TOP):] for name in members]
    opd_folders = {r.split("/")[0] for r in relative if "/" in r}
    assert len(opd_folders) >= 5
    loose = [r for r in relative if "/" not in r]
    assert len(loose) == 1
    assert all(ord(c) < 128 for name in members for c in name)


def test_one_of_each_planted_problem() -> None:
    kinds = [doc.kind for doc in msa.SAMPLE_DOCS]
    assert kinds.count("corrupt_pdf") == 1
    assert kinds.count("scan_pdf") == 1
    assert kinds.count("video_stub") == 1
    assert kinds.count("copy") == 2
    unrelated = [doc for doc in _docs("pdf", "docx") if not doc.indicators]
    assert 3 <= len(unrelated) <= 4


def test_exactly_the_planted_duplicates_share_a_hash(members: dict[str, bytes]) -> None:
    by_hash: dict[str, set[str]] = defaultdict(set)
    for name, data in members.items():
        by_hash[_sha256(data)].add(name)
    groups = {frozenset(names) for names in by_hash.values() if len(names) > 1}
    planted = {frozenset({doc.member, TOP + doc.copy_of}) for doc in _docs("copy")}
    assert groups == planted
    for pair in planted:  # placed in two different OPD folders
        assert len({name[len(TOP):].split("/")[0] for name in pair}) == 2


def test_corrupt_pdf_looks_like_a_pdf_but_does_not_open(members: dict[str, bytes]) -> None:
    (doc,) = _docs("corrupt_pdf")
    data = members[doc.member]
    assert data.startswith(b"%PDF-")
    assert doc.member.endswith(".pdf")
    with pytest.raises(Exception), pdfplumber.open(io.BytesIO(data)) as pdf:  # noqa: B017 - any parse error
        for page in pdf.pages:
            page.extract_text()


def test_text_pdfs_open_within_four_pages_and_contain_expected_words(members: dict[str, bytes]) -> None:
    checked = 0
    for doc in msa.SAMPLE_DOCS:
        source = _original(doc)
        if source.kind != "pdf":
            continue
        with pdfplumber.open(io.BytesIO(members[doc.member])) as pdf:
            assert 1 <= len(pdf.pages) <= 4, doc.path
            text = _norm("\n".join(page.extract_text() or "" for page in pdf.pages))
        assert len(text) > 300, doc.path
        for word in source.expect_words:
            assert _norm(word) in text, (doc.path, word)
        checked += 1
    assert checked >= 15


def test_architecture_perbup_is_enacted_and_names_every_domain(members: dict[str, bytes]) -> None:
    with pdfplumber.open(io.BytesIO(members[TOP + msa.ARSITEKTUR_PDF])) as pdf:
        text = _norm("\n".join(page.extract_text() or "" for page in pdf.pages))
    for phrase in ("arsitektur", "proses bisnis", "data dan informasi", "aplikasi", "infrastruktur",
                   "keamanan", "layanan", "berita daerah kabupaten sukamaju", "diundangkan di sukamaju"):
        assert phrase in text


def test_scanned_pdf_has_pages_but_no_text_layer(members: dict[str, bytes]) -> None:
    (doc,) = _docs("scan_pdf")
    with pdfplumber.open(io.BytesIO(members[doc.member])) as pdf:
        assert len(pdf.pages) >= 1
        assert all(not (page.extract_text() or "").strip() for page in pdf.pages)
        assert all(not page.chars for page in pdf.pages)
        assert any(page.rects for page in pdf.pages)


def test_docx_open_and_contain_expected_words(members: dict[str, bytes]) -> None:
    checked = 0
    for doc in _docs("docx"):
        document = docx.Document(io.BytesIO(members[doc.member]))
        parts = [p.text for p in document.paragraphs]
        parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        text = _norm("\n".join(parts))
        assert len(text) > 300, doc.path
        for word in doc.expect_words:
            assert _norm(word) in text, (doc.path, word)
        checked += 1
    assert checked >= 6


def test_unsupported_file_is_neither_pdf_nor_docx(members: dict[str, bytes]) -> None:
    (doc,) = _docs("video_stub")
    data = members[doc.member]
    assert not data.startswith(b"%PDF") and not data.startswith(b"PK")
    assert data[4:8] == b"ftyp"


def test_labels_csv_rows_match_members_one_to_one(members: dict[str, bytes], labels: list[dict[str, str]]) -> None:
    assert list(labels[0]) == ["filename", "indicators", "opd", "note"]
    filenames = [row["filename"] for row in labels]
    assert len(filenames) == len(set(filenames))
    assert set(filenames) == set(members)
    loose = [row for row in labels if "/" not in row["filename"][len(TOP):]]
    assert len(loose) == 1 and loose[0]["opd"] == ""


def test_labels_use_catalog_ids_and_opd_names(labels: list[dict[str, str]]) -> None:
    catalog = yaml.safe_load((REPO / "evidence/catalog/data/spbe-2020.yaml").read_text(encoding="utf-8"))
    ids = {indicator["id"] for indicator in catalog["indicators"]}
    opd = yaml.safe_load((REPO / "evidence/opd/data/opd.yaml").read_text(encoding="utf-8"))
    names = {entry["name"] for entry in opd["opd"]}
    for row in labels:
        assert {int(i) for i in row["indicators"].split(";") if i} <= ids, row
        assert row["opd"] == "" or row["opd"] in names, row


def test_no_label_touches_the_deliberate_gaps(labels: list[dict[str, str]]) -> None:
    used = {int(i) for row in labels for i in row["indicators"].split(";") if i}
    assert not used & {2, 8, 12}
    assert not used & msa.GAP_INDICATORS
    assert {1, 3, 10, 11, 13, 19, 23} <= used  # the foundations that *are* present


def test_unreadable_files_have_no_labels(labels: list[dict[str, str]]) -> None:
    by_name = {row["filename"]: row for row in labels}
    for doc in _docs("corrupt_pdf", "scan_pdf", "video_stub"):
        assert by_name[doc.member]["indicators"] == ""


def test_document_texts_are_latin1() -> None:
    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, tuple | list):
            for item in value:
                yield from strings(item)
        elif dataclasses.is_dataclass(value):
            for field in dataclasses.fields(value):
                yield from strings(getattr(value, field.name))

    for doc in msa.SAMPLE_DOCS:
        if doc.body_builder is not None:
            for text in strings(doc.body_builder()):
                text.encode("latin-1")


def test_same_seed_gives_same_archive(archive: Path, members: dict[str, bytes], tmp_path: Path) -> None:
    again = msa.build_sample_archive(tmp_path / "again.zip")
    with zipfile.ZipFile(again) as zf:
        assert zf.namelist() == zipfile.ZipFile(archive).namelist()
        assert {info.filename: zf.read(info) for info in zf.infolist()} == members
        assert {info.date_time for info in zf.infolist()} == {msa.ZIP_DATE_TIME}
    assert again.read_bytes() == archive.read_bytes()
    assert msa.labels_path_for(again).read_bytes() == msa.labels_path_for(archive).read_bytes()


def test_other_seed_changes_random_bytes_not_members(members: dict[str, bytes], tmp_path: Path) -> None:
    other = msa.build_sample_archive(tmp_path / "other.zip", seed=8)
    with zipfile.ZipFile(other) as zf:
        assert set(zf.namelist()) == set(members)
        (stub,) = _docs("video_stub")
        assert zf.read(stub.member) != members[stub.member]


def test_cli_writes_zip_and_labels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nested" / "demo.zip"
    assert msa.main([str(out), "--seed", "7"]) == 0
    assert out.is_file() and (tmp_path / "nested" / "demo.labels.csv").is_file()
    assert "demo.zip" in capsys.readouterr().out
