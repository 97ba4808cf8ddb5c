"""The one Jinja2 environment: templates from templates/ (or a user's folder), HTML autoescaped."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
import jinja2.runtime
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Expr
from markupsafe import Markup, escape

from narr_audit.base import safetext
from narr_audit.base.errors import NarrError
from narr_audit.base.resources import templates_dir


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith((".html.j2", ".html", ".svg.j2", ".xml.j2"))


@lru_cache(maxsize=8)
def environment(template_dir: Path | None = None) -> jinja2.Environment:
    """Templates in ``template_dir`` (an affiliate's branding) win over the shipped ones."""
    folders = [str(template_dir)] if template_dir else []
    folders.append(str(templates_dir()))
    env = _Environment(
        loader=jinja2.FileSystemLoader(folders),
        auto_reload=False,  # templates do not change during a run; a batch renders hundreds of reports
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    env.filters["md_cell"] = safetext.markdown_cell
    env.filters["md"] = safetext.markdown
    env.filters["md_code"] = safetext.markdown_code
    env.filters["md_url"] = safetext.markdown_url
    env.filters["yaml_str"] = safetext.yaml_str
    return env


@jinja2.pass_context
def _finalize(context: jinja2.runtime.Context, value: object) -> object:
    """Every value a template prints, before HTML escaping: controls and bidi characters shown as
    escapes, so none reaches a page, a Markdown file or a YAML comment raw. YAML templates keep each
    value on its line (a line break would end a comment); the others keep newlines (rule text). An
    HTML page's values take the same path, fused with escaping, in :func:`_finalize_html`."""
    if type(value) is not str:  # numbers, dates; and Markup, already made of finalized values
        return value
    return safetext.visible(value, multiline=not (context.name or "").endswith((".yaml.j2", ".yml.j2")))


def _finalize_html(value: object) -> object:
    """What ``escape(_finalize(context, value))`` gives in an HTML page, in one call instead of three (a
    report prints some 5,000 values): controls shown as escapes, then the HTML specials escaped. Text
    without them is returned as it is, being its own escaped form. Everything but plain text (numbers,
    Markup from macros, undefined values) goes to markupsafe's escape, as before."""
    if type(value) is not str:  # a macro's output (escape() would copy it unchanged), a number, a date
        return value if type(value) is Markup else escape(value)
    if not value.isprintable():
        value = safetext.visible(value, multiline=True)
    if "&" in value or "<" in value or ">" in value or '"' in value or "'" in value:
        # markupsafe's own replacements, in its order, without building a Markup per value
        return (
            value.replace("&", "&amp;")
            .replace(">", "&gt;")
            .replace("<", "&lt;")
            .replace("'", "&#39;")
            .replace('"', "&#34;")
        )
    return value


class _CodeGenerator(CodeGenerator):
    """Jinja's code generator with one change: in an autoescaped template (HTML, SVG, XML; never a
    YAML one, whose values keep to one line), a printed value is finalized and escaped by one call,
    :func:`_finalize_html`, instead of ``escape(environment.finalize(context, value))``. The output is
    the same."""

    def _fused(self, frame: Frame) -> bool:
        return (
            frame.eval_ctx.autoescape is True
            and not frame.eval_ctx.volatile
            and not (self.name or "").endswith((".yaml.j2", ".yml.j2"))
        )

    def _output_child_pre(self, node: Expr, frame: Frame, finalize: CodeGenerator._FinalizeInfo) -> None:
        if self._fused(frame):
            self.write("environment.finalize_html(")
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: Expr, frame: Frame, finalize: CodeGenerator._FinalizeInfo) -> None:
        if self._fused(frame):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


class _Environment(jinja2.Environment):
    """The environment whose templates print through :func:`_finalize_html` (see :class:`_CodeGenerator`)."""

    code_generator_class = _CodeGenerator
    finalize_html = staticmethod(_finalize_html)


def render(name: str, template_dir: Path | None = None, /, **context: object) -> str:
    """Render a template; a broken one (an affiliate's own, from --template-dir) is a user error
    naming the template file and line, not a crash."""
    try:
        return _render(environment(template_dir).get_template(name), context)
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


def _render(template: jinja2.Template, values: dict[str, object]) -> str:
    """Template.render, then the context emptied: a template's macros close over its context, so
    without this the whole report and its views stay in a reference cycle until the cycle collector
    finds them (in a batch, a long collection every few dozen applicants)."""
    context = template.new_context(dict(values))
    try:
        return template.environment.concat(template.root_render_func(context))
    except Exception:
        template.environment.handle_exception()  # raises, with the template's file and line
    finally:
        context.vars.clear()
        context.exported_vars.clear()
        context.parent.clear()


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
