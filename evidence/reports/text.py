"""Indonesian wording shared by the XLSX, PDF and CSV exports, so a label reads the same in each file."""

from __future__ import annotations

from evidence.i18n import t
from evidence.reports.figures import Headline
from evidence.reports.model import GapReport

SEVERITY_LABELS = {severity: t(f"severity.{severity}") for severity in ("kritis", "tinggi", "sedang", "rendah")}
UNKNOWN_OPD = "(OPD tidak dikenal)"


def report_title(report: GapReport) -> str:
    return f"Laporan Kesenjangan Bukti Dukung - {report.framework.name}"


def opd_title(name: str | None) -> str:
    return name if name is not None else UNKNOWN_OPD


def _decimal(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def headline_rows(h: Headline) -> list[tuple[str, str]]:
    """(label, value) of the headline numbers, in the order every format shows them."""
    rows = [
        ("Berkas diterima", str(h.files)),
        ("Berkas dihitung sebagai bukti (terbaca)", str(h.counted_files)),
        ("Berkas ganda", str(h.duplicates)),
        ("Berkas tidak terbaca / tidak didukung", str(h.unreadable)),
        ("Indikator terkonfirmasi peninjau", str(h.confirmed)),
        ("Indikator dengan saran model (belum ditinjau)", str(h.suggested)),
        ("Indikator perlu dicek", str(h.perlu_dicek)),
        ("Indikator belum ada bukti", str(h.missing)),
        ("Bukti kritis belum ada", str(h.critical_missing)),
        ("Bukti kritis perlu dicek", str(h.critical_to_check)),
        ("Jumlah temuan", str(h.findings)),
    ]
    if h.index_confirmed is not None and h.index_with_suggestions is not None:
        rows += [
            ("Perkiraan indeks, bukti terkonfirmasi saja", f"{_decimal(h.index_confirmed)} ({h.predicate_confirmed})"),
            ("Perkiraan indeks, dengan saran model",
             f"{_decimal(h.index_with_suggestions)} ({h.predicate_with_suggestions})"),
        ]
    return rows
