"""Streaming multipart upload: the file part goes to a temp file in the data dir, chunk by chunk.

Why not FastAPI's ``UploadFile``: it parses the whole request before the handler runs, so a limit can only
be checked after a 10 GB body has been written somewhere. Here the size is counted while streaming and the
request is refused (413) as soon as it passes ``max_upload_bytes``; memory use is one chunk.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from fastapi import Request
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from service.errors import ApiError
from service.language import format_bytes

FILE_FIELD = "file"
MAX_FIELD_BYTES = 1024
MAX_FIELDS = 8
FORM_OVERHEAD_BYTES = 64 * 1024  # boundaries, part headers and the small text fields
HEAD_BYTES = 8
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_UNSAFE_NAME_CHARS = re.compile(r"[\x00-\x1f\x7f]")


@dataclass
class ReceivedUpload:
    path: Path
    filename: str
    size: int
    head: bytes
    fields: dict[str, str] = field(default_factory=dict)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)

    def looks_like_zip(self) -> bool:
        return self.head.startswith(ZIP_MAGICS)


def clean_filename(raw: str, fallback: str = "unggahan") -> str:
    """The last path component without control characters (browsers may send C:\\fakepath\\x.zip)."""
    name = PurePosixPath(raw.replace("\\", "/")).name
    name = _UNSAFE_NAME_CHARS.sub("", name).strip()
    return (name or fallback)[:255]


class _Collector:
    """Callbacks of python-multipart's parser; raises ``ApiError`` to stop the stream early."""

    def __init__(self, tmp_dir: Path, max_bytes: int) -> None:
        self.tmp_dir = tmp_dir
        self.max_bytes = max_bytes
        self.fields: dict[str, str] = {}
        self.file: ReceivedUpload | None = None
        self._fh: BinaryIO | None = None
        self._headers: dict[bytes, bytes] = {}
        self._header_name = b""
        self._header_value = b""
        self._field_name: str | None = None
        self._field_data = bytearray()
        self.in_file = False

    # headers of a part
    def on_part_begin(self) -> None:
        self._headers, self._field_name, self._field_data, self.in_file = {}, None, bytearray(), False

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[self._header_name.strip().lower()] = self._header_value.strip()
        self._header_name, self._header_value = b"", b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" in options:
            if name != FILE_FIELD or self.file is not None:
                raise ApiError(422, "upload.one_file")
            filename = clean_filename(_decode_name(options[b"filename"]))
            self.tmp_dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.tmp_dir, prefix="upload-")
            self._fh = os.fdopen(fd, "wb")
            self.file = ReceivedUpload(Path(tmp), filename, 0, b"")
            self.in_file = True
        else:
            if len(self.fields) >= MAX_FIELDS:
                raise ApiError(422, "upload.bad_field", name=name)
            self._field_name = name

    # data of a part
    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if self.in_file and self.file is not None and self._fh is not None:
            upload = self.file
            upload.size += len(chunk)
            if upload.size > self.max_bytes:
                raise ApiError(413, "upload.too_large", limit=format_bytes(self.max_bytes))
            if len(upload.head) < HEAD_BYTES:
                upload.head += chunk[: HEAD_BYTES - len(upload.head)]
            self._fh.write(chunk)
        else:
            self._field_data += chunk
            if len(self._field_data) > MAX_FIELD_BYTES:
                raise ApiError(422, "upload.bad_field", name=self._field_name or "?")

    def on_part_end(self) -> None:
        if self.in_file:
            self._close_file()
        elif self._field_name is not None:
            self.fields[self._field_name] = self._field_data.decode("utf-8", "replace")

    def _close_file(self) -> None:
        if self._fh is not None:
            self._fh.close()  # no fsync: the blob store copies it with fsync, then this file is deleted
            self._fh = None
        self.in_file = False

    def abort(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        if self.file is not None:
            self.file.discard()


def _decode_name(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


async def receive_upload_stream(request: Request, *, tmp_dir: Path, max_bytes: int) -> ReceivedUpload:
    """Parse ``multipart/form-data`` from the request stream; the file part lands in ``tmp_dir``.

    The caller must ``discard()`` the temp file when done. Errors: 413 when the file passes ``max_bytes``
    (checked against ``Content-Length`` first, then while streaming); 422 for a malformed form, a missing
    ``file`` field or more than one file.
    """
    content_type = request.headers.get("content-type", "")
    kind, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise ApiError(422, "upload.not_multipart")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes + FORM_OVERHEAD_BYTES:
        raise ApiError(413, "upload.too_large", limit=format_bytes(max_bytes))

    collector = _Collector(tmp_dir, max_bytes)
    callbacks = {
        name: getattr(collector, name)
        for name in ("on_part_begin", "on_part_data", "on_part_end", "on_header_field", "on_header_value",
                     "on_header_end", "on_headers_finished")
    }
    parser = MultipartParser(boundary, callbacks)  # type: ignore[arg-type]
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > max_bytes + FORM_OVERHEAD_BYTES:
                raise ApiError(413, "upload.too_large", limit=format_bytes(max_bytes))
            parser.write(chunk)
        parser.finalize()
        if collector.in_file:  # stream ended inside the file part: truncated upload
            raise ApiError(422, "upload.malformed")
    except FormParserError:
        collector.abort()
        raise ApiError(422, "upload.malformed") from None
    except BaseException:
        collector.abort()
        raise
    if collector.file is None:
        raise ApiError(422, "upload.missing_file")
    collector.file.fields = collector.fields
    return collector.file
