"""Any text with any entities parses without an exception into a consistent structure."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from famhbg_nlp.protocol import Protocol, parse_doc

PIECES = [
    "Närvarande:", "Anmält förhinder:", "Inbjudna gäster:", "Beslutande ledamöter", "Tjänstgörande ersättare",
    "Anna Svensson, Ystad", "~~Per Olsson, Skurup~~", "Lisa Ek (S), ordförande", "Eva Lind ersätter Omar Ali",
    "Maria Holm och Jonas Dahl från Trafikverket", "1. Budget", "2 Skolan", "§ 3 Vägar", "§ 4", "10.30 **Rubrik**",
    "Paus", "## Beslut", "**Beslut:**", "Kommunstyrelsen beslutar att godkänna.", "Förslag till beslut",
    "att godkänna", "**samt att** återkomma", "*att* avslå:", "- en punkt", "Föredragande: Maria Holm",
    "Underlag: Bilaga 1", "Bilaga 2 Karta", "Tid/Plats: 2023-02-14 kl. 0830-11.00, Rådhuset", "Plats och tid:",
    "Kommunstyrelsens protokoll 2/2023", "Palle Lundberg", "ordförande", "Vid protokollet", "Ordförande: Anna Svensson",
    "Underskriftssida", "Sida 1 av 2", "Text om ärendet.", "Maria Holm redogjorde för läget.", "(från 0840)", "",
    "", "", "*", "~~", "**", ":", "(", ")", "att", "Övriga frågor", "Studiebesök",
]  # fmt: skip
ENTITIES = [
    ("PERSON", "Anna Svensson"), ("PERSON", "Per Olsson"), ("PERSON", "Lisa Ek"), ("PERSON", "Eva Lind"),
    ("PERSON", "Omar Ali"), ("PERSON", "Maria Holm"), ("PERSON", "Jonas Dahl"), ("PERSON", "Palle Lundberg"),
    ("MUNICIPALITY", "Ystad", "Ystad"), ("MUNICIPALITY", "Skurup"), ("ORG", "Trafikverket"),
    ("DATE", "2023-02-14", "2023-02-14"), ("PERSON", "Rubrik"), ("ORG", "Budget"),
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=40),
    st.lists(st.sampled_from(["\n", "\n\n", " ", "  \n"]), min_size=40, max_size=40),
    st.lists(st.sampled_from(ENTITIES), unique=True),
)
def test_any_layout_parses_consistently(blank_nlp, annotator, pieces, separators, entities):
    text = "".join(piece + sep for piece, sep in zip(pieces, separators))
    doc = annotator(blank_nlp, text, entities)
    protocol = parse_doc(doc)
    data = json.loads(json.dumps(protocol.to_dict()))
    assert Protocol.from_dict(data) == protocol
    for a, b in zip(protocol.items, protocol.items[1:]):
        assert a.start < b.start
    for item in protocol.items:
        assert 0 <= item.start <= item.end <= len(text)
        for decision in item.decisions:
            assert decision.start < decision.end
            assert all(decision.start <= e.start and e.end <= decision.end for e in decision.entities)
    # every name is written in the document: a PERSON entity, or a name read from an attendance list
    written = " ".join(text.split())
    for person in (*protocol.attendees, *protocol.absent, *protocol.guests):
        assert person.name in written
