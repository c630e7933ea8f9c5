"""The runtime context: built once per process, opened on first use, loaders fed from its settings."""

from __future__ import annotations

from pathlib import Path

import yaml

from evidence.catalog.loader import BUNDLED_DIR
from evidence.queue import JobTable
from evidence.queue.dispatch import InlineDispatcher
from evidence.runtime import Runtime
from evidence.settings import Settings, get_settings
from worker.jobs import JOBS
from worker.runtime import build_runtime, runtime


class _NoModels:
    def get(self, framework: str):  # pragma: no cover - never asked in these tests
        raise AssertionError("no model should be loaded")

    def enabled(self) -> list[str]:
        return []


def _runtime(settings: Settings, jobs: JobTable = JOBS) -> Runtime:
    return Runtime(settings, jobs=jobs, classifiers=lambda _settings, _catalogs: _NoModels())


def test_nothing_is_opened_until_asked(tmp_path: Path) -> None:
    rt = _runtime(Settings(data_dir=tmp_path / "var"))
    assert rt.catalogs.catalog("spbe-2020").id == "spbe-2020"
    assert not (tmp_path / "var").exists()  # no database file, no blob folder yet
    with rt.db.session():
        pass
    assert (tmp_path / "var" / "spbe.sqlite3").exists()
    rt.close()


def test_one_runtime_per_settings_object() -> None:
    assert runtime() is runtime()
    assert runtime(get_settings()) is runtime()
    other = build_runtime(get_settings())
    assert other is not runtime()


def test_the_pemdas_own_files_come_from_the_settings(tmp_path: Path) -> None:
    raw = yaml.safe_load((BUNDLED_DIR / "spbe-2020.yaml").read_text(encoding="utf-8"))
    raw["framework"]["catalog_version"] = "2020.1-pemkab"
    own = tmp_path / "own.yaml"
    own.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    opd = tmp_path / "opd.yaml"
    opd.write_text(yaml.safe_dump({"opd": [{"name": "Dinas Contoh", "aliases": ["Dincon"]}]}), encoding="utf-8")
    rt = _runtime(Settings(data_dir=tmp_path / "var", catalog_path=own, opd_path=opd))
    assert rt.catalogs.catalog("spbe-2020").framework.catalog_version == "2020.1-pemkab"
    assert rt.opd_directory.names() == ["Dinas Contoh"]
    bundled = _runtime(Settings(data_dir=tmp_path / "var"))
    assert bundled.catalogs.catalog("spbe-2020").framework.catalog_version != "2020.1-pemkab"


def test_the_queue_runs_the_job_table_it_was_given(tmp_path: Path) -> None:
    ran: list[tuple[str, object]] = []
    jobs = JobTable(ingest=lambda b: ran.append(("ingest", b)), process=lambda d: ran.append(("process", d)),
                    finish=lambda b: ran.append(("finish", b)), ocr=lambda d: ran.append(("ocr", d)),
                    retrain=lambda f: ran.append(("retrain", f)))
    dispatcher = _runtime(Settings(data_dir=tmp_path / "var"), jobs).dispatcher
    assert isinstance(dispatcher, InlineDispatcher) and dispatcher.probe(1.0) is None
    dispatcher.submit_batch(7)
    dispatcher.submit_documents(7, [1, 2])
    assert dispatcher.wait_idle(10)
    assert ran == [("ingest", 7), ("process", 1), ("process", 2), ("finish", 7)]
