"""A built digest as bytes: Markdown, HTML, CSV, JSON, and PDF through an injected renderer.

PDF is drawn by Qt, which the core never imports: the entry point that may load Qt
hands a renderer in as the `pdf_renderer` argument.
"""

from __future__ import annotations

import tempfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from monitor.digest import wording
from monitor.digest.build import Digest, DigestError
from monitor.digest.escape import md_link, md_text, safe_url
from monitor.digest.formats import (
    EXTENSIONS,
    FORMATS,
    PAGE_SIZES,
    PDF_NEEDS_QT,
    PdfRenderer,
)
from monitor.digest.tabular import render_csv, render_json

__all__ = [
    "EXTENSIONS", "FORMATS", "PAGE_SIZES", "PDF_NEEDS_QT", "PdfRenderer", "PdfUnavailableError",
    "render", "render_html",
]


class PdfUnavailableError(DigestError):
    """PDF was asked for where no PDF renderer was handed in (the headless `python -m monitor`)."""


def render(
    digest: Digest, fmt: str, *, pdf_renderer: PdfRenderer | None = None, page_size: str = "A4"
) -> bytes:
    """The digest in one format, as bytes; `pdf_renderer` draws PDF (without one, PDF is refused)."""
    if fmt == "md":
        return _template("md", "digest.md.j2").render(_context(digest)).encode("utf-8")
    if fmt == "html":
        return render_html(digest).encode("utf-8")
    if fmt == "csv":
        return render_csv(digest)
    if fmt == "json":
        return render_json(digest)
    if fmt == "pdf":
        return _render_pdf(digest, pdf_renderer, page_size)
    raise DigestError(f"unknown digest format '{fmt}' (choose from {', '.join(FORMATS)})")


def render_html(digest: Digest, *, page_size: str = "A4") -> str:
    """One self-contained page: inline style, no script, nothing loaded from anywhere."""
    return _template("html", "digest.html.j2").render(_context(digest), page_size=page_size)


def _render_pdf(digest: Digest, renderer: PdfRenderer | None, page_size: str) -> bytes:
    if renderer is None:
        raise PdfUnavailableError(PDF_NEEDS_QT)
    if page_size not in PAGE_SIZES:
        raise DigestError(f"unknown page size '{page_size}' (choose from {', '.join(PAGE_SIZES)})")
    with tempfile.TemporaryDirectory(prefix="cc-monitor-pdf-") as folder:
        target = Path(folder) / "digest.pdf"
        renderer(render_html(digest, page_size=page_size), target, page_size)
        return target.read_bytes()


def _context(digest: Digest) -> dict[str, Any]:
    return {"digest": digest, "w": wording.Wording(digest.lang)}


class _MarkdownSafe(str):
    """Markdown built here from escaped parts: written out as it is."""


def _md_finalize(value: object) -> str:
    # Every value a Markdown template prints is escaped unless built as Markdown here:
    # the Markdown twin of HTML autoescaping.
    if isinstance(value, _MarkdownSafe):
        return value
    return md_text("" if value is None else str(value))


def _md_line(value: object) -> _MarkdownSafe:
    """Escaped text that starts a line: list markers and headings are escaped as well."""
    return _MarkdownSafe(md_text(str(value), line_start=True))


def _md_link(text: object, url: str | None) -> _MarkdownSafe:
    return _MarkdownSafe(md_link(str(text), url))


def _html_link(text: object, url: str | None) -> Markup:
    link = safe_url(url)
    if link is None:
        return Markup("{}").format(text)
    return Markup('<a href="{}">{}</a>').format(link, text)


def _load(name: str) -> str:
    return resources.files("resources").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def _environment(kind: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_load),
        autoescape=kind == "html",
        finalize=_md_finalize if kind == "md" else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md_line"] = _md_line
    env.filters["md_link"] = _md_link
    env.filters["link"] = _html_link
    return env


def _template(kind: str, name: str) -> jinja2.Template:
    return _environment(kind).get_template(name)
