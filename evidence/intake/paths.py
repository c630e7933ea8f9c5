"""Member names from archives made on any system, turned into safe POSIX paths or a reason.

The archive comes from outside, so a name is checked before it is used: parent components, absolute
paths and drive letters would point outside the upload; control characters break reports. Names are
kept as the OPD wrote them (folder names decide the OPD), only normalised.
"""

from __future__ import annotations

import re
import zipfile

from evidence.states import FailureCode, failure

SYSTEM_METADATA_ERROR = failure(FailureCode.UNSUPPORTED, "system metadata file")

_JUNK_FOLDERS = frozenset({"__macosx"})
_JUNK_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})
_DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
_UTF8_NAME_FLAG = 0x800


def safe_member_path(name: str) -> tuple[str, str | None]:
    """Normalised POSIX path, or the raw name and why it is unsafe.

    Some Windows tools write ``\\`` as separator, so backslashes are separators here; that also exposes
    ``..\\..\\evil`` as traversal.
    """
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return name, "unsafe_path: control character in name"
    slashed = name.replace("\\", "/")
    if slashed.startswith("/"):
        return name, "unsafe_path: absolute path"
    if _DRIVE_LETTER.match(slashed):
        return name, "unsafe_path: Windows drive letter"
    parts = [part for part in slashed.split("/") if part not in ("", ".")]
    if ".." in parts:
        return name, "unsafe_path: parent-directory component '..'"
    if not parts:
        return name, "unsafe_path: empty name"
    return "/".join(parts), None


def decode_zip_name(info: zipfile.ZipInfo) -> str:
    """Undo zipfile's cp437 guess when the same bytes read better as UTF-8 or cp1252.

    Windows' built-in ZIP tool and older WinZip write names in the OEM or ANSI code page without the
    UTF-8 flag; "Laporan Kegiatan Sosialisasi Ré..." must not become mojibake in the report.
    """
    name = info.filename
    if info.flag_bits & _UTF8_NAME_FLAG or name.isascii():
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    return decode_name_bytes(raw, fallback=name)


def decode_name_bytes(raw: bytes, *, fallback: str | None = None) -> str:
    """UTF-8 when valid; else cp1252 when it reads as more accented letters than ``fallback``."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    cp437 = raw.decode("cp437")
    current = fallback if fallback is not None else cp437
    try:
        windows = raw.decode("cp1252")
    except UnicodeDecodeError:
        return current
    return windows if _latin_letters(windows) > _latin_letters(current) else current


def _latin_letters(text: str) -> int:
    """Accented Latin letters (U+00C0-U+00FF): what a correctly decoded Indonesian/Dutch name contains."""
    return sum(1 for ch in text if "\u00c0" <= ch <= "\u00ff" and ch.isalpha())


def is_system_metadata(path: str) -> bool:
    parts = path.lower().split("/")
    name = parts[-1]
    return any(part in _JUNK_FOLDERS for part in parts) or name in _JUNK_FILES or name.startswith("._")


def display_name(name: str) -> str:
    """File names that are not valid UTF-8 (old Windows shares) must still print and store cleanly."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def join(prefix: str, path: str) -> str:
    """``Diskominfo/lampiran.zip`` + ``SK/sk.pdf``: nested members keep their container in the path."""
    return f"{prefix}/{path}" if prefix else path
