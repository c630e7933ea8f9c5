"""Real Redis, real RQ worker processes (``spbe worker``), real database files: no mocks."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis

from evidence.settings import get_settings

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    """Direct children of ``pid``, read from /proc (Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


@dataclass
class WorkerEnv:
    """Environment shared by the test process and the worker processes it starts."""

    env: dict[str, str]
    procs: list[subprocess.Popen] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)

    def start_worker(self, *args: str) -> subprocess.Popen:
        """A ``--burst`` worker reports through a pipe (read by ``communicate``); a long-running one logs
        to a file (see ``start``)."""
        if "--burst" not in args:
            return self.start("worker", *args)
        proc = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "worker", *args],
            cwd=ROOT, env=self.env, start_new_session=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.procs.append(proc)
        return proc

    def run_worker(self, *args: str, timeout: float = 240) -> str:
        proc = self.start_worker("--burst", *args)
        out, _ = proc.communicate(timeout=timeout)
        assert proc.returncode == 0, out
        return out

    def start(self, *args: str) -> subprocess.Popen:
        """Any ``spbe`` command as a long-running process (the reconciler, a worker that is not --burst).

        Its output goes to a log file, not a pipe: a pipe nobody reads fills up (64 KiB of warnings during
        an outage) and then blocks the process on its next log line, which looks exactly like a hang."""
        log = tempfile.NamedTemporaryFile(prefix=f"spbe-{args[0]}-", suffix=".log", delete=False)  # noqa: SIM115
        proc = subprocess.Popen(
            [sys.executable, "-m", "cli.main", *args],
            cwd=ROOT, env=self.env, start_new_session=True, stdout=log, stderr=subprocess.STDOUT,
        )
        log.close()
        self.logs.append(Path(log.name))
        self.procs.append(proc)
        return proc

    def kill(self, proc: subprocess.Popen) -> None:
        """SIGKILL the worker and its work horse, like an OOM kill. RQ's horse moves into a process group
        of its own (``os.setpgrp``), so killing the worker's group alone would let the horse finish."""
        for child in _children(proc.pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child, signal.SIGKILL)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    def log_tails(self, chars: int = 3000) -> str:
        """The end of every long-running process's log, for a failing test's message."""
        return "\n".join(f"--- {log.name}\n{log.read_text(errors='replace')[-chars:]}" for log in self.logs
                         if log.exists())

    def stop_all(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                self.kill(proc)
        for log in self.logs:
            log.unlink(missing_ok=True)


def make_worker_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, redis_url: str, database_url: str,
                    *, production_defaults: bool = False) -> WorkerEnv:
    """``production_defaults``: keep the shipped lease, timeouts and reconcile interval (the recovery
    bound of issue 13 holds for those, not for shortened test values)."""
    values = {
        "SPBE_DATA_DIR": str(tmp_path / "var"),
        "SPBE_REDIS_URL": redis_url,
        "SPBE_DATABASE_URL": database_url,
        # These tests are about delivery and recovery; classifying in one framework keeps them quick.
        "SPBE_FRAMEWORKS": '["spbe-2020"]',
    }
    if not production_defaults:
        values.update({"SPBE_LEASE_SECONDS": "3", "SPBE_JOB_TIMEOUT_SECONDS": "60", "SPBE_MAX_ATTEMPTS": "3"})
    else:
        for name in ("SPBE_LEASE_SECONDS", "SPBE_JOB_TIMEOUT_SECONDS", "SPBE_MAX_ATTEMPTS",
                     "SPBE_RECONCILE_EVERY_SECONDS", "SPBE_ENQUEUE_GRACE_SECONDS"):
            monkeypatch.delenv(name, raising=False)
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    return WorkerEnv({**os.environ, **values, "PYTHONPATH": str(ROOT)})


@pytest.fixture
def redis_url() -> Iterator[str]:
    url = os.environ.get("SPBE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.ConnectionError as exc:  # pragma: no cover - depends on the machine
        pytest.fail(f"Redis at {url} is required: {exc}")
    client.flushdb()
    yield url
    client.flushdb()


class PrivateRedis:
    """A Redis server of our own that keeps nothing on disk, so a test may stop and restart it (the shared
    server on 6379 is used by other test runs and must never be touched)."""

    def __init__(self) -> None:
        server = shutil.which("redis-server")
        if server is None:  # pragma: no cover
            pytest.fail("redis-server is required (scripts/ensure_services.sh installs it)")
        self.server = server
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen([self.server, "--port", str(self.port), "--save", "", "--appendonly", "no",
                                      "--bind", "127.0.0.1"], stdout=subprocess.DEVNULL)
        client = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("private redis did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def restart(self) -> None:
        self.stop()
        self.start()


@pytest.fixture
def redis_server() -> Iterator[PrivateRedis]:
    server = PrivateRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def private_redis(redis_server: PrivateRedis) -> Iterator[tuple[str, callable]]:
    yield redis_server.url, redis_server.restart


class PrivatePostgres:
    """A PostgreSQL cluster of our own on a free port, so a test may stop and restart it (the shared server
    on 5432 serves other test runs and must never be touched). Run as the ``postgres`` OS user when the
    tests run as root, since PostgreSQL refuses to run as root."""

    def __init__(self) -> None:
        bindir = _postgres_bindir()
        self.pg_ctl, self.initdb = str(bindir / "pg_ctl"), str(bindir / "initdb")
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="spbe-pg-"))
        self.data = self.root / "data"
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(self.initdb, "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")

    def _run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       cwd=self.root)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(self.pg_ctl, "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")

    def stop(self) -> None:
        """Fast shutdown: every open connection is cut, as in a restart by an operator or a crash."""
        self._run(self.pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop")

    def destroy(self) -> None:
        with contextlib.suppress(Exception):
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def _postgres_bindir() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    if initdb is None:  # pragma: no cover
        pytest.fail("PostgreSQL server binaries are required (scripts/ensure_services.sh installs them)")
    return Path(initdb).parent


@pytest.fixture
def postgres_server() -> Iterator[PrivatePostgres]:
    server = PrivatePostgres()
    server.start()
    yield server
    server.destroy()
