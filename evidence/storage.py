"""Content-addressed store for original files: written once, named by SHA-256, never modified.

Write protocol (crash-safe): temp file in the same directory, fsync, atomic rename to the hash name.
A crash leaves at most a stray temp file, never a half-written blob under a valid name.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

CHUNK = 1024 * 1024


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, digest: str) -> Path:
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise ValueError(f"not a SHA-256 hex digest: {digest!r}")
        return self.root / digest[:2] / digest[2:4] / digest

    def put(self, data: bytes) -> str:
        return self.put_stream(io.BytesIO(data))

    def put_file(self, path: Path) -> str:
        with Path(path).open("rb") as fh:
            return self.put_stream(fh)

    def put_stream(self, stream: BinaryIO) -> str:
        """Copy to a temp file while hashing (no whole-file buffering), then rename to the hash name."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            digest = hashlib.sha256()
            with os.fdopen(fd, "wb") as fh:
                while chunk := stream.read(CHUNK):
                    digest.update(chunk)
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            hexdigest = digest.hexdigest()
            target = self.path_for(hexdigest)
            if target.exists():
                Path(tmp).unlink()
                return hexdigest
            target.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp, 0o444)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return hexdigest

    def get(self, digest: str) -> bytes:
        return self.path_for(digest).read_bytes()

    def exists(self, digest: str) -> bool:
        return self.path_for(digest).exists()

    def iter_digests(self):
        if not self.root.exists():
            return
        for path in self.root.glob("[0-9a-f][0-9a-f]/[0-9a-f][0-9a-f]/*"):
            if path.is_file() and not path.name.startswith("."):
                yield path.name
