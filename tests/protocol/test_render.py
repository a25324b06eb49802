"""The HTML page: entities marked with label and value, text escaped, one section per document."""

from __future__ import annotations

from famhbg_nlp.protocol import Entity, Protocol, parse_doc
from famhbg_nlp.protocol.render import entities_html, render_index, render_page


def test_entities_are_marked_and_text_is_escaped():
    text = "<b>Anna</b> & Ystad 3/9"
    ents = [Entity(14, 19, "MUNICIPALITY", "Ystad", "Ystad"), Entity(20, 23, "DATE", "3/9", {"start": "a", "end": "b"})]
    html = entities_html(text, ents)
    assert html.startswith("&lt;b&gt;Anna&lt;/b&gt; &amp; <mark")
    assert 'title="MUNICIPALITY: Ystad"' in html and '>Ystad<span class="label">MUNICIPALITY</span>' in html
    assert 'data-value="{&quot;start&quot;: &quot;a&quot;, &quot;end&quot;: &quot;b&quot;}"' in html
    assert html.count("<mark") == 2 and html.endswith("</mark>")


def test_overlapping_entities_are_marked_once():
    html = entities_html("Anna Ek", [Entity(0, 7, "PERSON", "Anna Ek"), Entity(5, 7, "PERSON", "Ek")])
    assert html.count("<mark") == 1


def test_page_with_legend_summary_and_sections(make_doc):
    doc = make_doc(
        "Närvarande: Anna Svensson, Ystad\n\n§ 1 Budget\n\nBeslut\n\natt godkänna <budgeten>.\n",
        [("PERSON", "Anna Svensson"), ("MUNICIPALITY", "Ystad", "Ystad")],
    )
    protocol = parse_doc(doc, "ks.txt")
    page = render_page([(protocol, doc.text), (Protocol(path="tom.txt"), "")], title="Två")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count('<section class="document"') == 2 and 'href="#doc-2"' in page
    for label in ("PERSON", "MUNICIPALITY", "ORG", "DATE", "AMOUNT"):
        assert f'class="legend-{label}"' in page
    assert "Anna Svensson (Ystad)" in page
    assert "att godkänna &lt;budgeten&gt;." in page
    assert '<a href="ks.html">ks.txt</a>' in render_index([("ks.html", "ks.txt")])
