"""Gap report over HTTP: all visible batches, identical content once, reviews override suggestions."""

from __future__ import annotations

import pytest

from tests.service import seed
from tests.service.conftest import Service
from tests.service.seed import BAPPEDA, KOMINFO, S


@pytest.fixture
def docs(service: Service) -> dict[str, int]:
    with service.db.session() as session:
        first = seed.batch(session)
        second = seed.batch(session, opd_scope=KOMINFO)
        return {
            # Indicator 10 (SK Tim Koordinasi) from Diskominfo, uploaded twice in two batches.
            "sk": seed.document(session, first, "Diskominfo/SK Tim.pdf", opd=KOMINFO, content=b"sk",
                                suggestions=[S(10, 0.9)]).id,
            "sk_again": seed.document(session, second, "SK Tim.pdf", opd=KOMINFO, content=b"sk",
                                      suggestions=[S(10, 0.9)]).id,
            "renstra": seed.document(session, first, "Bappeda/renstra.pdf", opd=BAPPEDA, content=b"renstra",
                                     suggestions=[S(1, 0.8), S(3, 0.4)]).id,
            "queued": seed.document(session, first, "Bappeda/baru.pdf", opd=BAPPEDA, status="queued", content=b"q").id,
        }


def evidence_ids(report: dict) -> set[int]:
    return {item["id"] for item in report["indicators_with_evidence"]}


def test_report_counts_identical_content_once_across_batches(service: Service, docs: dict[str, int]) -> None:
    report = service.get("/api/v1/reports/gaps").json()
    assert report["totals"]["files"] == 2  # sk + sk_again collapse; the queued file is not in yet
    assert report["documents_in_progress"] == 1
    assert evidence_ids(report) == {10, 1}
    assert report["framework"]["id"] == "spbe-2020" and report["model_version"] == "m1"
    assert "2 batch" in report["source"]


def test_reviews_override_suggestions_in_the_report(service: Service, docs: dict[str, int]) -> None:
    service.post(f"/api/v1/documents/{docs['renstra']}/reviews", user="rina", json={"indicator_id": 1, "decision": "reject"})
    service.post(f"/api/v1/documents/{docs['renstra']}/reviews", user="rina", json={"indicator_id": 3, "decision": "accept"})
    service.post(f"/api/v1/documents/{docs['renstra']}/reviews", user="rina",
                 json={"indicator_id": 3, "decision": "relabel", "new_indicator_id": 2})
    # A review of the second copy counts for the content (latest wins across copies).
    service.post(f"/api/v1/documents/{docs['sk_again']}/reviews", user="rina", json={"indicator_id": 10, "decision": "reject"})
    report = service.get("/api/v1/reports/gaps").json()
    assert evidence_ids(report) == {2}
    critical = {item["key"] for item in report["critical_missing"]}
    assert {"sk_tim_koordinasi", "arsitektur_spbe"} <= critical  # rejected: no longer evidence
    assert "peta_rencana_spbe" not in critical  # relabelled to indicator 2: now evidence


def test_report_for_one_opd(service: Service, docs: dict[str, int]) -> None:
    report = service.get("/api/v1/reports/gaps?opd=bappeda").json()
    assert [gap["name"] for gap in report["opd"]] == [BAPPEDA]
    assert evidence_ids(report) == {1}
    assert report["opd_without_files"] == []
    assert service.get("/api/v1/reports/gaps?opd=Dinas Antah Berantah").status_code == 404


def test_opd_user_gets_its_own_part_only(service: Service, docs: dict[str, int]) -> None:
    mine = service.get("/api/v1/reports/gaps", user="kominfo").json()
    assert [gap["name"] for gap in mine["opd"]] == [KOMINFO]
    assert evidence_ids(mine) == {10}
    assert "Bappeda/renstra.pdf" not in str(mine)
    assert service.get("/api/v1/reports/gaps?opd=Diskominfo", user="kominfo").status_code == 200
    assert service.get("/api/v1/reports/gaps?opd=Bappeda", user="kominfo").status_code == 404


def test_html_report(service: Service, docs: dict[str, int]) -> None:
    response = service.get("/api/v1/reports/gaps?format=html")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "Laporan Kesenjangan Bukti Dukung SPBE" in response.text
    assert "default-src 'none'" in response.headers["content-security-policy"]
    english = service.get("/api/v1/reports/gaps?format=html&lang=en")
    assert "SPBE Supporting Evidence Gap Report" in english.text
    assert service.get("/api/v1/reports/gaps?format=docx").status_code == 422


def test_pemdi_report_shows_spbe_evidence_in_its_transition_view(service) -> None:
    from tests.service import seed
    from tests.service.seed import KOMINFO, S

    with service.db.session() as session:
        b = seed.batch(session)  # processed in SPBE 2020 terms only
        seed.document(session, b, "Diskominfo/Perbup Arsitektur.pdf", opd=KOMINFO, suggestions=[S(11, 0.9, 0.5)])
    body = service.get("/api/v1/reports/gaps?framework=pemdi-2026", user="rina").json()
    pemda = next(v for v in body["transition"] if v["pemda_wide"])
    rows = {row["id"]: row for row in pemda["indicators"]}
    assert rows[1]["status"] == "from_previous" and 11 in rows[1]["suggested_from"]
    assert rows[8]["status"] == "to_collect" and rows[8]["no_counterpart"]  # data protection: new in Pemdi
    assert "transition" not in body or all(v["to_framework"] == "pemdi-2026" for v in body["transition"])


# --- issue 9/11: states, exports, changes, responsibility ----------------------------------------------


def _headline_from_xlsx(data: bytes) -> dict[str, str]:
    import io

    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(data))["Ringkasan"]
    return {sheet.cell(row=r, column=1).value: str(sheet.cell(row=r, column=2).value)
            for r in range(1, sheet.max_row + 1)}


def test_same_numbers_over_api_exports_and_cli(service: Service, docs: dict[str, int]) -> None:
    import csv
    import io
    import json

    from typer.testing import CliRunner

    from cli.main import app
    from evidence.reports import GapReport
    from evidence.reports.figures import Headline
    from evidence.reports.text import headline_rows

    body = service.get("/api/v1/reports/gaps").json()
    api = Headline(**body["headline"])
    xlsx = _headline_from_xlsx(service.get("/api/v1/reports/gaps?format=xlsx").content)
    assert all(xlsx[label] == value for label, value in headline_rows(api))
    html = service.get("/api/v1/reports/gaps?format=html").text
    assert all(f'<th scope="row">{label}</th><td class="num">{value}</td>' in html for label, value in headline_rows(api))
    rows = list(csv.DictReader(io.StringIO(service.get("/api/v1/reports/gaps?format=csv").content.decode("utf-8-sig"))))
    report = GapReport.from_dict({k: v for k, v in body.items() if k not in ("documents_in_progress", "headline")})
    assert {(r["opd"], int(r["indikator"])): r["status_kode"] for r in rows} == {
        (m.opd or "(OPD tidak dikenal)", m.id): m.state for m in report.matrix}
    out = service.app.state.runtime.settings.data_dir.parent / "cli-report"
    result = CliRunner().invoke(app, ["report", "--out", str(out), "--no-snapshot"])
    assert result.exit_code == 0, result.output
    cli = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert cli["totals"] == body["totals"] and cli["indicator_states"] == body["indicator_states"]
    assert [f["code"] for f in cli["findings"]] == [f["code"] for f in body["findings"]]
    assert cli["index_estimate"] == body["index_estimate"]
    assert _headline_from_xlsx((out / "report.xlsx").read_bytes()) == xlsx


def test_exports_are_files_to_send(service: Service, docs: dict[str, int]) -> None:
    for fmt, media in (("xlsx", "spreadsheetml"), ("pdf", "application/pdf"), ("csv", "text/csv")):
        response = service.get(f"/api/v1/reports/gaps?format={fmt}")
        assert response.status_code == 200 and media in response.headers["content-type"]
        assert f".{fmt}" in response.headers["content-disposition"]
    assert service.get("/api/v1/reports/gaps?format=pdf").content.startswith(b"%PDF")


def test_opd_user_exports_hold_only_its_opd(service: Service, docs: dict[str, int]) -> None:
    import io

    import openpyxl
    import pdfplumber

    from tests.service.seed import BAPPEDA

    csv_text = service.get("/api/v1/reports/gaps?format=csv", user="kominfo").content.decode("utf-8-sig")
    xlsx = openpyxl.load_workbook(io.BytesIO(service.get("/api/v1/reports/gaps?format=xlsx", user="kominfo").content))
    with pdfplumber.open(io.BytesIO(service.get("/api/v1/reports/gaps?format=pdf", user="kominfo").content)) as pdf:
        pdf_text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    body = service.get("/api/v1/reports/gaps", user="kominfo").json()
    xlsx_text = " ".join(str(c.value) for ws in xlsx.worksheets for row in ws.iter_rows() for c in row if c.value)
    for text in (csv_text, xlsx_text, pdf_text, str(body)):
        assert "Bappeda/renstra.pdf" not in text  # another OPD's file, in no format
    assert f"Kepala {BAPPEDA}" not in pdf_text and BAPPEDA not in xlsx.sheetnames
    assert {row.split(",")[2] for row in csv_text.splitlines()[1:]} == {KOMINFO}
    assert {m["opd"] for m in body["matrix"]} == {KOMINFO}
    assert all(f["opd"] in (None, KOMINFO) for f in body["findings"])
    assert body["index_estimate"] is None


def test_confirmed_after_accept_and_perlu_dicek_below_threshold(service: Service) -> None:
    with service.db.session() as session:
        b = seed.batch(session)
        doc = seed.document(session, b, "Diskominfo/Perbup Arsitektur.pdf", opd=KOMINFO, suggestions=[S(11, 0.9)]).id
        maybe = seed.document(session, b, "Bappeda/laporan.pdf", opd=BAPPEDA, suggestions=[S(12, 0.3)]).id
        from evidence.db.models import SuggestionRecord

        session.query(SuggestionRecord).filter_by(document_id=maybe).update({"candidate": True})
    states = {s["id"]: s["state"] for s in service.get("/api/v1/reports/gaps").json()["indicator_states"]}
    assert states[11] == "suggested" and states[12] == "perlu_dicek" and states[2] == "missing"
    service.post(f"/api/v1/documents/{doc}/reviews", user="rina", json={"indicator_id": 11, "decision": "accept"})
    body = service.get("/api/v1/reports/gaps").json()
    assert {s["id"]: s["state"] for s in body["indicator_states"]}[11] == "confirmed"
    assert "peta_rencana_spbe" not in {c["key"] for c in body["critical_missing"]}
    assert "peta_rencana_spbe" in {c["key"] for c in body["critical_to_check"]}
    service.post(f"/api/v1/documents/{maybe}/reviews", user="rina", json={"indicator_id": 12, "decision": "reject"})
    body = service.get("/api/v1/reports/gaps").json()
    assert {s["id"]: s["state"] for s in body["indicator_states"]}[12] == "missing"
    assert "peta_rencana_spbe" in {c["key"] for c in body["critical_missing"]}


def test_changes_since_a_snapshot(service: Service, docs: dict[str, int]) -> None:
    assert service.get("/api/v1/reports/gaps/changes").json()["changes"] is None
    assert service.post("/api/v1/reports/gaps/snapshots", user="kominfo").status_code == 403
    assert service.post("/api/v1/reports/gaps/snapshots", user="rina").status_code == 201
    with service.db.session() as session:
        b = seed.batch(session)
        seed.document(session, b, "Bappeda/peta rencana.pdf", opd=BAPPEDA, content=b"peta", suggestions=[S(12, 0.9)])
    changes = service.get("/api/v1/reports/gaps/changes").json()["changes"]
    assert changes["new_evidence"] == [f"12|{BAPPEDA}|Bappeda/peta rencana.pdf"] and 12 in changes["closed_gaps"]
    assert changes["index_with_suggestions_after"] >= changes["index_with_suggestions_before"]
    assert service.get("/api/v1/reports/gaps/changes?since=2000-01-01T00:00:00").json()["changes"] is None
    mine = service.get("/api/v1/reports/gaps/changes", user="kominfo").json()["changes"]
    assert mine["new_evidence"] == [] and mine["index_after"] is None
    assert "Perubahan sejak laporan lalu" in service.get("/api/v1/reports/gaps?format=html").text


def test_responsibility_matrix_over_the_api(service: Service, docs: dict[str, int]) -> None:
    put = service.client.put("/api/v1/reports/responsibility/47", headers=service.auth("admin"),
                             json={"opd": ["Bappeda"]})
    assert put.status_code == 200
    row = next(i for i in put.json()["indicators"] if i["id"] == 47)
    assert row == {"id": 47, "opd": [BAPPEDA], "source": "api"}
    assert service.client.put("/api/v1/reports/responsibility/47", headers=service.auth("rina"),
                              json={"opd": ["Bappeda"]}).status_code == 403
    assert service.client.put("/api/v1/reports/responsibility/47", headers=service.auth("admin"),
                              json={"opd": ["Dinas Antah"]}).status_code == 422
    bappeda = next(g for g in service.get("/api/v1/reports/gaps").json()["opd"] if g["name"] == BAPPEDA)
    assert 47 in bappeda["owed"]
    assert service.client.delete("/api/v1/reports/responsibility/47", headers=service.auth("admin")).status_code == 200
    bappeda = next(g for g in service.get("/api/v1/reports/gaps").json()["opd"] if g["name"] == BAPPEDA)
    assert 47 not in bappeda["owed"]
