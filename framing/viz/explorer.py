"""The scattertext term explorer, wrapped: tidy input, self-contained and safe HTML output.

scattertext's explorer, as shipped, embeds document text unescaped inside a ``<script>`` block (an article
containing ``</script><script>…`` runs that script), inserts snippets into the page as HTML (an ``<img
onerror=…>`` in an article runs), and loads d3 from a CDN. This module:

- HTML-escapes every string it hands scattertext (texts, labels, metadata), so the page shows them as text;
- writes the embedded data as JSON with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped as ``\\uXXXX``, so
  no text can close the script block;
- inlines d3 (v5, from the mpld3 package) and d3-scale-chromatic (from scattertext), so the page works
  offline and loads nothing from elsewhere.

This is the only module that imports scattertext.
"""

from __future__ import annotations

import contextlib
import html
import json
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from framing.schema import unpooled

_SCRIPT_SRC = re.compile(r'<script src="(?P<src>[^"]*)"[^>]*>\s*</script>')
_D3_PLACEHOLDER = "framing-inline-d3"
_CHROMATIC_PLACEHOLDER = "framing-inline-d3-scale-chromatic"


def _escape_json(text: str) -> str:
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@contextlib.contextmanager
def _safe_json() -> Iterator[None]:
    """While active, scattertext writes its embedded data with HTML-significant characters escaped."""
    import importlib

    module = importlib.import_module("scattertext.viz.VizDataAdapter")
    adapter = module.VizDataAdapter
    original = adapter.to_json
    encoder = getattr(module, "MyEncoder", json.JSONEncoder)

    def to_json(self) -> str:  # noqa: ANN001
        return _escape_json(json.dumps(self.word_dict, cls=encoder))

    adapter.to_json = to_json
    try:
        yield
    finally:
        adapter.to_json = original


def _inline_scripts(page: str) -> str:
    import mpld3

    d3 = (Path(mpld3.__file__).parent / "js" / "d3.v5.min.js").read_text(encoding="utf-8")
    chromatic = (pkgutil.get_data("scattertext", "data/viz/scripts/d3-scale-chromatic.v1.min.js") or b"").decode()
    scripts = {_D3_PLACEHOLDER: d3, _CHROMATIC_PLACEHOLDER: chromatic}

    def replace(m: re.Match[str]) -> str:
        src = m.group("src")
        if re.fullmatch(r"<!--[A-Z0-9_]+-->", src):
            return ""  # a template slot scattertext leaves unfilled (D3FCURL): a tag that would fail to load
        body = scripts.get(src)
        if body is None:
            raise ValueError(f"explorer page loads an external script {m.group('src')!r}; refusing to write it")
        return "<script>" + body.replace("</script", "<\\/script") + "</script>"

    return _SCRIPT_SRC.sub(replace, page)


def _label(value: object) -> str:
    return html.escape(str(value), quote=True)


def build_explorer(
    articles: pd.DataFrame,
    *,
    category_col: str = "outlet",
    category: str | None = None,
    not_categories: list[str] | None = None,
    minimum_term_frequency: int = 2,
    width_in_pixels: int = 1000,
    max_docs_per_category: int | None = None,
) -> str:
    """Build a safe, self-contained scattertext explorer comparing one group of articles with others.

    Args:
        articles: The articles table (``doc_id``, ``text`` and ``category_col``).
        category_col: The grouping column (``outlet``, ``event`` or another articles column).
        category: The group on the y axis; by default the one with the most articles (ties: first by name).
        not_categories: The groups it is compared with; by default all others.
        minimum_term_frequency: Leave out rarer terms.
        width_in_pixels: Width of the plot.
        max_docs_per_category: Keep at most this many articles per group (first by doc_id), for big corpora.

    Returns:
        The HTML page as a string. It loads no external resource and shows corpus text as text.

    Raises:
        ValueError: If ``category_col`` is not a column or fewer than two groups remain (lists the groups).

    Example:
        >>> from framing import load_corpus
        >>> page = build_explorer(load_corpus("data/raw/xi-trump-calls").articles, category_col="event")
        >>> "cdnjs" in page, page.count("<script") == page.count("</script>")
        (False, True)
    """
    import scattertext as st

    if category_col not in articles.columns:
        raise ValueError(f"no column {category_col!r}; valid columns are {sorted(articles.columns)}")
    data = articles[["doc_id", "text", category_col]].copy()
    data[category_col] = unpooled(data[category_col], data["doc_id"]).astype(str)
    groups = data[category_col].value_counts()
    if category is None:
        category = sorted(groups.index, key=lambda g: (-groups[g], g))[0]
    if category not in groups.index:
        raise ValueError(f"no articles with {category_col} = {category!r}; groups are {sorted(groups.index)}")
    others = not_categories or sorted(g for g in groups.index if g != category)
    data = data[data[category_col].isin([category, *others])]
    if data[category_col].nunique() < 2:
        raise ValueError(f"the explorer needs two groups of {category_col}; found {sorted(groups.index)}")
    if max_docs_per_category:
        data = data.sort_values("doc_id").groupby(category_col, sort=True).head(max_docs_per_category)
    frame = pd.DataFrame({
        "category": data[category_col].map(_label),
        "text": data["text"].map(lambda t: html.escape(str(t), quote=False)),
        "doc_label": data["doc_id"].map(_label) + " (" + data[category_col].map(_label) + ")",
    }).sort_values(["category", "doc_label"], kind="mergesort").reset_index(drop=True)
    corpus = st.CorpusFromPandas(frame, category_col="category", text_col="text",
                                 nlp=st.whitespace_nlp_with_sentences).build()
    with _safe_json():
        page = st.produce_scattertext_explorer(
            corpus, category=_label(category), category_name=_label(category),
            not_category_name="others" if len(others) > 1 else _label(others[0]),
            not_categories=[_label(o) for o in others], metadata=frame["doc_label"],
            minimum_term_frequency=minimum_term_frequency, width_in_pixels=width_in_pixels,
            d3_url=_D3_PLACEHOLDER, d3_scale_chromatic_url=_CHROMATIC_PLACEHOLDER,
            transform=st.Scalers.dense_rank, use_full_doc=True)
    return _inline_scripts(page)


def write_explorer(articles: pd.DataFrame, path: str | Path, **options: object) -> Path:
    """Write :func:`build_explorer`'s page to ``path`` (UTF-8) and return the path.

    Example:
        >>> import tempfile, os
        >>> from framing import load_corpus
        >>> p = write_explorer(load_corpus("data/raw/xi-trump-calls").articles,
        ...                    os.path.join(tempfile.mkdtemp(), "x.html"), category_col="event")
        >>> p.stat().st_size > 100_000
        True
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(build_explorer(articles, **options), encoding="utf-8")  # type: ignore[arg-type]
    return path
