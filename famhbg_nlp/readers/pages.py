"""Pages on a parsed protocol: each entity and item gets the page its first character is on."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..protocol.model import Entity, Protocol
    from .document import PageMap


def with_pages(protocol: Protocol, page_map: PageMap | None) -> Protocol:
    """``protocol`` with ``page`` set on its entities, items and the entities of their decisions.

    Offsets are those of the text the page map was built with (the reader's text); without
    a page map (plain text, DOCX without rendered page breaks) ``protocol`` is returned as is.
    """
    if page_map is None:
        return protocol

    def entity(ent: Entity) -> Entity:
        return replace(ent, page=page_map.page_at(ent.start))

    items = tuple(
        replace(
            item,
            page=page_map.page_at(item.start),
            decisions=tuple(replace(d, entities=tuple(entity(e) for e in d.entities)) for d in item.decisions),
        )
        for item in protocol.items
    )
    return replace(protocol, entities=tuple(entity(e) for e in protocol.entities), items=items)
