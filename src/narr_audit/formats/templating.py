"""The one Jinja2 environment: templates from templates/ (or a user's folder), HTML autoescaped."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import jinja2

from narr_audit.base.errors import NarrError
from narr_audit.base.resources import templates_dir


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith((".html.j2", ".html", ".svg.j2", ".xml.j2"))


@lru_cache(maxsize=8)
def environment(template_dir: Path | None = None) -> jinja2.Environment:
    """Templates in ``template_dir`` (an affiliate's branding) win over the shipped ones."""
    folders = [str(template_dir)] if template_dir else []
    folders.append(str(templates_dir()))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        auto_reload=False,  # templates do not change during a run; a batch renders hundreds of reports
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md_cell"] = md_cell
    env.filters["md"] = md_text
    env.filters["md_code"] = md_code
    env.filters["yaml_str"] = yaml_str
    return env


def yaml_str(value: object) -> str:
    """A double-quoted YAML scalar that reads back as exactly ``value`` (apostrophes kept as typed)."""
    return json.dumps(str(value), ensure_ascii=False)


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


# Inline specials only: every use in the templates follows other text, so line-start marks (#, -, +, 1.) cannot bite.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md_text(value: object) -> str:
    """Text from evidence shown as itself in Markdown: no emphasis, links or raw HTML (a file may be
    named ``<script>.md``; GitHub and other renderers must show that name, not run or drop it)."""
    text = re.sub(r"&(?=#?\w+;)", "&amp;", str(value)).replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def md_code(value: object) -> str:
    """An inline code span that holds any text, backticks included."""
    text = str(value).replace("\n", " ")
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render(name: str, template_dir: Path | None = None, /, **context: object) -> str:
    """Render a template; a broken one (an affiliate's own, from --template-dir) is a user error
    naming the template file and line, not a crash."""
    try:
        return environment(template_dir).get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise NarrError.single(
            f"the template has a syntax error: {exc.message}",
            file=exc.filename or name,
            line=exc.lineno,
            hint=_TEMPLATE_HINT,
        ) from None
    except jinja2.TemplateError as exc:
        file, line = _template_frame(exc, name)
        raise NarrError.single(f"the template failed: {exc}", file=file, line=line, hint=_TEMPLATE_HINT) from None


_TEMPLATE_HINT = "fix the template, or remove it from the --template-dir folder to use the shipped one"


def _template_frame(exc: BaseException, name: str) -> tuple[str, int | None]:
    """The template file and line where rendering failed (Jinja maps its frames to template lines)."""
    found: tuple[str, int | None] = (name, None)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
