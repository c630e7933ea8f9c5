"""A real server and a real browser for the review desk's end-to-end tests.

* The server is ``uvicorn`` in its own process on a free localhost port, in embedded mode (SQLite in a
  temp dir, jobs on a background thread, no Redis) with the trained models of ``models/``: what a Pemda
  runs on a laptop. Users are created in its database with the product's own ``create_user``.
* The browser is Debian's Chromium (``/usr/bin/chromium``, installed by scripts/ensure_services.sh),
  driven headless by Playwright; Playwright never downloads a browser here.
* The sample archive is uploaded once per session *through the upload page* (``sample_batch``); the
  upload test checks what that upload showed, the other flows work on its documents.

Screenshots go to ``out/test-screenshots/`` (gitignored), one file per step named after the flow.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from evidence.db import open_database
from service.security import create_user
from tests.fixtures.sample import build_sample

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "out" / "test-screenshots"
CHROMIUM = Path(os.environ.get("SPBE_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "rahasia-desk-123"
KOMINFO = "Dinas Komunikasi dan Informatika"
BAPPEDA = "Badan Perencanaan Pembangunan Daerah"
USERS = {"admin": ("admin", None), "rina": ("reviewer", None), "bappeda": ("opd", BAPPEDA),
         "kominfo": ("opd", KOMINFO)}
BATCH_TIMEOUT_S = 150

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, log: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/api/v1/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server not healthy after {timeout}s:\n{log.read_text()[-3000:]}")


@dataclass
class DeskServer:
    url: str
    data_dir: Path
    sample: Path
    process: subprocess.Popen


@pytest.fixture(scope="session")
def desk_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeskServer]:
    root = tmp_path_factory.mktemp("desk")
    data_dir = root / "var"
    data_dir.mkdir()
    sample = build_sample(root)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPBE_")}
    env.update({"SPBE_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"})
    db = open_database(f"sqlite:///{(data_dir / 'spbe.sqlite3').resolve()}")
    with db.session() as session:
        for username, (role, opd) in USERS.items():
            create_user(session, username, PASSWORD, role, opd)
    db.engine.dispose()
    port = _free_port()
    log = root / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "service.app:create_app", "--host", "127.0.0.1",
             "--port", str(port), "--log-level", "warning"],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log)
        yield DeskServer(url, data_dir, sample, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure_services.sh (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    if SCREENSHOTS.exists():
        shutil.rmtree(SCREENSHOTS)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


def login(browser, server: DeskServer, username: str):
    """A fresh browser context logged in through the login form; returns its page."""
    context = browser.new_context(base_url=server.url, viewport={"width": 1366, "height": 900}, locale="id-ID")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/pages/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form[action='/pages/login'] button[type=submit]")
    page.wait_for_load_state()
    assert "/pages/login" not in page.url, page.content()[:2000]
    return page


@dataclass
class SampleBatch:
    batch_id: int
    progress_polls: int
    states_seen: list[str] = field(default_factory=list)
    counts_seen: list[str] = field(default_factory=list)
    reloaded: bool = False


@pytest.fixture(scope="session")
def sample_batch(browser, desk_server: DeskServer, screenshots: Path) -> SampleBatch:
    """The admin uploads the sample archive on the upload page and watches its batch page until done."""
    page = login(browser, desk_server, "admin")
    page.goto("/pages/upload")
    page.set_input_files("#file", str(desk_server.sample))
    page.screenshot(path=screenshots / "02-upload-form.png", full_page=True)
    polls: list[str] = []
    page.on("response", lambda r: polls.append(r.url) if r.url.endswith("/progress") else None)
    page.click("#upload-submit")
    page.wait_for_url("**/pages/batches/*")
    batch_id = int(page.url.rstrip("/").rsplit("/", 1)[-1])
    page.evaluate("window.__deskMarker = 'same-document'")
    states, counts = [], []
    deadline = time.monotonic() + BATCH_TIMEOUT_S
    shot_taken: str | bool = False
    while time.monotonic() < deadline:
        status = page.get_attribute("#progress", "data-status")
        text = page.inner_text("#progress p")
        if not states or states[-1] != status:
            states.append(status)
        if not counts or counts[-1] != text:
            counts.append(text)
        # one shot while it runs: preferably once some files are through, else the first state seen
        if status not in ("done", "failed") and (not shot_taken or (shot_taken == "early" and len(counts) > 2)):
            page.screenshot(path=screenshots / "03-batch-in-progress.png", full_page=True)
            shot_taken = "early" if not shot_taken else "late"
        if status in ("done", "failed"):
            break
        page.wait_for_timeout(300)
    reloaded = page.evaluate("window.__deskMarker") != "same-document"
    page.screenshot(path=screenshots / "04-batch-finished.png", full_page=True)
    page.context.close()
    return SampleBatch(batch_id, len(polls), states, counts, reloaded)
