"""What the documents of the sample archive say: fictional Kabupaten Sukamaju, Provinsi Jawa Barat.

Why a separate module: ``make_sample_archive.py`` decides where each file goes, how it is labelled and
how it is rendered; this module only holds the *texts*, as short lists of layout blocks (heading,
paragraph, enumeration, table, signature ...) that both the PDF renderer (fpdf2) and the DOCX renderer
(python-docx) understand. Keeping words apart from plumbing lets a reviewer read a document top to
bottom as it would appear on paper.

All wording is original and written for this sample; people, numbers and dates are invented. Texts use
latin-1 characters only, because the PDFs are set in the core Helvetica/Times fonts. The archive has
deliberate gaps (no Peta Rencana SPBE, no information-security policy, no audit TIK), so no text here
may read as evidence for those indicators.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# --------------------------------------------------------------------------------------------------
# Layout blocks
# --------------------------------------------------------------------------------------------------

Align = Literal["L", "C", "R", "J"]


@dataclass(frozen=True)
class Heading:
    """A centred line (or wrapped lines), bold by default: regulation titles, BAB, Pasal."""

    text: str
    bold: bool = True
    size_delta: float = 0.0  # points added to the document's body size


@dataclass(frozen=True)
class Para:
    """A paragraph of running text."""

    text: str
    align: Align = "J"
    indent: float = 0.0  # left indent in mm
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Enum:
    """An enumeration with hanging markers, optionally behind a label ("Menimbang : a. ...").

    ``style``: ``a`` -> a. b. c.; ``1`` -> 1. 2.; ``(1)`` -> (1) (2); ``-`` -> dashes.
    """

    items: tuple[str, ...]
    style: str = "a"
    label: str = ""
    indent: float = 0.0


@dataclass(frozen=True)
class Fields:
    """Label : value rows without borders (SK dictums KESATU/KEDUA, meeting headers)."""

    rows: tuple[tuple[str, str], ...]
    label_width: float = 32.0  # mm


@dataclass(frozen=True)
class Table:
    """A ruled table; ``widths`` are relative column widths."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    font_delta: float = -2.0


@dataclass(frozen=True)
class Signature:
    """A signature block, right half of the page by default (``left`` for the promulgation block)."""

    lines: tuple[str, ...]
    left: bool = False


@dataclass(frozen=True)
class Rule:
    """A full-width horizontal line (under a letterhead)."""


@dataclass(frozen=True)
class Space:
    """Vertical space in mm."""

    mm: float = 4.0


@dataclass(frozen=True)
class PageBreak:
    """Start a new page (lampiran, next chapter)."""


Block = Heading | Para | Enum | Fields | Table | Signature | Rule | Space | PageBreak

# --------------------------------------------------------------------------------------------------
# The fictional Pemda
# --------------------------------------------------------------------------------------------------

KAB = "SUKAMAJU"
BUPATI = "H. WAWAN SETIAWAN, S.Sos., M.Si."
SEKDA = "Drs. H. DEDI SUPRIADI, M.M."
SEKDA_NIP = "NIP. 19680512 199303 1 006"
KADIS_KOMINFO = "Ir. RINA MARLINA, M.T."
KADIS_KOMINFO_NIP = "NIP. 19760823 200212 2 003"
KEPALA_BAPPEDA = "Dr. AGUS FIRMANSYAH, S.T., M.T."
KEPALA_BPKAD = "YUDI HERMAWAN, S.E., M.Ak."
KEPALA_BKPSDM = "NIA KURNIASIH, S.Sos., M.Si."
INSPEKTUR = "Drs. UJANG SAEPUDIN, M.Si."
KABAG_ORGANISASI = "LINA HERLINA, S.IP., M.AP."
KABAG_HUKUM = "HENDRA GUNAWAN, S.H., M.H."

MENGINGAT_DASAR = (
    "Undang-Undang Nomor 14 Tahun 1950 tentang Pembentukan Daerah-daerah Kabupaten dalam Lingkungan "
    "Propinsi Djawa Barat;",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, "
    "terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti "
    "Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang;",
)
PERPRES_SPBE = "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;"
PERMENPAN_EVALUASI = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 59 Tahun 2020 tentang "
    "Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik;"
)

# --------------------------------------------------------------------------------------------------
# Helpers for the fixed anatomy of a Perbup / Keputusan and of OPD reports
# --------------------------------------------------------------------------------------------------


def t(text: str) -> str:
    """Collapse a triple-quoted paragraph into one line, so texts can be wrapped in the source."""
    return " ".join(text.split())


def perkada_opening(kind: str, nomor: str, title: str, *, salinan: bool = True) -> list[Block]:
    """Heading of a Peraturan/Keputusan Bupati up to "BUPATI SUKAMAJU," (glossary, anatomy 1-3)."""
    blocks: list[Block] = [Para("SALINAN", align="R", bold=True)] if salinan else []
    blocks += [
        Heading(f"BUPATI {KAB}", size_delta=1),
        Heading("PROVINSI JAWA BARAT", size_delta=1),
        Space(6),
        Heading(f"{kind} BUPATI {KAB}"),
        Heading(f"NOMOR {nomor}"),
        Space(2),
        Heading("TENTANG"),
        Space(2),
        Heading(title.upper()),
        Space(4),
        Heading("DENGAN RAHMAT TUHAN YANG MAHA ESA"),
        Space(2),
        Heading(f"BUPATI {KAB},"),
        Space(4),
    ]
    return blocks


def considerations(menimbang: tuple[str, ...], mengingat: tuple[str, ...], menetapkan: str) -> list[Block]:
    """Menimbang / Mengingat / MEMUTUSKAN / Menetapkan (anatomy 4-5)."""
    return [
        Enum(menimbang, style="a", label="Menimbang"),
        Space(2),
        Enum(mengingat, style="1", label="Mengingat"),
        Space(4),
        Heading("MEMUTUSKAN:"),
        Space(2),
        Fields((("Menetapkan", menetapkan.upper()),), label_width=30),
        Space(3),
    ]


def bab(number: str, title: str) -> list[Block]:
    """A chapter heading (BAB I / KETENTUAN UMUM)."""
    return [Space(3), Heading(f"BAB {number}"), Heading(title.upper())]


def pasal(number: int, *parts: str | Enum) -> list[Block]:
    """An article; several string parts become ayat (1), (2) ...; an Enum part is a sub-list."""
    blocks: list[Block] = [Space(2), Heading(f"Pasal {number}", bold=False)]
    texts = [p for p in parts if isinstance(p, str)]
    numbered = len(texts) > 1
    ayat = 0
    for part in parts:
        if isinstance(part, Enum):
            blocks.append(Enum(part.items, style=part.style, indent=10.0 if numbered else 0.0))
        elif numbered:
            ayat += 1
            blocks.append(Enum((part,), style=f"({ayat})"))
        else:
            blocks.append(Para(part))
    return blocks


def perbup_closing(ditetapkan: str, diundangkan: str, berita: str) -> list[Block]:
    """Signature, promulgation and Berita Daerah number of an enacted Perbup (anatomy 7)."""
    return [
        Space(6),
        Signature(
            (
                f"Ditetapkan di {KAB.title()}",
                f"pada tanggal {ditetapkan}",
                "",
                f"BUPATI {KAB},",
                "",
                "ttd.",
                "",
                BUPATI,
            )
        ),
        Space(4),
        Signature(
            (
                f"Diundangkan di {KAB.title()}",
                f"pada tanggal {diundangkan}",
                "",
                f"SEKRETARIS DAERAH KABUPATEN {KAB},",
                "",
                "ttd.",
                "",
                SEKDA,
            ),
            left=True,
        ),
        Space(6),
        Para(f"BERITA DAERAH KABUPATEN {KAB} TAHUN {berita}", align="L", bold=True),
        Space(6),
        Signature(
            (
                "Salinan sesuai dengan aslinya",
                "KEPALA BAGIAN HUKUM",
                f"SETDA KABUPATEN {KAB},",
                "",
                "ttd.",
                "",
                KABAG_HUKUM,
                "NIP. 19790214 200501 1 009",
            ),
            left=True,
        ),
    ]


def keputusan_closing(ditetapkan: str) -> list[Block]:
    """Signature block of a Keputusan Bupati (no promulgation in a Berita Daerah)."""
    return [
        Space(6),
        Signature(
            (
                f"Ditetapkan di {KAB.title()}",
                f"pada tanggal {ditetapkan}",
                "",
                f"BUPATI {KAB},",
                "",
                "ttd.",
                "",
                BUPATI,
            )
        ),
    ]


def lampiran_heading(kind: str, nomor: str, tentang: str) -> list[Block]:
    """The right-hand reference block on top of a lampiran page."""
    return [
        Signature(
            (
                f"LAMPIRAN {kind} BUPATI {KAB}",
                f"NOMOR {nomor}",
                f"TENTANG {tentang.upper()}",
            )
        ),
        Space(6),
    ]


def report_cover(lines: tuple[str, ...], opd: str, when: str) -> list[Block]:
    """First lines of an OPD report: title, agency, period."""
    blocks: list[Block] = [Heading(line, size_delta=2) for line in lines]
    blocks += [
        Space(3),
        Heading(opd.upper(), bold=False),
        Heading(f"PEMERINTAH KABUPATEN {KAB}", bold=False),
        Heading(when, bold=False),
        Space(6),
    ]
    return blocks


def kop_surat(opd: str, address: str) -> list[Block]:
    """Letterhead of an OPD or the Setda."""
    return [
        Heading(f"PEMERINTAH KABUPATEN {KAB}", size_delta=1),
        Heading(opd.upper(), size_delta=2),
        Heading(address, bold=False, size_delta=-2),
        Rule(),
        Space(2),
    ]


def rupiah(amount: int) -> str:
    """Indonesian thousands separator: 1.250.000."""
    return f"{amount:,}".replace(",", ".")


def opd_signature(place_date: str, role: str, name: str, nip: str) -> Signature:
    """Signature of an OPD official under a report."""
    return Signature((place_date, role, "", "", "ttd.", "", name, nip))


# --------------------------------------------------------------------------------------------------
# Diskominfo
# --------------------------------------------------------------------------------------------------

ARSITEKTUR_TITLE = (
    "Arsitektur Sistem Pemerintahan Berbasis Elektronik Kabupaten Sukamaju Tahun 2023-2027"
)


def perbup_arsitektur() -> list[Block]:
    """Perbup 12/2023, enacted, with Pasal on each architecture domain and a lampiran table."""
    blocks = perkada_opening("PERATURAN", "12 TAHUN 2023", ARSITEKTUR_TITLE)
    blocks += considerations(
        (
            t("""bahwa penerapan Sistem Pemerintahan Berbasis Elektronik di lingkungan Pemerintah Kabupaten
            Sukamaju perlu dilaksanakan secara terpadu, efisien dan berkesinambungan agar tata kelola
            pemerintahan semakin transparan dan akuntabel serta pelayanan publik semakin berkualitas;"""),
            t("""bahwa untuk menjamin keterpaduan proses bisnis, data, aplikasi, infrastruktur, keamanan dan
            layanan antarperangkat daerah diperlukan kerangka dasar berupa Arsitektur SPBE yang berpedoman
            pada Arsitektur SPBE Nasional dan selaras dengan rencana pembangunan daerah;"""),
            t("""bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu
            menetapkan Peraturan Bupati tentang Arsitektur Sistem Pemerintahan Berbasis Elektronik
            Kabupaten Sukamaju Tahun 2023-2027;"""),
        ),
        (
            *MENGINGAT_DASAR,
            PERPRES_SPBE,
            t("""Peraturan Presiden Nomor 132 Tahun 2022 tentang Arsitektur Sistem Pemerintahan Berbasis
            Elektronik Nasional;"""),
            PERMENPAN_EVALUASI,
            t("""Peraturan Daerah Kabupaten Sukamaju Nomor 6 Tahun 2021 tentang Rencana Pembangunan Jangka
            Menengah Daerah Kabupaten Sukamaju Tahun 2021-2026;"""),
        ),
        f"Peraturan Bupati tentang {ARSITEKTUR_TITLE}.",
    )
    blocks += bab("I", "Ketentuan Umum")
    blocks += pasal(
        1,
        "Dalam Peraturan Bupati ini yang dimaksud dengan:",
        Enum(
            (
                "Daerah adalah Kabupaten Sukamaju.",
                t("""Pemerintah Daerah adalah Bupati sebagai unsur penyelenggara pemerintahan daerah yang
                memimpin pelaksanaan urusan pemerintahan yang menjadi kewenangan daerah otonom."""),
                "Bupati adalah Bupati Sukamaju.",
                t("""Perangkat Daerah adalah unsur pembantu Bupati dan Dewan Perwakilan Rakyat Daerah dalam
                penyelenggaraan urusan pemerintahan yang menjadi kewenangan Daerah."""),
                "Dinas adalah Dinas Komunikasi dan Informatika Kabupaten Sukamaju.",
                t("""Sistem Pemerintahan Berbasis Elektronik yang selanjutnya disingkat SPBE adalah
                penyelenggaraan pemerintahan yang memanfaatkan teknologi informasi dan komunikasi untuk
                memberikan layanan kepada pengguna SPBE."""),
                t("""Arsitektur SPBE Daerah adalah kerangka dasar yang menggambarkan keterpaduan proses
                bisnis, data dan informasi, layanan, aplikasi, infrastruktur dan keamanan SPBE di
                lingkungan Pemerintah Daerah."""),
                t("""Tim Koordinasi SPBE Daerah adalah tim yang dibentuk dengan Keputusan Bupati untuk
                mengoordinasikan penerapan SPBE di Daerah."""),
            ),
            style="1",
        ),
    )
    blocks += pasal(
        2,
        t("""Peraturan Bupati ini dimaksudkan sebagai pedoman bagi Perangkat Daerah dalam merencanakan,
        membangun, mengembangkan dan mengevaluasi penerapan SPBE."""),
        "Peraturan Bupati ini bertujuan untuk:",
        Enum(
            (
                "mewujudkan keterpaduan proses bisnis dan layanan antarperangkat daerah;",
                "mencegah duplikasi pembangunan aplikasi dan infrastruktur;",
                "meningkatkan efisiensi belanja teknologi informasi dan komunikasi; dan",
                "mendukung pencapaian sasaran pembangunan Daerah.",
            )
        ),
    )
    blocks += bab("II", "Domain Arsitektur SPBE Daerah")
    blocks += pasal(
        3,
        "Arsitektur SPBE Daerah disusun untuk jangka waktu 5 (lima) tahun dan memuat domain:",
        Enum(
            (
                "arsitektur proses bisnis;",
                "arsitektur data dan informasi;",
                "arsitektur layanan;",
                "arsitektur aplikasi;",
                "arsitektur infrastruktur SPBE; dan",
                "arsitektur keamanan SPBE.",
            )
        ),
        t("""Uraian setiap domain sebagaimana dimaksud pada ayat (1) tercantum dalam Lampiran yang merupakan
        bagian tidak terpisahkan dari Peraturan Bupati ini."""),
    )
    blocks += pasal(
        4,
        t("""Domain arsitektur proses bisnis menggambarkan hubungan antarfungsi pemerintahan dan urusan yang
        dilaksanakan Perangkat Daerah, disusun berdasarkan peta proses bisnis Pemerintah Daerah dan
        referensi arsitektur proses bisnis nasional."""),
        t("""Domain arsitektur data dan informasi menggambarkan jenis, sumber, pemilik dan alur data,
        termasuk data induk dan data referensi yang dikelola sesuai prinsip Satu Data Indonesia."""),
        t("""Domain arsitektur layanan menggambarkan layanan administrasi pemerintahan dan layanan publik
        berbasis elektronik beserta pengguna dan kanal aksesnya."""),
        t("""Domain arsitektur aplikasi menggambarkan aplikasi umum dan aplikasi khusus yang digunakan,
        hubungan antaraplikasi, serta rencana integrasinya melalui sistem penghubung layanan."""),
        t("""Domain arsitektur infrastruktur SPBE menggambarkan pusat data, jaringan intra Pemerintah Daerah
        dan sistem penghubung layanan yang digunakan bersama oleh seluruh Perangkat Daerah."""),
        t("""Domain arsitektur keamanan SPBE menggambarkan pengendalian teknis atas data, aplikasi dan
        infrastruktur agar layanan SPBE tetap andal dan tersedia bagi penggunanya."""),
    )
    blocks += bab("III", "Pelaksanaan, Pemantauan dan Reviu")
    blocks += pasal(
        5,
        t("""Setiap Perangkat Daerah menggunakan Arsitektur SPBE Daerah sebagai acuan dalam menyusun rencana
        kerja dan anggaran kegiatan yang berkaitan dengan SPBE."""),
        t("""Usulan pembangunan atau pengembangan aplikasi dan infrastruktur oleh Perangkat Daerah wajib
        mendapat pertimbangan teknis dari Dinas sebelum dianggarkan."""),
    )
    blocks += pasal(
        6,
        t("""Tim Koordinasi SPBE Daerah memantau pelaksanaan Arsitektur SPBE Daerah paling sedikit 1 (satu)
        kali dalam setahun."""),
        t("""Reviu Arsitektur SPBE Daerah dilaksanakan pada paruh waktu dan tahun terakhir masa berlakunya,
        atau sewaktu-waktu apabila terjadi perubahan Arsitektur SPBE Nasional atau rencana pembangunan
        Daerah."""),
        "Hasil reviu sebagaimana dimaksud pada ayat (2) ditetapkan dengan Peraturan Bupati.",
    )
    blocks += bab("IV", "Pendanaan")
    blocks += pasal(
        7,
        t("""Pendanaan pelaksanaan Arsitektur SPBE Daerah bersumber dari Anggaran Pendapatan dan Belanja
        Daerah serta sumber lain yang sah dan tidak mengikat sesuai ketentuan peraturan
        perundang-undangan."""),
    )
    blocks += bab("V", "Ketentuan Penutup")
    blocks += pasal(
        8,
        t("""Peraturan Bupati ini mulai berlaku pada tanggal diundangkan. Agar setiap orang mengetahuinya,
        memerintahkan pengundangan Peraturan Bupati ini dengan penempatannya dalam Berita Daerah Kabupaten
        Sukamaju."""),
    )
    blocks += perbup_closing("14 Agustus 2023", "14 Agustus 2023", "2023 NOMOR 12")
    blocks += [PageBreak()]
    blocks += lampiran_heading("PERATURAN", "12 TAHUN 2023", ARSITEKTUR_TITLE)
    blocks += [
        Heading("URAIAN DOMAIN ARSITEKTUR SPBE KABUPATEN SUKAMAJU"),
        Space(3),
        Table(
            ("No", "Domain", "Cakupan", "Kondisi 2023", "Arah Pengembangan"),
            (
                ("1", "Proses Bisnis", "Fungsi pemerintahan dan urusan Perangkat Daerah",
                 "Peta proses bisnis level 0-2 untuk 12 urusan", "Peta proses bisnis lintas Perangkat Daerah"),
                ("2", "Data dan Informasi", "Data induk, data referensi, metadata",
                 "Katalog data belum seragam", "Data induk terpadu melalui Satu Data Sukamaju"),
                ("3", "Layanan", "Layanan administrasi pemerintahan dan layanan publik",
                 "46 layanan daring, sebagian informasi", "Layanan transaksi terintegrasi"),
                ("4", "Aplikasi", "Aplikasi umum dan aplikasi khusus",
                 "87 aplikasi, 19 di antaranya tidak aktif", "Konsolidasi aplikasi dan integrasi API"),
                ("5", "Infrastruktur", "Pusat data, jaringan intra, sistem penghubung layanan",
                 "Ruang server Diskominfo, jaringan fiber 21 titik", "Seluruh server Perangkat Daerah di pusat data"),
                ("6", "Keamanan", "Pengendalian teknis data, aplikasi dan infrastruktur",
                 "Pengamanan perimeter terpusat", "Pengendalian terstandar di semua domain"),
            ),
            (0.5, 1.5, 2.6, 2.4, 2.6),
        ),
        Space(8),
        Signature((f"BUPATI {KAB},", "", "ttd.", "", BUPATI)),
    ]
    return blocks


TIKOR_TITLE = "Pembentukan Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik Kabupaten Sukamaju"
TIKOR_NOMOR = "555/Kep.15-Diskominfo/2024"


def sk_tim_koordinasi() -> list[Block]:
    """Keputusan Bupati forming the Tim Koordinasi SPBE, with the lampiran listing its members."""
    blocks = perkada_opening("KEPUTUSAN", TIKOR_NOMOR, TIKOR_TITLE)
    blocks += considerations(
        (
            t("""bahwa untuk meningkatkan keterpaduan penerapan Sistem Pemerintahan Berbasis Elektronik
            antarperangkat daerah diperlukan koordinasi yang berkelanjutan di bawah pimpinan Sekretaris
            Daerah;"""),
            t("""bahwa susunan Tim Koordinasi SPBE yang ditetapkan dengan Keputusan Bupati Nomor
            555/Kep.41-Diskominfo/2021 perlu disesuaikan dengan perubahan susunan perangkat daerah;"""),
            t("""bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu
            menetapkan Keputusan Bupati tentang Pembentukan Tim Koordinasi Sistem Pemerintahan Berbasis
            Elektronik Kabupaten Sukamaju;"""),
        ),
        (
            *MENGINGAT_DASAR,
            PERPRES_SPBE,
            PERMENPAN_EVALUASI,
            t("""Peraturan Bupati Sukamaju Nomor 12 Tahun 2023 tentang Arsitektur Sistem Pemerintahan
            Berbasis Elektronik Kabupaten Sukamaju Tahun 2023-2027;"""),
        ),
        f"Keputusan Bupati tentang {TIKOR_TITLE}.",
    )
    blocks += [
        Fields(
            (
                ("KESATU", t("""Membentuk Tim Koordinasi Sistem Pemerintahan Berbasis Elektronik Kabupaten
                Sukamaju, yang selanjutnya disebut Tim Koordinasi SPBE, dengan susunan keanggotaan
                sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan
                ini.""")),
                ("KEDUA", "Tim Koordinasi SPBE mempunyai tugas:"),
            ),
            label_width=30,
        ),
        Enum(
            (
                "mengarahkan dan mengoordinasikan penerapan SPBE di seluruh Perangkat Daerah;",
                t("""memastikan rencana dan anggaran SPBE Perangkat Daerah sesuai dengan Arsitektur SPBE
                Daerah;"""),
                "mengoordinasikan pengelolaan data, aplikasi, pusat data dan jaringan intra Pemerintah Daerah;",
                "mengoordinasikan penilaian mandiri dan tindak lanjut hasil evaluasi SPBE; dan",
                "melaporkan pelaksanaan tugas kepada Bupati setiap semester.",
            ),
            indent=30,
        ),
        Fields(
            (
                ("KETIGA", t("""Dalam melaksanakan tugasnya Tim Koordinasi SPBE dibantu oleh Sekretariat yang
                berkedudukan di Dinas Komunikasi dan Informatika.""")),
                ("KEEMPAT", t("""Tim Koordinasi SPBE menyelenggarakan rapat koordinasi paling sedikit 1 (satu)
                kali setiap triwulan.""")),
                ("KELIMA", t("""Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada
                Anggaran Pendapatan dan Belanja Daerah Kabupaten Sukamaju.""")),
                ("KEENAM", t("""Pada saat Keputusan ini mulai berlaku, Keputusan Bupati Nomor
                555/Kep.41-Diskominfo/2021 tentang Tim Koordinasi SPBE dicabut dan dinyatakan tidak
                berlaku.""")),
                ("KETUJUH", "Keputusan ini mulai berlaku pada tanggal ditetapkan."),
            ),
            label_width=30,
        ),
    ]
    blocks += keputusan_closing("15 Januari 2024")
    blocks += [PageBreak()]
    blocks += lampiran_heading("KEPUTUSAN", TIKOR_NOMOR, TIKOR_TITLE)
    members = (
        ("Pengarah", "Bupati Sukamaju"),
        ("Pengarah", "Wakil Bupati Sukamaju"),
        ("Ketua", "Sekretaris Daerah"),
        ("Wakil Ketua", "Asisten Administrasi Umum Setda"),
        ("Sekretaris", "Kepala Dinas Komunikasi dan Informatika"),
        ("Anggota", "Kepala Badan Perencanaan Pembangunan Daerah"),
        ("Anggota", "Kepala Badan Pengelolaan Keuangan dan Aset Daerah"),
        ("Anggota", "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
        ("Anggota", "Inspektur Daerah"),
        ("Anggota", "Kepala Dinas Kependudukan dan Pencatatan Sipil"),
        ("Anggota", "Kepala Dinas Penanaman Modal dan PTSP"),
        ("Anggota", "Kepala Dinas Perpustakaan dan Kearsipan"),
        ("Anggota", "Kepala Bagian Organisasi Setda"),
        ("Anggota", "Kepala Bagian Hukum Setda"),
        ("Anggota", "Kepala Bagian Pengadaan Barang dan Jasa Setda"),
    )
    blocks += [
        Heading("SUSUNAN KEANGGOTAAN TIM KOORDINASI SPBE KABUPATEN SUKAMAJU"),
        Space(3),
        Table(
            ("No", "Kedudukan dalam Tim", "Jabatan"),
            tuple((str(i), role, office) for i, (role, office) in enumerate(members, start=1)),
            (0.6, 2.0, 5.0),
            font_delta=-1,
        ),
        Space(4),
        Para("Sekretariat Tim Koordinasi SPBE:", bold=True, align="L"),
        Enum(
            (
                "Sekretaris Dinas Komunikasi dan Informatika;",
                "Kepala Bidang Aplikasi Informatika Dinas Komunikasi dan Informatika;",
                "Kepala Bidang Statistik Dinas Komunikasi dan Informatika; dan",
                "Analis Tata Kelola SPBE pada Dinas Komunikasi dan Informatika.",
            ),
            style="1",
        ),
        Space(6),
        Signature((f"BUPATI {KAB},", "", "ttd.", "", BUPATI)),
    ]
    return blocks


def notulen_tim_koordinasi() -> list[Block]:
    """Minutes of a quarterly meeting of the Tim Koordinasi SPBE (proof the team works, ind. 19)."""
    return [
        *kop_surat("Dinas Komunikasi dan Informatika", "Jl. Raya Sukamaju No. 45 Telp. (0263) 512345"),
        Heading("NOTULEN RAPAT TIM KOORDINASI SPBE KABUPATEN SUKAMAJU"),
        Heading("TRIWULAN II TAHUN 2024", bold=False),
        Space(4),
        Fields(
            (
                ("Hari/Tanggal", "Selasa, 18 Juni 2024"),
                ("Waktu", "09.00 - 12.15 WIB"),
                ("Tempat", "Ruang Rapat Sekretaris Daerah, Lantai 2 Gedung Setda"),
                ("Pimpinan Rapat", "Sekretaris Daerah selaku Ketua Tim Koordinasi SPBE"),
                ("Notulis", "Sekretariat Tim Koordinasi SPBE (Diskominfo)"),
                ("Peserta", "26 orang, daftar hadir terlampir"),
            ),
            label_width=38,
        ),
        Space(3),
        Para("Agenda:", bold=True, align="L"),
        Enum(
            (
                "Persiapan penilaian mandiri evaluasi SPBE Tahun 2024.",
                "Kemajuan penempatan server Perangkat Daerah di pusat data Pemerintah Daerah.",
                "Pemutakhiran katalog data pada portal Satu Data Sukamaju.",
            ),
            style="1",
        ),
        Para("Pembahasan:", bold=True, align="L"),
        Enum(
            (
                t("""Ketua membuka rapat dan menegaskan bahwa bukti dukung penilaian mandiri dikumpulkan
                melalui Sekretariat paling lambat 31 Juli 2024, disusun per indikator dan per Perangkat
                Daerah."""),
                t("""Sekretaris Tim melaporkan bahwa hasil evaluasi tahun lalu menempatkan Kabupaten Sukamaju
                pada predikat Baik. Nilai terendah terdapat pada aspek kebijakan internal dan aspek
                manajemen, terutama dokumen yang belum ditetapkan."""),
                t("""Kepala Bidang Aplikasi Informatika menyampaikan bahwa 14 dari 22 server Perangkat Daerah
                telah dipindahkan ke pusat data. Delapan server lainnya dijadwalkan pindah pada triwulan III
                setelah pengadaan rak tambahan."""),
                t("""Bappeda selaku koordinator Forum Satu Data melaporkan 1.240 dataset telah terbit di
                portal Satu Data Sukamaju. Sebanyak 9 Perangkat Daerah belum memutakhirkan data tahun
                2023."""),
                t("""BKPSDM menyampaikan rencana bimbingan teknis kompetensi TIK bagi operator SPBE yang akan
                dilaksanakan bersama Diskominfo."""),
            ),
            style="1",
        ),
        Para("Kesimpulan dan tindak lanjut:", bold=True, align="L"),
        Table(
            ("No", "Tindak Lanjut", "Penanggung Jawab", "Batas Waktu"),
            (
                ("1", "Menyampaikan bukti dukung penilaian mandiri per indikator", "Seluruh anggota Tim",
                 "31 Juli 2024"),
                ("2", "Memindahkan 8 server Perangkat Daerah ke pusat data", "Diskominfo", "September 2024"),
                ("3", "Memutakhirkan dataset tahun 2023 di portal Satu Data", "Produsen data, Bappeda",
                 "Agustus 2024"),
                ("4", "Menyusun laporan semester I Tim Koordinasi kepada Bupati", "Sekretariat Tim",
                 "Juli 2024"),
            ),
            (0.5, 4.0, 2.2, 1.6),
        ),
        Space(6),
        opd_signature("Sukamaju, 18 Juni 2024", "Notulis,", "DIAN PERMATASARI, S.Kom.",
                      "NIP. 19900417 201503 2 002"),
    ]


SATU_DATA_TITLE = "Penyelenggaraan Satu Data Kabupaten Sukamaju"


def perbup_satu_data() -> list[Block]:
    """Perbup 20/2023 on Satu Data: the data-management policy (ind. 3) that governs ind. 23."""
    blocks = perkada_opening("PERATURAN", "20 TAHUN 2023", SATU_DATA_TITLE)
    blocks += considerations(
        (
            t("""bahwa perencanaan, pelaksanaan, evaluasi dan pengendalian pembangunan daerah memerlukan
            data yang akurat, mutakhir, terpadu, dapat dipertanggungjawabkan, serta mudah diakses dan
            dibagipakaikan antarperangkat daerah;"""),
            t("""bahwa untuk melaksanakan kebijakan Satu Data Indonesia di daerah diperlukan pengaturan
            mengenai penyelenggara, standar, metadata dan penyebarluasan data;"""),
            t("""bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu
            menetapkan Peraturan Bupati tentang Penyelenggaraan Satu Data Kabupaten Sukamaju;"""),
        ),
        (
            *MENGINGAT_DASAR,
            "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;",
            "Undang-Undang Nomor 16 Tahun 1997 tentang Statistik;",
            PERPRES_SPBE,
            "Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia;",
        ),
        f"Peraturan Bupati tentang {SATU_DATA_TITLE}.",
    )
    blocks += bab("I", "Ketentuan Umum")
    blocks += pasal(
        1,
        "Dalam Peraturan Bupati ini yang dimaksud dengan:",
        Enum(
            (
                "Daerah adalah Kabupaten Sukamaju.",
                "Bupati adalah Bupati Sukamaju.",
                t("""Satu Data Sukamaju adalah kebijakan tata kelola data Pemerintah Daerah untuk
                menghasilkan data yang akurat, mutakhir, terpadu, dapat dipertanggungjawabkan, mudah diakses
                dan dibagipakaikan."""),
                t("""Data adalah catatan atas kumpulan fakta atau deskripsi berupa angka, karakter, simbol,
                gambar, peta, tanda, isyarat, tulisan, suara dan/atau bunyi yang merepresentasikan keadaan
                sebenarnya."""),
                t("""Walidata adalah unit pada Pemerintah Daerah yang melaksanakan kegiatan pengumpulan,
                pemeriksaan dan pengelolaan data yang disampaikan oleh Produsen Data serta menyebarluaskan
                data."""),
                t("""Produsen Data adalah Perangkat Daerah yang menghasilkan data berdasarkan tugas dan
                fungsinya."""),
                t("""Metadata adalah informasi dalam bentuk struktur dan format yang baku untuk menggambarkan
                data, menjelaskan data, serta memudahkan pencarian, penggunaan dan pengelolaan data."""),
                t("""Forum Satu Data Sukamaju adalah wadah komunikasi dan koordinasi Perangkat Daerah untuk
                penyelenggaraan Satu Data Sukamaju."""),
            ),
            style="1",
        ),
    )
    blocks += pasal(
        2,
        "Penyelenggaraan Satu Data Sukamaju dilakukan berdasarkan prinsip:",
        Enum(
            (
                "data memenuhi standar data;",
                "data memiliki metadata;",
                "data memenuhi kaidah interoperabilitas; dan",
                "data menggunakan kode referensi dan/atau data induk.",
            )
        ),
    )
    blocks += bab("II", "Penyelenggara Satu Data Sukamaju")
    blocks += pasal(
        3,
        "Penyelenggara Satu Data Sukamaju terdiri atas:",
        Enum(
            (
                "Bupati selaku pengarah;",
                "Badan Perencanaan Pembangunan Daerah selaku koordinator Forum Satu Data Sukamaju;",
                "Dinas Komunikasi dan Informatika selaku Walidata; dan",
                "seluruh Perangkat Daerah selaku Produsen Data.",
            )
        ),
        t("""Walidata, Walidata pendukung dan Produsen Data sebagaimana dimaksud pada ayat (1) ditetapkan
        dengan Keputusan Bupati."""),
    )
    blocks += pasal(
        4,
        "Walidata mempunyai tugas:",
        Enum(
            (
                "memeriksa kesesuaian data yang disampaikan Produsen Data dengan prinsip Satu Data;",
                "mengelola katalog data dan metadata Daerah;",
                "menyebarluaskan data melalui portal Satu Data Sukamaju; dan",
                "membina Produsen Data dalam pengelolaan data.",
            )
        ),
    )
    blocks += bab("III", "Perencanaan, Pengumpulan dan Penyebarluasan Data")
    blocks += pasal(
        5,
        t("""Perencanaan data dilakukan setiap tahun melalui Forum Satu Data Sukamaju dan menghasilkan
        daftar data yang akan dikumpulkan pada tahun berikutnya."""),
        t("""Produsen Data menyampaikan data beserta metadata kepada Walidata paling lambat bulan Maret
        tahun berikutnya."""),
        t("""Data yang telah diperiksa Walidata disebarluaskan melalui portal Satu Data Sukamaju dan dapat
        dibagipakaikan antarinstansi melalui sistem penghubung layanan."""),
    )
    blocks += bab("IV", "Ketentuan Penutup")
    blocks += pasal(
        6,
        t("""Peraturan Bupati ini mulai berlaku pada tanggal diundangkan. Agar setiap orang mengetahuinya,
        memerintahkan pengundangan Peraturan Bupati ini dengan penempatannya dalam Berita Daerah Kabupaten
        Sukamaju."""),
    )
    blocks += perbup_closing("2 Oktober 2023", "2 Oktober 2023", "2023 NOMOR 20")
    return blocks


WALIDATA_TITLE = "Penetapan Walidata, Walidata Pendukung dan Produsen Data Satu Data Kabupaten Sukamaju"
WALIDATA_NOMOR = "555/Kep.88-Diskominfo/2024"


def sk_walidata() -> list[Block]:
    """Keputusan Bupati designating walidata and produsen data (ind. 3 and 23)."""
    blocks = perkada_opening("KEPUTUSAN", WALIDATA_NOMOR, WALIDATA_TITLE, salinan=False)
    blocks += considerations(
        (
            t("""bahwa untuk melaksanakan ketentuan Pasal 3 ayat (2) Peraturan Bupati Nomor 20 Tahun 2023
            tentang Penyelenggaraan Satu Data Kabupaten Sukamaju, perlu menetapkan Walidata, Walidata
            pendukung dan Produsen Data;"""),
            t("""bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan
            Keputusan Bupati tentang Penetapan Walidata, Walidata Pendukung dan Produsen Data Satu Data
            Kabupaten Sukamaju;"""),
        ),
        (
            "Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia;",
            "Peraturan Bupati Sukamaju Nomor 20 Tahun 2023 tentang Penyelenggaraan Satu Data Kabupaten Sukamaju;",
        ),
        f"Keputusan Bupati tentang {WALIDATA_TITLE}.",
    )
    blocks += [
        Fields(
            (
                ("KESATU", "Menetapkan Dinas Komunikasi dan Informatika sebagai Walidata Satu Data Sukamaju."),
                ("KEDUA", t("""Menetapkan Badan Perencanaan Pembangunan Daerah sebagai Walidata pendukung
                yang membantu Walidata dalam pemeriksaan data pembangunan.""")),
                ("KETIGA", t("""Menetapkan Perangkat Daerah sebagaimana tercantum dalam Lampiran sebagai
                Produsen Data, masing-masing dengan petugas pengelola data.""")),
                ("KEEMPAT", t("""Produsen Data menyampaikan data sektoral beserta metadata kepada Walidata
                melalui portal Satu Data Sukamaju setiap tahun.""")),
                ("KELIMA", "Keputusan ini mulai berlaku pada tanggal ditetapkan."),
            ),
            label_width=30,
        ),
    ]
    blocks += keputusan_closing("4 Maret 2024")
    blocks += [PageBreak()]
    blocks += lampiran_heading("KEPUTUSAN", WALIDATA_NOMOR, WALIDATA_TITLE)
    producers = (
        ("Dinas Kependudukan dan Pencatatan Sipil", "Kependudukan dan catatan sipil"),
        ("Dinas Kesehatan", "Kesehatan masyarakat, fasilitas kesehatan"),
        ("Dinas Pendidikan", "Satuan pendidikan, peserta didik, guru"),
        ("Dinas Sosial", "Penerima bantuan sosial"),
        ("Dinas Pekerjaan Umum dan Penataan Ruang", "Jalan, jembatan, irigasi"),
        ("Dinas Penanaman Modal dan PTSP", "Perizinan dan investasi"),
        ("Badan Pengelolaan Keuangan dan Aset Daerah", "Keuangan dan barang milik daerah"),
        ("Badan Kepegawaian dan Pengembangan SDM", "Aparatur sipil negara"),
        ("Dinas Perhubungan", "Angkutan dan lalu lintas"),
        ("Dinas Pariwisata dan Kebudayaan", "Kunjungan wisata, cagar budaya"),
    )
    blocks += [
        Heading("DAFTAR PRODUSEN DATA SATU DATA KABUPATEN SUKAMAJU"),
        Space(3),
        Table(
            ("No", "Produsen Data", "Kelompok Data"),
            tuple((str(i), name, group) for i, (name, group) in enumerate(producers, start=1)),
            (0.6, 4.0, 3.4),
            font_delta=-1,
        ),
        Space(6),
        Signature((f"BUPATI {KAB},", "", "ttd.", "", BUPATI)),
    ]
    return blocks


def laporan_bimtek_tik() -> list[Block]:
    """Activity report of an ICT training for civil servants (competence, ind. 25)."""
    materi = (
        ("1", "Kebijakan SPBE nasional dan daerah", "Diskominfo Kab. Sukamaju", "2 JP"),
        ("2", "Pengelolaan konten dan aplikasi perkantoran", "Tenaga ahli Diskominfo", "4 JP"),
        ("3", "Dasar administrasi server dan jaringan", "Politeknik Negeri Sukamaju", "6 JP"),
        ("4", "Pengolahan data dan penyusunan metadata", "BPS Kabupaten Sukamaju", "4 JP"),
        ("5", "Praktik penggunaan layanan helpdesk TIK", "Bidang Aplikasi Informatika", "2 JP"),
    )
    return [
        *report_cover(
            ("LAPORAN PELAKSANAAN KEGIATAN", "BIMBINGAN TEKNIS PENINGKATAN KOMPETENSI TIK", "BAGI APARATUR SIPIL NEGARA"),
            "Dinas Komunikasi dan Informatika",
            "TAHUN 2024",
        ),
        Para("BAB I PENDAHULUAN", bold=True, align="L"),
        Para("A. Latar Belakang", bold=True, align="L"),
        Para(t("""Penerapan SPBE menuntut aparatur yang mampu mengoperasikan, memelihara dan memanfaatkan
        aplikasi serta infrastruktur teknologi informasi. Hasil pemetaan kompetensi tahun 2023 menunjukkan
        bahwa sebagian besar operator SPBE di Perangkat Daerah belum pernah mengikuti pelatihan teknis,
        sehingga Dinas Komunikasi dan Informatika bersama BKPSDM menyelenggarakan bimbingan teknis
        peningkatan kompetensi TIK.""")),
        Para("B. Maksud dan Tujuan", bold=True, align="L"),
        Para(t("""Kegiatan ini dimaksudkan untuk meningkatkan pengetahuan dan keterampilan ASN pengelola TIK,
        dengan tujuan agar setiap Perangkat Daerah memiliki paling sedikit satu operator yang kompeten
        mengelola aplikasi, data dan perangkat jaringan di unit kerjanya.""")),
        Para("BAB II PELAKSANAAN KEGIATAN", bold=True, align="L"),
        Fields(
            (
                ("Waktu", "21 s.d. 23 Mei 2024"),
                ("Tempat", "Aula Dinas Komunikasi dan Informatika Kabupaten Sukamaju"),
                ("Peserta", "60 ASN operator SPBE dari 32 Perangkat Daerah"),
                ("Sumber dana", "DPA Diskominfo Tahun Anggaran 2024"),
            ),
            label_width=32,
        ),
        Space(2),
        Para("Materi dan narasumber:", align="L"),
        Table(("No", "Materi", "Narasumber", "Durasi"), materi, (0.5, 4.0, 3.0, 1.0)),
        Space(3),
        Para("BAB III HASIL DAN EVALUASI", bold=True, align="L"),
        Para(t("""Nilai rata-rata pre-test peserta sebesar 58,4 dan meningkat menjadi 81,2 pada post-test.
        Sebanyak 57 peserta (95%) dinyatakan lulus dan memperoleh sertifikat. Hasil kuesioner menunjukkan
        tingkat kepuasan peserta terhadap materi sebesar 4,3 dari skala 5. Peserta meminta materi lanjutan
        tentang pengembangan aplikasi dan pengelolaan basis data.""")),
        Para("BAB IV PENUTUP", bold=True, align="L"),
        Para(t("""Bimbingan teknis berjalan sesuai rencana. Direkomendasikan agar BKPSDM memasukkan pelatihan
        TIK berjenjang ke dalam rencana pengembangan kompetensi ASN tahun 2025 dan agar Perangkat Daerah
        menugaskan peserta yang lulus sebagai operator SPBE.""")),
        Space(6),
        opd_signature("Sukamaju, 31 Mei 2024", "Kepala Dinas Komunikasi dan Informatika,", KADIS_KOMINFO,
                      KADIS_KOMINFO_NIP),
    ]


RKA_ITEMS: tuple[tuple[str, str, int, str, int], ...] = (
    ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor - Alat Tulis Kantor", 12, "paket", 350_000),
    ("5.1.02.01.01.0026", "Belanja Alat/Bahan untuk Kegiatan Kantor - Bahan Cetak", 10, "paket", 275_000),
    ("5.1.02.02.01.0013", "Belanja Jasa Tenaga Ahli Pengembangan Aplikasi", 24, "OB", 7_500_000),
    ("5.1.02.02.01.0063", "Belanja Langganan Internet dan Bandwidth Pusat Data", 12, "bulan", 18_500_000),
    ("5.1.02.02.01.0061", "Belanja Jasa Penyelenggaraan Rapat Koordinasi SPBE", 8, "kali", 2_750_000),
    ("5.1.02.03.02.0405", "Belanja Pemeliharaan Perangkat Jaringan Intra", 4, "triwulan", 9_800_000),
    ("5.2.02.05.02.0001", "Belanja Modal Server Rak untuk Pusat Data", 2, "unit", 185_000_000),
    ("5.2.02.10.02.0005", "Belanja Modal Perangkat Lunak Sistem Penghubung Layanan", 1, "paket", 95_000_000),
)


def rka_diskominfo() -> list[Block]:
    """One RKA-SKPD page of a Diskominfo SPBE activity (plan-budget integration, ind. 13)."""
    rows = tuple(
        (code, name, f"{qty} {unit}", rupiah(price), rupiah(qty * price)) for code, name, qty, unit, price in RKA_ITEMS
    )
    total = sum(qty * price for _, _, qty, _, price in RKA_ITEMS)
    return [
        Heading("RENCANA KERJA DAN ANGGARAN"),
        Heading("SATUAN KERJA PERANGKAT DAERAH (RKA-SKPD)"),
        Heading(f"PEMERINTAH KABUPATEN {KAB} - TAHUN ANGGARAN 2024", bold=False),
        Space(3),
        Fields(
            (
                ("Urusan Pemerintahan", "2.16 - Urusan Pemerintahan Bidang Komunikasi dan Informatika"),
                ("Organisasi", "2.16.0.00.0.00.01.0000 - Dinas Komunikasi dan Informatika"),
                ("Program", "2.16.03 - Program Aplikasi Informatika"),
                ("Kegiatan", "2.16.03.1.02 - Pengelolaan e-Government di Lingkup Pemerintah Daerah Kabupaten"),
                ("Sub Kegiatan", "Pengembangan dan Pengelolaan Sistem Pemerintahan Berbasis Elektronik"),
                ("Sumber Pendanaan", "Pendapatan Asli Daerah"),
                ("Lokasi", "Kabupaten Sukamaju"),
                ("Waktu Pelaksanaan", "Januari s.d. Desember 2024"),
            ),
            label_width=45,
        ),
        Space(2),
        Table(
            ("Indikator", "Tolok Ukur Kinerja", "Target Kinerja"),
            (
                ("Capaian Program", "Indeks SPBE Kabupaten Sukamaju", "2,90"),
                ("Keluaran", "Jumlah aplikasi Perangkat Daerah yang terintegrasi melalui sistem penghubung", "24 aplikasi"),
                ("Keluaran", "Jumlah server Perangkat Daerah yang ditempatkan di pusat data", "22 server"),
                ("Hasil", "Persentase layanan SPBE yang berjalan tanpa gangguan", "98 %"),
            ),
            (1.5, 5.0, 1.5),
        ),
        Space(3),
        Table(
            ("Kode Rekening", "Uraian", "Koefisien", "Harga Satuan (Rp)", "Jumlah (Rp)"),
            (*rows, ("", "JUMLAH", "", "", rupiah(total))),
            (1.8, 5.0, 1.2, 1.6, 1.8),
        ),
        Space(4),
        opd_signature("Sukamaju, 12 Oktober 2023", "Kepala Dinas Komunikasi dan Informatika,", KADIS_KOMINFO,
                      KADIS_KOMINFO_NIP),
    ]


def sop_helpdesk() -> list[Block]:
    """SOP of the ICT helpdesk with service levels (service management, ind. 28)."""
    return [
        *kop_surat("Dinas Komunikasi dan Informatika", "Jl. Raya Sukamaju No. 45 Telp. (0263) 512345"),
        Heading("STANDAR OPERASIONAL PROSEDUR"),
        Heading("LAYANAN HELPDESK TEKNOLOGI INFORMASI DAN KOMUNIKASI"),
        Space(3),
        Table(
            ("Unsur", "Keterangan"),
            (
                ("Nomor SOP", "800/SOP-07/Diskominfo/2024"),
                ("Tanggal Pembuatan", "8 Januari 2024"),
                ("Tanggal Revisi", "-"),
                ("Tanggal Efektif", "15 Januari 2024"),
                ("Disahkan oleh", "Kepala Dinas Komunikasi dan Informatika"),
                ("Nama SOP", "Layanan Helpdesk TIK"),
            ),
            (2.0, 5.0),
            font_delta=0,
        ),
        Space(3),
        Para("Dasar Hukum:", bold=True, align="L"),
        Enum(
            (
                "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;",
                "Peraturan Bupati Sukamaju Nomor 12 Tahun 2023 tentang Arsitektur SPBE Kabupaten Sukamaju.",
            ),
            style="1",
        ),
        Para("Kualifikasi Pelaksana:", bold=True, align="L"),
        Para(t("""Petugas helpdesk memahami aplikasi umum Pemerintah Daerah, jaringan intra dan tata cara
        pencatatan tiket; tim teknis memiliki kompetensi administrasi server, jaringan dan aplikasi.""")),
        Para("Peralatan dan Perlengkapan:", bold=True, align="L"),
        Para(t("""Aplikasi layanan Sukamaju Service Desk (servicedesk.sukamajukab.go.id), telepon ext. 1500,
        WhatsApp layanan 0812-0000-1500, formulir tiket dan papan pemantauan tiket.""")),
        Para("Uraian Prosedur:", bold=True, align="L"),
        Table(
            ("No", "Kegiatan", "Pelaksana", "Waktu", "Output"),
            (
                ("1", "Menyampaikan permintaan atau laporan gangguan melalui aplikasi, telepon atau WhatsApp",
                 "Pengguna", "-", "Laporan"),
                ("2", "Mencatat laporan sebagai tiket dan menentukan kategori serta prioritas", "Petugas helpdesk",
                 "15 menit", "Tiket"),
                ("3", "Menyelesaikan tiket tingkat 1 (akun, kata sandi, konfigurasi sederhana)", "Petugas helpdesk",
                 "1 jam", "Tiket selesai"),
                ("4", "Meneruskan tiket yang tidak dapat diselesaikan ke tim teknis", "Petugas helpdesk",
                 "30 menit", "Tiket eskalasi"),
                ("5", "Menangani gangguan aplikasi, server atau jaringan", "Tim teknis", "Sesuai SLA",
                 "Laporan penanganan"),
                ("6", "Mengonfirmasi penyelesaian kepada pengguna dan menutup tiket", "Petugas helpdesk",
                 "15 menit", "Tiket ditutup"),
                ("7", "Menyusun rekapitulasi tiket bulanan untuk Kepala Bidang", "Koordinator helpdesk",
                 "Bulanan", "Laporan bulanan"),
            ),
            (0.5, 4.2, 1.8, 1.2, 1.6),
        ),
        Space(3),
        Para("Tingkat Layanan (SLA):", bold=True, align="L"),
        Table(
            ("Prioritas", "Contoh", "Waktu Respons", "Waktu Penyelesaian"),
            (
                ("Tinggi", "Layanan publik daring tidak dapat diakses", "15 menit", "4 jam"),
                ("Sedang", "Aplikasi internal lambat atau sebagian fitur gagal", "1 jam", "1 hari kerja"),
                ("Rendah", "Permintaan akun baru, pemasangan perangkat lunak", "4 jam", "3 hari kerja"),
            ),
            (1.2, 3.6, 1.4, 1.8),
        ),
    ]


def laporan_pusat_data() -> list[Block]:
    """Semester report on the data centre: availability, tenants, incidents (ind. 16)."""
    return [
        *report_cover(
            ("LAPORAN PEMANTAUAN LAYANAN PUSAT DATA", "SEMESTER I TAHUN 2024"),
            "Dinas Komunikasi dan Informatika",
            "JULI 2024",
        ),
        Para("1. Pendahuluan", bold=True, align="L"),
        Para(t("""Pusat data Pemerintah Kabupaten Sukamaju berada di lantai 2 Gedung Diskominfo dan melayani
        aplikasi seluruh Perangkat Daerah. Laporan ini menyajikan hasil pemantauan ketersediaan layanan,
        kapasitas, penempatan server dan gangguan selama Januari sampai Juni 2024.""")),
        Para("2. Kondisi Fasilitas", bold=True, align="L"),
        Para(t("""Fasilitas terdiri atas 6 rak server, 2 unit UPS 20 kVA, genset 100 kVA, 2 unit pendingin
        presisi, sistem pemadam kebakaran gas dan pemantauan suhu serta kelembapan. Penyimpanan terpasang 48
        TB dengan pemakaian 61 persen. Pencadangan harian dilakukan ke perangkat penyimpanan terpisah.""")),
        Para("3. Ketersediaan Layanan", bold=True, align="L"),
        Table(
            ("Bulan", "Ketersediaan (%)", "Keterangan"),
            (
                ("Januari", "99,92", "Normal"),
                ("Februari", "99,87", "Pemeliharaan terjadwal UPS"),
                ("Maret", "99,95", "Normal"),
                ("April", "98,71", "Pemadaman listrik PLN 9 jam, genset gagal menyala otomatis"),
                ("Mei", "99,90", "Normal"),
                ("Juni", "99,96", "Normal"),
            ),
            (1.5, 1.8, 5.0),
        ),
        Space(3),
        Para("4. Penempatan Server Perangkat Daerah", bold=True, align="L"),
        Table(
            ("Perangkat Daerah", "Aplikasi Utama", "Jumlah VM"),
            (
                ("Diskominfo", "Portal, Satu Data, Service Desk, sistem penghubung", "11"),
                ("Bappeda", "e-Planning", "2"),
                ("BPKAD", "Aplikasi pendukung SIPD, SIMDA BMD", "3"),
                ("BKPSDM", "SIMPEG, e-Kinerja", "3"),
                ("Inspektorat Daerah", "SIMWAS", "1"),
                ("Setda Bagian Organisasi", "e-SAKIP", "1"),
                ("Disdukcapil", "Antrean dan layanan adminduk daring", "2"),
            ),
            (2.5, 4.5, 1.2),
        ),
        Space(3),
        Para("5. Gangguan dan Penanganan", bold=True, align="L"),
        Para(t("""Terjadi 3 gangguan: pemadaman listrik pada 17 April 2024, kerusakan satu diska pada
        penyimpanan utama pada 6 Mei 2024 yang diganti tanpa kehilangan data, dan putusnya tautan internet
        utama selama 2 jam pada 11 Juni 2024 yang dialihkan ke tautan cadangan.""")),
        Para("6. Rekomendasi", bold=True, align="L"),
        Enum(
            (
                "Memperbaiki panel transfer otomatis genset dan mengujinya setiap bulan.",
                "Menambah kapasitas penyimpanan 24 TB pada anggaran perubahan 2024.",
                "Menyelesaikan pemindahan 8 server Perangkat Daerah yang masih berada di kantor masing-masing.",
            ),
            style="1",
        ),
        Space(6),
        opd_signature("Sukamaju, 5 Juli 2024", "Kepala Dinas Komunikasi dan Informatika,", KADIS_KOMINFO,
                      KADIS_KOMINFO_NIP),
    ]


def inventaris_aset_tik() -> list[Block]:
    """ICT asset register of Diskominfo (ICT asset management, ind. 24)."""
    assets = (
        ("3.10.02.03.002", "Server rak", "Dell PowerEdge R750", "2022", "4", "Pusat data", "Baik"),
        ("3.10.02.03.002", "Server rak", "HPE ProLiant DL380 Gen10", "2019", "3", "Pusat data", "Baik"),
        ("3.10.02.03.004", "Penyimpanan jaringan (NAS)", "Synology RS3621xs+", "2021", "1", "Pusat data", "Baik"),
        ("3.10.02.04.001", "Core switch", "Cisco Catalyst 9300", "2021", "2", "Pusat data", "Baik"),
        ("3.10.02.04.003", "Router", "MikroTik CCR2116", "2023", "2", "Pusat data", "Baik"),
        ("3.10.02.04.005", "Access point", "Ubiquiti U6 Pro", "2023", "24", "Gedung Setda", "Baik"),
        ("3.10.01.02.001", "UPS", "APC Smart-UPS 20 kVA", "2020", "2", "Pusat data", "Baik"),
        ("3.10.02.01.003", "Komputer PC", "Lenovo ThinkCentre M70", "2022", "18", "Kantor Diskominfo", "Baik"),
        ("3.10.02.02.001", "Laptop", "Asus ExpertBook B1", "2023", "9", "Kantor Diskominfo", "Baik"),
        ("3.10.02.02.001", "Laptop", "Acer TravelMate P2", "2018", "6", "Kantor Diskominfo", "Rusak ringan"),
        ("3.10.02.05.001", "Printer", "Epson L6270", "2021", "5", "Kantor Diskominfo", "Baik"),
        ("3.10.02.06.002", "Proyektor", "Epson EB-X500", "2019", "2", "Ruang rapat", "Rusak berat"),
        ("5.03.01.01.001", "Lisensi sistem operasi server", "Windows Server 2022 Std", "2022", "4", "Pusat data", "Aktif"),
        ("5.03.01.01.004", "Lisensi perangkat lunak virtualisasi", "Proxmox VE subscription", "2024", "6", "Pusat data", "Aktif"),
    )
    return [
        Heading(f"PEMERINTAH KABUPATEN {KAB}"),
        Heading("DINAS KOMUNIKASI DAN INFORMATIKA"),
        Space(2),
        Heading("DAFTAR INVENTARIS ASET TEKNOLOGI INFORMASI DAN KOMUNIKASI"),
        Heading("Posisi per 30 Juni 2024", bold=False),
        Space(3),
        Table(
            ("No", "Kode Barang", "Nama Aset", "Merek/Tipe", "Tahun", "Jml", "Lokasi", "Kondisi"),
            tuple((str(i), *row) for i, row in enumerate(assets, start=1)),
            (0.5, 1.8, 2.2, 2.4, 0.8, 0.6, 1.6, 1.2),
        ),
        Space(3),
        Para(t("""Catatan: aset dengan kondisi rusak berat diusulkan penghapusan kepada BPKAD pada semester II
        Tahun 2024. Registri ini dimutakhirkan setiap semester dan dicocokkan dengan kartu inventaris barang
        pada aplikasi SIMDA BMD.""")),
        Space(6),
        opd_signature("Sukamaju, 3 Juli 2024", "Pengurus Barang,", "ASEP SAEFULLOH", "NIP. 19820309 200901 1 005"),
    ]


def panduan_portal_satu_data() -> list[Block]:
    """User guide of the open-data portal (open data service, ind. 43)."""
    return [
        *report_cover(
            ("BUKU PANDUAN PENGGUNAAN", "PORTAL SATU DATA SUKAMAJU"),
            "Dinas Komunikasi dan Informatika",
            "VERSI 2.1 - APRIL 2024",
        ),
        Para("1. Tentang Portal", bold=True, align="L"),
        Para(t("""Portal Satu Data Sukamaju (data.sukamajukab.go.id) adalah layanan data terbuka Pemerintah
        Kabupaten Sukamaju. Portal menyediakan 1.240 dataset dari 38 produsen data yang dapat dilihat,
        diunduh dan digunakan kembali oleh masyarakat tanpa perlu mendaftar.""")),
        Para("2. Mencari dan Mengunduh Dataset", bold=True, align="L"),
        Enum(
            (
                "Buka halaman Dataset, lalu ketik kata kunci pada kolom pencarian, misalnya \"jumlah penduduk\".",
                "Saring hasil menurut organisasi, topik, tahun atau format berkas.",
                "Pilih dataset untuk melihat metadata: definisi, satuan, frekuensi, produsen dan tanggal pemutakhiran.",
                "Klik tombol Unduh untuk memperoleh berkas dalam format CSV, XLSX atau JSON.",
            ),
            style="1",
        ),
        Para("3. Visualisasi", bold=True, align="L"),
        Para(t("""Setiap dataset numerik dilengkapi grafik batang atau garis yang dapat disesuaikan. Pengguna
        dapat menyematkan grafik pada situs lain menggunakan kode sematan yang tersedia.""")),
        Para("4. Akses melalui API", bold=True, align="L"),
        Para(t("""Portal dibangun di atas CKAN sehingga pengembang dapat mengambil data secara otomatis
        melalui alamat data.sukamajukab.go.id/api/3/action/package_search. Kunci API diperlukan untuk
        jumlah permintaan di atas 1.000 per hari dan dapat diminta melalui menu Permintaan Data.""")),
        Para("5. Permintaan Data dan Umpan Balik", bold=True, align="L"),
        Para(t("""Masyarakat dapat mengajukan permintaan dataset yang belum tersedia. Permintaan diteruskan
        Walidata kepada produsen data terkait dan dijawab paling lama 10 hari kerja. Status permintaan dapat
        dipantau pada halaman akun pengguna.""")),
        Para("6. Statistik Pemanfaatan", bold=True, align="L"),
        Table(
            ("Tahun", "Dataset Terbit", "Kunjungan", "Unduhan"),
            (("2022", "612", "48.310", "9.855"), ("2023", "1.035", "97.442", "21.608"),
             ("2024 (s.d. Maret)", "1.240", "31.907", "7.114")),
            (2.0, 1.6, 1.6, 1.6),
        ),
    ]


def topologi_jaringan_intra() -> list[Block]:
    """Network topology description; rendered, then deliberately truncated into a corrupt file."""
    return [
        *report_cover(("TOPOLOGI JARINGAN INTRA", "PEMERINTAH KABUPATEN SUKAMAJU"), "Dinas Komunikasi dan Informatika",
                      "TAHUN 2024"),
        Para(t("""Jaringan intra Pemerintah Kabupaten Sukamaju menghubungkan 21 titik kantor Perangkat Daerah
        ke pusat data melalui serat optik milik daerah dan 9 titik kecamatan melalui VPN.""")),
        Table(
            ("Segmen", "Media", "Kapasitas", "Titik"),
            (("Inti", "Serat optik", "10 Gbps", "Pusat data"), ("Distribusi", "Serat optik", "1 Gbps", "21 kantor"),
             ("Akses kecamatan", "VPN", "100 Mbps", "9 kecamatan")),
            (2.0, 2.0, 1.5, 2.5),
        ),
    ]


def berita_festival_kopi() -> list[Block]:
    """A news item about a coffee festival: unrelated to SPBE, the classifier must stay silent."""
    return [
        Heading("Festival Kopi Sukamaju 2024 Dipadati Ribuan Pengunjung", size_delta=3),
        Para("Sukamaju - Kamis, 12 September 2024", italic=True, align="L"),
        Para(t("""Alun-alun Sukamaju dipadati ribuan pengunjung pada pembukaan Festival Kopi Sukamaju 2024,
        Kamis pagi. Sebanyak 48 pelaku usaha kopi dari 15 kecamatan memamerkan biji kopi arabika dan robusta
        hasil kebun lereng Gunung Malabar Selatan.""")),
        Para(t("""Bupati Sukamaju dalam sambutannya menyampaikan bahwa kopi menjadi salah satu komoditas
        unggulan daerah. "Petani kopi kita sudah menembus pasar luar negeri, tugas kita bersama adalah
        menjaga mutu dan memperkuat merek kopi Sukamaju," ujarnya.""")),
        Para(t("""Selama tiga hari festival, pengunjung dapat mengikuti kelas seduh manual, lomba barista
        pelajar, dan tur kebun kopi di Desa Cibeureum. Panitia juga menggelar panggung seni tradisional
        yang menampilkan kesenian reog dan calung setiap malam.""")),
        Para(t("""Kepala Dinas Pariwisata dan Kebudayaan menargetkan festival tahun ini mendatangkan 25 ribu
        pengunjung dan perputaran uang sekitar Rp 3 miliar. Festival ditutup Sabtu malam dengan pengumuman
        pemenang lomba cita rasa kopi.""")),
        Para("(Humas Diskominfo Kab. Sukamaju)", italic=True, align="R"),
    ]


# --------------------------------------------------------------------------------------------------
# Bappeda
# --------------------------------------------------------------------------------------------------


def panduan_e_planning() -> list[Block]:
    """User guide of the e-Planning application (planning service, ind. 32)."""
    return [
        *report_cover(
            ("BUKU PANDUAN APLIKASI E-PLANNING", "KABUPATEN SUKAMAJU"),
            "Badan Perencanaan Pembangunan Daerah",
            "EDISI 2024",
        ),
        Para("A. Gambaran Umum", bold=True, align="L"),
        Para(t("""Aplikasi e-Planning Kabupaten Sukamaju (eplanning.sukamajukab.go.id) digunakan untuk
        menyusun rencana pembangunan tahunan secara elektronik, mulai dari usulan musyawarah perencanaan
        pembangunan (Musrenbang) desa, kecamatan, forum Perangkat Daerah, hingga Rencana Kerja Pemerintah
        Daerah (RKPD). Data usulan yang telah diverifikasi dikirim ke SIPD Perencanaan melalui fitur
        sinkronisasi.""")),
        Para("B. Peran Pengguna", bold=True, align="L"),
        Table(
            ("Peran", "Hak Akses"),
            (
                ("Operator desa/kelurahan", "Menginput usulan Musrenbang desa beserta lokasi dan foto"),
                ("Operator kecamatan", "Memverifikasi dan memprioritaskan usulan desa"),
                ("Operator Perangkat Daerah", "Menelaah usulan sesuai urusan, menyusun rancangan Renja"),
                ("Verifikator Bappeda", "Memeriksa kesesuaian usulan dengan RPJMD dan pagu indikatif"),
                ("Administrator", "Mengelola akun, jadwal tahapan dan referensi"),
            ),
            (2.5, 5.5),
        ),
        Space(3),
        Para("C. Langkah Penggunaan", bold=True, align="L"),
        Enum(
            (
                "Masuk ke aplikasi dengan akun dan kata sandi yang diberikan administrator.",
                "Pilih menu Usulan, lalu Tambah Usulan; isi permasalahan, lokasi, volume dan perkiraan biaya.",
                "Unggah foto lokasi dan tandai titik koordinat pada peta.",
                "Kirim usulan; status usulan dapat dipantau pada menu Rekapitulasi.",
                "Verifikator menyetujui, menolak atau mengembalikan usulan dengan catatan.",
                "Usulan yang disetujui otomatis masuk daftar rancangan Renja Perangkat Daerah.",
            ),
            style="1",
        ),
        Para("D. Integrasi", bold=True, align="L"),
        Para(t("""e-Planning terhubung dengan aplikasi e-Budgeting melalui sistem penghubung layanan Pemerintah
        Daerah, sehingga program dan kegiatan dalam RKPD dapat ditarik langsung saat penyusunan RKA.
        Rekapitulasi usulan juga dipublikasikan pada portal Satu Data Sukamaju.""")),
        Para("E. Layanan Bantuan", bold=True, align="L"),
        Para("Kendala penggunaan dapat disampaikan kepada Bidang Perencanaan, Pengendalian dan Evaluasi Bappeda."),
    ]


def notulen_forum_satu_data() -> list[Block]:
    """Minutes of the Forum Satu Data run by Bappeda (data management in practice, ind. 23)."""
    return [
        *kop_surat("Badan Perencanaan Pembangunan Daerah", "Jl. Siliwangi No. 12 Sukamaju"),
        Heading("NOTULEN RAPAT FORUM SATU DATA SUKAMAJU"),
        Space(3),
        Fields(
            (
                ("Hari/Tanggal", "Rabu, 13 Maret 2024"),
                ("Tempat", "Ruang Rapat Bappeda"),
                ("Pimpinan Rapat", "Kepala Bappeda selaku koordinator Forum Satu Data"),
                ("Peserta", "Walidata (Diskominfo), BPS Kabupaten Sukamaju, 24 Produsen Data"),
            ),
            label_width=35,
        ),
        Space(2),
        Para("Pokok bahasan:", bold=True, align="L"),
        Enum(
            (
                t("""Penetapan daftar data prioritas tahun 2024 sebanyak 310 data, meliputi data kemiskinan,
                stunting, infrastruktur jalan dan indikator kinerja daerah."""),
                t("""BPS sebagai pembina data statistik menyampaikan hasil pemeriksaan metadata: 72 persen
                metadata telah memenuhi standar, sisanya belum mencantumkan definisi operasional dan
                satuan."""),
                t("""Walidata melaporkan kode referensi wilayah dan kode Perangkat Daerah telah diseragamkan di
                portal. Data induk penduduk bersumber dari Disdukcapil dan dibagipakaikan melalui sistem
                penghubung layanan."""),
                t("""Produsen data yang terlambat menyampaikan data diminta menyelesaikannya paling lambat akhir
                April 2024."""),
            ),
            style="1",
        ),
        Para("Kesepakatan:", bold=True, align="L"),
        Enum(
            (
                "Daftar data prioritas 2024 ditetapkan sebagai lampiran notulen ini.",
                "Pemeriksaan kualitas data dilakukan Walidata setiap triwulan dan dilaporkan ke Forum.",
                "Forum berikutnya dilaksanakan pada bulan September 2024.",
            ),
            style="1",
        ),
        Space(6),
        opd_signature("Sukamaju, 13 Maret 2024", "Notulis,", "RIZKY PRATAMA, S.Si.", "NIP. 19930611 201902 1 003"),
    ]


def undangan_hut() -> list[Block]:
    """An invitation to the regency anniversary ceremony: unrelated to SPBE."""
    return [
        *kop_surat("Sekretariat Daerah", "Jl. Alun-alun Utara No. 1 Sukamaju"),
        Fields(
            (
                ("Nomor", "003/1842-Prokopim"),
                ("Sifat", "Penting"),
                ("Lampiran", "1 (satu) lembar"),
                ("Hal", "Undangan Upacara Peringatan Hari Jadi Kabupaten Sukamaju ke-78"),
            ),
            label_width=25,
        ),
        Space(3),
        Para("Yth. Kepala Perangkat Daerah se-Kabupaten Sukamaju", align="L"),
        Para("di Tempat", align="L"),
        Space(3),
        Para(t("""Dalam rangka memperingati Hari Jadi Kabupaten Sukamaju ke-78, dengan hormat kami mengundang
        Saudara untuk menghadiri upacara yang akan dilaksanakan pada:""")),
        Fields(
            (
                ("Hari/Tanggal", "Senin, 2 September 2024"),
                ("Waktu", "07.30 WIB s.d. selesai"),
                ("Tempat", "Alun-alun Sukamaju"),
                ("Pakaian", "Pakaian adat Sunda"),
            ),
            label_width=30,
        ),
        Space(2),
        Para(t("""Saudara diminta mengikutsertakan seluruh pegawai di lingkungan unit kerja masing-masing dan
        hadir 30 menit sebelum acara dimulai. Rangkaian acara dilanjutkan dengan pawai budaya dan bazar
        UMKM. Demikian undangan ini kami sampaikan, atas perhatian dan kehadirannya diucapkan terima
        kasih.""")),
        Space(6),
        Signature(("Sukamaju, 26 Agustus 2024", f"SEKRETARIS DAERAH KABUPATEN {KAB},", "", "ttd.", "", SEKDA,
                   SEKDA_NIP)),
    ]


# --------------------------------------------------------------------------------------------------
# BKPSDM
# --------------------------------------------------------------------------------------------------

E_KINERJA_TITLE = "Penilaian Kinerja Pegawai Aparatur Sipil Negara Berbasis Elektronik"


def perbup_e_kinerja() -> list[Block]:
    """Perbup on the electronic employee-performance application (employee performance service, ind. 41)."""
    blocks = perkada_opening("PERATURAN", "31 TAHUN 2022", E_KINERJA_TITLE)
    blocks += considerations(
        (
            t("""bahwa penilaian kinerja pegawai perlu dilaksanakan secara objektif, terukur, akuntabel dan
            transparan serta dapat dipantau setiap waktu oleh atasan langsung;"""),
            t("""bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan
            Peraturan Bupati tentang Penilaian Kinerja Pegawai Aparatur Sipil Negara Berbasis
            Elektronik;"""),
        ),
        (
            *MENGINGAT_DASAR,
            "Peraturan Pemerintah Nomor 30 Tahun 2019 tentang Penilaian Kinerja Pegawai Negeri Sipil;",
            t("""Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 6 Tahun 2022
            tentang Pengelolaan Kinerja Pegawai Aparatur Sipil Negara;"""),
        ),
        f"Peraturan Bupati tentang {E_KINERJA_TITLE}.",
    )
    blocks += pasal(
        1,
        "Dalam Peraturan Bupati ini yang dimaksud dengan:",
        Enum(
            (
                "Daerah adalah Kabupaten Sukamaju.",
                t("""Badan adalah Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten
                Sukamaju."""),
                t("""Sasaran Kinerja Pegawai yang selanjutnya disingkat SKP adalah ekspektasi kinerja yang
                akan dicapai pegawai setiap tahun."""),
                t("""Aplikasi e-Kinerja adalah sistem elektronik yang digunakan untuk menyusun SKP, mencatat
                realisasi kinerja, memberikan umpan balik dan menilai kinerja pegawai."""),
            ),
            style="1",
        ),
    )
    blocks += pasal(
        2,
        t("""Setiap pegawai ASN di lingkungan Pemerintah Daerah menyusun SKP, mencatat realisasi kinerja dan
        menerima umpan balik melalui aplikasi e-Kinerja."""),
        t("""Atasan langsung melakukan evaluasi kinerja pegawai secara periodik setiap triwulan dan evaluasi
        tahunan melalui aplikasi e-Kinerja."""),
    )
    blocks += pasal(
        3,
        t("""Aplikasi e-Kinerja terintegrasi dengan aplikasi presensi elektronik, Sistem Informasi Manajemen
        Pegawai dan aplikasi Tambahan Penghasilan Pegawai, serta menyampaikan hasil penilaian kepada sistem
        informasi ASN nasional."""),
    )
    blocks += pasal(
        4,
        t("""Badan bertanggung jawab atas pengelolaan aplikasi e-Kinerja, pemberian hak akses, pendampingan
        pengguna dan pelaporan hasil penilaian kinerja kepada Bupati."""),
        t("""Dinas Komunikasi dan Informatika menyediakan infrastruktur pusat data dan jaringan untuk
        aplikasi e-Kinerja."""),
    )
    blocks += pasal(
        5,
        t("""Peraturan Bupati ini mulai berlaku pada tanggal 1 Januari 2023. Agar setiap orang mengetahuinya,
        memerintahkan pengundangan Peraturan Bupati ini dengan penempatannya dalam Berita Daerah Kabupaten
        Sukamaju."""),
    )
    blocks += perbup_closing("28 Desember 2022", "28 Desember 2022", "2022 NOMOR 31")
    return blocks


def manual_simpeg() -> list[Block]:
    """User manual of the staffing information system (staffing service, ind. 36)."""
    return [
        *report_cover(
            ("MANUAL PENGGUNAAN", "SISTEM INFORMASI MANAJEMEN PEGAWAI (SIMPEG) VERSI 2"),
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            "2024",
        ),
        Para("1. Pendahuluan", bold=True, align="L"),
        Para(t("""SIMPEG Kabupaten Sukamaju (simpeg.sukamajukab.go.id) menyimpan data riwayat 7.412 ASN dan
        melayani pengajuan layanan kepegawaian secara daring. Data SIMPEG disinkronkan dengan SIASN BKN setiap
        malam.""")),
        Para("2. Masuk ke Aplikasi", bold=True, align="L"),
        Para(t("""Pegawai masuk menggunakan NIP dan kata sandi. Pada saat pertama kali masuk, pegawai wajib
        mengganti kata sandi dan memverifikasi nomor telepon untuk menerima kode OTP.""")),
        Para("3. Menu Profil dan Riwayat", bold=True, align="L"),
        Para(t("""Menu Profil menampilkan data pribadi, riwayat pangkat, jabatan, pendidikan, diklat, keluarga
        dan penghargaan. Perubahan data diajukan dengan mengunggah dokumen pendukung dan diverifikasi oleh
        pengelola kepegawaian Perangkat Daerah.""")),
        Para("4. Layanan Kepegawaian Daring", bold=True, align="L"),
        Table(
            ("Layanan", "Pengaju", "Verifikator", "Keluaran"),
            (
                ("Cuti tahunan dan cuti alasan penting", "Pegawai", "Atasan, BKPSDM", "Surat izin cuti elektronik"),
                ("Kenaikan pangkat reguler", "Pengelola kepegawaian PD", "BKPSDM", "Usul ke SIASN BKN"),
                ("Kenaikan gaji berkala", "Sistem (otomatis)", "BKPSDM", "SK kenaikan gaji berkala"),
                ("Pencantuman gelar", "Pegawai", "BKPSDM", "Surat keterangan"),
                ("Pensiun", "Pengelola kepegawaian PD", "BKPSDM", "Usul pensiun ke SIASN BKN"),
            ),
            (2.6, 2.0, 1.6, 2.4),
        ),
        Space(3),
        Para("5. Tanda Tangan Elektronik", bold=True, align="L"),
        Para(t("""Surat keputusan dan surat izin yang dihasilkan SIMPEG ditandatangani secara elektronik
        menggunakan sertifikat elektronik dan dapat diverifikasi melalui kode QR pada dokumen.""")),
        Para("6. Bantuan", bold=True, align="L"),
        Para("Kendala penggunaan SIMPEG dapat dilaporkan melalui Sukamaju Service Desk kategori Kepegawaian."),
    ]


def rekap_jabfung_pranata_komputer() -> list[Block]:
    """Roster of ICT functional positions and certifications (human-resource competence, ind. 25)."""
    rows = (
        ("Diskominfo", "Pranata Komputer Ahli Muda", "2", "Sertifikasi administrasi jaringan"),
        ("Diskominfo", "Pranata Komputer Ahli Pertama", "5", "Sertifikasi pengembang web junior"),
        ("Diskominfo", "Pranata Komputer Terampil", "3", "-"),
        ("Bappeda", "Pranata Komputer Ahli Pertama", "1", "Sertifikasi analis data"),
        ("BPKAD", "Pranata Komputer Ahli Pertama", "2", "-"),
        ("BKPSDM", "Pranata Komputer Ahli Muda", "1", "Sertifikasi administrasi basis data"),
        ("Disdukcapil", "Pranata Komputer Terampil", "2", "-"),
        ("RSUD", "Pranata Komputer Ahli Pertama", "2", "Sertifikasi administrasi jaringan"),
    )
    return [
        *report_cover(
            ("REKAPITULASI PEJABAT FUNGSIONAL PRANATA KOMPUTER", "DAN SERTIFIKASI KOMPETENSI TIK"),
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            "KEADAAN 30 JUNI 2024",
        ),
        Table(
            ("Perangkat Daerah", "Jabatan", "Jumlah", "Sertifikasi Kompetensi"),
            rows,
            (2.0, 3.2, 1.0, 3.4),
        ),
        Space(3),
        Para(t("""Jumlah pejabat fungsional pranata komputer sebanyak 18 orang, 8 orang di antaranya telah
        memiliki sertifikat kompetensi dari lembaga sertifikasi profesi bidang TIK. Kebutuhan jabatan
        berdasarkan analisis beban kerja sebanyak 41 orang, sehingga BKPSDM mengusulkan formasi 6 pranata
        komputer pada seleksi ASN tahun 2024 dan menyusun rencana sertifikasi bagi 10 pegawai pada tahun
        2025.""")),
        Space(6),
        opd_signature("Sukamaju, 8 Juli 2024", "Kepala BKPSDM,", KEPALA_BKPSDM, "NIP. 19740105 199903 2 004"),
    ]


# --------------------------------------------------------------------------------------------------
# BPKAD
# --------------------------------------------------------------------------------------------------


def laporan_sipd_penganggaran() -> list[Block]:
    """Report on budgeting with SIPD (budgeting service, ind. 33)."""
    return [
        *report_cover(
            ("LAPORAN PENERAPAN APLIKASI PENGANGGARAN", "SIPD DAN E-BUDGETING TAHUN ANGGARAN 2024"),
            "Badan Pengelolaan Keuangan dan Aset Daerah",
            "JANUARI 2024",
        ),
        Para("1. Latar Belakang", bold=True, align="L"),
        Para(t("""Penyusunan APBD Kabupaten Sukamaju Tahun Anggaran 2024 dilaksanakan sepenuhnya melalui
        Sistem Informasi Pemerintahan Daerah (SIPD) modul penganggaran, didukung aplikasi e-Budgeting daerah
        untuk penyusunan standar harga dan analisis standar belanja.""")),
        Para("2. Tahapan yang Dilaksanakan secara Elektronik", bold=True, align="L"),
        Table(
            ("Tahapan", "Aplikasi", "Waktu", "Status"),
            (
                ("Penginputan standar harga satuan", "e-Budgeting", "Juli 2023", "Selesai"),
                ("Penyusunan KUA-PPAS", "SIPD", "Agustus 2023", "Selesai"),
                ("Penyusunan RKA 41 Perangkat Daerah", "SIPD", "September 2023", "Selesai"),
                ("Verifikasi RKA oleh TAPD", "SIPD", "Oktober 2023", "Selesai"),
                ("Penetapan Perda APBD dan penjabaran", "SIPD", "Desember 2023", "Selesai"),
                ("Penyusunan DPA Perangkat Daerah", "SIPD", "Januari 2024", "Selesai"),
            ),
            (3.6, 1.6, 1.6, 1.2),
        ),
        Space(3),
        Para("3. Integrasi", bold=True, align="L"),
        Para(t("""Program dan kegiatan RKPD ditarik dari e-Planning melalui sistem penghubung layanan. Pagu
        yang ditetapkan di SIPD dikirim kembali ke e-Budgeting untuk pengendalian standar harga. Rekap
        anggaran per urusan dipublikasikan di portal Satu Data Sukamaju.""")),
        Para("4. Kendala dan Rencana Tindak Lanjut", bold=True, align="L"),
        Enum(
            (
                "Akses SIPD melambat menjelang batas waktu; BPKAD menyusun jadwal input bergiliran.",
                "Sebagian operator belum memahami pemetaan kode rekening; akan diadakan klinik SIPD bulanan.",
                "Pengembangan dasbor realisasi anggaran untuk pimpinan direncanakan tahun 2025.",
            ),
            style="1",
        ),
        Space(6),
        opd_signature("Sukamaju, 19 Januari 2024", "Kepala BPKAD,", KEPALA_BPKAD, "NIP. 19770929 200112 1 002"),
    ]


def laporan_sp2d_online() -> list[Block]:
    """Report on electronic treasury: SIPD penatausahaan, SP2D online, bank CMS (finance service, ind. 34)."""
    return [
        *report_cover(
            ("LAPORAN IMPLEMENTASI", "SIPD PENATAUSAHAAN DAN SP2D ONLINE", "SEMESTER I TAHUN 2024"),
            "Badan Pengelolaan Keuangan dan Aset Daerah",
            "JULI 2024",
        ),
        Para("A. Ruang Lingkup", bold=True, align="L"),
        Para(t("""Laporan ini memuat pelaksanaan penatausahaan keuangan daerah secara elektronik, meliputi
        pengajuan SPP dan SPM oleh bendahara Perangkat Daerah di SIPD, penerbitan SP2D online oleh Kuasa BUD,
        dan pemindahbukuan melalui cash management system (CMS) Bank BJB.""")),
        Para("B. Capaian", bold=True, align="L"),
        Table(
            ("Uraian", "Jumlah", "Keterangan"),
            (
                ("SP2D terbit melalui SIPD", "9.814", "100% elektronik"),
                ("Rata-rata waktu penerbitan SP2D", "1,4 hari", "Target 2 hari"),
                ("Transaksi non-tunai melalui CMS", "97,6%", "Termasuk belanja pegawai"),
                ("SPJ fungsional diunggah tepat waktu", "38 dari 41 PD", "3 PD terlambat"),
            ),
            (3.6, 1.8, 2.6),
        ),
        Space(3),
        Para("C. Fitur yang Digunakan", bold=True, align="L"),
        Enum(
            (
                "Tanda tangan elektronik pada SPM dan SP2D.",
                "Notifikasi status pencairan kepada bendahara melalui surel.",
                "Rekonsiliasi harian rekening kas umum daerah dengan data bank.",
                "Laporan realisasi anggaran otomatis per Perangkat Daerah.",
            ),
            style="-",
        ),
        Para("D. Tindak Lanjut", bold=True, align="L"),
        Para(t("""BPKAD akan memperluas penggunaan kartu kredit pemerintah daerah dan menyiapkan integrasi
        data realisasi ke dasbor pimpinan.""")),
        Space(6),
        opd_signature("Sukamaju, 10 Juli 2024", "Kepala BPKAD,", KEPALA_BPKAD, "NIP. 19770929 200112 1 002"),
    ]


def laporan_simda_bmd() -> list[Block]:
    """Report on regional asset management with SIMDA BMD (regional assets service, ind. 38)."""
    return [
        *report_cover(
            ("LAPORAN PEMANFAATAN APLIKASI", "PENGELOLAAN BARANG MILIK DAERAH (SIMDA BMD)"),
            "Badan Pengelolaan Keuangan dan Aset Daerah",
            "TAHUN 2023",
        ),
        Para(t("""Pengelolaan barang milik daerah Kabupaten Sukamaju dilaksanakan melalui aplikasi SIMDA BMD
        yang digunakan oleh pengurus barang di 41 Perangkat Daerah. Aplikasi mencatat perencanaan kebutuhan,
        pengadaan, penatausahaan, pemanfaatan, mutasi hingga penghapusan barang.""")),
        Table(
            ("Kegiatan", "Volume 2023"),
            (
                ("Barang tercatat dalam kartu inventaris", "184.220 item"),
                ("Mutasi barang antarperangkat daerah", "312 transaksi"),
                ("Usulan penghapusan diproses", "1.046 item"),
                ("Rekonsiliasi aset dengan laporan keuangan", "2 kali (semesteran)"),
            ),
            (5.0, 3.0),
        ),
        Space(3),
        Para(t("""Seluruh kartu inventaris barang dilengkapi kode QR yang dapat dipindai petugas saat
        inventarisasi lapangan. Data nilai aset dari SIMDA BMD menjadi dasar penyusunan neraca dalam laporan
        keuangan Pemerintah Daerah. Pada tahun 2024 BPKAD merencanakan migrasi ke modul BMD pada SIPD.""")),
        Space(6),
        opd_signature("Sukamaju, 22 Januari 2024", "Kepala BPKAD,", KEPALA_BPKAD, "NIP. 19770929 200112 1 002"),
    ]


def laporan_kendaraan_dinas() -> list[Block]:
    """Maintenance report of official vehicles: unrelated to SPBE."""
    vehicles = (
        ("D 1234 SK", "Toyota Innova", "2019", "Servis berkala, ganti oli dan filter", "1.850.000"),
        ("D 1291 SK", "Toyota Avanza", "2017", "Ganti kampas rem dan aki", "2.400.000"),
        ("D 1302 SK", "Mitsubishi L300", "2016", "Perbaikan kopling", "3.750.000"),
        ("D 6120 SK", "Honda Supra X", "2020", "Servis berkala", "350.000"),
        ("D 6133 SK", "Honda Supra X", "2020", "Ganti ban depan dan belakang", "620.000"),
    )
    return [
        *report_cover(
            ("LAPORAN PEMELIHARAAN KENDARAAN DINAS", "TRIWULAN II TAHUN 2024"),
            "Badan Pengelolaan Keuangan dan Aset Daerah",
            "JULI 2024",
        ),
        Para(t("""Pemeliharaan kendaraan dinas operasional dilaksanakan sesuai jadwal servis berkala dan
        laporan kerusakan dari pemegang kendaraan. Rincian pemeliharaan selama triwulan II sebagai
        berikut:""")),
        Table(
            ("Nomor Polisi", "Jenis", "Tahun", "Pekerjaan", "Biaya (Rp)"),
            vehicles,
            (1.6, 1.8, 0.8, 3.6, 1.4),
        ),
        Space(3),
        Para(t("""Jumlah biaya pemeliharaan triwulan II sebesar Rp 8.970.000 atau 41 persen dari pagu tahunan.
        Kendaraan D 1302 SK diusulkan untuk dilelang karena biaya perbaikan terus meningkat.""")),
        Space(6),
        opd_signature("Sukamaju, 4 Juli 2024", "Pengurus Barang,", "ENDANG SURYANA", "NIP. 19711120 199503 1 001"),
    ]


# --------------------------------------------------------------------------------------------------
# Inspektorat
# --------------------------------------------------------------------------------------------------


def manual_simwas() -> list[Block]:
    """User guide of the internal-oversight application (internal oversight service, ind. 39)."""
    return [
        *report_cover(
            ("PETUNJUK PENGGUNAAN APLIKASI", "SISTEM INFORMASI PENGAWASAN (SIMWAS)"),
            "Inspektorat Daerah",
            "2024",
        ),
        Para("1. Fungsi Aplikasi", bold=True, align="L"),
        Para(t("""SIMWAS mendukung seluruh siklus pengawasan intern Inspektorat Daerah Kabupaten Sukamaju:
        penyusunan Program Kerja Pengawasan Tahunan (PKPT), penerbitan surat tugas, penyusunan kertas kerja,
        reviu berjenjang oleh pengendali teknis dan pengendali mutu, penerbitan laporan hasil pengawasan,
        hingga pemantauan tindak lanjut rekomendasi oleh Perangkat Daerah.""")),
        Para("2. Pengguna", bold=True, align="L"),
        Table(
            ("Pengguna", "Kegiatan dalam Aplikasi"),
            (
                ("Inspektur", "Menyetujui PKPT dan menandatangani laporan secara elektronik"),
                ("Inspektur Pembantu", "Menyusun jadwal penugasan dan mereviu kertas kerja"),
                ("Auditor dan P2UPD", "Mengisi kertas kerja, temuan dan rekomendasi"),
                ("Perangkat Daerah (obrik)", "Mengunggah bukti tindak lanjut rekomendasi"),
            ),
            (2.6, 5.4),
        ),
        Space(3),
        Para("3. Alur Pemantauan Tindak Lanjut", bold=True, align="L"),
        Enum(
            (
                "Laporan hasil pengawasan yang sudah ditandatangani dikirim otomatis ke akun Perangkat Daerah.",
                "Perangkat Daerah mengunggah dokumen tindak lanjut paling lambat 60 hari.",
                "Auditor memverifikasi bukti dan menetapkan status: sesuai, belum sesuai atau belum ditindaklanjuti.",
                "Dasbor menampilkan persentase tindak lanjut per Perangkat Daerah bagi pimpinan.",
            ),
            style="1",
        ),
        Para("4. Akses", bold=True, align="L"),
        Para("Alamat aplikasi: simwas.sukamajukab.go.id. Akun dibuat oleh administrator Inspektorat Daerah."),
    ]


def laporan_tlhp() -> list[Block]:
    """Follow-up monitoring report produced with SIMWAS (internal oversight service, ind. 39)."""
    return [
        *report_cover(
            ("LAPORAN HASIL PEMANTAUAN TINDAK LANJUT", "HASIL PEMERIKSAAN SEMESTER I TAHUN 2024"),
            "Inspektorat Daerah",
            "JULI 2024",
        ),
        Para(t("""Pemantauan tindak lanjut hasil pemeriksaan dilaksanakan melalui aplikasi SIMWAS terhadap
        rekomendasi Badan Pemeriksa Keuangan dan Inspektorat Daerah sampai dengan 30 Juni 2024.""")),
        Table(
            ("Sumber Pemeriksaan", "Rekomendasi", "Sesuai", "Belum Sesuai", "Belum Ditindaklanjuti", "%"),
            (
                ("BPK RI", "214", "187", "21", "6", "87,4"),
                ("Inspektorat Daerah", "398", "356", "30", "12", "89,4"),
                ("Inspektorat Provinsi", "27", "25", "2", "0", "92,6"),
            ),
            (2.6, 1.4, 1.0, 1.3, 1.8, 0.8),
        ),
        Space(3),
        Para(t("""Dengan SIMWAS, Perangkat Daerah dapat mengunggah bukti tindak lanjut tanpa datang ke kantor
        Inspektorat dan memantau status setiap rekomendasi secara langsung. Waktu verifikasi rata-rata turun
        dari 21 hari pada tahun 2022 menjadi 9 hari.""")),
        Para("Rekomendasi:", bold=True, align="L"),
        Enum(
            (
                "Perangkat Daerah dengan tingkat penyelesaian di bawah 80 persen diundang dalam rapat percepatan.",
                "Integrasi SIMWAS dengan aplikasi e-SAKIP untuk pemanfaatan hasil pengawasan dalam evaluasi kinerja.",
            ),
            style="1",
        ),
        Space(6),
        opd_signature("Sukamaju, 15 Juli 2024", "Inspektur Daerah,", INSPEKTUR, "NIP. 19690402 199003 1 008"),
    ]


# --------------------------------------------------------------------------------------------------
# Setda Bagian Organisasi
# --------------------------------------------------------------------------------------------------


def lkjip_e_sakip() -> list[Block]:
    """LKjIP excerpt whose chapter documents the e-SAKIP application (performance accountability, ind. 40)."""
    return [
        *report_cover(
            ("LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)", "KABUPATEN SUKAMAJU TAHUN 2023"),
            "Sekretariat Daerah - Bagian Organisasi",
            "MARET 2024",
        ),
        Para("Kutipan Bab II: Perencanaan Kinerja dan Sistem Pendukung", bold=True, align="L"),
        Para(t("""Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) Kabupaten Sukamaju dikelola melalui
        aplikasi e-SAKIP (esakip.sukamajukab.go.id). Seluruh dokumen perencanaan kinerja, yaitu Renstra,
        Rencana Kerja, Perjanjian Kinerja dan Rencana Aksi 41 Perangkat Daerah, disusun dan disahkan di dalam
        aplikasi.""")),
        Para(t("""Capaian indikator kinerja diinput setiap triwulan oleh Perangkat Daerah dan diverifikasi
        Bagian Organisasi. Aplikasi menghitung capaian secara otomatis, menampilkan indikator yang berisiko
        tidak tercapai, serta menarik data realisasi anggaran dari SIPD sehingga efisiensi anggaran per
        sasaran dapat dianalisis.""")),
        Table(
            ("Fitur e-SAKIP", "Pengguna", "Tahun Mulai"),
            (
                ("Penyusunan Perjanjian Kinerja dan cascading indikator", "41 Perangkat Daerah", "2021"),
                ("Pengukuran capaian kinerja triwulanan", "41 Perangkat Daerah", "2021"),
                ("Evaluasi SAKIP internal oleh Inspektorat", "Inspektorat Daerah", "2022"),
                ("Integrasi realisasi anggaran dari SIPD", "Bagian Organisasi, BPKAD", "2023"),
            ),
            (4.2, 2.6, 1.2),
        ),
        Space(3),
        Para("Capaian Indikator Kinerja Utama 2023 (ringkas)", bold=True, align="L"),
        Table(
            ("Indikator Kinerja Utama", "Target", "Realisasi", "Capaian"),
            (
                ("Indeks Pembangunan Manusia", "72,10", "72,35", "100,3%"),
                ("Persentase penduduk miskin", "8,90%", "8,72%", "102,0%"),
                ("Nilai SAKIP Kabupaten", "68,00", "67,12", "98,7%"),
                ("Indeks Reformasi Birokrasi", "65,00", "66,40", "102,2%"),
            ),
            (4.0, 1.4, 1.4, 1.2),
        ),
        Space(6),
        opd_signature("Sukamaju, 28 Maret 2024", "Kepala Bagian Organisasi,", KABAG_ORGANISASI,
                      "NIP. 19830716 200604 2 011"),
    ]


def peta_proses_bisnis() -> list[Block]:
    """Business-process map of the Pemda, levels 0-2 (business-process innovation, ind. 14)."""
    return [
        *report_cover(
            ("DOKUMEN PETA PROSES BISNIS", "PEMERINTAH KABUPATEN SUKAMAJU TAHUN 2023"),
            "Sekretariat Daerah - Bagian Organisasi",
            "DESEMBER 2023",
        ),
        Para("1. Pengantar", bold=True, align="L"),
        Para(t("""Peta proses bisnis menggambarkan hubungan kerja yang efektif dan efisien antarunit organisasi
        untuk menghasilkan kinerja sesuai tujuan pembangunan daerah. Dokumen ini menjadi acuan penyusunan SOP,
        analisis jabatan dan domain arsitektur proses bisnis SPBE.""")),
        Para("2. Peta Proses Bisnis Level 0", bold=True, align="L"),
        Table(
            ("Kelompok Proses", "Proses Utama", "Pemilik Proses"),
            (
                ("Proses inti", "Pelayanan administrasi kependudukan dan perizinan", "Disdukcapil, DPMPTSP"),
                ("Proses inti", "Pelayanan kesehatan dan pendidikan dasar", "Dinkes, Disdik"),
                ("Proses inti", "Pembangunan infrastruktur wilayah", "DPUPR, Dishub"),
                ("Proses manajemen", "Perencanaan dan penganggaran pembangunan", "Bappeda, BPKAD"),
                ("Proses manajemen", "Pengukuran dan evaluasi kinerja", "Bagian Organisasi"),
                ("Proses pendukung", "Pengelolaan keuangan dan aset daerah", "BPKAD"),
                ("Proses pendukung", "Manajemen ASN", "BKPSDM"),
                ("Proses pendukung", "Pengelolaan TIK dan data", "Diskominfo"),
                ("Proses pendukung", "Pengawasan intern", "Inspektorat Daerah"),
            ),
            (2.0, 4.2, 2.2),
        ),
        Space(3),
        Para("3. Contoh Penjabaran Level 1: Pelayanan Perizinan Berusaha", bold=True, align="L"),
        Enum(
            (
                "Penerimaan permohonan melalui OSS dan loket Mal Pelayanan Publik.",
                "Verifikasi persyaratan oleh DPMPTSP dan pemeriksaan teknis oleh dinas terkait.",
                "Penerbitan izin dengan tanda tangan elektronik.",
                "Pengawasan pascaizin dan penanganan pengaduan.",
            ),
            style="1",
        ),
        Para("4. Perbaikan Proses", bold=True, align="L"),
        Para(t("""Reviu tahun 2023 menemukan 7 proses yang berulang antarperangkat daerah, antara lain
        pengumpulan data pembangunan yang dilakukan terpisah oleh Bappeda dan Diskominfo. Proses tersebut
        disatukan melalui portal Satu Data Sukamaju dan diatur dalam SOP lintas Perangkat Daerah.""")),
        Space(6),
        opd_signature("Sukamaju, 18 Desember 2023", "Kepala Bagian Organisasi,", KABAG_ORGANISASI,
                      "NIP. 19830716 200604 2 011"),
    ]


RETRIBUSI_TITLE = "Tata Cara Pemungutan Retribusi Pelayanan Pasar"


def perbup_retribusi_pasar() -> list[Block]:
    """Perbup on market levies: a real-looking regulation that is NOT SPBE evidence."""
    blocks = perkada_opening("PERATURAN", "7 TAHUN 2024", RETRIBUSI_TITLE)
    blocks += considerations(
        (
            t("""bahwa untuk melaksanakan ketentuan Peraturan Daerah Kabupaten Sukamaju Nomor 1 Tahun 2024
            tentang Pajak Daerah dan Retribusi Daerah, perlu mengatur tata cara pemungutan retribusi
            pelayanan pasar;"""),
            t("""bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan
            Peraturan Bupati tentang Tata Cara Pemungutan Retribusi Pelayanan Pasar;"""),
        ),
        (
            *MENGINGAT_DASAR,
            t("""Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan
            Pemerintahan Daerah;"""),
            "Peraturan Daerah Kabupaten Sukamaju Nomor 1 Tahun 2024 tentang Pajak Daerah dan Retribusi Daerah;",
        ),
        f"Peraturan Bupati tentang {RETRIBUSI_TITLE}.",
    )
    blocks += pasal(
        1,
        "Dalam Peraturan Bupati ini yang dimaksud dengan:",
        Enum(
            (
                "Daerah adalah Kabupaten Sukamaju.",
                "Dinas adalah Dinas Koperasi, Usaha Kecil dan Perdagangan Kabupaten Sukamaju.",
                t("""Retribusi Pelayanan Pasar adalah pungutan atas penyediaan fasilitas pasar tradisional
                berupa kios, los dan pelataran yang dikelola Pemerintah Daerah."""),
                "Wajib Retribusi adalah pedagang yang menggunakan fasilitas pasar.",
            ),
            style="1",
        ),
    )
    blocks += pasal(
        2,
        "Retribusi dipungut berdasarkan Surat Ketetapan Retribusi Daerah atau karcis yang diterbitkan Dinas.",
        "Besaran retribusi dihitung dari luas tempat usaha dikalikan tarif per meter persegi per hari.",
    )
    blocks += pasal(
        3,
        "Tarif retribusi pelayanan pasar ditetapkan sebagai berikut:",
        Enum(
            (
                "kios: Rp 1.500,00 per meter persegi per hari;",
                "los: Rp 1.000,00 per meter persegi per hari; dan",
                "pelataran: Rp 750,00 per meter persegi per hari.",
            )
        ),
    )
    blocks += pasal(
        4,
        t("""Hasil pungutan retribusi disetor ke rekening kas umum daerah paling lambat 1 (satu) hari kerja
        setelah diterima."""),
        t("""Wajib Retribusi yang tidak membayar tepat waktu dikenakan sanksi administratif berupa bunga sebesar
        1 (satu) persen setiap bulan."""),
    )
    blocks += pasal(
        5,
        t("""Peraturan Bupati ini mulai berlaku pada tanggal diundangkan. Agar setiap orang mengetahuinya,
        memerintahkan pengundangan Peraturan Bupati ini dengan penempatannya dalam Berita Daerah Kabupaten
        Sukamaju."""),
    )
    blocks += perbup_closing("19 Februari 2024", "19 Februari 2024", "2024 NOMOR 7")
    return blocks


# --------------------------------------------------------------------------------------------------
# Top level (no OPD folder)
# --------------------------------------------------------------------------------------------------


def se_srikandi() -> list[Block]:
    """Circular making SRIKANDI mandatory for official correspondence (dynamic archives service, ind. 37)."""
    return [
        *kop_surat("Sekretariat Daerah", "Jl. Alun-alun Utara No. 1 Sukamaju"),
        Heading("SURAT EDARAN"),
        Heading("NOMOR 000.5/2210-Umum/2024", bold=False),
        Space(2),
        Heading("TENTANG"),
        Heading("PENGGUNAAN APLIKASI SRIKANDI DALAM PENGELOLAAN NASKAH DINAS"),
        Space(4),
        Para("Yth. Kepala Perangkat Daerah, Camat dan Lurah se-Kabupaten Sukamaju", align="L"),
        Space(2),
        Para(t("""Dalam rangka mewujudkan tata kelola kearsipan dinamis yang efektif dan efisien, seluruh
        Perangkat Daerah di lingkungan Pemerintah Kabupaten Sukamaju diminta melaksanakan hal-hal sebagai
        berikut:""")),
        Enum(
            (
                t("""Mulai 1 Juli 2024 seluruh naskah dinas keluar dan masuk dibuat, dikirim dan diterima
                melalui aplikasi Sistem Informasi Kearsipan Dinamis Terintegrasi (SRIKANDI)."""),
                t("""Disposisi pimpinan dan penomoran surat dilakukan di dalam aplikasi; buku agenda manual
                tidak digunakan lagi."""),
                t("""Naskah dinas ditandatangani menggunakan tanda tangan elektronik tersertifikasi."""),
                t("""Setiap Perangkat Daerah menunjuk admin unit kearsipan dan mengusulkan akun pegawai kepada
                Bagian Umum Setda paling lambat 21 Juni 2024."""),
                t("""Dinas Perpustakaan dan Kearsipan memberikan pendampingan pengelolaan arsip aktif dan
                inaktif melalui klasifikasi arsip yang tersedia di aplikasi."""),
            ),
            style="1",
        ),
        Para("Demikian Surat Edaran ini untuk dilaksanakan dengan penuh tanggung jawab."),
        Space(6),
        Signature(("Sukamaju, 10 Juni 2024", "a.n. BUPATI SUKAMAJU", "SEKRETARIS DAERAH,", "", "ttd.", "", SEKDA,
                   SEKDA_NIP)),
    ]
