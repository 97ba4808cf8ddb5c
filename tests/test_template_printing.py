"""An HTML page prints every value the way Jinja's autoescape and narr-audit's finalize hook would, in
one call per value (formats.templating): names and reasons from a binder show as text, never markup,
and controls show as visible escapes. A JSON report is checked for raw controls without a regular
expression when it is plain ASCII; the same text comes out either way."""

from __future__ import annotations

import jinja2
import pytest
from markupsafe import Markup, escape

from narr_audit.base import safetext
from narr_audit.formats import templating

VALUES = [
    "Maple House",
    "",
    'O\'Brien & Sons <b>bold</b> "quoted"',
    "x\x1b[2J\x1b[HVerdict: READY",
    "line one\nline two\ttabbed",
    "bell\x07 nul\x00 del\x7f c1\x85 bidi\u202e end",
    "café – naïve ✓",
    "&amp; already an entity",
    Markup("<span>made by a macro</span>"),
    42,
    3.5,
    None,
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_a_value_prints_in_html_as_escaping_its_visible_form_would(value: object) -> None:
    shown = value if type(value) is not str else safetext.visible(value, multiline=True)
    assert str(templating._finalize_html(value)) == str(escape(shown))


PAGE = "<p>{{ name }}</p>{% macro b(x) %}<i>{{ x }}</i>{% endmacro %}{{ b(name) }}"


def test_a_page_shows_a_hostile_name_as_text_and_its_controls_as_escapes() -> None:
    env = templating._Environment(
        loader=jinja2.DictLoader({"page.html.j2": PAGE}),
        autoescape=templating._autoescape,
        undefined=jinja2.StrictUndefined,
        finalize=templating._finalize,
    )
    page = env.get_template("page.html.j2").render(name="<script>\x1b[2J'&'")
    assert page == "<p>&lt;script&gt;\\x1b[2J&#39;&amp;&#39;</p><i>&lt;script&gt;\\x1b[2J&#39;&amp;&#39;</i>"


def test_an_undefined_value_in_a_page_is_still_an_error() -> None:
    env = templating._Environment(
        loader=jinja2.DictLoader({"page.html.j2": "<p>{{ missing }}</p>"}),
        autoescape=templating._autoescape,
        undefined=jinja2.StrictUndefined,
        finalize=templating._finalize,
    )
    with pytest.raises(jinja2.UndefinedError):
        env.get_template("page.html.j2").render()


def test_a_yaml_template_keeps_each_value_on_its_line() -> None:
    env = templating._Environment(
        loader=jinja2.DictLoader({"x.yaml.j2": "# {{ name }}\n"}),
        autoescape=templating._autoescape,
        finalize=templating._finalize,
        keep_trailing_newline=True,
    )
    assert env.get_template("x.yaml.j2").render(name="a\nb<c>") == "# a\\x0ab<c>\n"


@pytest.mark.parametrize(
    "document",
    ['{\n  "name": "Maple House"\n}', '{"name": "a\x7fb"}', '{"name": "a\x1bb"}', '{"name": "caf\u00e9 \u202e"}'],
)
def test_json_text_is_the_same_with_or_without_the_ascii_shortcut(document: str) -> None:
    slow = safetext._UNSAFE.sub(safetext._json_escape, document)
    assert safetext.json_text(document) == slow
