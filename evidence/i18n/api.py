"""What the HTTP API and the pages answer: errors, health, and phrases for invalid input."""

from __future__ import annotations

from evidence.i18n.types import Messages

API_MESSAGES: Messages = {
    # Authentication and roles
    "auth.required": {
        "id": "Autentikasi diperlukan: kirim token Bearer (masuk lewat /api/v1/auth/token).",
        "en": "Authentication required: send a Bearer token (log in via /api/v1/auth/token).",
    },
    "auth.invalid_token": {
        "id": "Token tidak valid atau sudah kedaluwarsa; silakan masuk lagi.",
        "en": "The token is invalid or expired; please log in again.",
    },
    "auth.bad_credentials": {
        "id": "Nama pengguna atau kata sandi salah.",
        "en": "Wrong username or password.",
    },
    "auth.forbidden_role": {
        "id": "Peran Anda ({role}) tidak diizinkan melakukan tindakan ini.",
        "en": "Your role ({role}) is not allowed to do this.",
    },
    "auth.csrf": {
        "id": "Token CSRF tidak cocok; muat ulang halaman lalu coba lagi.",
        "en": "CSRF token mismatch; reload the page and try again.",
    },
    # Not found
    "not_found.document": {"id": "Dokumen {id} tidak ditemukan.", "en": "Document {id} was not found."},
    "not_found.batch": {"id": "Batch {id} tidak ditemukan.", "en": "Batch {id} was not found."},
    "not_found.file": {
        "id": "Berkas asli dokumen {id} tidak tersimpan (berkas ditolak saat diterima).",
        "en": "The original file of document {id} is not stored (it was rejected at intake).",
    },
    "not_found.opd": {"id": "OPD '{opd}' tidak ditemukan.", "en": "OPD '{opd}' was not found."},
    "not_found.route": {"id": "Alamat tidak ditemukan.", "en": "Not found."},
    "method_not_allowed": {
        "id": "Metode HTTP tidak diizinkan untuk alamat ini.",
        "en": "HTTP method not allowed for this address.",
    },
    # Input
    "input.invalid": {"id": "Masukan tidak valid: {details}", "en": "Invalid input: {details}"},
    "input.unknown_framework": {
        "id": "Kerangka evaluasi '{framework}' tidak dikenal; yang tersedia: {known}.",
        "en": "Unknown evaluation framework '{framework}'; available: {known}.",
    },
    "input.unknown_opd": {
        "id": "OPD '{opd}' tidak ada dalam daftar OPD (gunakan nama atau singkatan resmi).",
        "en": "OPD '{opd}' is not in the OPD list (use its name or a known abbreviation).",
    },
    "input.opd_not_allowed": {
        "id": "Pengguna OPD hanya dapat mengunggah untuk OPD-nya sendiri ({opd}).",
        "en": "An OPD user can only upload for its own OPD ({opd}).",
    },
    "input.unknown_indicator": {
        "id": "Indikator {indicator} tidak ada dalam katalog {framework}.",
        "en": "Indicator {indicator} is not in the {framework} catalog.",
    },
    "input.unknown_status": {
        "id": "Status '{status}' tidak dikenal; gunakan salah satu dari: {known}.",
        "en": "Unknown status '{status}'; use one of: {known}.",
    },
    "input.unreadable_body": {
        "id": "Isi permintaan tidak dapat dibaca (format formulir atau JSON rusak).",
        "en": "The request body cannot be read (malformed form or JSON).",
    },
    # Uploads
    "upload.not_multipart": {
        "id": "Kirim berkas sebagai multipart/form-data dengan kolom 'file'.",
        "en": "Send the file as multipart/form-data in the field 'file'.",
    },
    "upload.missing_file": {
        "id": "Kolom 'file' wajib berisi satu berkas.",
        "en": "The field 'file' must contain one file.",
    },
    "upload.one_file": {
        "id": "Hanya satu berkas per unggahan, di kolom 'file'.",
        "en": "Only one file per upload, in the field 'file'.",
    },
    "upload.bad_field": {
        "id": "Kolom formulir '{name}' tidak dikenal atau terlalu panjang.",
        "en": "Form field '{name}' is unknown or too long.",
    },
    "upload.malformed": {
        "id": "Data multipart rusak atau terpotong; ulangi unggahan.",
        "en": "The multipart data is malformed or truncated; upload again.",
    },
    "upload.too_large": {
        "id": "Berkas terlalu besar: batas unggahan {limit}.",
        "en": "The file is too large: the upload limit is {limit}.",
    },
    "upload.empty": {"id": "Berkas kosong (0 byte).", "en": "The file is empty (0 bytes)."},
    "upload.not_zip": {
        "id": "Berkas '{filename}' bukan arsip ZIP. Kompres folder bukti dukung menjadi .zip, atau unggah "
        "satu berkas lewat /api/v1/documents.",
        "en": "'{filename}' is not a ZIP archive. Compress the evidence folder into a .zip, or upload a "
        "single file via /api/v1/documents.",
    },
    "upload.storage_full": {
        "id": "Penyimpanan server penuh: unggahan tidak disimpan dan tidak ada yang berubah. Hubungi admin "
        "untuk menambah ruang disk, lalu unggah ulang.",
        "en": "The server's storage is full: the upload was not stored and nothing changed. Ask the admin to "
        "free disk space, then upload again.",
    },
    # Security and availability (issue 13)
    "auth.rate_limited": {
        "id": "Terlalu banyak percobaan masuk; coba lagi dalam {seconds} detik.",
        "en": "Too many login attempts; try again in {seconds} seconds.",
    },
    "auth.wrong_password": {"id": "Kata sandi saat ini salah.", "en": "The current password is wrong."},
    "auth.weak_password": {
        "id": "Kata sandi baru minimal {min_chars} karakter dan berbeda dari yang lama.",
        "en": "The new password needs at least {min_chars} characters and must differ from the old one.",
    },
    "service.database_unavailable": {
        "id": "Basis data sedang tidak dapat dihubungi (mungkin sedang dimulai ulang); tidak ada yang berubah. "
        "Coba lagi dalam beberapa detik.",
        "en": "The database is unreachable right now (it may be restarting); nothing changed. Try again in a "
        "few seconds.",
    },
    # Health
    "health.database": {"id": "Basis data tidak dapat diakses.", "en": "The database is unreachable."},
    "health.queue": {
        "id": "Antrean pekerjaan (Redis) tidak dapat dihubungi.",
        "en": "The job queue (Redis) is unreachable.",
    },
    "health.models": {
        "id": "Kerangka {frameworks} aktif tetapi belum punya model; berkas akan menunggu. Jalankan 'spbe train'.",
        "en": "Framework(s) {frameworks} are enabled but have no model; files will wait. Run 'spbe train'.",
    },
}

# Pydantic error types -> a short phrase; anything else keeps pydantic's English message.
VALIDATION_PHRASES: Messages = {
    "missing": {"id": "wajib diisi", "en": "is required"},
    "int_parsing": {"id": "harus bilangan bulat", "en": "must be an integer"},
    "int_type": {"id": "harus bilangan bulat", "en": "must be an integer"},
    "bool_parsing": {"id": "harus true atau false", "en": "must be true or false"},
    "string_type": {"id": "harus teks", "en": "must be text"},
    "less_than_equal": {"id": "maksimal {le}", "en": "must be at most {le}"},
    "greater_than_equal": {"id": "minimal {ge}", "en": "must be at least {ge}"},
    "greater_than": {"id": "harus lebih dari {gt}", "en": "must be greater than {gt}"},
    "string_too_long": {"id": "maksimal {max_length} karakter", "en": "at most {max_length} characters"},
    "string_too_short": {"id": "minimal {min_length} karakter", "en": "at least {min_length} characters"},
    "literal_error": {"id": "harus salah satu dari: {expected}", "en": "must be one of: {expected}"},
    "enum": {"id": "harus salah satu dari: {expected}", "en": "must be one of: {expected}"},
    "json_invalid": {"id": "JSON tidak valid", "en": "invalid JSON"},
    "model_attributes_type": {"id": "harus objek JSON", "en": "must be a JSON object"},
    "dict_type": {"id": "harus objek JSON", "en": "must be a JSON object"},
    "list_type": {"id": "harus daftar (array)", "en": "must be a list"},
    "extra_forbidden": {"id": "kolom tidak dikenal", "en": "unknown field"},
    "too_short": {"id": "minimal {min_length} butir", "en": "at least {min_length} items"},
    "too_long": {"id": "maksimal {max_length} butir", "en": "at most {max_length} items"},
}
