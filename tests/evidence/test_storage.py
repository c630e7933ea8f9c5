import hashlib
from pathlib import Path

import pytest

from evidence.storage import BlobStore


def test_put_is_content_addressed_and_idempotent(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    digest = store.put(b"SK Tim Koordinasi SPBE")
    assert digest == hashlib.sha256(b"SK Tim Koordinasi SPBE").hexdigest()
    assert store.put(b"SK Tim Koordinasi SPBE") == digest
    assert store.get(digest) == b"SK Tim Koordinasi SPBE"
    assert list(store.iter_digests()) == [digest]
    assert not list(tmp_path.rglob(".incoming-*")), "no temp file may be left behind"


def test_stored_blobs_are_read_only(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    path = store.path_for(store.put(b"x"))
    assert path.stat().st_mode & 0o222 == 0


@pytest.mark.parametrize("bad", ["../../etc/passwd", "abc", "G" * 64])
def test_only_hex_digests_map_to_paths(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError):
        BlobStore(tmp_path).path_for(bad)
