"""Property-based fuzzing of every OpenAPI operation with schemathesis, against the real app (issue 13).

The app is the production one (``create_app``) on its own SQLite database and a real Redis (jobs queue
up, no worker runs them: the API's side is what is fuzzed). Each case gets a fresh admin token, so an
example that logs out or changes nothing else cannot blind the cases after it. Every check schemathesis
has runs: no 500, status codes, content types, headers and bodies as documented. Bounded by
``MAX_EXAMPLES`` per operation and derandomized, so CI runs the same cases in about a minute.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
import redis
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from evidence.db.models import User
from evidence.settings import Settings
from service.app import create_app
from service.security import hash_password, issue_token
from tests.service import seed
from tests.service.seed import BAPPEDA, KOMINFO, S

pytestmark = [pytest.mark.redis, pytest.mark.slow]
MAX_EXAMPLES = int(os.environ.get("SPBE_FUZZ_EXAMPLES", "50"))
CASES: dict[str, int] = {}
REDIS_URL = os.environ.get("SPBE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
DATA_DIR = Path(tempfile.mkdtemp(prefix="spbe-fuzz-"))
atexit.register(shutil.rmtree, DATA_DIR, ignore_errors=True)


def _build_app():
    """Built at collection time (schemathesis parametrises over the schema's operations)."""
    config = Settings(data_dir=DATA_DIR, database_url=f"sqlite:///{DATA_DIR / 'fuzz.sqlite3'}", redis_url=REDIS_URL,
                      login_limit_per_user="1000/minute", login_limit_per_address="1000/minute",
                      max_upload_bytes=64 * 1024)
    app = create_app(config)
    with app.state.runtime.db.session() as session:
        session.add(User(username="admin", password_hash=hash_password("rahasia-123"), role="admin", active=True))
        batch = seed.batch(session)
        for i, opd in enumerate((KOMINFO, BAPPEDA, KOMINFO)):
            seed.document(session, batch, f"OPD/{i}.pdf", opd=opd, suggestions=[S(1 + i, 0.9, 0.5)], text="isi")
    return app


APP = _build_app()
schema = schemathesis.openapi.from_dict(APP.openapi())
schema.app = APP


def _fresh_admin_token() -> str:
    with APP.state.runtime.db.session() as session:
        admin = session.query(User).filter_by(username="admin").one()
        return issue_token(session, admin).access_token


@pytest.fixture(scope="module", autouse=True)
def _clean_redis():
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    yield
    client.flushdb()
    print(f"\nschemathesis: {len(CASES)} operations, {sum(CASES.values())} cases, failures reported above")


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_every_operation_conforms_and_never_fails(case) -> None:
    # Every check but "positive data acceptance": a request the schema allows may still break a domain rule
    # the schema cannot express (an indicator outside the catalog, a file that is not a ZIP): 422/415.
    label = case.operation.label
    CASES[label] = CASES.get(label, 0) + 1
    case.call_and_validate(headers={"Authorization": f"Bearer {_fresh_admin_token()}"},
                           excluded_checks=[positive_data_acceptance])
