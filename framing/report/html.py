"""Render an executed notebook as one self-contained, safe HTML page.

Figures are embedded as PNG data URIs; markdown renders; tables keep their headers. Corpus text is
untrusted, so every HTML or markdown *output* of a cell is passed through an allowlist sanitiser (nh3)
before the page is built: tables, headings, lists, links and images survive; scripts, event handlers,
styles and foreign URLs do not. The notebooks' own markdown cells are part of framing and are rendered as
written. nbconvert's template loads require.js and MathJax from a CDN; a published page loads nothing from
elsewhere, so those tags are removed.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

_EXTERNAL_SCRIPT = re.compile(r'<script\s+src="(?:https?:)?(?://[^"]*)?"[^>]*>\s*</script>')
ALLOWED_TAGS = {"a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "div", "dl", "dt",
                "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "mark",
                "ol", "p", "pre", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
                "thead", "tr", "u", "ul", "nav", "details", "summary"}
ALLOWED_ATTRIBUTES = {"*": {"class", "id", "title"}, "a": {"href"}, "img": {"src", "alt", "width", "height"},
                      "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"}}


def sanitize(html: str) -> str:
    """Keep only allowlisted tags and attributes; links may point within the page or to http(s); images only
    to embedded data.

    Example:
        >>> sanitize('<table><tr><th>x</th></tr></table><script>alert(1)</script><b onclick="x()">y</b>')
        '<table><tbody><tr><th>x</th></tr></tbody></table><b>y</b>'
    """
    import nh3

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            return value if value.startswith("data:image/") else None
        if tag == "a" and attribute == "href":
            return value if value.startswith(("#", "http://", "https://")) else None
        return value

    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "data"},
                     attribute_filter=keep, link_rel="noopener noreferrer")


def _sanitize_outputs(nb: object) -> None:
    """Replace each HTML or markdown output of a code cell by its sanitised HTML, in place."""
    from nbconvert.filters import markdown2html

    for cell in nb.cells:  # type: ignore[attr-defined]
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            data = output.get("data")
            if not data:
                continue
            if "text/markdown" in data:
                rendered = markdown2html(str(data.pop("text/markdown")))
                data["text/html"] = sanitize(rendered)
            elif "text/html" in data:
                data["text/html"] = sanitize(str(data["text/html"]))
            data.pop("application/javascript", None)
            if "image/png" in data:  # one embedded image per figure; SVG is kept as a file beside the page
                data.pop("image/svg+xml", None)


def write_html(notebook: Path, target: Path, *, hide_code: bool, title: str) -> None:
    """Export an executed notebook to one self-contained HTML page at ``target``."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(notebook), as_version=4)
    _sanitize_outputs(nb)
    nb.metadata["title"] = title
    exporter = HTMLExporter(template_name="lab", exclude_input=hide_code, exclude_input_prompt=True,
                            exclude_output_prompt=True, sanitize_html=False)
    exporter.mathjax_url = ""
    body, _ = exporter.from_notebook_node(nb)
    target.write_text(add_contents(_EXTERNAL_SCRIPT.sub("", body)), encoding="utf-8")


_H2 = re.compile(r'<h2 id="(?P<id>[^"]+)">(?P<text>.*?)</h2>', re.S)
_TAG = re.compile(r"<[^>]+>")
_TOC_STYLE = ("<style>.framing-toc{font-size:0.9em;margin:0.5em 0 1em 0}.framing-toc li{margin:0.1em 0}"
              ".framing-note{background:#fff4e5;border-left:3px solid #E69F00;padding:0.4em 0.8em}"
              ".framing-header p{margin:0.2em 0}</style>")


def add_contents(page: str) -> str:
    """Insert a table of contents (links to every second-level heading) after the page's first heading.

    Example:
        >>> page = '<h1 id="T">T</h1><h2 id="A-b">A b<a class="anchor-link" href="#A-b">¶</a></h2>'
        >>> '<a href="#A-b">A b</a>' in add_contents(page)
        True
    """
    entries = [(m.group("id"), html.escape(html.unescape(_TAG.sub("", m.group("text"))).replace("¶", "").strip()))
               for m in _H2.finditer(page)]
    end = page.find("</h1>")
    if not entries or end < 0:
        return page
    items = "".join(f'<li><a href="#{html.escape(i, quote=True)}">{text}</a></li>' for i, text in entries)
    nav = f'{_TOC_STYLE}<nav class="framing-toc"><strong>Contents</strong><ul>{items}</ul></nav>'
    return page[:end + 5] + nav + page[end + 5:]
