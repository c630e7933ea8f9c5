"""The review desk pages without a browser: HTML errors, framework choice, the queue's decisions and bulk
accept, duplicate notes across OPDs, refusals on unreadable files, plain reasons, the cited page image."""

from __future__ import annotations

import re

import pytest
from fpdf import FPDF
from sqlalchemy import func, select

from evidence.db.models import Review, SuggestionRecord
from service.pages.reasons import plain_error
from tests.service import seed
from tests.service.conftest import Service
from tests.service.seed import BAPPEDA, KOMINFO, S
from tests.service.test_pages import csrf_of, login

SENTENCE = "Tim Koordinasi SPBE dibentuk untuk mengarahkan penerapan SPBE di daerah"


def _pdf(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, f"KEPUTUSAN BUPATI SUKAMAJU\n{text}.\nDitetapkan di Sukamaju.")
    return bytes(pdf.output())


@pytest.fixture
def desk(service: Service) -> dict[str, int]:
    """Diskominfo's decree (a real PDF in the blob store, with an evidence sentence on page 1), Bappeda's
    copy of it (a duplicate naming Diskominfo's path), a corrupt file and a plain Bappeda document."""
    data = _pdf(SENTENCE)
    digest = service.app.state.runtime.store.put(data)
    with service.db.session() as session:
        b = seed.batch(session)
        sk = seed.document(session, b, "01. DISKOMINFO/Indikator 19/SK Tim.pdf", opd=KOMINFO, content=data,
                           suggestions=[S(19, 0.9, reasons=(
                               "aturan: nama folder/berkas menyebut indikator 19 ('Indikator 19')",
                               "model (p=0.87): istilah berbobot 'tim koordinasi', 'spbe'; kalimat (hlm. 1): \"x\"")),
                               S(10, 0.6), S(44, 0.0)], text=SENTENCE)
        sk.sha256, sk.media_type, sk.pages = digest, "application/pdf", 1
        sk.doc_metadata = {"doc_kind": "keputusan", "authority": "Bupati", "title": "Tim Koordinasi SPBE",
                           "number": "7", "year": 2024}
        for row in session.scalars(select(SuggestionRecord).where(SuggestionRecord.document_id == sk.id)):
            row.maturity_level, row.maturity_reason = 2, "petunjuk tingkat 2: Keputusan yang telah ditetapkan: bukti tingkat 2"
            if row.indicator_id == 19:
                row.evidence = [{"page": 1, "sentence": SENTENCE, "term": "tim koordinasi"}]
        copy = seed.document(session, b, "Bappeda_2024/SK Tim.pdf", opd=BAPPEDA, status="duplicate",
                             error="duplicate: same content as 01. DISKOMINFO/Indikator 19/SK Tim.pdf")
        copy.duplicate_of_id = sk.id
        broken = seed.document(session, b, "Bappeda_2024/rusak.pdf", opd=BAPPEDA, status="failed",
                               error="corrupt: PdfReadError: No /Root object! - Is this really a PDF?")
        renstra = seed.document(session, b, "Bappeda_2024/renstra.pdf", opd=BAPPEDA, suggestions=[S(12, 0.7)])
        return {"sk": sk.id, "copy": copy.id, "broken": broken.id, "renstra": renstra.id, "batch": b.id}


def reviews(service: Service) -> int:
    with service.db.session() as session:
        return session.scalar(select(func.count()).select_from(Review))


def test_browsers_get_html_errors_with_the_navigation(service: Service, desk: dict[str, int]) -> None:
    browser = login(service, "bappeda")
    missing = browser.get("/pages/batches/9999")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "Batch 9999 tidak ditemukan." in missing.text and 'href="/pages/upload">Unggah' in missing.text
    unknown = browser.get("/pages/tidak-ada")
    assert unknown.status_code == 404 and "Halaman tidak ditemukan" in unknown.text
    forbidden = browser.get("/pages/review-queue")
    assert forbidden.status_code == 403 and "Akses ditolak" in forbidden.text and 'href="/pages/upload"' in forbidden.text
    # An OPD user is not offered the Tim Koordinasi's pages at all.
    assert 'href="/pages/review-queue"' not in forbidden.text and 'href="/pages/models"' not in forbidden.text
    elsewhere = browser.get("/tidak-ada", headers={"accept": "text/html"})
    assert elsewhere.status_code == 404 and "<html" in elsewhere.text
    api = browser.get("/api/v1/tidak-ada", headers={"accept": "text/html"})
    assert api.status_code == 404 and api.json() == {"detail": "Alamat tidak ditemukan."}
    english = service.get("/api/v1/reports/gaps?format=xml").json()["detail"]
    assert "'pdf' atau 'csv'" in english and " or " not in english


def test_framework_choice_is_remembered_and_numbers_carry_it(service: Service, desk: dict[str, int]) -> None:
    browser = login(service, "rina")
    first = browser.get("/pages/documents?framework=spbe-2020")
    assert "spbe_framework=spbe-2020" in first.headers["set-cookie"]
    assert "SPBE 2020 · 19. Tim Koordinasi SPBE" in first.text
    later = browser.get("/pages/documents")
    assert "SPBE 2020 · 19" in later.text and 'aria-current="true">SPBE 2020<' in later.text
    switched = browser.get("/pages/documents?framework=pemdi-2026")
    assert "SPBE 2020 · " not in switched.text.split("<main")[1] and "Pemdi 2026" in switched.text
    ignored = browser.get("/pages/documents?framework=tidak-ada")
    assert ignored.status_code == 200 and 'aria-current="true">Pemdi 2026<' in ignored.text
    report = browser.get("/pages/reports/gaps?framework=spbe-2020")
    assert 'src="/pages/reports/gaps/view?framework=spbe-2020"' in report.text


def test_reasons_are_plain_indonesian_and_scores_are_for_admins(service: Service, desk: dict[str, int]) -> None:
    reviewer = login(service, "rina").get(f"/pages/documents/{desk['sk']}?framework=spbe-2020").text
    assert "Berkas ada di folder 01. DISKOMINFO/Indikator 19" in reviewer
    assert "Istilah khas indikator ini dalam dokumen: tim koordinasi, spbe" in reviewer
    assert f"Kalimat hlm. 1: “{SENTENCE}”" in reviewer
    assert "model (p=" not in reviewer and "aturan:" not in reviewer and "Rincian teknis" not in reviewer
    # one hint for the two plausible indicators (19 above, 10 above threshold), none on the 0,00 one
    assert reviewer.count("Petunjuk tingkat 2") == 1 and "berlaku juga untuk SPBE 2020 · 10" in reviewer
    assert "(bukan penilaian): Keputusan yang telah ditetapkan: bukti tingkat 2" in reviewer
    assert "petunjuk tingkat 2:" not in reviewer  # the classifier's prefix is not repeated
    admin = login(service, "admin").get(f"/pages/documents/{desk['sk']}?framework=spbe-2020").text
    assert "Rincian teknis (admin)" in admin and "model (p=0.87)" in admin and "Skor 0,90" in admin


def test_relabel_has_no_preselected_target(service: Service, desk: dict[str, int]) -> None:
    browser = login(service, "rina")
    page = browser.get(f"/pages/documents/{desk['sk']}?framework=spbe-2020")
    selects = re.findall(r'<select name="new_indicator_id"[^>]*>\s*<option([^>]*)>', page.text)
    assert selects and all('value=""' in first and "selected" in first and "disabled" in first for first in selects)
    assert not re.search(r'<option value="\d+"[^>]*selected', page.text)
    refused = browser.post(f"/pages/documents/{desk['sk']}/reviews", data={
        "indicator_id": "19", "decision": "relabel", "new_indicator_id": "", "csrf_token": csrf_of(page.text)})
    assert refused.status_code == 422 and "indikator pengganti" in refused.text and reviews(service) == 0


def test_duplicate_notes_never_name_another_opds_file(service: Service, desk: dict[str, int]) -> None:
    bappeda = login(service, "bappeda")
    for url in ("/pages/documents", f"/pages/documents/{desk['copy']}", "/pages/reports/gaps/view"):
        text = bappeda.get(url).text
        assert "DISKOMINFO" not in text, url
    assert "Isi berkas sama dengan berkas lain" in bappeda.get("/pages/documents").text
    detail = service.get(f"/api/v1/documents/{desk['copy']}", user="bappeda").json()
    assert detail["error"] == "duplicate" and detail["duplicate_of_id"] is None
    listed = service.get("/api/v1/documents", user="bappeda").json()["items"]
    assert "DISKOMINFO" not in str(listed)
    assert "DISKOMINFO" not in service.get("/api/v1/reports/gaps", user="bappeda").text
    # Reviewers (and an OPD looking at its own originals) still see where the original is.
    admin = service.get(f"/api/v1/documents/{desk['copy']}", user="admin").json()
    assert "01. DISKOMINFO/Indikator 19" in admin["error"] and admin["duplicate_of_id"] == desk["sk"]


def test_decisions_on_a_failed_file_are_refused_with_a_reason(service: Service, desk: dict[str, int]) -> None:
    browser = login(service, "rina")
    page = browser.get(f"/pages/documents/{desk['broken']}")
    assert "Berkas rusak atau tidak dapat dibaca: struktur PDF rusak atau terpotong" in page.text
    assert "No /Root" not in page.text and "Is this really" not in page.text
    refused = browser.post(f"/pages/documents/{desk['broken']}/reviews", data={
        "indicator_id": "19", "decision": "accept", "csrf_token": csrf_of(page.text)})
    assert refused.status_code == 422 and "tidak dapat ditinjau: berkasnya gagal dibaca" in refused.text
    assert reviews(service) == 0
    api = service.get(f"/api/v1/documents/{desk['broken']}", user="rina").json()
    assert api["explanation"] == "Berkas rusak atau tidak dapat dibaca: struktur PDF rusak atau terpotong"
    assert "No /Root" in api["error"]  # the technical detail stays for technicians
    assert "No /Root" in service.get(f"/api/v1/documents/{desk['broken']}?lang=en", user="rina").json()["explanation"]


def test_queue_decisions_open_the_next_item_and_bulk_accept_reports_each(service: Service,
                                                                         desk: dict[str, int]) -> None:
    browser = login(service, "rina")
    table = browser.get("/pages/review-queue?framework=spbe-2020")
    assert "0 dari 4</strong> saran sudah ditinjau" in table.text
    first = browser.get("/pages/review-queue/item?framework=spbe-2020&pos=0")
    doc_id = re.search(r'name="document_id" value="(\d+)"', first.text).group(1)
    indicator = re.search(r'name="indicator_id" value="(\d+)"', first.text).group(1)
    decided = browser.post("/pages/review-queue/decide?framework=spbe-2020", data={
        "document_id": doc_id, "indicator_id": indicator, "decision": "accept", "pos": "0", "state": "pending",
        "csrf_token": csrf_of(first.text)})
    assert decided.status_code == 303 and "pos=0" in decided.headers["location"]
    following = browser.get(decided.headers["location"])
    assert "Keputusan tersimpan (diterima)" in following.text and "1 dari 4</strong>" in following.text
    assert f'name="indicator_id" value="{indicator}"' not in following.text or doc_id not in following.text
    ambiguous = browser.post("/pages/review-queue/decide?framework=spbe-2020", data={
        "document_id": desk["sk"], "indicator_id": "19", "decision": "relabel", "new_indicator": "arsitektur",
        "pos": "0", "csrf_token": csrf_of(first.text)})
    assert ambiguous.status_code == 422 and "SPBE 2020 · 1. " in ambiguous.text and "SPBE 2020 · 11. " in ambiguous.text
    bulk = browser.post("/pages/review-queue/bulk?framework=spbe-2020", data={
        "item": [f"{desk['sk']}:10", f"{desk['broken']}:19", f"{desk['renstra']}:12"],
        "csrf_token": csrf_of(first.text)})
    assert bulk.status_code == 200 and "2 saran diterima." in bulk.text
    assert f"dokumen {desk['broken']}: Dokumen {desk['broken']} tidak dapat ditinjau" in bulk.text
    assert reviews(service) == 3


def test_cited_page_png_highlights_the_sentence_and_is_scoped(service: Service, desk: dict[str, int]) -> None:
    browser = login(service, "rina")
    png = browser.get(f"/pages/documents/{desk['sk']}/pages/1.png?indicator=19&framework=spbe-2020")
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG") and int(png.headers["x-highlighted-boxes"]) >= 1
    plain = browser.get(f"/pages/documents/{desk['sk']}/pages/1.png?indicator=10&framework=spbe-2020")
    assert plain.headers["x-highlighted-boxes"] == "0"  # indicator 10 cites no sentence
    assert browser.get(f"/pages/documents/{desk['sk']}/pages/2.png").status_code == 404
    view = browser.get(f"/pages/documents/{desk['sk']}/pages/1?indicator=19&framework=spbe-2020")
    assert SENTENCE in view.text and "pages/1.png" in view.text
    assert login(service, "bappeda").get(f"/pages/documents/{desk['sk']}/pages/1.png").status_code == 404


def test_upload_page_records_a_batch_and_the_progress_fragment_polls_until_done(service: Service) -> None:
    browser = login(service, "bappeda")
    form = browser.get("/pages/upload")
    assert "Berkas dicatat untuk OPD Anda" in form.text
    no_csrf = browser.post("/pages/upload", files={"file": ("a.pdf", _pdf("halo"), "application/pdf")})
    assert no_csrf.status_code == 403
    sent = browser.post("/pages/upload", data={"csrf_token": csrf_of(form.text)},
                        files={"file": ("SK Tim.pdf", _pdf(SENTENCE), "application/pdf")})
    assert sent.status_code == 303 and sent.headers["location"].startswith("/pages/batches/")
    service.wait()
    done = browser.get(sent.headers["location"] + "/progress")
    assert 'data-status="done"' in done.text and "hx-trigger" not in done.text
    assert "1 dari 1 berkas selesai diproses" in done.text
    listing = browser.get("/pages/batches")
    assert "SK Tim.pdf" in listing.text
    empty = browser.post("/pages/upload", data={"csrf_token": csrf_of(form.text)},
                         files={"file": ("kosong.pdf", b"", "application/pdf")})
    assert empty.status_code == 422 and "Berkas kosong" in empty.text and "<form" in empty.text


@pytest.mark.parametrize(("error", "expected"), [
    ("corrupt: PdfReadError: No /Root object! - Is this really a PDF?",
     "Berkas rusak atau tidak dapat dibaca: struktur PDF rusak atau terpotong"),
    ("encrypted: password required", "Berkas terenkripsi: perlu kata sandi"),
    ("unsupported: video/mp4 (.mp4)", "Format berkas tidak didukung (.mp4)"),
    ("timeout: OCR of one page exceeded 120 s", "Pembacaan berkas melebihi batas waktu dan dihentikan"),
    ("duplicate", "Isi berkas sama dengan berkas lain; dihitung sekali"),
    ("strange: Something English", "Berkas tidak dapat diproses"),
])
def test_library_errors_become_indonesian_reasons(error: str, expected: str) -> None:
    assert plain_error(error) == expected
