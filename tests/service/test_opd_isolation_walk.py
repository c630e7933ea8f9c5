"""Walk EVERY route of the app as an OPD user and check that no other OPD's data comes back.

The other OPD's documents, batch, extracted text and review carry a marker string; every response body
(JSON, HTML pages, files, reports) is searched for it. Path parameters are filled with the other OPD's
ids as well as one's own, and query parameters that name an OPD, a batch or a document are pointed at the
other OPD, so a route that forgets its scope shows up here even if it was added after this test.
"""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.fixtures.documents import make_pdf
from tests.service import seed
from tests.service.conftest import Service
from tests.service.seed import BAPPEDA, KOMINFO, S
from tests.service.test_auth import route_table

MARKER = "RAHASIABAPPEDA"
# Routes that end the walker's own session (they return nothing of anyone's).
SESSION_ENDING = {("POST", "/api/v1/auth/logout"), ("POST", "/pages/logout"), ("POST", "/api/v1/auth/password")}


def _seed(service: Service) -> dict[str, int]:
    with service.db.session() as session:
        theirs = seed.batch(session, opd_scope=BAPPEDA, created_by="bappeda")
        theirs.source_name = f"{MARKER}.zip"
        other_doc = seed.document(session, theirs, f"Bappeda/{MARKER}_renstra.pdf", opd=BAPPEDA,
                                  suggestions=[S(12, 0.9, 0.5)], text=f"Renstra {MARKER} 2025",
                                  content=f"berkas {MARKER}".encode())
        mine = seed.batch(session, opd_scope=KOMINFO, created_by="kominfo")
        own_doc = seed.document(session, mine, "Diskominfo/sk_tim.pdf", opd=KOMINFO,
                                suggestions=[S(19, 0.9, 0.5)], text="SK Tim SPBE", content=b"berkas kominfo")
        # An admin's batch mixing both OPDs: the OPD user may see its own file of it, never the other.
        mixed = seed.batch(session)
        mixed_other = seed.document(session, mixed, f"Bappeda/{MARKER}_lampiran.pdf", opd=BAPPEDA,
                                    suggestions=[S(3, 0.8, 0.5)], text=f"Lampiran {MARKER}")
        ids = {"other_doc": other_doc.id, "other_batch": theirs.id, "own_doc": own_doc.id, "own_batch": mine.id,
               "mixed_batch": mixed.id, "mixed_other": mixed_other.id}
    for doc_id in (ids["other_doc"], ids["mixed_other"]):
        assert service.post(f"/api/v1/documents/{doc_id}/reviews", user="rina",
                            json={"indicator_id": 12, "decision": "accept", "reason": f"catatan {MARKER}"}
                            ).status_code == 201
    for blob in (f"berkas {MARKER}".encode(), b"berkas kominfo"):
        service.app.state.runtime.store.put(blob)
    return ids


def _query_variants(operation: dict, ids: dict[str, int]) -> list[dict[str, str]]:
    """No query, then each query parameter pointed at the other OPD (one at a time)."""
    variants: list[dict[str, str]] = [{}]
    for param in operation.get("parameters", []):
        if param.get("in") != "query":
            continue
        name, schema = param["name"], param.get("schema", {})
        options = [option.get("enum") for option in schema.get("anyOf", [])] + [schema.get("enum")]
        enum = next((e for e in options if e), None)
        if "opd" in name:
            variants += [{name: BAPPEDA}, {name: "Bappeda"}]
        elif "batch" in name:
            variants += [{name: str(ids["other_batch"])}, {name: str(ids["mixed_batch"])}]
        elif "document" in name:
            variants.append({name: str(ids["other_doc"])})
        elif enum:
            variants += [{name: str(value)} for value in enum]
    return variants


def _paths(template: str, ids: dict[str, int]) -> list[str]:
    if "{" not in template:
        return [template]
    found = []
    for key in ("other_doc", "mixed_other", "own_doc", "other_batch", "mixed_batch", "own_batch"):
        kind = "batch" if "batch" in key else "doc"
        if ("{batch_id}" in template) == (kind == "batch"):
            found.append(re.sub(r"\{[^}]+\}", str(ids[key]), template))
    return found


def test_no_route_returns_another_opds_data_to_an_opd_user(service: Service) -> None:
    ids = _seed(service)
    schema = service.get("/openapi.json").json()
    api = TestClient(service.app, headers=service.auth("kominfo"), follow_redirects=False)
    browser = TestClient(service.app, follow_redirects=False)
    browser.cookies.set("spbe_session", service.tokens["kominfo"])
    browser.cookies.set("spbe_csrf", "csrf-walk")
    walked, refused = 0, 0
    for method, template in route_table(service.app):
        if (method, template) in SESSION_ENDING:
            continue
        operation = schema["paths"].get(template, {}).get(method.lower(), {})
        client = browser if not template.startswith("/api/") else api
        for path in _paths(template, ids):
            for query in _query_variants(operation, ids):
                if method == "GET":
                    response = client.get(path, params=query)
                elif template.endswith("/reviews") and template.startswith("/pages/"):
                    response = client.post(path, data={"indicator_id": "12", "decision": "accept",
                                                       "csrf_token": "csrf-walk"})
                elif template.endswith("/reviews"):
                    response = client.post(path, json={"indicator_id": 12, "decision": "accept"})
                elif template.endswith("/bulk"):
                    response = client.post(path, json={"items": [{"document_id": ids["other_doc"],
                                                                  "indicator_id": 12, "decision": "accept"}]})
                elif template in {"/api/v1/archives", "/api/v1/documents"}:
                    response = client.post(path, data={"opd": "Bappeda"},
                                           files={"file": ("a.pdf", make_pdf(["isi"]), "application/pdf")})
                else:
                    response = client.request(method, path, params=query)
                walked += 1
                refused += response.status_code in {403, 404}
                assert response.status_code < 500, (method, path, query, response.text[:300])
                assert MARKER not in response.text, (method, path, query, response.text[:500])
                assert MARKER not in str(response.headers), (method, path, query)
    assert walked > 50 and refused > 5  # the walk really went everywhere, and scoping refused things
    own = api.get(f"/api/v1/documents/{ids['own_doc']}")
    assert own.status_code == 200 and own.json()["opd"] == KOMINFO  # and one's own data is still there
    assert api.get(f"/api/v1/documents/{ids['other_doc']}").status_code == 404
