"""Uploads: streamed with a size limit, checked, stored, recorded in one transaction, then queued.

Bad uploads are refused with a clear message and change nothing that was stored before; problems
*inside* a ZIP (traversal, bombs ...) are the worker's business and end up as failed documents.
"""

from __future__ import annotations

import io
import zipfile

from sqlalchemy import func, select

from evidence.db.models import Batch, Document
from tests.service.conftest import Service
from tests.service.seed import BAPPEDA, KOMINFO

TEXT = ("Keputusan Bupati tentang pembentukan Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik "
        "(SPBE) Kabupaten Sukamaju. Tim Koordinasi SPBE bertugas mengarahkan penerapan SPBE. ") * 8


def make_zip(members: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def upload(service: Service, data: bytes, *, name: str = "bukti.zip", user: str = "admin", url: str = "/api/v1/archives",
           fields: dict[str, str] | None = None):
    return service.post(url, user=user, files={"file": (name, data, "application/octet-stream")}, data=fields or {})


def counts(service: Service) -> tuple[int, int]:
    with service.db.session() as session:
        return (session.scalar(select(func.count()).select_from(Batch)),
                session.scalar(select(func.count()).select_from(Document)))


def test_archive_upload_is_accepted_and_processed(service: Service) -> None:
    response = upload(service, make_zip({"Diskominfo/SK Tim SPBE.txt": TEXT, "Bappeda/catatan.txt": TEXT[::-1]}))
    assert response.status_code == 202, response.text
    body = response.json()
    assert body["status"] == "received"
    assert body["links"]["batch"] == f"/api/v1/batches/{body['batch_id']}"
    assert response.headers["location"] == body["links"]["batch"]
    service.wait()
    batch = service.get(body["links"]["batch"]).json()
    assert batch["status"] == "done"
    assert batch["total"] == 2 and batch["counts"]["classified"] == 2 and batch["counts"]["queued"] == 0
    assert {f["opd"] for f in batch["files"]} == {KOMINFO, BAPPEDA}
    assert batch["created_by"] == "admin"


def test_not_a_zip_is_refused_with_a_message_and_nothing_is_recorded(service: Service) -> None:
    before = counts(service)
    response = upload(service, b"%PDF-1.4 bukan arsip", name="laporan.pdf")
    assert response.status_code == 415
    assert "bukan arsip ZIP" in response.json()["detail"]
    assert counts(service) == before


def test_too_large_is_413_while_streaming(make_service) -> None:
    service = make_service(SPBE_MAX_UPLOAD_BYTES="2000")
    response = upload(service, b"PK\x03\x04" + b"x" * 5000)
    assert response.status_code == 413
    assert response.json()["detail"] == "Berkas terlalu besar: batas unggahan 1,9 KB."
    single = upload(service, b"y" * 2001, name="besar.txt", url="/api/v1/documents")
    assert single.status_code == 413
    assert counts(service) == (0, 0)
    assert not any((service.app.state.runtime.settings.data_dir / "tmp").glob("upload-*")), "temp file left behind"


def test_too_large_declared_content_length_is_refused_before_reading(make_service) -> None:
    service = make_service(SPBE_MAX_UPLOAD_BYTES="1000")
    body = b"--b\r\n" + b"x" * 100 + b"\r\n--b--\r\n"
    response = service.client.post(
        "/api/v1/archives", content=body,
        headers={**service.auth("admin"), "Content-Type": "multipart/form-data; boundary=b",
                 "Content-Length": str(10 * 1024 * 1024)},
    )
    assert response.status_code == 413


def test_empty_file_missing_file_and_bad_forms_are_422(service: Service) -> None:
    empty = upload(service, b"", name="kosong.zip")
    assert empty.status_code == 422 and "kosong" in empty.json()["detail"]
    missing = service.post("/api/v1/archives", data={"opd": "Bappeda"})
    assert missing.status_code == 422 and "'file'" in missing.json()["detail"]
    raw = service.post("/api/v1/archives", content=b"bukan multipart", headers={"Content-Type": "text/plain"})
    assert raw.status_code == 422 and "multipart/form-data" in raw.json()["detail"]
    assert counts(service) == (0, 0)


def test_unknown_framework_is_422(service: Service) -> None:
    response = upload(service, make_zip({"a.txt": TEXT}), url="/api/v1/archives?framework=pemdi-2099")
    assert response.status_code == 422
    assert "pemdi-2099" in response.json()["detail"] and "spbe-2020" in response.json()["detail"]


def test_traversal_entry_becomes_a_failed_document_and_earlier_uploads_stay(service: Service) -> None:
    first = upload(service, make_zip({"Diskominfo/SK Tim SPBE.txt": TEXT}))
    service.wait()
    with service.db.session() as session:
        earlier = {(d.id, d.path, d.status, d.sha256) for d in session.scalars(select(Document))}
    assert earlier

    response = upload(service, make_zip({"../evil.txt": "jahat", "Bappeda/rencana.txt": TEXT[::-1]}))
    assert response.status_code == 202, response.text
    service.wait()
    batch = service.get(f"/api/v1/batches/{response.json()['batch_id']}").json()
    evil = next(f for f in batch["files"] if f["path"] == "../evil.txt")
    assert evil["status"] == "failed"
    assert evil["error"].startswith("unsafe_path:")
    assert "tidak aman" in evil["explanation"]
    assert batch["counts"]["failed"] == 1 and batch["status"] == "done"
    with service.db.session() as session:
        after = {(d.id, d.path, d.status, d.sha256) for d in session.scalars(select(Document))}
    assert earlier <= after
    assert service.get(f"/api/v1/batches/{first.json()['batch_id']}").json()["status"] == "done"


def test_zip_without_zip_extension_is_still_unpacked(service: Service) -> None:
    response = upload(service, make_zip({"Diskominfo/a.txt": TEXT, "Diskominfo/b.txt": TEXT[::-1]}), name="bukti")
    assert response.status_code == 202
    service.wait()
    batch = service.get(response.json()["links"]["batch"]).json()
    assert batch["source_name"] == "bukti.zip" and batch["total"] == 2


def test_single_document_upload(service: Service) -> None:
    response = upload(service, TEXT.encode(), name="SK Tim SPBE.txt", url="/api/v1/documents", fields={"opd": "diskominfo"})
    assert response.status_code == 202, response.text
    service.wait()
    batch = service.get(response.json()["links"]["batch"]).json()
    assert batch["total"] == 1
    assert batch["files"][0]["opd"] == KOMINFO and batch["files"][0]["status"] == "classified"
    assert batch["opd_override"] == KOMINFO


def test_opd_user_uploads_land_in_its_own_opd(service: Service) -> None:
    response = upload(service, make_zip({"Bappeda/rencana.txt": TEXT}), user="kominfo")
    assert response.status_code == 202
    service.wait()
    batch = service.get(response.json()["links"]["batch"], user="kominfo").json()
    assert batch["opd_scope"] == KOMINFO
    assert [f["opd"] for f in batch["files"]] == [KOMINFO]  # the folder name does not move it to Bappeda
    assert service.get(response.json()["links"]["batch"], user="bappeda").status_code == 404


def test_opd_override_rules(service: Service) -> None:
    unknown = upload(service, make_zip({"a.txt": TEXT}), fields={"opd": "Dinas Antah Berantah"})
    assert unknown.status_code == 422 and "Dinas Antah Berantah" in unknown.json()["detail"]
    foreign = upload(service, make_zip({"a.txt": TEXT}), user="kominfo", fields={"opd": "Bappeda"})
    assert foreign.status_code == 403
    own = upload(service, make_zip({"a.txt": TEXT}), user="kominfo", fields={"opd": "Diskominfo"})
    assert own.status_code == 202
    odd = upload(service, make_zip({"a.txt": TEXT}), fields={"OPD": "Bappeda"})
    assert odd.status_code == 422 and "'OPD'" in odd.json()["detail"]
