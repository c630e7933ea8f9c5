"""Framework-independent raw material of Indonesian government documents.

Regions, people, dates, money, agency names, legal citations and generic bureaucratic sentences. They
appear in positive AND negative documents alike, so the model learns that they carry no signal. Topic
vocabulary (what a document is about) lives in ``topics/<catalog>.yaml``, never here.

All sentences are written for this generator; none is taken from the labelled real documents.
"""

from __future__ import annotations

import random

from classifier.corpus.types import Region

# --------------------------------------------------------------------------------------------- regions
# Real regional governments with the town their regulations are signed in. The regions of the labelled
# real documents are deliberately absent, so a region name can never stand in for a label.
_PROVINCES = (
    ("Aceh", "Banda Aceh"),
    ("Sumatera Barat", "Padang"),
    ("Riau", "Pekanbaru"),
    ("Sumatera Selatan", "Palembang"),
    ("Bengkulu", "Bengkulu"),
    ("Lampung", "Bandar Lampung"),
    ("Kepulauan Bangka Belitung", "Pangkalpinang"),
    ("Kepulauan Riau", "Tanjungpinang"),
    ("Jawa Barat", "Bandung"),
    ("Banten", "Serang"),
    ("Bali", "Denpasar"),
    ("Nusa Tenggara Barat", "Mataram"),
    ("Nusa Tenggara Timur", "Kupang"),
    ("Kalimantan Tengah", "Palangka Raya"),
    ("Kalimantan Selatan", "Banjarbaru"),
    ("Kalimantan Utara", "Tanjung Selor"),
    ("Sulawesi Utara", "Manado"),
    ("Sulawesi Tengah", "Palu"),
    ("Sulawesi Selatan", "Makassar"),
    ("Sulawesi Tenggara", "Kendari"),
    ("Gorontalo", "Gorontalo"),
    ("Maluku Utara", "Sofifi"),
    ("Papua Barat", "Manokwari"),
)
_CITIES = (
    ("Bogor", "Jawa Barat"),
    ("Depok", "Jawa Barat"),
    ("Cimahi", "Jawa Barat"),
    ("Tasikmalaya", "Jawa Barat"),
    ("Sukabumi", "Jawa Barat"),
    ("Surakarta", "Jawa Tengah"),
    ("Magelang", "Jawa Tengah"),
    ("Salatiga", "Jawa Tengah"),
    ("Pekalongan", "Jawa Tengah"),
    ("Tegal", "Jawa Tengah"),
    ("Malang", "Jawa Timur"),
    ("Madiun", "Jawa Timur"),
    ("Kediri", "Jawa Timur"),
    ("Blitar", "Jawa Timur"),
    ("Batu", "Jawa Timur"),
    ("Denpasar", "Bali"),
    ("Mataram", "Nusa Tenggara Barat"),
    ("Kupang", "Nusa Tenggara Timur"),
    ("Bukittinggi", "Sumatera Barat"),
    ("Payakumbuh", "Sumatera Barat"),
    ("Dumai", "Riau"),
    ("Lubuklinggau", "Sumatera Selatan"),
    ("Metro", "Lampung"),
    ("Pontianak", "Kalimantan Barat"),
    ("Balikpapan", "Kalimantan Timur"),
    ("Bontang", "Kalimantan Timur"),
    ("Banjarmasin", "Kalimantan Selatan"),
    ("Parepare", "Sulawesi Selatan"),
    ("Palopo", "Sulawesi Selatan"),
    ("Bitung", "Sulawesi Utara"),
    ("Kendari", "Sulawesi Tenggara"),
    ("Ambon", "Maluku"),
    ("Ternate", "Maluku Utara"),
    ("Sorong", "Papua Barat Daya"),
    ("Tangerang Selatan", "Banten"),
    ("Cilegon", "Banten"),
    ("Medan", "Sumatera Utara"),
    ("Binjai", "Sumatera Utara"),
    ("Langsa", "Aceh"),
)
_REGENCIES = (
    ("Bogor", "Jawa Barat", "Cibinong"),
    ("Bandung", "Jawa Barat", "Soreang"),
    ("Garut", "Jawa Barat", "Garut"),
    ("Sumedang", "Jawa Barat", "Sumedang"),
    ("Kuningan", "Jawa Barat", "Kuningan"),
    ("Majalengka", "Jawa Barat", "Majalengka"),
    ("Purwakarta", "Jawa Barat", "Purwakarta"),
    ("Subang", "Jawa Barat", "Subang"),
    ("Boyolali", "Jawa Tengah", "Boyolali"),
    ("Sragen", "Jawa Tengah", "Sragen"),
    ("Wonosobo", "Jawa Tengah", "Wonosobo"),
    ("Kebumen", "Jawa Tengah", "Kebumen"),
    ("Pati", "Jawa Tengah", "Pati"),
    ("Kudus", "Jawa Tengah", "Kudus"),
    ("Demak", "Jawa Tengah", "Demak"),
    ("Batang", "Jawa Tengah", "Batang"),
    ("Sidoarjo", "Jawa Timur", "Sidoarjo"),
    ("Gresik", "Jawa Timur", "Gresik"),
    ("Lamongan", "Jawa Timur", "Lamongan"),
    ("Tulungagung", "Jawa Timur", "Tulungagung"),
    ("Jember", "Jawa Timur", "Jember"),
    ("Lumajang", "Jawa Timur", "Lumajang"),
    ("Magetan", "Jawa Timur", "Magetan"),
    ("Ngawi", "Jawa Timur", "Ngawi"),
    ("Bojonegoro", "Jawa Timur", "Bojonegoro"),
    ("Badung", "Bali", "Mangupura"),
    ("Gianyar", "Bali", "Gianyar"),
    ("Tabanan", "Bali", "Tabanan"),
    ("Lombok Tengah", "Nusa Tenggara Barat", "Praya"),
    ("Sumbawa", "Nusa Tenggara Barat", "Sumbawa Besar"),
    ("Manggarai Barat", "Nusa Tenggara Timur", "Labuan Bajo"),
    ("Sikka", "Nusa Tenggara Timur", "Maumere"),
    ("Agam", "Sumatera Barat", "Lubuk Basung"),
    ("Tanah Datar", "Sumatera Barat", "Batusangkar"),
    ("Siak", "Riau", "Siak Sri Indrapura"),
    ("Kampar", "Riau", "Bangkinang"),
    ("Musi Banyuasin", "Sumatera Selatan", "Sekayu"),
    ("Lampung Selatan", "Lampung", "Kalianda"),
    ("Pringsewu", "Lampung", "Pringsewu"),
    ("Bangka", "Kepulauan Bangka Belitung", "Sungailiat"),
    ("Deli Serdang", "Sumatera Utara", "Lubuk Pakam"),
    ("Karo", "Sumatera Utara", "Kabanjahe"),
    ("Aceh Besar", "Aceh", "Kota Jantho"),
    ("Aceh Tengah", "Aceh", "Takengon"),
    ("Kubu Raya", "Kalimantan Barat", "Sungai Raya"),
    ("Kotawaringin Barat", "Kalimantan Tengah", "Pangkalan Bun"),
    ("Tabalong", "Kalimantan Selatan", "Tanjung"),
    ("Berau", "Kalimantan Timur", "Tanjung Redeb"),
    ("Gowa", "Sulawesi Selatan", "Sungguminasa"),
    ("Bantaeng", "Sulawesi Selatan", "Bantaeng"),
    ("Luwu Utara", "Sulawesi Selatan", "Masamba"),
    ("Minahasa", "Sulawesi Utara", "Tondano"),
    ("Banggai", "Sulawesi Tengah", "Luwuk"),
    ("Konawe", "Sulawesi Tenggara", "Unaaha"),
    ("Gorontalo", "Gorontalo", "Limboto"),
    ("Maluku Tengah", "Maluku", "Masohi"),
    ("Halmahera Utara", "Maluku Utara", "Tobelo"),
    ("Jayapura", "Papua", "Sentani"),
    ("Tangerang", "Banten", "Tigaraksa"),
    ("Pandeglang", "Banten", "Pandeglang"),
    ("Lebak", "Banten", "Rangkasbitung"),
)

REGIONS: tuple[Region, ...] = (
    *(Region("provinsi", name, name, seat) for name, seat in _PROVINCES),
    *(Region("kota", name, province, name) for name, province in _CITIES),
    *(Region("kabupaten", name, province, seat) for name, province, seat in _REGENCIES),
)

# ---------------------------------------------------------------------------------------------- people
_FIRST = (
    "Agus", "Budi", "Hendra", "Yusuf", "Dedi", "Eko", "Fajar", "Gunawan", "Hadi", "Irwan", "Joko", "Lukman",
    "Muhammad", "Nurhadi", "Putu", "Rizal", "Sri", "Tri", "Wahyu", "Yudi", "Zainal", "Andi", "Bayu", "Cahya",
    "Dewi", "Endang", "Fitri", "Gita", "Hesti", "Indah", "Kartika", "Maya", "Nina", "Ratna", "Siti", "Tuti",
    "Wulan", "Yanti", "Ayu", "Made", "Nyoman", "Ketut", "Arif", "Bambang", "Dimas", "Erwin", "Ferry",
    "Galih", "Hari", "Ilham", "Iwan", "Krisna", "Mulyadi", "Novi", "Puspita", "Rina", "Sari", "Teguh",
    "Umar", "Vivi", "Wawan", "Yoga", "Yohanes", "Maria", "Stefanus", "Harun", "Syamsul", "Rudi", "Ani",
    "Lina", "Dodi", "Asep", "Ujang", "Nengah", "Wayan", "Rahmawati", "Suryadi", "Taufik", "Hasan",
)
_LAST = (
    "Wijaya", "Saputra", "Pratama", "Hidayat", "Nugroho", "Santoso", "Setiawan", "Kusuma", "Siregar",
    "Nasution", "Harahap", "Lubis", "Simanjuntak", "Pasaribu", "Tambunan", "Wibowo", "Susanto", "Hakim",
    "Rahman", "Syahputra", "Permana", "Firmansyah", "Ramadhan", "Utami", "Anggraini", "Puspitasari",
    "Wulandari", "Suryani", "Hasibuan", "Sembiring", "Ginting", "Manurung", "Sinaga", "Daulay", "Mahendra",
    "Halim", "Effendi", "Mandagi", "Tuasikal", "Latuconsina", "Kaunang", "Pangemanan", "Syarif", "Basri",
    "Hamzah", "Abdullah", "Prasetyo", "Purnomo", "Haryanto", "Kurniasih", "Rosyid", "Iskandar", "Marpaung",
    "Laia", "Rumengan", "Pakpahan", "Sudirja", "Gultom", "Mokodompit", "Bahar",
)
_PRE = ("", "", "", "", "Dr. ", "Drs. ", "Ir. ", "H. ", "Hj. ")
_POST = (
    "S.Kom.", "S.T.", "S.E.", "S.Sos.", "S.H.", "M.Si.", "M.T.", "M.M.", "M.Kom.", "M.A.P.", "S.STP.",
    "M.Ak.", "S.Pd.", "A.Md.", "S.IP.", "M.H.", "S.Kep.", "M.Eng.",
)


def person(rng: random.Random, *, degrees: bool = True) -> str:
    """A plausible Indonesian civil servant's name, often with academic titles as signatures show them."""
    name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    if rng.random() < 0.15:
        name = f"{rng.choice(_FIRST)} {name}"
    if not degrees:
        return name
    post = ", ".join(rng.sample(_POST, rng.choice((1, 1, 2))))
    return f"{rng.choice(_PRE)}{name}, {post}"


def nip(rng: random.Random) -> str:
    """18-digit NIP: birth date, appointment month, sex digit, sequence."""
    birth = rng.randint(1964, 1996)
    appointed = min(birth + rng.randint(21, 32), 2024)
    return (
        f"{birth}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d} {appointed}{rng.randint(1, 12):02d} "
        f"{rng.choice((1, 2))} {rng.randint(1, 12):03d}"
    )


# ----------------------------------------------------------------------------------------- dates/money
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
    "November", "Desember",
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def indo_date(rng: random.Random, year: int) -> str:
    """'12 Maret 2023': how every Indonesian official document writes dates."""
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}"


def weekday_date(rng: random.Random, year: int) -> tuple[str, str]:
    return rng.choice(DAYS[:5]), indo_date(rng, year)


def rupiah(value: int, *, cents: bool = True) -> str:
    """1234500 -> '1.234.500,00' (Indonesian thousands separator)."""
    text = f"{value:,}".replace(",", ".")
    return f"{text},00" if cents else text


_UNITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas")


def terbilang(value: int) -> str:
    """Amount in words, as RKA forms print it next to the figure."""
    if value < 12:
        return _UNITS[value]
    if value < 20:
        return f"{_UNITS[value - 10]} belas"
    if value < 100:
        return f"{_UNITS[value // 10]} puluh {terbilang(value % 10)}".strip()
    if value < 200:
        return f"seratus {terbilang(value - 100)}".strip()
    if value < 1000:
        return f"{_UNITS[value // 100]} ratus {terbilang(value % 100)}".strip()
    if value < 2000:
        return f"seribu {terbilang(value - 1000)}".strip()
    for size, word in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        if value >= size:
            return f"{terbilang(value // size)} {word} {terbilang(value % size)}".strip()
    return ""


# ------------------------------------------------------------------------------------------------ OPDs
OPDS: dict[str, tuple[str, str]] = {
    "kominfo": ("Dinas Komunikasi dan Informatika", "Diskominfo"),
    "kominfosandi": ("Dinas Komunikasi, Informatika, Statistik dan Persandian", "Diskominfosandi"),
    "kominfotik": ("Dinas Komunikasi, Informatika dan Statistik", "Diskominfotik"),
    "bappeda": ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    "bapperida": ("Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida"),
    "bpkad": ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
    "bkad": ("Badan Keuangan dan Aset Daerah", "BKAD"),
    "bapenda": ("Badan Pendapatan Daerah", "Bapenda"),
    "bkpsdm": ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM"),
    "bkd": ("Badan Kepegawaian Daerah", "BKD"),
    "inspektorat": ("Inspektorat Daerah", "Inspektorat"),
    "organisasi": ("Bagian Organisasi Sekretariat Daerah", "Bagian Organisasi"),
    "hukum": ("Bagian Hukum Sekretariat Daerah", "Bagian Hukum"),
    "pbj": ("Bagian Pengadaan Barang dan Jasa Sekretariat Daerah", "Bagian PBJ"),
    "umum": ("Bagian Umum Sekretariat Daerah", "Bagian Umum"),
    "arsip": ("Dinas Perpustakaan dan Kearsipan", "Dispusip"),
    "dpmptsp": ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
    "dukcapil": ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
    "dinkes": ("Dinas Kesehatan", "Dinkes"),
    "rsud": ("Rumah Sakit Umum Daerah", "RSUD"),
    "disdik": ("Dinas Pendidikan", "Disdik"),
    "dishub": ("Dinas Perhubungan", "Dishub"),
    "pupr": ("Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR"),
    "dispar": ("Dinas Pariwisata dan Kebudayaan", "Disparbud"),
    "dinsos": ("Dinas Sosial", "Dinsos"),
    "setda": ("Sekretariat Daerah", "Setda"),
    "bpbd": ("Badan Penanggulangan Bencana Daerah", "BPBD"),
    "dlh": ("Dinas Lingkungan Hidup", "DLH"),
    "perdagangan": ("Dinas Perindustrian dan Perdagangan", "Disperindag"),
    "pertanian": ("Dinas Pertanian dan Ketahanan Pangan", "Distan"),
    "dpmd": ("Dinas Pemberdayaan Masyarakat dan Desa", "DPMD"),
    "satpolpp": ("Satuan Polisi Pamong Praja", "Satpol PP"),
    "pora": ("Dinas Pemuda dan Olahraga", "Dispora"),
    "kesbangpol": ("Badan Kesatuan Bangsa dan Politik", "Kesbangpol"),
    "kecamatan": ("Kecamatan Kota", "Kecamatan"),
}

# Positions that sign, chair or attend, independent of topic.
POSITIONS = (
    "Sekretaris Daerah",
    "Asisten Administrasi Umum",
    "Asisten Perekonomian dan Pembangunan",
    "Kepala Badan Perencanaan Pembangunan Daerah",
    "Kepala Dinas Komunikasi dan Informatika",
    "Kepala Badan Pengelolaan Keuangan dan Aset Daerah",
    "Inspektur Daerah",
    "Kepala Bagian Organisasi",
    "Kepala Bagian Hukum",
    "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Kepala Dinas Kependudukan dan Pencatatan Sipil",
    "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Kepala Dinas Perpustakaan dan Kearsipan",
    "Sekretaris Dinas Komunikasi dan Informatika",
    "Kepala Bidang Aplikasi Informatika",
    "Kepala Bidang Infrastruktur dan Teknologi",
    "Kepala Bidang Statistik dan Persandian",
    "Kepala Bidang Pengelolaan Informasi dan Komunikasi Publik",
    "Kepala Subbagian Umum dan Kepegawaian",
    "Kepala Bidang Anggaran",
    "Kepala Bidang Perencanaan, Pengendalian dan Evaluasi",
    "Pranata Komputer Ahli Muda",
    "Pranata Komputer Ahli Pertama",
    "Analis Kebijakan Ahli Muda",
    "Camat",
)

MEETING_ROOMS = (
    "Ruang Rapat Sekretaris Daerah",
    "Ruang Rapat Bupati",
    "Aula Kantor {opd_short}",
    "Ruang Rapat {opd_short}",
    "Command Center {nama_daerah}",
    "Ruang Rapat Lantai 3 Kantor {opd_short}",
    "Aula Utama Kantor {kepala} {nama_daerah}",
    "Ruang Pertemuan Hotel {hotel}",
    "Zoom Meeting (daring)",
    "Ruang Rapat Bappeda",
)
HOTELS = ("Grand Mutiara", "Sahid Raya", "Aston", "Santika", "Horison", "Swiss-Belinn", "Bumi Asri", "Permata")

NEWS_OUTLETS = (
    "Antara", "Kabar{nama_daerah_kompak}.com", "Radar{nama_daerah_kompak}", "Info{nama_daerah_kompak}.id",
    "Suara Daerah", "Warta Pemda", "Tribun{nama_daerah_kompak}", "Media Nusantara", "Portal Berita Pemda",
    "Humas {pemkab}", "Kilas Daerah", "Lintas Kabar",
)

# Unrelated "Baca juga" headlines and news asides, in positives and negatives alike.
READ_ALSO = (
    "Harga cabai rawit di pasar tradisional kembali naik menjelang akhir pekan",
    "Ribuan warga padati pawai budaya dalam rangka hari jadi daerah",
    "Jembatan gantung penghubung dua desa mulai diperbaiki",
    "Tim sepak bola pelajar lolos ke babak final tingkat provinsi",
    "BPBD imbau warga bantaran sungai waspada banjir kiriman",
    "Posyandu remaja digalakkan untuk cegah anemia pada pelajar",
    "Pemerintah daerah salurkan bantuan bibit jagung kepada kelompok tani",
    "Festival kuliner khas daerah targetkan puluhan ribu pengunjung",
    "Jalan lingkar selatan ditargetkan rampung akhir tahun",
    "Kunjungan wisatawan ke pantai meningkat selama libur sekolah",
    "Operasi pasar murah digelar di lima kecamatan",
    "Sekolah rusak akibat angin kencang segera direhabilitasi",
    "Pelantikan pejabat administrator dan pengawas di lingkungan pemda",
    "Dinas kesehatan gelar vaksinasi massal untuk balita",
    "Lomba desa tingkat kabupaten diikuti perwakilan setiap kecamatan",
    "Ratusan pelari ikut lomba lari sepuluh kilometer di pusat kota",
    "Penyaluran bantuan sosial tahap kedua dimulai pekan depan",
    "Gerakan tanam pohon serentak libatkan pelajar dan komunitas",
    "Pasar hewan kembali dibuka setelah renovasi los pedagang",
    "DPRD setujui rancangan perda tentang pengelolaan sampah",
)

# ------------------------------------------------------------------------------------------- citations
# (rank, text). Rank orders the Mengingat list the way regulations do: UUD, UU, PP, Perpres, Permen,
# Perda, Perkada. Wording is this generator's own (abbreviations such as "No." are common in practice).
GENERIC_CITATIONS: tuple[tuple[int, str], ...] = (
    (0, "Pasal 18 ayat (6) UUD NRI Tahun 1945"),
    (1, "Undang-Undang No. {uu_pembentukan_no} Tahun {uu_pembentukan_th} tentang Pembentukan {pembentukan}"),
    (1, "UU Nomor 12 Tahun 2011 tentang Pembentukan Peraturan Perundang-undangan sebagaimana telah beberapa kali diubah, terakhir dengan UU Nomor 13 Tahun 2022"),
    (1, "UU No. 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, terakhir dengan UU No. 6 Tahun 2023 tentang Penetapan Perppu Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang"),
    (1, "Undang-Undang Republik Indonesia No. 23 Tahun 2014 tentang Pemerintahan Daerah beserta perubahannya"),
    (1, "UU Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara sebagaimana telah diganti dengan UU Nomor 20 Tahun 2023"),
    (2, "PP Nomor 18 Tahun 2016 tentang Perangkat Daerah sebagaimana telah diubah dengan PP Nomor 72 Tahun 2019"),
    (2, "Peraturan Pemerintah No. 12 Tahun 2017 mengenai Pembinaan dan Pengawasan Penyelenggaraan Pemerintahan Daerah"),
    (2, "PP No. 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah"),
    (4, "Permendagri Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum Daerah sebagaimana telah diubah dengan Permendagri Nomor 120 Tahun 2018"),
    (4, "Peraturan Menteri Dalam Negeri No. 77 Tahun 2020 tentang Pedoman Teknis Pengelolaan Keuangan Daerah"),
    (5, "Peraturan Daerah {daerah} Nomor {perda_sotk_no} Tahun {perda_sotk_th} tentang Pembentukan dan Susunan Perangkat Daerah"),
    (6, "{perkada} Nomor {perkada_sotk_no} Tahun {perda_sotk_th} tentang Kedudukan, Susunan Organisasi, Tugas, Fungsi dan Tata Kerja Perangkat Daerah"),
)

# ----------------------------------------------------------------------------------- generic sentences
# Filler for the body of regulations: shared by every topic and by unrelated regulations.
GENERIC_ARTICLES = (
    "Perangkat Daerah melaksanakan ketentuan dalam {perkada} ini sesuai dengan tugas dan fungsinya masing-masing.",
    "Pembinaan dan pengawasan atas pelaksanaan {perkada} ini dilakukan oleh {kepala} melalui Sekretaris Daerah.",
    "Segala biaya yang timbul sebagai akibat pelaksanaan {perkada} ini dibebankan pada Anggaran Pendapatan dan Belanja Daerah serta sumber lain yang sah dan tidak mengikat.",
    "Ketentuan lebih lanjut mengenai petunjuk teknis pelaksanaan ditetapkan oleh Kepala Perangkat Daerah sesuai kewenangannya.",
    "Pemantauan dan evaluasi atas pelaksanaan ketentuan ini dilakukan paling sedikit 1 (satu) kali dalam setahun.",
    "Hasil pemantauan dan evaluasi dilaporkan kepada {kepala} melalui Sekretaris Daerah sebagai bahan penyempurnaan kebijakan.",
    "Dalam melaksanakan tugasnya, Perangkat Daerah dapat berkoordinasi dengan instansi vertikal dan pemangku kepentingan terkait.",
    "Setiap Pegawai Aparatur Sipil Negara di lingkungan {pemda} wajib mematuhi ketentuan sebagaimana diatur dalam {perkada} ini.",
    "Pelanggaran terhadap ketentuan ini dikenai sanksi administratif sesuai ketentuan peraturan perundang-undangan.",
    "Sanksi administratif dapat berupa teguran lisan, teguran tertulis, atau penundaan pemberian hak.",
    "Pelaksanaan kegiatan sebagaimana dimaksud dilakukan secara terkoordinasi, terpadu dan berkesinambungan.",
    "Kepala Perangkat Daerah bertanggung jawab atas pelaksanaan ketentuan ini di unit kerjanya.",
    "Peningkatan kapasitas aparatur dilaksanakan melalui pendidikan, pelatihan, sosialisasi dan pendampingan.",
    "Masyarakat dapat berperan serta memberikan masukan dalam pelaksanaan ketentuan ini.",
    "Dalam hal terdapat perubahan peraturan perundang-undangan, ketentuan ini disesuaikan paling lama 1 (satu) tahun.",
    "Pelaksanaan ketentuan ini berpedoman pada prinsip efektif, efisien, transparan dan akuntabel.",
    "Perangkat Daerah menyampaikan laporan pelaksanaan kepada {kepala} melalui Sekretaris Daerah setiap akhir tahun anggaran.",
    "Kepala Perangkat Daerah menunjuk pejabat yang bertanggung jawab atas pelaksanaan kegiatan di unit kerjanya.",
    "Koordinasi pelaksanaan dilakukan melalui rapat yang diselenggarakan paling sedikit 2 (dua) kali dalam setahun.",
    "Ketentuan ini dilaksanakan sesuai dengan kemampuan keuangan daerah.",
    "Hasil evaluasi digunakan sebagai bahan perbaikan kebijakan pada tahun berikutnya.",
    "Pelaksanaan kegiatan dapat melibatkan perguruan tinggi, dunia usaha dan masyarakat.",
    "Setiap pelaksana wajib menjaga kerahasiaan data dan informasi yang diperolehnya dalam pelaksanaan tugas.",
    "Pada saat {perkada} ini mulai berlaku, semua ketentuan yang bertentangan dinyatakan tidak berlaku.",
)

GENERIC_REPORT = (
    "Kegiatan dilaksanakan sesuai jadwal yang telah ditetapkan dalam rencana kerja tahunan.",
    "Pelaksanaan kegiatan melibatkan unsur perangkat daerah terkait dan narasumber yang berkompeten.",
    "Secara umum kegiatan berjalan lancar meskipun terdapat kendala keterbatasan anggaran dan sumber daya manusia.",
    "Realisasi anggaran kegiatan mencapai {pct} persen dari pagu yang tersedia.",
    "Dokumentasi kegiatan berupa foto, daftar hadir dan bahan paparan terlampir dalam laporan ini.",
    "Laporan ini disusun sebagai bentuk pertanggungjawaban pelaksanaan kegiatan dan bahan evaluasi tahun berikutnya.",
    "Koordinasi dengan perangkat daerah lain perlu ditingkatkan agar hasil kegiatan dapat dimanfaatkan secara optimal.",
    "Diperlukan komitmen pimpinan perangkat daerah agar tindak lanjut dapat diselesaikan tepat waktu.",
    "Kendala utama yang dihadapi adalah keterbatasan jumlah pegawai dan beban kerja yang tinggi.",
    "Sebagai solusi, dilakukan pembagian tugas yang lebih jelas dan peningkatan koordinasi antarbidang.",
    "Pelaksanaan kegiatan dipantau melalui rapat evaluasi bulanan yang dipimpin kepala perangkat daerah.",
    "Beberapa kegiatan mengalami penundaan karena penyesuaian jadwal dengan agenda pimpinan daerah.",
    "Ke depan perlu disusun rencana kerja yang lebih rinci beserta indikator keberhasilannya.",
    "Laporan ini diharapkan dapat menjadi bahan masukan bagi perbaikan pelaksanaan kegiatan.",
)

# Generic self-description of an agency: the "Gambaran Umum" chapter of reports and plans.
GENERIC_PROFILE = (
    "{opd} merupakan unsur pelaksana urusan pemerintahan yang menjadi kewenangan daerah.",
    "{opd} dipimpin oleh seorang kepala yang berkedudukan di bawah dan bertanggung jawab kepada {kepala} melalui Sekretaris Daerah.",
    "Susunan organisasi terdiri atas kepala, sekretariat, bidang-bidang, unit pelaksana teknis dan kelompok jabatan fungsional.",
    "Jumlah pegawai pada {opd} sebanyak {m} orang yang terdiri atas pegawai negeri sipil dan pegawai pemerintah dengan perjanjian kerja.",
    "Sebagian besar pegawai berpendidikan sarjana, sedangkan sisanya berpendidikan diploma dan sekolah menengah.",
    "Kantor {opd} berlokasi di kompleks perkantoran pemerintah daerah {ibukota}.",
    "Sarana dan prasarana kerja yang tersedia meliputi gedung kantor, kendaraan operasional dan peralatan kantor.",
    "Visi daerah menjadi acuan perangkat daerah dalam menetapkan tujuan dan sasaran strategis.",
    "Tugas pokok perangkat daerah dijabarkan lebih lanjut dalam uraian tugas jabatan yang ditetapkan {kepala}.",
    "Anggaran perangkat daerah pada tahun {tahun} bersumber dari Anggaran Pendapatan dan Belanja Daerah.",
)

GENERIC_PLANNING = (
    "Dokumen ini disusun dengan memperhatikan kondisi, potensi dan permasalahan yang dihadapi daerah.",
    "Penyusunan dokumen melibatkan perangkat daerah terkait melalui rangkaian rapat dan diskusi kelompok terarah.",
    "Dokumen ini menjadi acuan dalam penyusunan rencana kerja tahunan perangkat daerah.",
    "Pelaksanaan dokumen ini dievaluasi secara berkala dan dapat disesuaikan dengan perkembangan kebijakan.",
    "Sistematika dokumen terdiri atas pendahuluan, gambaran kondisi, analisis dan rencana tindak lanjut.",
)

GENERIC_MEETING = (
    "Rapat dibuka oleh pimpinan rapat dengan menyampaikan maksud dan tujuan pertemuan.",
    "Pimpinan rapat menyampaikan terima kasih atas kehadiran para peserta.",
    "Peserta rapat menyepakati jadwal pertemuan lanjutan yang akan disampaikan melalui surat undangan.",
    "Setiap perangkat daerah diminta menyampaikan data dukung paling lambat satu minggu setelah rapat.",
    "Rapat ditutup pukul {jam_tutup} WIB dengan kesimpulan sebagaimana tercatat di bawah.",
    "Sesi diskusi diisi tanya jawab antara peserta dan narasumber.",
    "Hasil rapat akan dilaporkan kepada pimpinan sebagai bahan pengambilan keputusan.",
)

GENERIC_NEWS = (
    "Kegiatan tersebut dihadiri oleh para kepala perangkat daerah dan camat se-{daerah}.",
    "Acara dibuka secara resmi oleh {jabatan_pembuka} {nama_daerah}.",
    "Ia berharap seluruh jajaran dapat memberikan dukungan penuh agar program berjalan sesuai harapan.",
    "Pemerintah daerah berkomitmen meningkatkan kualitas pelayanan kepada masyarakat.",
    "Kegiatan ini juga menjadi ajang untuk mempererat koordinasi antarperangkat daerah.",
    "Ke depan, kegiatan serupa direncanakan akan digelar secara rutin setiap tahun.",
    "Menurutnya, sinergi antara pemerintah daerah dan masyarakat menjadi kunci keberhasilan pembangunan.",
    "Kegiatan berlangsung di {ibukota} dan diikuti dengan antusias oleh para peserta.",
    "Dalam sambutannya, ia mengapresiasi seluruh pihak yang telah mendukung terselenggaranya kegiatan tersebut.",
    "Turut hadir dalam kegiatan tersebut unsur forum koordinasi pimpinan daerah.",
    "Pemerintah daerah akan terus melakukan evaluasi agar pelaksanaan program semakin baik.",
    "Ia menambahkan, pihaknya terbuka terhadap masukan dari masyarakat.",
    "Acara diakhiri dengan sesi foto bersama dan ramah tamah.",
    "Pihaknya berharap kegiatan tersebut memberikan manfaat nyata bagi masyarakat {daerah}.",
    "Sebelumnya, kegiatan serupa juga pernah dilaksanakan pada tahun lalu dengan hasil yang positif.",
)

SPEECH_VERBS = ("kata", "ujar", "ungkap", "jelas", "tutur", "terang", "imbuh")
