"""The one Jinja2 environment: templates from templates/ (or a user's folder), HTML autoescaped."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jinja2

from narr_audit.resources import templates_dir


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith((".html.j2", ".html", ".svg.j2", ".xml.j2"))


@lru_cache(maxsize=8)
def environment(template_dir: Path | None = None) -> jinja2.Environment:
    """Templates in ``template_dir`` (an affiliate's branding) win over the shipped ones."""
    folders = [str(template_dir)] if template_dir else []
    folders.append(str(templates_dir()))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md_cell"] = md_cell
    env.filters["yaml_str"] = yaml_str
    return env


def yaml_str(value: object) -> str:
    """A double-quoted YAML scalar that reads back as exactly ``value`` (apostrophes kept as typed)."""
    return json.dumps(str(value), ensure_ascii=False)


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render(name: str, template_dir: Path | None = None, /, **context: object) -> str:
    return environment(template_dir).get_template(name).render(**context)
