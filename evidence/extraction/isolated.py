"""Run extraction (or OCR) in a child process with a hard time limit and a memory limit.

Parsers of PDFs, Office files and images are large C and Python code bases fed with untrusted bytes; a
crafted file can make one loop for hours or allocate gigabytes. In a child process the worst case is
bounded: the child gets ``RLIMIT_AS`` (address space) before it parses anything, runs in its own process
group (so Tesseract processes it started die with it), and is killed with SIGKILL when the time is up.
The caller always gets an ``ExtractionResult``; a killed child becomes ``failed`` with the reason.
"""

from __future__ import annotations

import contextlib
import dataclasses
import faulthandler
import multiprocessing
import os
import resource
import signal
import time
from multiprocessing.connection import Connection
from typing import Any

from evidence.extraction.base import ExtractionResult
from evidence.extraction.common import short_detail, stdlib_version
from evidence.extraction.registry import OUT_OF_MEMORY_ERROR
from evidence.media.types import OCTET_MEDIA_TYPE

ISOLATED_EXTRACTOR = "isolated"
DEFAULT_MEMORY_LIMIT_BYTES = 3 * 1024 * 1024 * 1024
MIB = 1024 * 1024
# Seconds given to a child to exit on its own after sending its result.
_EXIT_GRACE_SECONDS = 5.0


def extract_isolated(data: bytes, filename: str, *, timeout_seconds: float, **options: Any) -> ExtractionResult:
    """``extract(data, filename, **kwargs)`` (or ``ocr_document`` when ``ocr``) in a child process; the
    ``options`` are those of ``IsolatedRun.start``.

    ``fork`` is the default start method: the child starts in milliseconds with the parent's imports and
    the bytes need no copying. Call it from a single-threaded process (an RQ work horse, the CLI); a
    multi-threaded caller should pass ``start_method="forkserver"``.
    """
    return IsolatedRun.start(data, filename, timeout_seconds=timeout_seconds, **options).wait()


@dataclasses.dataclass
class IsolatedRun:
    """One extraction running in its own child process; many can run side by side (``evidence.pipeline.
    parallel`` waits on their ``receiver`` connections together), each with its own deadline and limits."""

    data: bytes
    filename: str
    child: Any
    receiver: Connection
    timeout_seconds: float
    memory_limit_bytes: int | None
    started: float = dataclasses.field(default_factory=time.monotonic, init=False)

    @property
    def deadline(self) -> float:
        return self.started + self.timeout_seconds

    @classmethod
    def start(
        cls,
        data: bytes,
        filename: str,
        *,
        timeout_seconds: float,
        memory_limit_bytes: int | None = DEFAULT_MEMORY_LIMIT_BYTES,
        ocr: bool = False,
        start_method: str = "fork",
        **kwargs: Any,
    ) -> IsolatedRun:
        context: Any = multiprocessing.get_context(start_method)  # typeshed's BaseContext lacks Process
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(
            target=_child_main,
            args=(sender, data, filename, ocr, kwargs, memory_limit_bytes),
            name=f"extract:{filename[-60:]}",
            daemon=True,
        )
        child.start()
        sender.close()  # the child holds the only write end: its death is an EOF here
        return cls(data, filename, child, receiver, timeout_seconds, memory_limit_bytes)

    def wait(self) -> ExtractionResult:
        """Block until the child answers, dies or runs out of time; always a result."""
        return self.finish(_await_result(self.receiver, self.child, self.deadline - time.monotonic()))

    def collect(self) -> ExtractionResult:
        """The receiver is readable (an answer or an EOF): read it and end the child."""
        try:
            result = self.receiver.recv()
        except (EOFError, OSError):  # the child died before sending anything
            result = None
        return self.finish(result)

    def expired(self, now: float | None = None) -> bool:
        return (now if now is not None else time.monotonic()) >= self.deadline

    def kill(self) -> ExtractionResult:
        """Past the deadline: SIGKILL the child's group and report the timeout."""
        _kill(self.child)
        return self.finish(None)

    def finish(self, result: ExtractionResult | None) -> ExtractionResult:
        try:
            self.receiver.close()
        finally:
            _reap(self.child)
        if result is not None:
            return result
        if time.monotonic() - self.started >= self.timeout_seconds:
            return _failed(self.data, self.filename, f"timeout: extraction exceeded {self.timeout_seconds:g} s")
        return _failed(self.data, self.filename, _death_reason(self.child.exitcode, self.memory_limit_bytes))


def _await_result(receiver: Connection, child: Any, timeout_seconds: float) -> ExtractionResult | None:
    deadline = time.monotonic() + max(timeout_seconds, 0.0)
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            _kill(child)
            return None
        if receiver.poll(min(remaining, 0.5)):
            try:
                return receiver.recv()
            except (EOFError, OSError):  # the child died before sending anything
                return None
        if not child.is_alive() and not receiver.poll(0):
            return None


def _child_main(
    sender: Connection,
    data: bytes,
    filename: str,
    ocr: bool,
    kwargs: dict[str, Any],
    memory_limit_bytes: int | None,
) -> None:
    """Runs in the child: limits first, then the work; any failure is still sent back as a result."""
    os.setpgrp()  # Tesseract children join this group and are killed with it
    faulthandler.disable()  # a crash on a hostile file is reported by the parent, not dumped to stderr
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if memory_limit_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit_bytes, memory_limit_bytes))
    try:
        if ocr:
            from evidence.extraction.ocr import ocr_document

            result = ocr_document(data, filename, **kwargs)
        else:
            from evidence.extraction.registry import extract

            result = extract(data, filename, **kwargs)
    except MemoryError:
        result = _failed(data, filename, _memory_error(memory_limit_bytes))
    except BaseException as exc:  # the parent must always get an answer
        result = _failed(data, filename, f"extractor_error: {type(exc).__name__}: {short_detail(exc)}")
    if result.error == OUT_OF_MEMORY_ERROR:
        result = dataclasses.replace(result, error=_memory_error(memory_limit_bytes))
    try:
        sender.send(result)
    finally:
        sender.close()


def _memory_error(memory_limit_bytes: int | None) -> str:
    limit = f"{memory_limit_bytes // MIB} MiB" if memory_limit_bytes else "available memory"
    return f"too_large: extraction exceeded the memory limit ({limit})"


def _kill(child: Any) -> None:
    """SIGKILL the child's whole process group (the child and any Tesseract it started)."""
    if child.pid is None:
        return
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        child.kill()


def _reap(child: Any) -> None:
    """Kill the group first (a Tesseract the child left behind), then collect the child.

    The child is still unreaped while its group is killed, so its pid (the group id) cannot have been
    reused by an unrelated process.
    """
    if child.pid is not None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.pid, signal.SIGKILL)
    child.join(_EXIT_GRACE_SECONDS)
    if child.is_alive():
        child.kill()
        child.join()


def _death_reason(exitcode: int | None, memory_limit_bytes: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        detail = f"extraction process died ({name})"
        if memory_limit_bytes:
            detail += f"; memory limit {memory_limit_bytes // MIB} MiB"
        return f"extractor_error: {detail}"
    return f"extractor_error: extraction process exited with code {exitcode} without a result"


def _failed(data: bytes, filename: str, error: str) -> ExtractionResult:
    return ExtractionResult(
        status="failed",
        extractor=ISOLATED_EXTRACTOR,
        extractor_version=stdlib_version(),
        media_type=_media_type(data, filename),
        error=error,
    )


def _media_type(data: bytes, filename: str) -> str:
    """Best effort: the sniffer is cheap, but it still parses the bytes that just killed a child."""
    if not data:
        return "application/x-empty"
    try:
        from evidence.media.sniff import sniff_media_type

        return sniff_media_type(data[: 64 * 1024], filename)
    except Exception:
        return OCTET_MEDIA_TYPE
