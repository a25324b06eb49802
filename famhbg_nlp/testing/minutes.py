"""The content of a generated set of minutes: a real text dressed the way minutes are laid out.

:func:`minutes_from_text` takes the text of real minutes (``../shared/minutes``, the seeds)
and wraps it in what minutes templates add around it: a title, a cover block of labels and
values (place and time, members, officials, adjuster, paragraphs), an attendance table
with a heading row, a table of contents, and ``§`` sections with a ``Dnr`` line, the real
text's paragraphs inside them. The layout writers (:mod:`.word`, :mod:`.system`) put this
on pages and add the furniture (:class:`Furniture`) that a reader must take out again.

:func:`expected_text` is what a reader should give back for the content: blocks separated
by blank lines, ``Label<TAB>value`` rows, table rows with tab-separated cells and the
heading row as a paragraph of its own.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

#: Item titles of the synthetic ``§`` headings (common agenda items of Swedish minutes).
ITEM_TITLES: tuple[str, ...] = (
    "Val av justerare",
    "Godkännande av dagordning",
    "Ekonomisk uppföljning",
    "Information från förvaltningen",
    "Delegationsbeslut",
    "Meddelanden",
    "Remissvar",
    "Verksamhetsplan",
    "Internkontrollplan",
    "Övriga frågor",
)

#: Bodies that hold minutes, and the short form used in case numbers.
ORGANS: tuple[tuple[str, str], ...] = (
    ("Kommunstyrelsen", "KS"),
    ("Kommunfullmäktige", "KF"),
    ("Barn- och utbildningsnämnden", "BUN"),
    ("Socialnämnden", "SN"),
    ("Tekniska nämnden", "TN"),
    ("Miljö- och byggnämnden", "MBN"),
)

ROLES: tuple[str, ...] = ("ordförande", "vice ordförande", "ledamot", "ledamot", "tjänstgörande ersättare")
OFFICIALS: tuple[str, ...] = ("kommundirektör", "sekreterare", "ekonomichef", "förvaltningschef", "nämndsekreterare")


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; ``\\n`` inside it is a line break the author made."""

    text: str


@dataclass(frozen=True)
class Fields:
    """A label/value block; a value's lines (``\\n``) are lines of its cell."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """A table with an optional heading row."""

    header: tuple[str, ...] | None
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Fields | Table | PageBreak


@dataclass(frozen=True)
class Furniture:
    """What the layout prints around the content: none of it belongs in the text."""

    header: tuple[str, ...]
    footer: tuple[str, ...]
    stamp: str
    signers: tuple[tuple[str, str], ...]  # name, e-mail
    transaction: str


@dataclass(frozen=True)
class Minutes:
    """A generated set of minutes: its content, its furniture, and facts the layouts print."""

    source: str
    municipality: str
    organ: str
    meeting_date: date
    blocks: tuple[Block, ...]
    furniture: Furniture
    appendix: str = ""  # the text of an appended (scanned) page, not part of the content
    names: tuple[str, ...] = field(default=(), repr=False)


def source_paragraphs(text: str) -> list[str]:
    """The paragraphs of a source text (blank-line separated), each line stripped."""
    out = []
    for para in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")):
        lines = [line.strip() for line in para.split("\n") if line.strip()]
        if lines:
            out.append("\n".join(lines))
    return out


def _name(fake: object) -> str:
    return f"{fake.first_name()} {fake.last_name()}"  # type: ignore[attr-defined]


def minutes_from_text(
    text: str,
    *,
    seed: int = 0,
    municipality: str | None = None,
    appendix: str = "",
    sections: int = 3,
) -> Minutes:
    """Minutes whose ``§`` sections hold the paragraphs of ``text`` (real minutes), in order."""
    from faker import Faker

    from ..lexicon import months, party_letters, weekdays
    from ..pipes.municipalities.gazetteer import Gazetteer

    rng = random.Random(seed)
    fake = Faker("sv_SE")
    fake.seed_instance(seed)
    if municipality is None:
        municipality = rng.choice(sorted(m.name for m in Gazetteer.packaged().municipalities.values()))
    organ, short = rng.choice(ORGANS)
    meeting = date(rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28))
    parties = sorted(p for p in party_letters() if len(p) <= 2 and p.isupper())
    members = [(_name(fake), rng.choice(parties), role) for role in ROLES]
    officials = [(_name(fake), role) for role in OFFICIALS[:3]]
    adjuster = members[2][0]
    start, end = rng.randint(8, 13), rng.randint(14, 17)
    first = rng.randint(1, 150)
    paragraphs = source_paragraphs(text)
    n = max(1, min(sections, len(paragraphs)))
    chunks = [paragraphs[k * len(paragraphs) // n : (k + 1) * len(paragraphs) // n] for k in range(n)]
    numbers = [f"§ {first + k}" for k in range(n)]
    titles = (
        rng.sample(ITEM_TITLES, n) if n <= len(ITEM_TITLES) else [ITEM_TITLES[k % len(ITEM_TITLES)] for k in range(n)]
    )

    blocks: list[Block] = [Heading(f"{organ}s protokoll", 0)]
    blocks.append(
        Fields(
            (
                (
                    "Plats och tid",
                    f"Kommunhuset, {weekdays()[meeting.weekday()]}en den {meeting.day} {months()[meeting.month][0]} "
                    f"{meeting.year} kl. {start:02d}.00–{end:02d}.30",
                ),
                ("Beslutande", "\n".join(f"{name} ({party}), {role}" for name, party, role in members[:3])),
                ("Övriga närvarande", "\n".join(f"{name}, {role}" for name, role in officials)),
                ("Justerare", adjuster),
                ("Justeringens plats och tid", f"Kommunhuset {(meeting + timedelta(days=7)).isoformat()}"),
                ("Paragrafer", f"§§ {first}–{first + n - 1}"),
            )
        )
    )
    blocks.append(Heading("Närvarolista", 2))
    blocks.append(Table(("Namn", "Parti", "Uppdrag"), tuple((name, party, role) for name, party, role in members)))
    blocks.append(PageBreak())
    blocks.append(Heading("Innehållsförteckning", 2))
    blocks.append(Table(None, tuple(zip(numbers, titles))))
    for k, chunk in enumerate(chunks):
        blocks.append(Heading(f"{numbers[k]} {titles[k]}", 1))
        blocks.append(Paragraph(f"Dnr {short} {meeting.year}/{rng.randint(10, 999):03d}"))
        blocks.extend(Paragraph(p) for p in chunk)
    transaction = "".join(rng.choice("0123456789") for _ in range(20))
    furniture = Furniture(
        header=(f"{municipality} kommun", "SAMMANTRÄDESPROTOKOLL", organ, "Sammanträdesdatum", meeting.isoformat()),
        footer=("Justerandes sign", "Utdragsbestyrkande"),
        stamp=f"Signerat dokument. Verifikat: {transaction[:4]}-{transaction[4:8]}-{transaction[8:12]} "
        f"(elektroniskt signerat med BankID)",
        signers=tuple(
            (name, f"{name.lower().replace(' ', '.')}@{municipality.lower()}.se") for name in (members[0][0], adjuster)
        ),
        transaction=transaction,
    )
    names = tuple([m[0] for m in members] + [o[0] for o in officials])
    return Minutes(text, municipality, organ, meeting, tuple(blocks), furniture, appendix, names)


def block_text(block: Block) -> str:
    """What a reader should give back for one block ('' for a page break)."""
    if isinstance(block, (Heading, Paragraph)):
        return block.text
    if isinstance(block, Fields):
        return "\n".join(f"{label}\t{value}" for label, value in block.rows)
    if isinstance(block, Table):
        rows = "\n".join("\t".join(row) for row in block.rows)
        return rows if block.header is None else "\t".join(block.header) + "\n\n" + rows
    return ""


def expected_text(minutes: Minutes) -> str:
    """The content as a reader should give it back (blocks separated by blank lines)."""
    return "\n\n".join(t for t in (block_text(b) for b in minutes.blocks) if t)


def normalise_space(text: str) -> str:
    """``text`` with every run of whitespace one space (for comparisons modulo layout)."""
    return " ".join(text.split())


def esignature_lines(minutes: Minutes) -> list[str]:
    """The lines of the verification page an e-signing service appends."""
    f = minutes.furniture
    signed = minutes.meeting_date + timedelta(days=7)
    lines = [
        "Verifikat",
        f"Transaktion {f.transaction}",
        "Dokument",
        f"Protokoll {minutes.organ} {minutes.meeting_date.isoformat()}",
        "Huvuddokument",
        f"Startades {signed.isoformat()} 14:32:10 CEST (+0200) av {f.signers[0][0]}",
        f"Färdigställt {signed.isoformat()} 16:05:41 CEST (+0200)",
        "Signerande parter",
    ]
    for k, (name, mail) in enumerate(f.signers):
        lines += [
            name,
            mail,
            f"Signerade {signed.isoformat()} 1{5 + k}:02:44 CEST (+0200)",
            "Signerat med svenskt BankID",
        ]
    lines += [
        "Detta verifikat är utfärdat av e-signeringstjänsten. Kursiverad information är säkert verifierad.",
        "Verifikatet intygar dokumentets fingeravtryck (SHA-256) och händelselogg.",
    ]
    return lines


def summary_from_text(text: str, *, seed: int = 0, municipality: str | None = None) -> Minutes:
    """A "beslut i korthet" summary: a title and the paragraphs of ``text`` (for column layouts)."""
    full = minutes_from_text(text, seed=seed, municipality=municipality)
    title = Heading(f"Beslut i korthet från {full.organ.lower()} {full.meeting_date.isoformat()}", 0)
    blocks: tuple[Block, ...] = (title, *(Paragraph(p) for p in source_paragraphs(text)))
    return Minutes(text, full.municipality, full.organ, full.meeting_date, blocks, full.furniture, "", full.names)
