"""Untrusted text made safe for the place it is shown: one function per sink.

File names, residence names, rule labels from users' files and the messages built from them are
untrusted: a photo named ``x<ESC>[2J<ESC>[HVerdict: READY.jpg`` would clear a terminal and show a
fake verdict, a control character makes XML not well-formed, a carriage return starts a new line in
Markdown. Every formatter and every print passes such text through the function for its sink.

Characters that are not shown as themselves are written as visible escapes: ``\\x1b`` for C0
controls, ``\\u0085`` for the others (DEL, C1 controls, bidi overrides and isolates, line and
paragraph separators, lone surrogates). The ``\\u`` form is also a JSON escape, so a JSON document
passed through :func:`terminal` still parses, to the same values. Ordinary text passes unchanged.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

# Controls (C0 but tab and newline, DEL, C1), bidi marks, embeddings, overrides and isolates,
# line and paragraph separators, lone surrogates (undecodable bytes in a file name) and the two
# non-characters U+FFFE and U+FFFF. Tab and newline are handled per sink.
_UNSAFE_CHARS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff"
)
_UNSAFE = re.compile(f"[{_UNSAFE_CHARS}]")
_UNSAFE_LINE = re.compile(f"[\t\n{_UNSAFE_CHARS}]")
_UNSAFE_TEXT_KEEPING_SGR = re.compile(f"\x1b\\[[0-9;:]*m|[{_UNSAFE_CHARS}]")
# What Markdown, or an editor showing it, takes for a line break.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def escape_char(char: str) -> str:
    """One character as a visible escape: ``\\x1b`` below U+0020, ``\\u0085`` from DEL up."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x20 else f"\\u{code:04x}"


def _escape(match: re.Match[str]) -> str:
    return escape_char(match.group())


def _escape_keeping_sgr(match: re.Match[str]) -> str:
    found = match.group()
    return found if len(found) > 1 else escape_char(found)


def terminal(text: object, *, multiline: bool = False, keep_colour: bool = False) -> str:
    """Text for a terminal (or a log shown in one): nothing in it can move the cursor, clear the
    screen, ring the bell or reorder what is shown.

    ``multiline`` keeps newlines and tabs (a message of several lines); otherwise they are escaped
    too, so one value stays on its line. ``keep_colour`` lets colour sequences (ESC [ ... m) through:
    only for output whose values were already made safe, such as rich's coloured rendering.
    """
    value = text if type(text) is str else str(text)
    if value.isprintable():  # the common case, at C speed: no control, separator or format character
        return value
    if keep_colour:
        pattern = _UNSAFE_TEXT_KEEPING_SGR
        return pattern.sub(_escape_keeping_sgr, value) if pattern.search(value) else value
    pattern = _UNSAFE if multiline else _UNSAFE_LINE
    return pattern.sub(_escape, value) if pattern.search(value) else value


def visible(text: object, *, multiline: bool = False) -> str:
    """Text with every control and invisible formatting character shown as an escape: the safe
    base of the other sinks (HTML, the names in a YAML comment). Every value a template prints
    passes here, hence the shortcut for ordinary text."""
    value = text if type(text) is str else str(text)
    return value if value.isprintable() else terminal(value, multiline=multiline)


# Inline specials (emphasis, code, links, tables, strikethrough, the escape itself) get a backslash;
# < and > become entities, so no raw HTML.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_NEEDS_ESCAPE = re.compile(r"[\\`*_\[\]|~<>]")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
# What starts a block when a value begins a line (as after a list marker): a heading, a nested
# list item, a thematic break. ("1. " is left: a number is common in headings quoted from
# documents, and a nested ordered list breaks nothing.)
_MD_BLOCK_START = re.compile(r"^( *)(#|[-+](?=\s|$)|-{3,}|={3,})")


def _one_line(value: str) -> str:
    """Line breaks folded to a space, other controls as visible escapes."""
    if _UNSAFE_LINE.search(value) is None:  # CR, LF and the other breaks are in it
        return value
    return visible(_LINE_BREAK.sub(" ", value))


def markdown(text: object) -> str:
    """Text from evidence shown as itself in Markdown, inline: no line breaks (a carriage return
    would start a heading or end a table row), no emphasis, links, raw HTML or table pipes, and no
    block mark at its start (``# x`` after a list marker is a heading)."""
    value = _one_line(str(text))
    if "&" in value:
        value = _MD_ENTITY.sub("&amp;", value)
    if _MD_NEEDS_ESCAPE.search(value):
        value = _MD_SPECIAL.sub(r"\\\1", value.replace("<", "&lt;").replace(">", "&gt;"))
    if value[:1] in (" ", "#", "-", "+", "="):
        found = _MD_BLOCK_START.match(value)
        if found is not None:
            lead = found.group(1)
            value = f"{lead}\\{value[len(lead) :]}"
    return value


def markdown_cell(text: object) -> str:
    """Text safe inside a Markdown table cell, Markdown otherwise kept: one line, pipes escaped."""
    return _one_line(str(text)).replace("\\", "\\\\").replace("|", "\\|")


def markdown_url(text: object) -> str:
    """A relative link target for Markdown: spaces, brackets, controls and anything else unusual
    percent-encoded, so a folder's name cannot end the link or the table row."""
    value = str(text)
    try:  # a name read from disk keeps its undecodable bytes, so the link still finds the file
        return quote(value, safe="/", errors="surrogateescape")
    except UnicodeEncodeError:
        return quote(value, safe="/", errors="replace")


def markdown_code(text: object) -> str:
    """An inline code span that holds any text, backticks included, on one line."""
    value = _one_line(str(text))
    longest = max((len(m) for m in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def json_text(document: str) -> str:
    """A JSON document whose strings hold no raw control, bidi or separator character: each is
    written as the ``\\uXXXX`` escape JSON decodes back to it, so the values are unchanged but a
    person viewing the file sees nothing hidden. (JSON writers escape C0 controls themselves.)"""
    if document.isascii():  # the common case: only the C0 controls and DEL can be there, found at C speed
        data = document.encode("ascii")
        if len(data.translate(None, _ASCII_UNSAFE)) == len(data):
            return document
    return _UNSAFE.sub(_json_escape, document) if _UNSAFE.search(document) else document


# The characters of _UNSAFE_CHARS below U+0080, as bytes.
_ASCII_UNSAFE = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


# XML 1.0 allows tab, newline, carriage return and U+0020 upward, less surrogates and U+FFFE/FFFF.
_XML_UNSAFE = re.compile(f"[\r{_UNSAFE_CHARS}]")


def xml(text: object) -> str:
    """Text that XML 1.0 can hold (a JUnit file stays well-formed): characters XML forbids, and
    the other controls and bidi characters, as visible escapes; newlines and tabs kept. Markup
    characters are left to the XML writer, which escapes them."""
    value = str(text)
    return _XML_UNSAFE.sub(_escape, value) if _XML_UNSAFE.search(value) else value


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ (or tab, CR) would otherwise start a
    formula, and controls are shown as escapes. Newlines are kept: the CSV writer quotes them."""
    text = str(value)
    guarded = "'" + text if text[:1] in _FORMULA_START else text
    return _XML_UNSAFE.sub(_escape, guarded) if _XML_UNSAFE.search(guarded) else guarded


# YAML's printable set, less its own line breaks (NEL, LS, PS), which fold inside a quoted scalar.
_YAML_UNSAFE = re.compile(f"[{_UNSAFE_CHARS}\ufeff]")


def yaml_str(value: object) -> str:
    """A double-quoted YAML scalar that reads back as exactly ``value``.

    JSON's string escapes are YAML's too; what JSON leaves raw but YAML cannot hold (C1 controls,
    NEL and the line separators, bidi characters, a byte-order mark) is written as ``\\uXXXX``.
    """
    quoted = json.dumps(str(value), ensure_ascii=False)
    return _YAML_UNSAFE.sub(_escape, quoted) if _YAML_UNSAFE.search(quoted) else quoted
