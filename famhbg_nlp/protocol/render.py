"""A self-contained HTML page that shows what was extracted, for a person in a browser.

Per document: a summary of the protocol (meeting, attendance, agenda items and their
decisions) and the full text with every entity marked in the style of displaCy's
entity view: coloured by label, the label after the text, and the normalized value
shown next to it and in the mark's tooltip. A legend explains the colours.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from ..labels import LabelMap, color_of, label_descriptions
from .model import Participant, Protocol

#: What each label means, for the legend (a live view of the label registry, famhbg_nlp.labels).
LABEL_DESCRIPTIONS = LabelMap(label_descriptions, "LABEL_DESCRIPTIONS")

_STYLE = """
body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 2rem auto;
       max-width: 70rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; padding-bottom: .3rem; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
.legend span { padding: .2rem .6rem; border-radius: .35rem; font-size: .85rem; }
.summary { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin-bottom: 1rem; }
.summary dt { font-weight: 600; } .summary dd { margin: 0; }
.items { list-style: none; padding-left: 0; } .items li { margin-bottom: .4rem; }
.decision { color: #333; font-size: .95rem; }
.entities { line-height: 2.4; white-space: pre-wrap; border: 1px solid #eee; padding: 1rem; border-radius: .4rem; }
mark.entity { padding: .2em .35em; margin: 0 .1em; border-radius: .35em; line-height: 1; }
mark.entity .label { font-size: .6em; font-weight: bold; text-transform: uppercase; margin-left: .4rem;
                     vertical-align: middle; }
mark.entity .value { font-size: .65em; margin-left: .3rem; vertical-align: middle; font-family: monospace; }
nav.toc a { margin-right: 1rem; }
.page-break { display: block; margin: .8rem 0 .4rem; border-top: 2px dashed #bbb; color: #777; font-size: .75rem;
              line-height: 1.4; text-align: right; }
.page { color: #777; font-size: .8em; margin-left: .4rem; }
"""


def _color(label: str) -> str:
    return color_of(label)


def _value_text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def legend_html() -> str:
    spans = "".join(
        f'<span class="legend-{escape(label)}" style="background: {_color(label)}">'
        f"<b>{escape(label)}</b> {escape(text)}</span>"
        for label, text in LABEL_DESCRIPTIONS.items()
    )
    return f'<div class="legend">{spans}</div>'


def _page_break(page: int) -> str:
    return f'<span class="page-break" data-page="{page}">page {page}</span>'


def _text_html(text: str, start: int, end: int, breaks: list[tuple[int, int]]) -> str:
    """``text[start:end]`` escaped, with a page break before each page that starts in it."""
    out: list[str] = []
    pos = start
    while breaks and breaks[0][0] < end:
        offset, page = breaks.pop(0)
        offset = max(offset, pos)
        out.append(escape(text[pos:offset]) + _page_break(page))
        pos = offset
    out.append(escape(text[pos:end]))
    return "".join(out)


def entities_html(text: str, entities: Iterable[Any], page_starts: Sequence[int] = ()) -> str:
    """``text`` escaped, with each entity (``start``/``end``/``label``/``value``) wrapped in a ``<mark>``
    and, given the offsets where the pages of the source file start, a page break before each page
    (a page that starts inside an entity breaks before it; a page without text still shows)."""
    breaks = [(offset, page) for page, offset in enumerate(page_starts, 1)] if len(page_starts) > 1 else []
    out: list[str] = []
    pos = 0
    for ent in sorted(entities, key=lambda e: e.start):
        if ent.start < pos:  # overlapping entities cannot be marked twice
            continue
        out.append(_text_html(text, pos, ent.start, breaks))
        while breaks and breaks[0][0] < ent.end:  # a page starting inside the entity: break before it
            out.append(_page_break(breaks.pop(0)[1]))
        value = _value_text(ent.value)
        title = f"{ent.label}: {value}" if value else ent.label
        page = getattr(ent, "page", None)
        title += f" (page {page})" if page is not None else ""
        value_html = f'<span class="value">= {escape(value)}</span>' if value else ""
        out.append(
            f'<mark class="entity" data-label="{escape(ent.label)}" data-value="{escape(value)}" '
            f'title="{escape(title)}" style="background: {_color(ent.label)}">{escape(text[ent.start : ent.end])}'
            f'<span class="label">{escape(ent.label)}</span>{value_html}</mark>'
        )
        pos = ent.end
    out.append(_text_html(text, pos, len(text), breaks))
    out.extend(_page_break(page) for _, page in breaks)  # pages after the last text (a scan, a signature page)
    return "".join(out)


def _people(people: Sequence[Participant]) -> str:
    if not people:
        return "–"
    parts = []
    for p in people:
        extra = [x for x in (p.municipality, p.affiliation, p.role, p.party and f"({p.party})", p.note) if x]
        parts.append(escape(p.name + (f" ({', '.join(extra)})" if extra else "")))
    return "; ".join(parts)


def summary_html(protocol: Protocol) -> str:
    rows: list[tuple[str, str]] = []

    def add(name: str, value: str | None, raw: bool = False) -> None:
        if value:
            rows.append((name, value if raw else escape(value)))

    add("Organ", protocol.body)
    add("Protokoll", protocol.protocol_number)
    add("Datum", None if protocol.meeting_date is None else protocol.meeting_date.isoformat())
    if protocol.time is not None:
        add("Tid", f"{protocol.time.start}–{protocol.time.end or ''}")
    add("Plats", protocol.place)
    add("Närvarande", _people(protocol.attendees), raw=True)
    add("Frånvarande", _people(protocol.absent), raw=True)
    add("Gäster", _people(protocol.guests), raw=True)
    add("Ordförande", protocol.chair)
    add("Sekreterare", protocol.secretary)
    summary = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows)
    items = []
    for item in protocol.items:
        head = " ".join(x for x in (item.number and f"{item.number}.", item.time, item.title) if x)
        extra = []
        if item.presenters:
            extra.append("Föredragande: " + ", ".join(item.presenters))
        if item.attachments:
            extra.append("Underlag: " + "; ".join(item.attachments))
        decisions = "".join(f'<li class="decision">{escape(d.text)}</li>' for d in item.decisions)
        page = f'<span class="page">page {item.page}</span>' if getattr(item, "page", None) is not None else ""
        items.append(
            f"<li><b>{escape(head)}</b>{page}"
            + "".join(f"<br><small>{escape(e)}</small>" for e in extra)
            + (f"<ul>{decisions}</ul>" if decisions else "")
            + "</li>"
        )
    items_html = f'<h3>Ärenden</h3><ul class="items">{"".join(items)}</ul>' if items else ""
    return f'<dl class="summary">{summary}</dl>{items_html}'


def document_html(protocol: Protocol, text: str, anchor: str, page_starts: Sequence[int] = ()) -> str:
    title = protocol.path or "(text)"
    return (
        f'<section class="document" id="{escape(anchor)}"><h2>{escape(title)}</h2>'
        f"{summary_html(protocol)}<h3>Text</h3>"
        f'<div class="entities">{entities_html(text, protocol.entities, page_starts)}</div></section>'
    )


def render_page(
    documents: Sequence[tuple[Protocol, str] | tuple[Protocol, str, Sequence[int]]], title: str = "famhbg-nlp"
) -> str:
    """One HTML page for ``documents``: pairs of protocol and the text it was parsed from, or
    triples with the offsets where the source file's pages start (page breaks are shown)."""
    toc = ""
    if len(documents) > 1:
        links = "".join(
            f'<a href="#doc-{k}">{escape(d[0].path or f"document {k}")}</a>' for k, d in enumerate(documents, 1)
        )
        toc = f'<nav class="toc">{links}</nav>'
    sections = "".join(
        document_html(d[0], d[1], f"doc-{k}", d[2] if len(d) > 2 else ()) for k, d in enumerate(documents, 1)
    )
    return (
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body><h1>{escape(title)}</h1>{legend_html()}{toc}{sections}</body></html>\n"
    )


def render_index(pages: Sequence[tuple[str, str]], title: str = "famhbg-nlp") -> str:
    """An index page linking the per-document pages (pairs of file name and document path)."""
    links = "".join(f'<li><a href="{escape(href)}">{escape(label)}</a></li>' for href, label in pages)
    return (
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><h1>{escape(title)}</h1><ul>{links}</ul></body></html>\n"
    )
