"""Why a file could not be used: one sentence per failure code (``evidence.states.FailureCode``)."""

from __future__ import annotations

from evidence.i18n.types import Messages

# Machine error codes (the part of ``ScannedDocument.error`` before the first ": ") -> readable sentence.
ERROR_MESSAGES: Messages = {
    "empty": {"id": "Berkas kosong", "en": "The file is empty"},
    "corrupt": {"id": "Berkas rusak atau tidak dapat dibaca", "en": "The file is corrupt or unreadable"},
    "encrypted": {
        "id": "Berkas terenkripsi: perlu kata sandi",
        "en": "The file is encrypted: a password is required",
    },
    "too_many_pages": {
        "id": "Jumlah halaman melebihi batas pemrosesan",
        "en": "The file has more pages than the processing limit",
    },
    "unsupported": {"id": "Format berkas tidak didukung", "en": "The file format is not supported"},
    "no_text": {
        "id": "Berkas tidak memiliki lapisan teks (hasil pindai); perlu OCR",
        "en": "The file has no text layer (scanned); OCR is needed",
    },
    "extractor_error": {
        "id": "Terjadi kesalahan saat membaca isi berkas",
        "en": "An error occurred while reading the file's content",
    },
    "unsafe_path": {
        "id": "Lokasi berkas dalam arsip tidak aman dan dilewati",
        "en": "The file's path inside the archive is unsafe and was skipped",
    },
    "symlink": {
        "id": "Tautan simbolik (symlink) tidak diproses",
        "en": "Symbolic links are not processed",
    },
    "limit": {
        "id": "Batas pemrosesan arsip terlampaui",
        "en": "An archive processing limit was exceeded",
    },
    "too_large": {"id": "Ukuran berkas melebihi batas", "en": "The file exceeds the size limit"},
    "zip_bomb": {
        "id": "Arsip mencurigakan (rasio kompresi terlalu tinggi) dan dilewati",
        "en": "Suspicious archive (compression ratio too high); skipped",
    },
    "duplicate": {
        "id": "Isi berkas sama dengan berkas lain; dihitung sekali",
        "en": "Same content as another file; counted once",
    },
    # Seen in the pipeline code although not in the documented list.
    "extension_mismatch": {
        "id": "Ekstensi berkas tidak sesuai dengan isinya",
        "en": "The file extension does not match its content",
    },
    "failed": {"id": "Berkas gagal diproses", "en": "The file could not be processed"},
    # Extraction time limits and OCR.
    "timeout": {
        "id": "Pembacaan berkas melebihi batas waktu dan dihentikan",
        "en": "Reading the file exceeded the time limit and was stopped",
    },
    "ocr_unavailable": {
        "id": "OCR tidak tersedia di server; berkas hasil pindai belum dapat dibaca",
        "en": "OCR is not available on the server; the scanned file cannot be read yet",
    },
    "ocr_error": {
        "id": "OCR gagal membaca sebagian halaman",
        "en": "OCR failed on some pages",
    },
    "low_confidence": {
        "id": "Hasil OCR kurang meyakinkan; periksa halaman ini secara manual",
        "en": "OCR confidence is low; check these pages by eye",
    },
    "truncated": {
        "id": "Berkas sangat besar; hanya sebagian isinya yang dibaca",
        "en": "The file is very large; only part of it was read",
    },
}
