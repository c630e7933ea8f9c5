"""Document skeletons per document type, filled from a topic and a region.

Each ``render_<type>`` writes the parts a real document of that type has (a Perbup's heading, Menimbang,
Mengingat, articles and promulgation; an SK's diktum and team annex; an RKA's form header and account
lines; a news item's dateline, quotes and "Baca juga" asides ...). Structure is shared by positive and
negative topics so that only topic words separate them. The placeholders in topic sentences
(``{daerah}``, ``{app}``, ``{opd_short}`` ...) are filled from a per-document context.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from classifier.corpus.boilerplate import (
    DAYS,
    GENERIC_ARTICLES,
    GENERIC_CITATIONS,
    GENERIC_MEETING,
    GENERIC_NEWS,
    GENERIC_PLANNING,
    GENERIC_PROFILE,
    GENERIC_REPORT,
    HOTELS,
    MEETING_ROOMS,
    MONTHS,
    NEWS_OUTLETS,
    OPDS,
    POSITIONS,
    READ_ALSO,
    SPEECH_VERBS,
    indo_date,
    nip,
    person,
    rupiah,
    terbilang,
    weekday_date,
)
from classifier.corpus.topic_data import Topic
from classifier.corpus.types import Region

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _value_of(values: Mapping[str, str], match: re.Match[str]) -> str:
    return values[match.group(1)]
LONG_SHARE = 0.35  # documents written in full length (annexes, extra chapters, more paragraphs)


@dataclass(frozen=True)
class Rendered:
    title: str  # what an OPD clerk would call the file
    text: str


class Context(dict[str, str]):
    """Placeholder values of one document; an unknown placeholder is a data bug and raises."""

    def __init__(self, region: Region, year: int, values: dict[str, str], *, long: bool = False) -> None:
        super().__init__(values)
        self.region = region
        self.year = year
        self.long = long  # a complete multi-page document rather than a page or two


def fill(template: str, ctx: Context) -> str:
    return _PLACEHOLDER.sub(lambda m: ctx[m.group(1)], template)


def pick(rng: random.Random, pool: Sequence[str], k: int) -> list[str]:
    """Up to k distinct items in random order (fewer when the pool is small)."""
    if not pool:
        return []
    return rng.sample(list(pool), min(k, len(pool)))


def pick_ordered(rng: random.Random, pool: Sequence[str], k: int) -> list[str]:
    """Up to k distinct items kept in authored order (leads before details, step 1 before step 2)."""
    if not pool:
        return []
    chosen = sorted(rng.sample(range(len(pool)), min(k, len(pool))))
    return [pool[i] for i in chosen]


def window(rng: random.Random, pool: Sequence[str], k: int) -> list[str]:
    """k consecutive items of an ordered list, e.g. the steps of a procedure."""
    k = min(k, len(pool))
    start = rng.randint(0, max(0, len(pool) - k))
    return list(pool[start:start + k])


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _choice(rng: random.Random, pool: Sequence[str], ctx: Context, default: str = "") -> str:
    return fill(rng.choice(pool), ctx) if pool else default


def _app_slug(app: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", app.lower())[:14] or "layanan"


def make_context(topic: Topic, rng: random.Random, region: Region, year: int) -> Context:
    """Per-document placeholder values: region, year, owning agency, application, numbers, people."""
    opd, opd_short = OPDS[rng.choice(topic.owners)]
    deputy = {"kabupaten": "Wakil Bupati", "kota": "Wakil Wali Kota", "provinsi": "Wakil Gubernur"}[region.kind]
    values = {
        "daerah": region.full,
        "pemda": region.government,
        "pemkab": region.short_government,
        "nama_daerah": region.name,
        "nama_daerah_kompak": region.name.replace(" ", ""),
        "provinsi": region.province,
        "kepala": region.head,
        "kepala_daerah": f"{region.head} {region.name}",
        "wakil": deputy,
        "perkada": f"Peraturan {region.head}",
        "ibukota": region.seat,
        "slug": region.slug,
        "tahun": str(year),
        "tahun_lalu": str(year - 1),
        "tahun_depan": str(year + 1),
        "tahun_akhir": str(year + 4),
        "opd": opd,
        "opd_short": opd_short,
        "n": str(rng.randint(2, 12)),
        "m": str(rng.randint(12, 60)),
        "k": str(rng.randint(100, 2500)),
        "pct": str(rng.randint(55, 98)),
        "jumlah_opd": str(rng.randint(24, 58)),
        "jam_tutup": f"{rng.randint(11, 15)}.{rng.choice(('00', '15', '30', '45'))}",
        "hotel": rng.choice(HOTELS),
        "jabatan_pembuka": rng.choice(("Sekretaris Daerah", deputy, "Asisten Administrasi Umum Setda")),
        "pejabat": person(rng, degrees=False),
        "uu_pembentukan_no": str(rng.randint(2, 60)),
        "uu_pembentukan_th": str(rng.choice((1950, 1956, 1959, 1965, 1999, 2002, 2003, 2007, 2008))),
        "perda_sotk_no": str(rng.randint(1, 15)),
        "perda_sotk_th": str(rng.choice((2017, 2019, 2021, 2022, 2023))),
        "perkada_sotk_no": str(rng.randint(20, 90)),
        "pembentukan": region.full if region.kind == "provinsi" else f"{region.full} di Provinsi {region.province}",
        "bulan": rng.choice(MONTHS),
    }
    ctx = Context(region, year, values, long=rng.random() < LONG_SHARE)
    app = _choice(rng, topic.pool("apps"), ctx)
    ctx["app"] = app
    ctx["url"] = f"https://{_app_slug(app)}.{region.slug}.go.id"
    ctx["nama_topik"] = _choice(rng, topic.pool("names"), ctx, default=app)
    return ctx


# ----------------------------------------------------------------------------------------------- common
def _head_word(region: Region, rng: random.Random) -> str:
    if region.kind == "kota" and rng.random() < 0.5:
        return "WALIKOTA"
    return region.head.upper()


def _heading(region: Region, rng: random.Random, head: str) -> list[str]:
    lines = []
    if rng.random() < 0.35:
        lines.append("SALINAN")
    lines.append(f"{head} {region.name.upper()}")
    if region.kind != "provinsi" and rng.random() < 0.8:
        lines.append(f"PROVINSI {region.province.upper()}")
    return lines


def _letterhead(ctx: Context, rng: random.Random, unit: str | None = None) -> list[str]:
    """Kop surat: government, agency, address line."""
    region = ctx.region
    lines = [f"PEMERINTAH {region.full.upper()}"]
    if unit:
        lines.append(unit.upper())
    street = rng.choice(("Jalan Jenderal Sudirman", "Jl. Ahmad Yani", "Jalan Pahlawan", "Jl. Diponegoro",
                         "Jalan Merdeka", "Jl. Veteran", "Jalan Pemuda", "Jl. Gajah Mada"))
    lines.append(
        f"{street} No. {rng.randint(1, 120)} {region.seat} Telp. (0{rng.randint(211, 986)}) {rng.randint(20000, 99999)} "
        f"Laman: {region.slug}.go.id"
    )
    return lines


def _rank(citation: str) -> int:
    lowered = citation.lower()
    for prefix, rank in (("pasal", 0), ("uud", 0), ("undang", 1), ("uu ", 1), ("peraturan pemerintah", 2),
                         ("pp ", 2), ("peraturan presiden", 3), ("perpres", 3), ("instruksi presiden", 3),
                         ("peraturan menteri", 4), ("permen", 4), ("peraturan kepala", 4), ("peraturan badan", 4),
                         ("peraturan lembaga", 4), ("peraturan arsip", 4), ("keputusan menteri", 4),
                         ("surat edaran", 4), ("peraturan daerah", 5)):
        if lowered.startswith(prefix):
            return rank
    return 6


def _legal_gazette(citation: str, rng: random.Random) -> str:
    """Sometimes add the gazette reference, as formal regulations do; numbers are arbitrary."""
    match = re.search(r"Tahun (\d{4})", citation)
    if not match or "sebagaimana" in citation or "beserta" in citation or rng.random() < 0.5:
        return citation
    year = match.group(1)
    lowered = citation.lower()
    if lowered.startswith(("undang", "uu", "peraturan pemerintah", "pp ")):
        return f"{citation} (LN RI Tahun {year} No. {rng.randint(30, 299)}, TLN RI No. {rng.randint(4000, 6999)})"
    if lowered.startswith(("peraturan presiden", "perpres")):
        return f"{citation} (LN RI Tahun {year} No. {rng.randint(30, 299)})"
    if lowered.startswith(("peraturan menteri", "permen", "peraturan badan", "peraturan lembaga", "peraturan arsip")):
        return f"{citation} (Berita Negara RI Tahun {year} No. {rng.randint(100, 1999)})"
    return citation


def citations(topic: Topic, ctx: Context, rng: random.Random, *, generic: int, specific: int,
              regulation: bool = False) -> list[str]:
    """Legal basis: generic local-government citations plus the topic's own, in legal order.

    Only regulations cite the constitution; SOPs, reports and circulars start from laws.
    """
    pool = GENERIC_CITATIONS if regulation else [c for c in GENERIC_CITATIONS if c[0] > 0]
    chosen = [(rank, fill(text, ctx)) for rank, text in rng.sample(pool, generic)]
    chosen += [(_rank(c), fill(c, ctx)) for c in pick(rng, topic.pool("mengingat"), specific)]
    chosen.sort(key=lambda rc: rc[0])
    seen: set[str] = set()
    out = []
    for _, text in chosen:
        if text not in seen:
            seen.add(text)
            out.append(_legal_gazette(text, rng))
    return out


def _numbered(items: Sequence[str], *, style: str = "num", end: str = ";", last_end: str = ".") -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = []
    for i, item in enumerate(items):
        mark = f"{i + 1}." if style == "num" else f"{letters[i]}."
        item = item.rstrip(";.")
        out.append(f"{mark} {item}{last_end if i == len(items) - 1 else end}")
    return out


def _huruf_refs(count: int) -> str:
    letters = "abcdefghij"
    if count == 1:
        return "huruf a"
    if count == 2:
        return "huruf a dan huruf b"
    return f"huruf a sampai dengan huruf {letters[count - 1]}"


_CLOSING_CONSIDERATIONS = (
    "bahwa sehubungan dengan pertimbangan pada {refs}, perlu ditetapkan {instrument} tentang {title}",
    "bahwa berdasarkan pertimbangan tersebut pada {refs}, {kepala} perlu menetapkan Peraturan tentang {title}",
    "bahwa untuk maksud tersebut di atas, {title} perlu diatur dalam {instrument}",
    "bahwa dengan memperhatikan {refs}, dipandang perlu mengatur {title} dengan {instrument}",
)


def menimbang(topic: Topic, ctx: Context, rng: random.Random, instrument: str, title: str,
              *, count: int | None = None) -> list[str]:
    reasons = [fill(s, ctx) for s in pick(rng, topic.pool("menimbang"), count or rng.choice((1, 2, 2, 3)))]
    if rng.random() < 0.15:
        reasons.append(
            f"bahwa {instrument} {ctx['nama_daerah']} Nomor {rng.randint(3, 70)} Tahun {ctx.year - rng.randint(3, 9)} tentang {title} "
            "sudah tidak sesuai dengan perkembangan kebutuhan dan peraturan perundang-undangan sehingga perlu diganti"
        )
    template = rng.choice(_CLOSING_CONSIDERATIONS)
    reasons.append(template.format(refs=_huruf_refs(len(reasons)), instrument=instrument, title=title,
                                   kepala=ctx["kepala"]))
    lines = _numbered(reasons, style="alpha", end=";", last_end=";")
    return [f"Menimbang : {lines[0]}", *lines[1:]]


def mengingat(topic: Topic, ctx: Context, rng: random.Random) -> list[str]:
    items = citations(topic, ctx, rng, generic=rng.randint(2, 5), specific=rng.randint(1, 3), regulation=True)
    lines = _numbered(items, style="num", end=";", last_end=";")
    return [f"Mengingat : {lines[0]}", *lines[1:]]


def _signature(ctx: Context, rng: random.Random, role: str, *, with_nip: bool, signed: bool = True) -> list[str]:
    lines = [f"{role},"]
    if signed:
        lines.append(rng.choice(("ttd", "ttd.", "TTD", "")))
    lines.append(person(rng, degrees=rng.random() < 0.7).upper() if rng.random() < 0.6 else person(rng))
    if with_nip:
        if rng.random() < 0.5:
            lines.append(rng.choice(("Pembina Utama Muda", "Pembina Tingkat I", "Pembina", "Penata Tingkat I")))
        lines.append(f"NIP. {nip(rng)}")
    return lines


def _mix(rng: random.Random, topical: Sequence[str], generic: Sequence[str], k: int, topical_share: float) -> list[str]:
    """k sentences, a share of them from the topic and the rest generic, in random order."""
    n_topic = max(1, round(k * topical_share)) if topical else 0
    out = pick(rng, topical, n_topic) + pick(rng, generic, k - n_topic)
    rng.shuffle(out)
    return out


# --------------------------------------------------------------------------------------- regulations
_STANDARD_DEFINITIONS = (
    "Daerah adalah {daerah}.",
    "Pemerintah Daerah adalah {kepala} sebagai unsur penyelenggara Pemerintahan Daerah yang memimpin pelaksanaan urusan pemerintahan yang menjadi kewenangan daerah otonom.",
    "{kepala} adalah {kepala_daerah}.",
    "Sekretaris Daerah adalah Sekretaris Daerah {daerah}.",
    "Perangkat Daerah adalah unsur pembantu {kepala} dan Dewan Perwakilan Rakyat Daerah dalam penyelenggaraan urusan pemerintahan yang menjadi kewenangan Daerah.",
    "Dinas adalah {opd} {daerah}.",
)
_GENERIC_CHAPTERS = (
    "PELAKSANAAN", "KOORDINASI", "PEMANTAUAN DAN EVALUASI", "PENDANAAN", "PEMBINAAN DAN PENGAWASAN",
    "TUGAS DAN TANGGUNG JAWAB", "PELAPORAN",
)


def _articles(topic: Topic, ctx: Context, rng: random.Random, instrument: str, scope: Sequence[str] | None,
              size: int) -> list[str]:
    lines = ["BAB I", "KETENTUAN UMUM", "Pasal 1", f"Dalam {instrument} ini yang dimaksud dengan:"]
    std = [fill(d, ctx) for d in _STANDARD_DEFINITIONS[: rng.randint(3, len(_STANDARD_DEFINITIONS))]]
    own = [fill(d, ctx) for d in pick(rng, topic.pool("definitions"), rng.randint(1, 4))]
    lines += _numbered(std + own, end="", last_end="")
    article = 2
    chapters = ["MAKSUD, TUJUAN DAN RUANG LINGKUP"]
    n_chapters = rng.randint(3, 7) if scope else rng.randint(1, 3)
    chapters += [fill(c, ctx).upper() for c in pick(rng, topic.pool("chapters"), n_chapters)]
    chapters += rng.sample(_GENERIC_CHAPTERS, rng.randint(1, 2))
    chapters = chapters[: max(2, size)]
    deck = [fill(x, ctx) for x in _mix(rng, topic.pool("body"), GENERIC_ARTICLES, 30 if ctx.long else 14, 0.5)]
    roman = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
    for idx, chapter in enumerate(chapters):
        lines += [f"BAB {roman[idx]}", chapter]
        if idx == 0:
            lines += [f"Pasal {article}", f"{instrument} ini dimaksudkan sebagai pedoman bagi Perangkat Daerah dalam "
                      f"{rng.choice(('penyelenggaraan', 'pelaksanaan', 'pengelolaan'))} {ctx['nama_topik']}."]
            article += 1
            if scope:
                lines += [f"Pasal {article}", f"Ruang lingkup {instrument} ini meliputi:"]
                lines += _numbered([fill(x, ctx) for x in scope], style="alpha", end=";", last_end=".")
                article += 1
            continue
        for _ in range(rng.randint(2, 3) if ctx.long else rng.randint(1, 2)):
            sentences = [deck.pop() for _ in range(min(len(deck), rng.randint(1, 3)))]
            if not sentences:
                break
            lines.append(f"Pasal {article}")
            if len(sentences) == 1:
                lines.append(sentences[0])
            else:
                lines += [f"({i + 1}) {s}" for i, s in enumerate(sentences)]
            article += 1
    lines += [f"BAB {roman[len(chapters)]}", "KETENTUAN PENUTUP", f"Pasal {article}",
              f"{instrument} ini mulai berlaku pada tanggal diundangkan.",
              f"Agar setiap orang mengetahuinya, memerintahkan pengundangan {instrument} ini dengan penempatannya "
              f"dalam Berita Daerah {ctx['daerah']}."]
    return lines


def _chapter_count(rng: random.Random, ctx: Context, scope: Sequence[str] | None) -> int:
    if scope or ctx.long:
        return rng.randint(6, 11)
    return rng.randint(2, 6)


def _annex(topic: Topic, ctx: Context, rng: random.Random, heading: str, title: str) -> list[str]:
    """The lampiran of a full regulation: the document it sets (architecture, procedure, register ...)."""
    lines = [heading, f"NOMOR {rng.randint(1, 95)} TAHUN {ctx.year}", f"TENTANG {title.upper()}", "BAB I", "PENDAHULUAN",
             "A. Latar Belakang"]
    lines += [fill(x, ctx) for x in pick_ordered(rng, topic.pool("body"), rng.randint(2, 4))]
    lines += [fill(x, ctx) for x in pick(rng, GENERIC_PLANNING, rng.randint(1, 3))]
    lines += ["B. Maksud dan Tujuan", fill(rng.choice(GENERIC_PLANNING), ctx), "BAB II", rng.choice(("URAIAN", "RUANG LINGKUP DAN PELAKSANAAN", "KETENTUAN TEKNIS"))]
    content = topic.pool("findings") + topic.pool("steps") + topic.pool("directives")
    lines += _numbered([fill(x, ctx) for x in pick_ordered(rng, content, rng.randint(3, 7))], end=";", last_end=".")
    if topic.table:
        lines += [_choice(rng, topic.table.get("titles", ["Tabel"]), ctx)] + _table_rows(topic, ctx, rng, rng.randint(4, 8))
    lines += ["BAB III", "PENUTUP", fill(rng.choice(GENERIC_PLANNING), ctx)]
    lines += _signature(ctx, rng, f"{ctx['kepala'].upper()} {ctx.region.name.upper()}", with_nip=False)
    return lines


def _promulgation(ctx: Context, rng: random.Random, head: str, *, draft: bool, gazette: str) -> list[str]:
    region = ctx.region
    if draft:
        return [f"Ditetapkan di {region.seat}", "pada tanggal", f"{head} {region.name.upper()},", "",
                f"{person(rng).upper()}" if rng.random() < 0.3 else ""]
    date = indo_date(rng, ctx.year)
    lines = [f"Ditetapkan di {region.seat}", f"pada tanggal {date}"]
    lines += _signature(ctx, rng, f"{head} {region.name.upper()}", with_nip=False)
    if rng.random() < 0.8:
        lines += [f"Diundangkan di {region.seat}", f"pada tanggal {date}"]
        lines += _signature(ctx, rng, f"SEKRETARIS DAERAH {region.full.upper()}", with_nip=rng.random() < 0.5)
        lines.append(f"{gazette} {region.full.upper()} TAHUN {ctx.year} NOMOR {rng.randint(1, 80)}")
    return lines


def _qualified(title: str, region: Region, rng: random.Random) -> str:
    """Regional regulations name the region in their title ('... Kabupaten Gowa'); add it when missing."""
    if region.name.lower() in title.lower():
        return title
    return title + rng.choice((f" {region.full}", f" di {region.full}", f" Pemerintah {region.full}"))


def _draft_marker(rng: random.Random) -> str:
    return rng.choice(("RANCANGAN", "DRAF", "DRAFT", "KONSEP", "RANCANGAN FINAL"))


def render_perkada(topic: Topic, ctx: Context, rng: random.Random, *, draft: bool = False,
                   scope: Sequence[str] | None = None) -> Rendered:
    region = ctx.region
    head = _head_word(region, rng)
    title = _qualified(_choice(rng, topic.title_options("regulation"), ctx), region, rng)
    instrument = f"Peraturan {region.head}"
    lines: list[str] = []
    if draft and rng.random() < 0.5:
        lines.append(_draft_marker(rng))
    lines += _heading(region, rng, head)
    prefix = "RANCANGAN " if draft and rng.random() < 0.6 else ""
    lines.append(f"{prefix}PERATURAN {head} {region.name.upper()}")
    number = "NOMOR ... TAHUN ..." if draft and rng.random() < 0.5 else (
        f"NOMOR      TAHUN {ctx.year}" if draft else f"NOMOR {rng.randint(1, 95)} TAHUN {ctx.year}")
    lines += [number, "TENTANG", title.upper(), "DENGAN RAHMAT TUHAN YANG MAHA ESA", f"{head} {region.name.upper()},"]
    lines += menimbang(topic, ctx, rng, instrument, title)
    lines += mengingat(topic, ctx, rng)
    lines += ["MEMUTUSKAN:", f"Menetapkan : PERATURAN {head} TENTANG {title.upper()}."]
    lines += _articles(topic, ctx, rng, instrument, scope, size=_chapter_count(rng, ctx, scope))
    lines += _promulgation(ctx, rng, head, draft=draft, gazette="BERITA DAERAH")
    if ctx.long:
        lines += _annex(topic, ctx, rng, f"LAMPIRAN PERATURAN {head} {region.name.upper()}", title)
    kind = "Rancangan Perbup" if draft else {"kabupaten": "Perbup", "kota": "Perwal", "provinsi": "Pergub"}[region.kind]
    return Rendered(f"{kind} {region.name} {title}", "\n".join(lines))


def render_perda(topic: Topic, ctx: Context, rng: random.Random, *, draft: bool = False,
                 scope: Sequence[str] | None = None) -> Rendered:
    region = ctx.region
    head = _head_word(region, rng)
    title = _qualified(_choice(rng, topic.title_options("regulation"), ctx), region, rng)
    instrument = "Peraturan Daerah"
    ctx["perkada"] = instrument  # generic articles then speak of "Peraturan Daerah ini"
    lines: list[str] = []
    if draft:
        lines.append(_draft_marker(rng))
    if rng.random() < 0.5:
        lines += _heading(region, rng, head)
    else:
        lines.append(f"PEMERINTAH {region.full.upper()}")
    lines.append(f"PERATURAN DAERAH {region.full.upper()}")
    lines += ["NOMOR ... TAHUN ..." if draft else f"NOMOR {rng.randint(1, 25)} TAHUN {ctx.year}", "TENTANG",
              title.upper(), "DENGAN RAHMAT TUHAN YANG MAHA ESA", f"{head} {region.name.upper()},"]
    lines += menimbang(topic, ctx, rng, instrument, title)
    lines += mengingat(topic, ctx, rng)
    lines += ["Dengan Persetujuan Bersama", f"DEWAN PERWAKILAN RAKYAT DAERAH {region.full.upper()}", "dan",
              f"{head} {region.name.upper()}", "MEMUTUSKAN:", f"Menetapkan : PERATURAN DAERAH TENTANG {title.upper()}."]
    lines += _articles(topic, ctx, rng, instrument, scope, size=_chapter_count(rng, ctx, scope))
    lines += _promulgation(ctx, rng, head, draft=draft, gazette="LEMBARAN DAERAH")
    return Rendered(f"Perda {region.name} {title}", "\n".join(lines))


def _decree_number(rng: random.Random, ctx: Context) -> str:
    n, y = rng.randint(3, 999), ctx.year
    return rng.choice((f"188.45/{n}/HK/{y}", f"{n} TAHUN {y}", f"800/Kep.{n}-{ctx['opd_short']}/{y}",
                       f"100.3.3.2/{n}/Kpts/{y}", f"{rng.randint(1, 9)}/{n}/KEP/{y}"))


_DEFAULT_ROLES = (
    ("Pengarah", ("{kepala_daerah}", "{wakil} {nama_daerah}")),
    ("Penanggung Jawab", ("Sekretaris Daerah {daerah}",)),
    ("Ketua", ("Sekretaris Daerah {daerah}", "Asisten Administrasi Umum Sekretariat Daerah")),
    ("Sekretaris", ("Kepala {opd}", "Sekretaris {opd}")),
)


def _team_annex(topic: Topic, ctx: Context, rng: random.Random, team_name: str, decree_no: str) -> list[str]:
    team = topic.team or {}
    lines = [f"LAMPIRAN KEPUTUSAN {ctx['kepala'].upper()} {ctx.region.name.upper()}", f"NOMOR : {decree_no}",
             f"TANGGAL : {indo_date(rng, ctx.year)}", f"SUSUNAN KEANGGOTAAN {team_name.upper()}",
             rng.choice(("NO. JABATAN DALAM TIM JABATAN DINAS", "No Kedudukan dalam Tim Nama/NIP Jabatan",
                         "NO KEDUDUKAN JABATAN KETERANGAN"))]
    roles = [(r[0], tuple(r[1:])) for r in team.get("roles", [])] or list(_DEFAULT_ROLES)
    row = 1
    with_names = rng.random() < 0.6
    for role, options in roles:
        holder = fill(rng.choice(options), ctx) if options else rng.choice(POSITIONS)
        extra = f" {person(rng)} NIP. {nip(rng)}" if with_names else ""
        lines.append(f"{row}. {role} : {holder}{extra}")
        row += 1
    members = [fill(m, ctx) for m in pick(rng, team.get("members", ()), rng.randint(4, 10))]
    members += rng.sample(POSITIONS, rng.randint(1, 3))
    for member in members:
        extra = f" {person(rng)} NIP. {nip(rng)}" if with_names else ""
        lines.append(f"{row}. {team.get('member_role', 'Anggota')} : {member}{extra}")
        row += 1
    return lines


def render_keputusan(topic: Topic, ctx: Context, rng: random.Random, *, draft: bool = False,
                     scope: Sequence[str] | None = None) -> Rendered:
    region = ctx.region
    head = _head_word(region, rng)
    team = topic.team
    by_agency = not team and rng.random() < 0.3
    if team:
        team_name = _choice(rng, team["names"], ctx)
        title = f"{rng.choice(('Pembentukan', 'Pembentukan', 'Penetapan'))} {team_name} {region.full} Tahun {ctx.year}"
    else:
        team_name = ""
        title = _qualified(_choice(rng, topic.title_options("regulation"), ctx), region, rng)
        if rng.random() < 0.5 and not title.lower().startswith("penetapan"):
            title = f"Penetapan {title}"
    issuer = f"KEPALA {ctx['opd'].upper()} {region.full.upper()}" if by_agency else f"{head} {region.name.upper()}"
    decree_no = "..." if draft else _decree_number(rng, ctx)
    lines: list[str] = []
    if draft:
        lines.append(_draft_marker(rng))
    lines += _letterhead(ctx, rng, ctx["opd"]) if by_agency else _heading(region, rng, head)
    lines += [f"KEPUTUSAN {issuer}", f"NOMOR : {decree_no}", "TENTANG", title.upper()]
    if not by_agency and rng.random() < 0.7:
        lines.append("DENGAN RAHMAT TUHAN YANG MAHA ESA")
    lines.append(f"{issuer},")
    instrument = f"Keputusan Kepala {ctx['opd']}" if by_agency else f"Keputusan {region.head}"
    lines += menimbang(topic, ctx, rng, instrument, title)
    lines += mengingat(topic, ctx, rng)
    if rng.random() < 0.3:
        lines.append(f"Memperhatikan : {rng.choice(('Hasil rapat koordinasi', 'Nota Dinas', 'Berita acara pembahasan'))} "
                     f"{ctx['opd']} tanggal {indo_date(rng, ctx.year)}.")
    lines += ["MEMUTUSKAN:", f"Menetapkan : {instrument.upper()} TENTANG {title.upper()}."]
    diktum = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH")
    items: list[str] = []
    if team:
        items.append(f"Membentuk {team_name} {region.full} dengan susunan keanggotaan sebagaimana tercantum dalam "
                     "Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.")
        tasks = [fill(t, ctx) for t in pick(rng, team.get("tasks", ()), rng.randint(3, 6))]
        items.append(f"{team_name} sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas: "
                     + " ".join(_numbered(tasks, style="alpha", end=";", last_end=".")))
        items.append(f"Dalam melaksanakan tugasnya, {team_name} bertanggung jawab dan menyampaikan laporan secara "
                     f"berkala kepada {ctx['kepala_daerah']}.")
    else:
        body = [fill(s, ctx) for s in pick(rng, topic.pool("body"), rng.randint(1, 3))]
        items.append(f"Menetapkan {title.removeprefix('Penetapan ')} sebagaimana tercantum dalam Lampiran yang "
                     "merupakan bagian tidak terpisahkan dari Keputusan ini.")
        items += body
    items.append(f"Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada Anggaran Pendapatan "
                 f"dan Belanja Daerah {region.full}.")
    items.append("Keputusan ini mulai berlaku pada tanggal ditetapkan.")
    for i, item in enumerate(items[: len(diktum)]):
        lines.append(f"{diktum[i]} : {item}")
    if draft:
        lines += [f"Ditetapkan di {region.seat}", "pada tanggal", f"{issuer},"]
    else:
        lines += [f"Ditetapkan di {region.seat}", f"pada tanggal {indo_date(rng, ctx.year)}"]
        lines += _signature(ctx, rng, issuer, with_nip=by_agency)
    if team and rng.random() < 0.8:
        lines += _team_annex(topic, ctx, rng, team_name, decree_no)
    elif not team and ctx.long:
        lines += _annex(topic, ctx, rng, f"LAMPIRAN KEPUTUSAN {issuer}", title)
    elif not team and rng.random() < 0.5:
        lines += [f"LAMPIRAN KEPUTUSAN {issuer}", f"NOMOR : {decree_no}", title.upper(), "BAB I", "PENDAHULUAN"]
        lines += [fill(s, ctx) for s in pick(rng, topic.pool("body"), rng.randint(2, 4))]
    kind = "Rancangan SK" if draft else "SK"
    return Rendered(f"{kind} {title}", "\n".join(lines))


def render_surat_edaran(topic: Topic, ctx: Context, rng: random.Random, *, draft: bool = False,
                        scope: Sequence[str] | None = None) -> Rendered:
    region = ctx.region
    title = _choice(rng, topic.title_options("circular") or topic.title_options("regulation"), ctx)
    head = _head_word(region, rng)
    lines: list[str] = []
    if draft:
        lines.append(_draft_marker(rng))
    lines += _heading(region, rng, head) if rng.random() < 0.5 else _letterhead(ctx, rng, "Sekretariat Daerah")
    lines.append(f"{region.seat}, {indo_date(rng, ctx.year)}")
    recipients = ["Kepala Perangkat Daerah", f"Camat se-{region.full}", "Direktur Rumah Sakit Umum Daerah",
                  "Kepala Bagian pada Sekretariat Daerah"]
    lines += ["Kepada", "Yth."] + _numbered(rng.sample(recipients, rng.randint(1, 3)), end="", last_end="")
    code = rng.choice(("555", "045.2", "800", "400.14", "005", "027"))
    number = "..." if draft else f"{code}/{rng.randint(10, 999)}/{ctx['opd_short']}/{ctx.year}"
    lines += [f"di {region.seat}", "SURAT EDARAN", f"NOMOR : {number}", "TENTANG", title.upper()]
    sections = [
        ("Latar Belakang", [fill(s, ctx) for s in pick(rng, topic.pool("menimbang"), 2)]),
        ("Maksud dan Tujuan", [f"Surat Edaran ini dimaksudkan sebagai pedoman bagi Perangkat Daerah dalam "
                               f"pelaksanaan {ctx['nama_topik']}."]),
        ("Dasar", citations(topic, ctx, rng, generic=rng.randint(1, 2), specific=rng.randint(1, 3))),
        ("Isi Edaran", [fill(s, ctx) for s in pick(rng, topic.pool("directives") or topic.pool("body"), rng.randint(2, 5))]),
    ]
    for i, (heading, content) in enumerate(sections, start=1):
        lines.append(f"{i}. {heading}")
        lines += _numbered([_sentence_case(c.removeprefix("bahwa ")) for c in content], style="alpha", end=";", last_end=".")
    lines.append("Demikian Surat Edaran ini disampaikan untuk dipedomani dan dilaksanakan dengan penuh tanggung jawab.")
    lines += _signature(ctx, rng, f"{head} {region.name.upper()}", with_nip=False, signed=not draft)
    if rng.random() < 0.6:
        lines += ["Tembusan:"] + _numbered([f"{ctx['kepala_daerah']} (sebagai laporan)", "Inspektur Daerah",
                                            "Arsip"], end=";", last_end=".")
    return Rendered(f"SE {title}", "\n".join(lines))


# --------------------------------------------------------------------------------------- SOP / reports
_ACTORS = ("Operator", "Admin Aplikasi", "Kepala Seksi", "Kepala Bidang", "Kepala Dinas", "Pengguna", "Staf Teknis",
           "Pemohon", "Verifikator", "Petugas Layanan")


def render_sop(topic: Topic, ctx: Context, rng: random.Random, **_: object) -> Rendered:
    region = ctx.region
    title = _choice(rng, topic.title_options("sop"), ctx)
    steps = [fill(s, ctx) for s in window(rng, topic.pool("steps") or topic.pool("body"), rng.randint(4, 9))]
    lines = _letterhead(ctx, rng, ctx["opd"])
    if rng.random() < 0.55:
        lines += [
            "STANDAR OPERASIONAL PROSEDUR",
            f"Nomor SOP : {rng.randint(1, 99):02d}/{ctx['opd_short']}/SOP/{ctx.year}",
            f"Tanggal Pembuatan : {indo_date(rng, ctx.year)}",
            f"Tanggal Revisi : {rng.choice(('-', indo_date(rng, ctx.year)))}",
            f"Tanggal Efektif : {indo_date(rng, ctx.year)}",
            f"Disahkan oleh : Kepala {ctx['opd']}",
            f"Nama SOP : {title}",
            "Dasar Hukum :",
            *_numbered(citations(topic, ctx, rng, generic=1, specific=rng.randint(1, 3)), end=";", last_end="."),
            f"Kualifikasi Pelaksana : {rng.choice(('Memahami tugas dan fungsi', 'Menguasai pengoperasian komputer', 'Memahami aplikasi terkait'))}",
            f"Keterkaitan : {rng.choice(('SOP terkait lainnya', '-', 'SOP pelaporan'))}",
            "Peralatan/Perlengkapan : Komputer, jaringan internet, printer, formulir",
            f"Peringatan : {rng.choice(('Apabila prosedur tidak dilaksanakan, layanan dapat terhambat', 'Kesalahan data berakibat proses diulang'))}",
            "Pencatatan dan Pendataan : Disimpan secara elektronik dan manual",
            "No Kegiatan Pelaksana Mutu Baku Keterangan",
            "Kelengkapan Waktu Output",
        ]
        for i, step in enumerate(steps, start=1):
            lines.append(f"{i} {step} {rng.choice(_ACTORS)} {rng.choice(('Formulir', 'Dokumen', 'Data', 'Akun'))} "
                         f"{rng.choice((5, 10, 15, 30, 60))} menit {rng.choice(('Dokumen', 'Laporan', 'Data terverifikasi', 'Notifikasi'))}")
    else:
        lines += ["STANDAR OPERASIONAL PROSEDUR (SOP)", title.upper()]
        lines += ["I. TUJUAN", f"Prosedur ini bertujuan memberikan acuan dalam {ctx['nama_topik']} di lingkungan {ctx['pemda']}.",
                  "II. RUANG LINGKUP"]
        lines += [fill(s, ctx) for s in pick(rng, topic.pool("body"), rng.randint(1, 2))]
        lines += ["III. REFERENSI"] + _numbered(citations(topic, ctx, rng, generic=1, specific=2), end=";", last_end=".")
        lines += ["IV. PROSEDUR"] + _numbered(steps, end=";", last_end=".")
        if rng.random() < 0.5:
            lines += ["V. DOKUMEN TERKAIT", rng.choice(("Formulir permintaan", "Lembar kerja", "Log aktivitas"))]
    lines += [f"{region.seat}, {indo_date(rng, ctx.year)}"]
    lines += _signature(ctx, rng, f"KEPALA {ctx['opd'].upper()}", with_nip=True)
    return Rendered(title if title.upper().startswith("SOP") else f"SOP {title}", "\n".join(lines))


def _table_rows(topic: Topic, ctx: Context, rng: random.Random, k: int) -> list[str]:
    table = topic.table or {}
    rows = [r for r in pick(rng, table.get("rows", ()), k)]
    out = [" ".join(table.get("columns", ()))] if table.get("columns") else []
    for i, row in enumerate(rows, start=1):
        values = {**ctx, "n": str(rng.randint(1, 40)), "m": str(rng.randint(2, 20)), "k": str(rng.randint(50, 900)),
                  "pct": str(rng.randint(40, 99)), "tanggal": indo_date(rng, ctx.year)}
        out.append(f"{i} " + _PLACEHOLDER.sub(partial(_value_of, values), row).replace(" | ", " "))
    return out


def render_laporan(topic: Topic, ctx: Context, rng: random.Random, **_: object) -> Rendered:
    region = ctx.region
    title = _choice(rng, topic.title_options("report"), ctx)
    audit = topic.kind == "audit"
    lines = [title.upper(), ctx["opd"].upper(), region.government.upper(), f"TAHUN {ctx.year}"]
    if audit:
        lines.insert(1, f"Nomor : LHA/{rng.randint(1, 60)}/{ctx['opd_short']}/{ctx.year}")
    if rng.random() < 0.4:
        lines += ["KATA PENGANTAR",
                  f"Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa sehingga {title} dapat diselesaikan. "
                  "Kami menyampaikan terima kasih kepada semua pihak yang telah membantu penyusunan laporan ini."]
    lines += ["BAB I", "PENDAHULUAN", "1.1 Latar Belakang"]
    lines += [fill(s, ctx) for s in pick_ordered(rng, topic.pool("body"), rng.randint(1, 3))]
    lines += [fill(s, ctx) for s in pick(rng, GENERIC_REPORT, rng.randint(0, 2))]
    lines += ["1.2 Maksud dan Tujuan",
              f"Laporan ini disusun untuk memberikan gambaran {rng.choice(('pelaksanaan', 'hasil', 'capaian'))} "
              f"{ctx['nama_topik']} pada tahun {ctx.year} serta menjadi bahan pengambilan keputusan pimpinan."]
    if rng.random() < 0.6:
        lines += ["1.3 Dasar Hukum"] + _numbered(citations(topic, ctx, rng, generic=1, specific=2), end=";", last_end=".")
    chapter = 2
    if ctx.long:
        lines += ["BAB II", "GAMBARAN UMUM"]
        lines += [fill(x, ctx) for x in pick_ordered(rng, GENERIC_PROFILE, rng.randint(4, 7))]
        chapter = 3
    lines += [f"BAB {('II', 'III')[chapter - 2]}", rng.choice(("HASIL PELAKSANAAN", "HASIL DAN PEMBAHASAN", "URAIAN KEGIATAN"))]
    pool = topic.pool("findings") or topic.pool("body")
    findings = [fill(s, ctx) for s in pick(rng, pool, rng.randint(5, 9) if ctx.long else rng.randint(2, 5))]
    if audit:
        for i, finding in enumerate(findings, start=1):
            lines += [f"Temuan {i}", f"Kondisi: {finding}",
                      f"Kriteria: {rng.choice(('Standar dan pedoman audit yang berlaku', 'Kebijakan internal SPBE pemerintah daerah', 'Praktik terbaik pengelolaan TIK'))}.",
                      f"Rekomendasi: {_choice(rng, topic.pool('conclusions'), ctx, 'Segera melakukan perbaikan sesuai rencana aksi.')}"]
    else:
        lines += _numbered(findings, end="", last_end="")
    if topic.table and (ctx.long or rng.random() < 0.5):
        lines += [_choice(rng, topic.table.get("titles", ["Tabel"]), ctx)] + _table_rows(topic, ctx, rng, rng.randint(3, 7))
    if ctx.long:
        lines += [f"BAB {('III', 'IV')[chapter - 2]}", "KENDALA DAN UPAYA PEMECAHAN"]
        lines += [fill(x, ctx) for x in pick(rng, GENERIC_REPORT, rng.randint(3, 5))]
        lines += [fill(x, ctx) for x in pick(rng, topic.pool("body"), rng.randint(1, 3))]
        chapter += 1
    lines += [f"BAB {('III', 'IV', 'V')[chapter - 2]}", rng.choice(("KESIMPULAN DAN SARAN", "PENUTUP", "KESIMPULAN DAN REKOMENDASI"))]
    conclusions = [fill(s, ctx) for s in pick(rng, topic.pool("conclusions"), rng.randint(1, 3))]
    lines += conclusions or [fill(rng.choice(GENERIC_REPORT), ctx)]
    lines += [f"{region.seat}, {indo_date(rng, ctx.year)}"]
    lines += _signature(ctx, rng, f"Kepala {ctx['opd']}", with_nip=True)
    return Rendered(title, "\n".join(lines))


def _attendees(rng: random.Random, ctx: Context, k: int) -> list[str]:
    return [f"{p} {ctx.region.full}" if rng.random() < 0.3 else p for p in rng.sample(POSITIONS, k)]


def render_notulen(topic: Topic, ctx: Context, rng: random.Random, **_: object) -> Rendered:
    agenda = _choice(rng, topic.title_options("meeting"), ctx)
    day, date = weekday_date(rng, ctx.year)
    lines = [rng.choice(("NOTULEN RAPAT", "NOTULA RAPAT", "RISALAH RAPAT", "NOTULEN"))]
    lines += [f"Acara : {agenda}", f"Hari/Tanggal : {day}, {date}",
              f"Waktu : {rng.randint(8, 13):02d}.{rng.choice(('00', '30'))} WIB s.d. selesai",
              f"Tempat : {fill(rng.choice(MEETING_ROOMS), ctx)}",
              f"Pimpinan Rapat : {rng.choice(POSITIONS[:6])}", f"Notulis : {person(rng)}"]
    if rng.random() < 0.5:
        lines += ["Peserta :"] + _numbered(_attendees(rng, ctx, rng.randint(3, 8)), end=";", last_end=".")
    else:
        lines.append("Peserta : sebagaimana daftar hadir terlampir")
    lines += ["I. PEMBUKAAN", fill(rng.choice(GENERIC_MEETING[:2]), ctx), "II. PEMBAHASAN"]
    points = [fill(s, ctx) for s in _mix(rng, topic.pool("findings") + topic.pool("body"), GENERIC_MEETING[2:],
                                          rng.randint(6, 10) if ctx.long else rng.randint(3, 6), 0.75)]
    lines += _numbered(points, end="", last_end="")
    lines += ["III. KESIMPULAN DAN TINDAK LANJUT"]
    closing = [fill(s, ctx) for s in pick(rng, topic.pool("conclusions"), rng.randint(1, 3))]
    lines += _numbered(closing or [fill(GENERIC_MEETING[3], ctx)], end="", last_end="")
    lines += [f"{ctx.region.seat}, {date}", "Notulis,", person(rng), f"NIP. {nip(rng)}"]
    return Rendered(f"Notulen {agenda}", "\n".join(lines))


def render_undangan(topic: Topic, ctx: Context, rng: random.Random, **_: object) -> Rendered:
    agenda = _choice(rng, topic.title_options("meeting"), ctx)
    day, date = weekday_date(rng, ctx.year)
    lines = _letterhead(ctx, rng, ctx["opd"])
    lines += [f"{ctx.region.seat}, {indo_date(rng, ctx.year)}",
              f"Nomor : {rng.choice(('005', '050', '800', '045'))}/{rng.randint(10, 999)}/{ctx['opd_short']}/{ctx.year}",
              "Sifat : Penting", f"Lampiran : {rng.choice(('-', '1 (satu) berkas', '1 (satu) lembar'))}",
              f"Hal : Undangan {agenda}", "Yth. Bapak/Ibu (daftar terlampir)", f"di {ctx.region.seat}"]
    lines.append(rng.choice((
        f"Dalam rangka {agenda.lower()}, bersama ini kami mengundang Bapak/Ibu untuk hadir pada:",
        f"Sehubungan dengan pelaksanaan {agenda.lower()}, dengan hormat kami harapkan kehadiran Bapak/Ibu pada:",
    )))
    lines += [f"hari/tanggal : {day}, {date}", f"pukul : {rng.randint(8, 13):02d}.00 WIB s.d. selesai",
              f"tempat : {fill(rng.choice(MEETING_ROOMS), ctx)}", f"acara : {agenda}"]
    if rng.random() < 0.5:
        lines.append(f"Mengingat pentingnya acara tersebut, dimohon membawa {rng.choice(('bahan paparan', 'data dukung', 'laptop', 'dokumen pendukung'))}.")
    lines.append("Demikian undangan ini disampaikan, atas perhatian dan kehadirannya diucapkan terima kasih.")
    lines += _signature(ctx, rng, f"Kepala {ctx['opd']}", with_nip=True)
    if rng.random() < 0.75:
        lines += ["DAFTAR HADIR", f"Kegiatan : {agenda}", f"Hari/Tanggal : {day}, {date}", "No Nama Jabatan/Instansi Tanda Tangan"]
        for i in range(1, rng.randint(5, 16)):
            lines.append(f"{i} {person(rng, degrees=rng.random() < 0.5)} {rng.choice(POSITIONS)} {i}. ......")
    return Rendered(f"Undangan {agenda}", "\n".join(lines))


# ---------------------------------------------------------------------------------------------- news
def render_berita(topic: Topic, ctx: Context, rng: random.Random, **_: object) -> Rendered:
    region = ctx.region
    headline = _choice(rng, topic.title_options("news"), ctx)
    outlet = fill(rng.choice(NEWS_OUTLETS), ctx)
    speaker = person(rng, degrees=False)
    position = f"Kepala {ctx['opd']}" if rng.random() < 0.6 else rng.choice(POSITIONS)
    news = [fill(s, ctx) for s in pick_ordered(rng, topic.pool("news") or topic.pool("body"), rng.randint(2, 5))]
    extra = [fill(s, ctx) for s in pick(rng, topic.pool("body"), rng.randint(3, 5) if ctx.long else rng.randint(1, 3))]
    generic = [fill(s, ctx) for s in pick(rng, GENERIC_NEWS, rng.randint(5, 9) if ctx.long else rng.randint(2, 4))]
    quotes = [fill(s, ctx) for s in pick(rng, topic.pool("quotes"), rng.randint(1, 3))]
    day = rng.choice(DAYS)
    style = rng.random()
    lines = [headline]
    if style < 0.4:
        dateline = f"{region.seat.upper()}, {outlet} – "
    elif style < 0.7:
        lines.append(f"Diposting oleh {rng.choice(('Admin', 'Humas', 'Redaksi', 'Tim Media'))} | {indo_date(rng, ctx.year)} | "
                     f"Dibaca {rng.randint(40, 3000)} kali")
        dateline = ""
    else:
        dateline = f"{outlet}, {region.seat} - "
    paragraphs = [dateline + news[0]] + news[1:] + extra
    first_name = speaker.split()[0]
    for q in quotes:
        verb = rng.choice(SPEECH_VERBS)
        paragraphs.insert(rng.randint(1, len(paragraphs)),
                          f"“{q},” {verb} {speaker if q == quotes[0] else first_name}"
                          + (f", {position}, {day} ({rng.randint(1, 28)}/{rng.randint(1, 12)})." if q == quotes[0] else "."))
    for g in generic:
        paragraphs.insert(rng.randint(1, len(paragraphs)), g)
    if rng.random() < 0.6:
        for _read_also in range(rng.randint(1, 2)):
            paragraphs.insert(rng.randint(2, len(paragraphs)), f"Baca juga: {rng.choice(READ_ALSO)}")
    lines += paragraphs
    if rng.random() < 0.6:
        lines.append(rng.choice((f"Pewarta: {person(rng, degrees=False)}", f"({rng.choice(('adv', 'hms', 'red', 'kmf'))}/{rng.choice(('AR', 'DN', 'YS', 'RM'))})",
                                 f"Editor: {person(rng, degrees=False)}")))
    return Rendered(headline, "\n".join(lines))


# -------------------------------------------------------------------------------------------- budget
_OLD_ACCOUNTS = {
    "atk": ("5.2.2.01.01", "Belanja alat tulis kantor"),
    "cetak": ("5.2.2.06.01", "Belanja cetak"),
    "mamin": ("5.2.2.11.02", "Belanja makanan dan minuman rapat"),
    "perjadin": ("5.2.2.15.02", "Belanja perjalanan dinas luar daerah"),
    "narasumber": ("5.2.2.03.08", "Belanja jasa tenaga ahli/narasumber"),
    "honor_tim": ("5.2.1.01.01", "Honorarium panitia pelaksana kegiatan"),
    "konsultansi": ("5.2.2.21.01", "Belanja jasa konsultansi"),
    "internet": ("5.2.2.03.05", "Belanja jasa langganan internet"),
    "lisensi": ("5.2.2.02.09", "Belanja lisensi perangkat lunak"),
    "pemeliharaan": ("5.2.2.20.05", "Belanja pemeliharaan peralatan dan mesin"),
    "modal": ("5.2.3.10.01", "Belanja modal pengadaan peralatan komputer"),
    "jasa": ("5.2.2.03.10", "Belanja jasa pihak ketiga"),
    "sewa": ("5.2.2.08.02", "Belanja sewa gedung/ruang pertemuan"),
}
_NEW_ACCOUNTS = {
    "atk": ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor"),
    "cetak": ("5.1.02.01.01.0026", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak"),
    "mamin": ("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat"),
    "perjadin": ("5.1.02.04.01.0001", "Belanja Perjalanan Dinas Biasa"),
    "narasumber": ("5.1.02.02.01.0003", "Honorarium Narasumber atau Pembahas, Moderator, Pembawa Acara, dan Panitia"),
    "honor_tim": ("5.1.02.02.01.0004", "Honorarium Tim Pelaksana Kegiatan dan Sekretariat Tim Pelaksana Kegiatan"),
    "konsultansi": ("5.1.02.02.12.0001", "Belanja Jasa Konsultansi Perencanaan"),
    "internet": ("5.1.02.02.01.0063", "Belanja Kawat/Faksimili/Internet/TV Berlangganan"),
    "lisensi": ("5.1.02.02.01.0061", "Belanja Lisensi Perangkat Lunak"),
    "pemeliharaan": ("5.1.02.03.02.0405", "Belanja Pemeliharaan Komputer-Komputer Unit"),
    "modal": ("5.2.02.10.01.0002", "Belanja Modal Personal Computer"),
    "jasa": ("5.1.02.02.01.0026", "Belanja Jasa Tenaga Administrasi"),
    "sewa": ("5.1.02.02.05.0009", "Belanja Sewa Gedung dan Bangunan"),
}
_GENERIC_ITEMS = (
    ("atk", "Kertas HVS A4 70 gram", "Rim", 48000, 62000),
    ("atk", "Pulpen gel hitam", "Kotak", 35000, 60000),
    ("atk", "Map plastik kancing", "Buah", 3000, 7500),
    ("atk", "Tinta printer isi ulang", "Botol", 90000, 160000),
    ("atk", "Flashdisk 32 GB", "Buah", 65000, 120000),
    ("atk", "Ordner folio", "Buah", 25000, 38000),
    ("cetak", "Cetak spanduk kegiatan", "Lembar", 150000, 350000),
    ("cetak", "Penggandaan bahan rapat", "Lembar", 250, 400),
    ("mamin", "Snack rapat", "Kotak", 12000, 20000),
    ("mamin", "Makan siang rapat", "Kotak", 30000, 45000),
    ("perjadin", "Perjalanan dinas koordinasi ke provinsi", "OP", 1500000, 4500000),
    ("perjadin", "Perjalanan dinas konsultasi ke kementerian", "OP", 4000000, 9000000),
    ("narasumber", "Honorarium narasumber", "OJ", 900000, 1700000),
    ("honor_tim", "Honorarium tim pelaksana", "OB", 300000, 750000),
)


def _urusan(activity: dict[str, object], ctx: Context, *, new_style: bool) -> str:
    if "urusan" in activity:
        return str(activity["urusan"])
    if "Komunikasi" in ctx["opd"]:
        return "URUSAN PEMERINTAHAN BIDANG KOMUNIKASI DAN INFORMATIKA" if new_style else "KOMUNIKASI DAN INFORMATIKA"
    return "UNSUR PENUNJANG URUSAN PEMERINTAHAN"


def render_anggaran(topic: Topic, ctx: Context, rng: random.Random, **_: object) -> Rendered:
    region = ctx.region
    activity = rng.choice(topic.activities)
    program = fill(str(activity.get("program", "Program Penunjang Urusan Pemerintahan Daerah")), ctx)
    kegiatan = fill(str(activity["kegiatan"]), ctx)
    output = fill(str(activity.get("output", f"Terlaksananya {kegiatan.lower()}")), ctx)
    new_style = ctx.year >= 2021 or rng.random() < 0.2
    accounts = _NEW_ACCOUNTS if new_style else _OLD_ACCOUNTS
    items = [i for i in topic.budget_items if i[0] in accounts]
    chosen = rng.sample(items, min(len(items), rng.randint(1, 4))) + rng.sample(_GENERIC_ITEMS, rng.randint(3, 7))
    grouped: dict[str, list[tuple[str, float, str, int]]] = {}
    for account, label, unit, low, high in chosen:
        volume = rng.choice((1, 1, 2, 3, 4, 5, 6, 10, 12, 20, 25, 40, 50, 100))
        price = round(rng.randint(low, max(low, high)), -3 if low >= 10000 else -1)
        grouped.setdefault(account, []).append((fill(label, ctx), float(volume), unit, price))
    total = sum(int(v * p) for rows in grouped.values() for _, v, _, p in rows)
    opd = ctx["opd"]
    code = f"{rng.randint(1, 4)}.{rng.randint(1, 25):02d}"
    form = rng.choice(("RKA - SKPD 2.2.1", "RKA-SKPD 2.2", "DPA-SKPD 2.2.1", "RKA - RINCIAN BELANJA SUB KEGIATAN"))
    doc_name = ("DOKUMEN PELAKSANAAN ANGGARAN" if form.startswith("DPA") else "RENCANA KERJA DAN ANGGARAN")
    lines = [f"Hal 1 dari {rng.randint(1, 4)}" if rng.random() < 0.5 else "", doc_name,
             "SATUAN KERJA PERANGKAT DAERAH", f"Formulir {form}", region.government.upper(),
             f"Tahun Anggaran {ctx.year}"]
    if new_style:
        sub = fill(str(activity.get("sub", kegiatan)), ctx)
        lines += [f"Urusan Pemerintahan : {code} - {_urusan(activity, ctx, new_style=True)}",
                  f"Program : {code}.{rng.randint(1, 9):02d} - {program.upper()}",
                  f"Kegiatan : {code}.{rng.randint(1, 9):02d}.1.{rng.randint(1, 9):02d} - {kegiatan}",
                  f"Sub Kegiatan : {code}.{rng.randint(1, 9):02d}.1.{rng.randint(1, 9):02d}.{rng.randint(1, 20):02d} - {sub}",
                  f"Organisasi : {code}.0.00.0.00.{rng.randint(1, 40):02d}.0000 - {opd}",
                  f"Sumber Pendanaan : {rng.choice(('PAD', 'DAU', 'DAU - Umum', 'Pendapatan Asli Daerah'))}",
                  f"Lokasi : {region.full}", "Waktu Pelaksanaan : Januari s.d. Desember",
                  f"Keluaran Sub Kegiatan : {output}",
                  f"Alokasi {ctx.year - 1} : Rp{rupiah(int(total * rng.uniform(0, 1.2)))}",
                  f"Alokasi {ctx.year} : Rp{rupiah(total)}",
                  f"Alokasi {ctx.year + 1} : Rp{rupiah(int(total * rng.uniform(0.8, 1.3)))}"]
    else:
        lines += [f"Urusan Pemerintahan : {code}. - {_urusan(activity, ctx, new_style=False)}",
                  f"Organisasi : {code}.01. - {opd.upper()}",
                  f"Program : {code}.{rng.randint(1, 99):02d}. - {program}",
                  f"Kegiatan : {code}.{rng.randint(1, 99):02d}.{rng.randint(1, 30):03d}. - {kegiatan}",
                  f"Lokasi Kegiatan : {region.seat}",
                  f"Jumlah Tahun n-1 : Rp. {rupiah(int(total * rng.uniform(0, 1.1)))}",
                  f"Jumlah Tahun n : Rp. {rupiah(total)} ( {terbilang(total).capitalize()} rupiah )",
                  "Jumlah Tahun n+1 : Rp. 0,00 ( Rupiah )"]
    lines += ["Indikator & Tolok Ukur Kinerja Belanja Langsung", "Indikator Tolok Ukur Kinerja Target Kinerja",
              f"Capaian Program {fill(str(activity.get('capaian', program)), ctx)} {rng.randint(50, 100)} %",
              f"Masukan Jumlah Dana Rp. {rupiah(total)}", f"Keluaran {output} {rng.randint(1, 60)} {rng.choice(('Dokumen', 'OPD', 'Aplikasi', 'Laporan', 'Kegiatan', 'Unit'))}",
              f"Hasil {fill(str(activity.get('hasil', 'Meningkatnya kualitas penyelenggaraan pemerintahan')), ctx)} {rng.randint(60, 100)} %",
              f"Kelompok Sasaran Kegiatan : {fill(str(activity.get('sasaran', 'Perangkat Daerah di lingkungan {pemda}')), ctx)}",
              "Rincian Anggaran Belanja Langsung", "Menurut Program dan Per Kegiatan Satuan Kerja Perangkat Daerah",
              "Kode Rekening Uraian Volume Satuan Harga Satuan Jumlah (Rp)"]
    lines.append(f"5 BELANJA {'DAERAH ' if new_style else ''}{rupiah(total)}")
    lines.append(f"5.{'1 BELANJA OPERASI' if new_style else '2 BELANJA LANGSUNG'} {rupiah(total)}")
    for account, rows in grouped.items():
        acc_code, acc_name = accounts[account]
        subtotal = sum(int(v * p) for _, v, _, p in rows)
        lines.append(f"{acc_code} {acc_name} {rupiah(subtotal)}")
        for label, amount, unit, price in rows:
            lines.append(f"{label} {amount:.2f} {unit} {rupiah(price)} {rupiah(int(amount * price))}")
    lines += [f"Jumlah {rupiah(total)}", f"{region.seat}, {indo_date(rng, ctx.year - 1)}", f"KEPALA {opd.upper()}",
              person(rng).upper(), f"NIP. {nip(rng)}"]
    if rng.random() < 0.5:
        lines += ["Keterangan :", "Tanggal Pembahasan :", "Catatan Hasil Pembahasan :", "1.", "2.",
                  "Tim Anggaran Pemerintah Daerah", "No Nama NIP Jabatan Tanda Tangan"]
    doc = "DPA" if form.startswith("DPA") else "RKA"
    return Rendered(f"{doc} {ctx.year} {kegiatan}", "\n".join(line for line in lines if line))


# ------------------------------------------------------------------------------------------ planning
def render_perencanaan(topic: Topic, ctx: Context, rng: random.Random, **_: object) -> Rendered:
    region = ctx.region
    title = _choice(rng, topic.title_options("planning"), ctx)
    lines = [title.upper(), region.government.upper(), f"TAHUN {ctx.year}"]
    chapters = [fill(c, ctx) for c in pick(rng, topic.pool("chapters"), rng.randint(4, 8) if ctx.long else rng.randint(2, 4))]
    if rng.random() < 0.5:
        lines += ["DAFTAR ISI", "KATA PENGANTAR ..... i", "BAB I PENDAHULUAN ..... 1"]
        lines += [f"BAB {r} {c.upper()} ..... {rng.randint(3, 40)}" for r, c in zip(("II", "III", "IV", "V", "VI", "VII", "VIII", "IX"), chapters, strict=False)]
    lines += ["BAB I", "PENDAHULUAN", "1.1 Latar Belakang"]
    lines += [fill(s, ctx) for s in pick_ordered(rng, topic.pool("body"), rng.randint(2, 4))]
    lines += [fill(s, ctx) for s in pick(rng, GENERIC_PLANNING, rng.randint(0, 2))]
    lines += ["1.2 Maksud dan Tujuan",
              f"Dokumen ini disusun sebagai acuan bagi seluruh Perangkat Daerah di lingkungan {ctx['pemda']} dalam "
              f"{rng.choice(('perencanaan', 'pelaksanaan', 'pengendalian'))} {ctx['nama_topik']}."]
    lines += ["1.3 Dasar Hukum"] + _numbered(citations(topic, ctx, rng, generic=2, specific=rng.randint(1, 3)), end=";", last_end=".")
    if ctx.long:
        lines += ["1.4 Gambaran Umum"] + [fill(x, ctx) for x in pick_ordered(rng, GENERIC_PROFILE, rng.randint(3, 6))]
    for r, chapter in zip(("II", "III", "IV", "V", "VI", "VII", "VIII", "IX"), chapters, strict=False):
        lines += [f"BAB {r}", chapter.upper()]
        lines += [fill(s, ctx) for s in pick(rng, topic.pool("findings") + topic.pool("body"), rng.randint(2, 4))]
        if topic.table and rng.random() < 0.4:
            lines += _table_rows(topic, ctx, rng, rng.randint(3, 6))
    return Rendered(title, "\n".join(lines))


# --------------------------------------------------------------------------------- application texts
def render_screenshot(topic: Topic, ctx: Context, rng: random.Random, **_: object) -> Rendered:
    app = ctx["app"]
    features = [fill(f, ctx) for f in pick(rng, topic.pool("features"), rng.randint(3, 8))]
    style = rng.random()
    lines: list[str] = []
    if rng.random() < 0.5:
        lines.append(f"{ctx['url']}{rng.choice(('', '/login', '/dashboard', '/admin/index'))}")
    if style < 0.35:
        lines += [app, ctx["pemda"], rng.choice(("Selamat Datang", "Silakan masuk", "Masuk ke akun Anda")),
                  rng.choice(("Username", "NIP", "Email", "Nama Pengguna")), rng.choice(("Password", "Kata Sandi")),
                  rng.choice(("Ingat saya", "Tampilkan kata sandi", "")), rng.choice(("Masuk", "Login", "MASUK")),
                  "Lupa kata sandi?", f"© {ctx.year} {ctx['opd']} {ctx['daerah']}"]
        if rng.random() < 0.5:
            lines.append(_choice(rng, topic.pool("body"), ctx))
    elif style < 0.75:
        user = rng.choice(("admin", "operator_opd", "verifikator", "superadmin", person(rng, degrees=False)))
        lines += [app, f"Dashboard   {'   '.join(features[:4])}", f"Selamat datang, {user}",
                  rng.choice(("Beranda", "Dashboard", "Ringkasan")), *[f"{f}  {rng.randint(0, 2500)}" for f in features[1:4]],
                  f"Total {rng.choice(('Data', 'Permohonan', 'Dokumen', 'Pengguna', 'Transaksi'))} {rng.randint(30, 9000)}",
                  f"Diproses {rng.randint(0, 300)}   Selesai {rng.randint(0, 8000)}", "Show 10 entries   Search:",
                  "No  Tanggal  Uraian  Status  Aksi"]
        for i in range(1, rng.randint(3, 7)):
            lines.append(f"{i}  {indo_date(rng, ctx.year)}  {rng.choice(features)}  "
                         f"{rng.choice(('Selesai', 'Diproses', 'Verifikasi', 'Ditolak', 'Disetujui', 'Menunggu'))}  Detail")
        lines.append(f"Showing 1 to 10 of {rng.randint(11, 900)} entries   Previous 1 2 3 Next")
    else:
        lines += [f"Menu: {' | '.join(features)}", app, _choice(rng, topic.pool("body"), ctx),
                  f"Versi {rng.randint(1, 4)}.{rng.randint(0, 9)} | Hak cipta {ctx.year} {ctx['pemda']}"]
    lines = [line for line in lines if line]
    return Rendered(f"Screenshot {app}", "\n".join(lines))


def render_halaman_layanan(topic: Topic, ctx: Context, rng: random.Random, **_: object) -> Rendered:
    app = ctx["app"]
    features = [fill(f, ctx) for f in pick(rng, topic.pool("features"), rng.randint(4, 9))]
    body = [fill(s, ctx) for s in pick(rng, topic.pool("body"), rng.randint(2, 4))]
    steps = [fill(s, ctx) for s in window(rng, topic.pool("steps"), rng.randint(3, 6))]
    if rng.random() < 0.5:
        # web page of the service
        lines = ["Beranda  Profil  Layanan  Berita  PPID  Kontak", f"Beranda > Layanan > {app}", app,
                 _choice(rng, topic.title_options("page"), ctx, default=ctx["nama_topik"])]
        lines += body + ["Fitur Layanan"] + [f"- {f}" for f in features]
        if steps:
            lines += [rng.choice(("Alur Layanan", "Cara Menggunakan", "Tata Cara"))] + _numbered(steps, end="", last_end="")
        lines += [f"Akses aplikasi: {ctx['url']}", f"Kontak: {ctx['opd_short']} {ctx['daerah']} | helpdesk@{ctx.region.slug}.go.id",
                  f"© {ctx.year} {ctx['pemda']}. Hak cipta dilindungi."]
        title = f"Halaman layanan {app}"
    else:
        # user manual
        lines = [rng.choice(("BUKU PANDUAN PENGGUNAAN", "PETUNJUK PENGGUNAAN", "USER MANUAL", "MANUAL BOOK")),
                 f"APLIKASI {app.upper()}", f"Versi {rng.randint(1, 3)}.{rng.randint(0, 9)}", ctx["opd"].upper(),
                 ctx["pemda"].upper(), str(ctx.year), "DAFTAR ISI", "BAB 1 PENDAHULUAN", "1.1 Tentang Aplikasi"]
        lines += body
        lines += ["1.2 Hak Akses Pengguna",
                  f"Pengguna aplikasi terdiri atas {rng.choice(('administrator, operator perangkat daerah dan verifikator', 'admin, operator dan pimpinan', 'superadmin, admin OPD dan pengguna umum'))}.",
                  "BAB 2 MEMULAI APLIKASI", "2.1 Halaman Masuk",
                  f"Buka peramban (browser) lalu ketik alamat {ctx['url']}. Masukkan nama pengguna dan kata sandi, kemudian klik tombol Masuk."]
        for i, feature in enumerate(features, start=2):
            lines += [f"2.{i} Menu {feature}",
                      rng.choice((f"Menu ini digunakan untuk {feature.lower()}.", f"Klik menu {feature} pada panel sebelah kiri.",
                                  f"Pada menu {feature}, pengguna dapat menambah, mengubah dan menghapus data."))]
        title = f"Manual {app}"
    return Rendered(title, "\n".join(lines))


def render_agreement(topic: Topic, ctx: Context, rng: random.Random) -> Rendered:
    """Perjanjian Kerja Sama (PKS) / nota kesepahaman between the Pemda and a partner."""
    region = ctx.region
    title = _choice(rng, topic.title_options("agreement"), ctx)
    partner = _choice(rng, topic.pool("partners"), ctx)
    day, date = weekday_date(rng, ctx.year)
    kind = rng.choice(("PERJANJIAN KERJA SAMA", "NOTA KESEPAHAMAN", "PERJANJIAN KERJA SAMA"))
    lines = [kind, "ANTARA", region.government.upper(), "DENGAN", partner.upper(), "TENTANG", title.upper(),
             f"NOMOR : {rng.randint(10, 999)}/PKS/{ctx['opd_short']}/{ctx.year}",
             f"NOMOR : {rng.randint(10, 999)}/{rng.choice(('UN', 'KS', 'PKS', 'HK'))}/{ctx.year}",
             f"Pada hari ini {day} tanggal {date}, bertempat di {region.seat}, yang bertanda tangan di bawah ini:",
             f"1. {person(rng)} : Kepala {ctx['opd']} {region.full}, bertindak untuk dan atas nama {region.government}, "
             "selanjutnya disebut PIHAK KESATU.",
             f"2. {person(rng)} : bertindak untuk dan atas nama {partner}, selanjutnya disebut PIHAK KEDUA.",
             "PIHAK KESATU dan PIHAK KEDUA secara bersama-sama disebut PARA PIHAK sepakat untuk mengadakan kerja sama "
             "dengan ketentuan sebagai berikut:"]
    clauses = ["MAKSUD DAN TUJUAN", "RUANG LINGKUP", "HAK DAN KEWAJIBAN", "PEMBIAYAAN", "JANGKA WAKTU"]
    body = [fill(s, ctx) for s in pick(rng, topic.pool("body"), rng.randint(3, 6))]
    for i, clause in enumerate(clauses, start=1):
        lines += [f"Pasal {i}", clause]
        if clause == "JANGKA WAKTU":
            lines.append(f"Perjanjian ini berlaku selama {rng.choice(('1 (satu)', '2 (dua)', '3 (tiga)', '5 (lima)'))} "
                         "tahun sejak ditandatangani dan dapat diperpanjang atas kesepakatan PARA PIHAK.")
        elif clause == "PEMBIAYAAN":
            lines.append("Biaya pelaksanaan kerja sama dibebankan kepada masing-masing pihak sesuai kewajibannya.")
        elif body:
            lines.append(body.pop())
    lines += ["PIHAK KESATU,", person(rng), "PIHAK KEDUA,", person(rng)]
    return Rendered(f"PKS {title}", "\n".join(lines))


def render_profile(topic: Topic, ctx: Context, rng: random.Random) -> Rendered:
    """A numbered description document (e.g. an RFC 2350 team profile, a service description)."""
    title = _choice(rng, topic.title_options("other") or topic.pool("names"), ctx)
    lines = [title.upper(), ctx["opd"], ctx["pemda"]]
    sections = list(topic.sections)
    keep = sorted(rng.sample(range(len(sections)), max(3, len(sections) - rng.randint(0, 4))))
    for number, i in enumerate(keep, start=1):
        heading, text = sections[i]
        lines += [f"{number}. {fill(heading, ctx)}", fill(text, ctx)]
    return Rendered(title, "\n".join(lines))


def _render_table(topic: Topic, ctx: Context, rng: random.Random) -> Rendered:
    """A register or list (inventory, risk register, data catalogue ...) as PDF extraction flattens it."""
    title = _choice(rng, (topic.table or {}).get("titles", ["Daftar"]), ctx)
    lines = [title.upper(), f"{ctx['opd']} {ctx['daerah']}", f"Tahun {ctx.year}"]
    lines += _table_rows(topic, ctx, rng, rng.randint(4, 12))
    lines += [f"{ctx.region.seat}, {indo_date(rng, ctx.year)}", f"Kepala {ctx['opd']}", person(rng), f"NIP. {nip(rng)}"]
    return Rendered(title, "\n".join(lines))


def _render_slides(topic: Topic, ctx: Context, rng: random.Random) -> Rendered:
    """A slide deck: short bullet lines, as presentations come out of PDF extraction."""
    options = topic.title_options("other") or topic.title_options("report") or topic.title_options("meeting")
    title = _choice(rng, options, ctx, default=ctx["nama_topik"])
    lines = [title, ctx["opd"], ctx["pemda"], f"{rng.choice(MONTHS)} {ctx.year}"]
    for i, bullet in enumerate(pick(rng, topic.pool("slides"), rng.randint(4, 9))):
        if i % 3 == 0:
            lines.append(rng.choice(("LATAR BELAKANG", "KONDISI SAAT INI", "RENCANA TINDAK LANJUT", "CAPAIAN",
                                     "TANTANGAN", "STRATEGI")))
        lines.append(f"• {fill(bullet, ctx)}")
    lines.append(rng.choice(("TERIMA KASIH", "Sekian dan terima kasih", "")))
    return Rendered(f"Paparan {title}", "\n".join(lines))


def render_lainnya(topic: Topic, ctx: Context, rng: random.Random, **_: object) -> Rendered:
    """Other evidence: registers/tables, cooperation agreements, profile documents, slide decks."""
    forms: list[Callable[[Topic, Context, random.Random], Rendered]] = []
    if topic.table:
        forms.append(_render_table)
    if topic.title_options("agreement"):
        forms.append(render_agreement)
    if topic.sections:
        forms.append(render_profile)
    if topic.pool("slides"):
        forms.append(_render_slides)
    return rng.choice(forms)(topic, ctx, rng)


Renderer = Callable[..., Rendered]
RENDERERS: dict[str, Renderer] = {
    "perkada": render_perkada,
    "perda": render_perda,
    "keputusan": render_keputusan,
    "surat_edaran": render_surat_edaran,
    "sop": render_sop,
    "laporan": render_laporan,
    "notulen": render_notulen,
    "undangan": render_undangan,
    "berita": render_berita,
    "anggaran": render_anggaran,
    "perencanaan": render_perencanaan,
    "screenshot": render_screenshot,
    "halaman_layanan": render_halaman_layanan,
    "lainnya": render_lainnya,
}


def render_document(doc_type: str, topic: Topic, rng: random.Random, region: Region, *, year: int,
                    draft: bool = False, scope: Sequence[str] | None = None) -> Rendered:
    """Writes one clean (not yet excerpted or noised) document of ``doc_type`` about ``topic``."""
    ctx = make_context(topic, rng, region, year)
    return RENDERERS[doc_type](topic, ctx, rng, draft=draft, scope=scope)


def render(doc_type: str, topic: Topic, rng: random.Random, region: Region, *, year: int | None = None) -> str:
    """Text only, for callers that do not need the title."""
    return render_document(doc_type, topic, rng, region, year=year or rng.randint(2018, 2026)).text


__all__ = ["RENDERERS", "Context", "Rendered", "fill", "make_context", "render", "render_document"]
