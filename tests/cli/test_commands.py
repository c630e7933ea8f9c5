"""The ``spbe`` commands as users and other tools call them, on the committed model and real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from tests.fixtures.documents import make_docx, make_pdf
from tests.fixtures.sample import build_sample

runner = CliRunner()

SK_TIM = """BUPATI SUKAMAJU
KEPUTUSAN BUPATI SUKAMAJU NOMOR 050/123/KPTS/2024
TENTANG
PEMBENTUKAN TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK KABUPATEN SUKAMAJU
DENGAN RAHMAT TUHAN YANG MAHA ESA
BUPATI SUKAMAJU,
Menimbang : a. bahwa untuk mengoordinasikan penyelenggaraan Sistem Pemerintahan Berbasis Elektronik
perlu dibentuk Tim Koordinasi SPBE Kabupaten Sukamaju;
MEMUTUSKAN:
Menetapkan : KESATU Membentuk Tim Koordinasi SPBE dengan susunan keanggotaan sebagaimana tercantum
dalam Lampiran. KEDUA Tim Koordinasi SPBE bertugas menyusun arah kebijakan SPBE, melakukan pemantauan
dan evaluasi penerapan SPBE, dan melaporkan kepada Bupati. Ketua: Sekretaris Daerah."""

UNRELATED = """PERATURAN DAERAH KABUPATEN SUKAMAJU NOMOR 4 TAHUN 2019 TENTANG RETRIBUSI TEMPAT KHUSUS PARKIR
Menimbang bahwa untuk meningkatkan pendapatan asli daerah dari retribusi parkir di tepi jalan umum perlu
mengatur tarif retribusi parkir kendaraan bermotor roda dua dan roda empat di pasar dan terminal."""

JSON_KEYS = {"file", "status", "error", "doc_type", "indicators", "candidates", "pages", "text_chars", "metadata"}


def _classify(*files: Path) -> list[dict]:
    result = runner.invoke(app, ["classify", "--json", *map(str, files)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_indicators_lists_the_catalog() -> None:
    result = runner.invoke(app, ["indicators", "--json"])
    assert result.exit_code == 0
    catalog = json.loads(result.stdout)
    assert len(catalog["indicators"]) == 47 and catalog["framework"]["id"] == "spbe-2020"
    table = runner.invoke(app, ["indicators"])
    assert "Tim Koordinasi SPBE" in table.stdout and "47 indikator" in table.stdout


def test_classify_json_contract_and_statuses(tmp_path: Path) -> None:
    sk = tmp_path / "SK Tim Koordinasi.pdf"
    sk.write_bytes(make_pdf([SK_TIM]))
    docx = tmp_path / "perda parkir.docx"
    docx.write_bytes(make_docx([UNRELATED]))
    broken = tmp_path / "rusak.pdf"
    broken.write_bytes(b"%PDF-1.7\nthis is not a pdf")
    video = tmp_path / "video.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(64))
    records = {Path(r["file"]).name: r for r in _classify(sk, docx, broken, video)}
    assert all(set(r) == JSON_KEYS for r in records.values())
    sk_rec = records["SK Tim Koordinasi.pdf"]
    assert sk_rec["status"] == "ok" and sk_rec["pages"] == 1 and sk_rec["text_chars"] > 300
    assert {i["id"] for i in sk_rec["indicators"]} & {10, 19}
    assert all(i["reasons"] for i in sk_rec["indicators"]), "every suggestion carries its reasons"
    assert [c["score"] for c in sk_rec["candidates"]] == sorted((c["score"] for c in sk_rec["candidates"]), reverse=True)
    assert len(sk_rec["candidates"]) == 5
    assert records["perda parkir.docx"]["status"] == "ok"
    assert records["perda parkir.docx"]["indicators"] == [], "no suggestion is a valid answer"
    assert records["rusak.pdf"]["status"] == "failed" and records["rusak.pdf"]["error"].startswith("corrupt")
    assert records["video.mp4"]["status"] == "unsupported" and records["video.mp4"]["indicators"] == []


def test_classify_json_metadata_maturity_and_page_numbers(tmp_path: Path) -> None:
    """Issue 3: a ``metadata`` object, per-indicator ``maturity`` hints and evidence sentences with pages."""
    title_page, decision = SK_TIM.split("MEMUTUSKAN:")
    signed = decision + "\nDitetapkan di Sukamaju pada tanggal 3 Maret 2024\nBUPATI SUKAMAJU,\nttd\nH. AHMAD"
    sk = tmp_path / "SK Tim Koordinasi.pdf"
    sk.write_bytes(make_pdf([title_page, "MEMUTUSKAN:" + signed]))
    draft = tmp_path / "draf SK Tim.pdf"
    draft.write_bytes(make_pdf(["RANCANGAN\n" + SK_TIM.replace("050/123/KPTS/2024", "...")]))
    records = {Path(r["file"]).name: r for r in _classify(sk, draft)}
    rec = records["SK Tim Koordinasi.pdf"]
    meta = rec["metadata"]
    assert meta["doc_type"] == "keputusan" and meta["status"] == "enacted" and not meta["is_draft"]
    assert (meta["number"], meta["year"], meta["enacted_date"]) == ("050/123/KPTS/2024", 2024, "2024-03-03")
    assert (meta["authority"], meta["region"]) == ("Bupati", "Kabupaten Sukamaju")
    assert rec["indicators"], "the SK is about the SPBE coordination team"
    for indicator in rec["indicators"]:
        hint = indicator["maturity"]
        assert hint["hint"] is True and 2 <= hint["level"] <= 5 and hint["reason"] and hint["criterion"]
        assert indicator["evidence"] and all(span["page"] in (1, 2) for span in indicator["evidence"])
        assert any("kalimat (hlm. " in reason for reason in indicator["reasons"])
    spans = [span for indicator in rec["indicators"] for span in indicator["evidence"]]
    assert any(span["page"] == 2 and "KESATU" in span["sentence"] for span in spans)
    drafted = records["draf SK Tim.pdf"]
    assert drafted["metadata"]["is_draft"] and drafted["metadata"]["status"] == "draft"
    assert all(i["maturity"]["level"] == 1 for i in drafted["indicators"])


@pytest.fixture(scope="module")
def sample_scan(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str, Path]:
    base = tmp_path_factory.mktemp("scan")
    archive = build_sample(base)
    out = base / "out"
    mp = pytest.MonkeyPatch()
    mp.setenv("SPBE_DATA_DIR", str(base / "var"))
    from evidence.settings import get_settings

    get_settings.cache_clear()
    try:
        result = runner.invoke(app, ["scan", str(archive), "--framework", "spbe-2020", "--out", str(out)])
    finally:
        mp.undo()
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    return json.loads((out / "report.json").read_text(encoding="utf-8")), result.stdout, out


def test_scan_accounts_for_every_file_of_the_sample_archive(sample_scan) -> None:
    report, _, _ = sample_scan
    statuses = report["totals"]["by_status"]
    assert report["totals"]["files"] == 33
    assert statuses["duplicate"] == 2 and statuses["unsupported"] == 1 and statuses["no_text"] == 1
    assert statuses["failed"] == 1
    assert sum(statuses.values()) == 33


def test_scan_reports_the_deliberate_gaps(sample_scan) -> None:
    report, stdout, out = sample_scan
    missing = {c["key"] for c in report["critical_missing"]}
    to_check = {c["key"]: c for c in report["critical_to_check"]}
    # Nothing in the archive is the Peta Rencana. The model suggests indicator 2 for the Perbup Arsitektur
    # (it resembles the umbrella SPBE regulations that count for every policy indicator), so the item may be
    # "suggested", but never confirmed, and then it is a finding of unconfirmed evidence (issue 11).
    states = {s["id"]: s["state"] for s in report["indicator_states"]}
    assert states[2] in ("suggested", "perlu_dicek", "missing") and states[12] in ("perlu_dicek", "missing")
    if states[2] != "suggested":
        assert "peta_rencana_spbe" in missing or "peta_rencana_spbe" in to_check
    else:
        assert any(f["code"] == "BUKTI_BELUM_DIKONFIRMASI" and 2 in f["indicators"]
                   for f in report["findings"]), report["findings"]
    assert "kebijakan_keamanan_informasi" in missing or "kebijakan_keamanan_informasi" in to_check
    for check in to_check.values():
        assert check["files"] and all(f["review_state"] == "candidate" for f in check["files"])
    assert "sk_tim_koordinasi" not in missing, "the SK Tim Koordinasi is in the archive"
    assert ("Peta Rencana" in stdout) == (states[2] != "suggested")  # the console lists the critical items
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Dinas Komunikasi dan Informatika" in html


def test_report_in_pemdi_terms_from_what_the_scan_stored(sample_scan) -> None:
    """The scan classified every file in both frameworks; the Pemdi report reuses that, with the transition."""
    _, _, out = sample_scan
    mp = pytest.MonkeyPatch()
    mp.setenv("SPBE_DATA_DIR", str(out.parent / "var"))
    from evidence.settings import get_settings

    get_settings.cache_clear()
    try:
        result = runner.invoke(app, ["report", "--framework", "pemdi-2026", "--out", str(out.parent / "pemdi")])
    finally:
        mp.undo()
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    report = json.loads((out.parent / "pemdi" / "report.json").read_text(encoding="utf-8"))
    assert report["framework"]["id"] == "pemdi-2026"
    scanned = json.loads((out / "report.json").read_text(encoding="utf-8"))
    # One counting rule everywhere (issue 11, "Counts disagree"): the stored report counts the files and the
    # duplicates the scan counted.
    assert report["totals"] == scanned["totals"]
    assert report["totals"]["files"] == 33 and report["totals"]["by_status"]["duplicate"] == 2
    pemda = next(v for v in report["transition"] if v["pemda_wide"])
    rows = {row["id"]: row for row in pemda["indicators"]}
    assert rows[4]["status"] == "from_previous"  # the SK Tim Koordinasi SPBE feeds Pemdi 4
    assert rows[8]["status"] == "to_collect"  # personal data protection: nothing in the sample


def test_models_list_names_how_each_version_was_measured_on_real_documents() -> None:
    from classifier.artifact import current_version, list_versions, load_card, real_figures
    from evidence.settings import get_settings

    result = runner.invoke(app, ["models", "list", "--framework", "spbe-2020"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    models_dir = get_settings().models_dir
    for version in list_versions(models_dir, "spbe-2020"):
        measure, figures = real_figures(load_card(models_dir, "spbe-2020", version))
        assert measure is not None, f"{version} carries no real-document figures"
        row = next(line for line in result.output.splitlines() if version in line)
        assert str(figures["micro_f1"]) in row
        if "intervals_95" in figures:
            low, high = figures["intervals_95"]["micro_f1"]
            assert f"({low:.2f}-{high:.2f})" in row
        assert {"real_grouped_cv": "validasi silang terkelompok",
                "real_not_trained_on": "dokumen nyata yang tidak dilatihkan"}[measure] in row
    current = current_version(models_dir, "spbe-2020")
    assert current is not None and "intervals_95" in real_figures(load_card(models_dir, "spbe-2020", current))[1]


def test_models_list_says_in_the_users_words_how_reviewers_agreed() -> None:
    from cli.train import _agreement_cell
    from evidence.reviews.agreement import Agreement

    assert _agreement_cell(None) == "-"
    cell = _agreement_cell(Agreement("v1", documents=4, suggested=5, accepted=4, confirmed=6, confirmed_as_candidate=1))
    assert cell == "4 dok.; 4 dari 5 saran diterima (80%); 83% indikator terkonfirmasi disarankan atau perlu dicek"


@pytest.mark.parametrize("framework", ["spbe-2020", "pemdi-2026"])
def test_evaluate_real_prints_the_cards_grouped_figures_and_how_the_archives_fared(framework: str, tmp_path: Path) -> None:
    from classifier.artifact import load_current
    from evidence.settings import get_settings

    out = tmp_path / "figures.json"
    result = runner.invoke(app, ["evaluate", "--real", "--framework", framework, "--json-out", str(out)],
                           env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    metrics = load_current(get_settings().models_dir, framework).card["metrics"]["real_grouped_cv"]
    assert f"micro-F1 {metrics['micro_f1']:.3f}" in result.output
    assert json.loads(out.read_text(encoding="utf-8"))["micro_f1"] == metrics["micro_f1"]
    held = metrics["critical_flags"]["held_indicators"]
    assert f"{held['held']} indikator ada buktinya; {held['suggested']} disarankan" in result.output
