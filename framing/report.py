"""Run the parameterized notebooks through papermill and publish a report folder.

A report folder holds the executed notebooks and an HTML rendering of each, ``figures/`` (PNG, SVG, PDF and a
CSV of the plotted data per figure), ``tables/`` (the signal tables), ``explorer.html`` and
``manifest.json``. It is built in a temporary folder and swapped in only when every notebook succeeded, so a
failed run leaves the previous report as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import shutil
import time
import warnings
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from importlib import metadata as importlib_metadata
from pathlib import Path

from framing.errors import FramingError, check_keys
from framing.resources import default_corpus, read_yaml

NOTEBOOKS = ("01-corpus-overview", "02-conciliatory-vs-warning", "03-source-attribution",
             "04-sentiment-and-terms")
NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
PACKAGES = ("framing", "pandas", "numpy", "scipy", "matplotlib", "textblob", "scattertext", "papermill",
            "nupunkt", "trafilatura", "pyahocorasick", "nbconvert")
_EXTERNAL_SCRIPT = re.compile(r'<script\s+src="(?:https?:)?(?://[^"]*)?"[^>]*>\s*</script>')
_CONFIG_KEYS = {"corpus", "out", "notebooks", "parameters", "kernel", "hide_code"}


class ReportError(FramingError):
    """A notebook failed; the message names the notebook and the cell."""


def corpus_checksum(path: str | Path) -> str:
    """SHA-256 over the corpus input files (relative names and bytes, in name order).

    Example:
        >>> len(corpus_checksum("data/raw/xi-trump-calls"))
        64
    """
    path = Path(path)
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    digest = hashlib.sha256()
    for f in files:
        digest.update(str(f.relative_to(path) if path.is_dir() else f.name).encode("utf-8") + b"\0")
        digest.update(f.read_bytes())
    return digest.hexdigest()


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def _kernel(name: str) -> str:
    from jupyter_client.kernelspec import KernelSpecManager

    specs = KernelSpecManager().find_kernel_specs()
    if name in specs:
        return name
    warnings.warn(f"Jupyter kernel {name!r} is not registered (make install registers it); using "
                  f"'python3' of this environment", stacklevel=3)
    return "python3"


def load_config(path: str | Path) -> dict[str, object]:
    """Read a report config YAML: any of ``corpus, out, notebooks, parameters, kernel, hide_code``.

    Example:
        >>> import tempfile, os
        >>> f = os.path.join(tempfile.mkdtemp(), "r.yaml")
        >>> _ = open(f, "w").write("parameters:\\n  group_by: event\\n")
        >>> load_config(f)
        {'parameters': {'group_by': 'event'}}
    """
    raw = read_yaml(path) or {}
    if not isinstance(raw, dict):
        raise FramingError(f"{path}: a report config must be a mapping with keys {sorted(_CONFIG_KEYS)}")
    check_keys(raw, _CONFIG_KEYS, str(path), error=FramingError)
    return raw


def run_report(
    corpus: str | Path | None = None,
    *,
    out: str | Path | None = None,
    notebooks: Sequence[str] | None = None,
    parameters: Mapping[str, object] | None = None,
    config: str | Path | None = None,
    kernel: str = "framing",
    hide_code: bool = True,
    progress: bool = True,
    use_cache: bool = True,
) -> Path:
    """Execute the notebooks on a corpus and publish the report folder.

    Args:
        corpus: The corpus path (default: the seed corpus).
        out: The report folder (default: ``reports/<corpus folder name>``).
        notebooks: Notebook names (default: all four, in order).
        parameters: Notebook parameters that override the notebooks' defaults and the config's.
        config: A YAML file with any of ``corpus, out, notebooks, parameters, kernel, hide_code``.
        kernel: The Jupyter kernel (registered by ``make install`` as ``framing``).
        hide_code: Leave code out of the HTML renderings.
        progress: Show progress bars over notebooks and cells.
        use_cache: Reuse signal tables cached for the same corpus, lexicons and code version
            (see :mod:`framing.cache`).

    Returns:
        The report folder.

    Raises:
        ReportError: Naming the notebook and cell that failed; the previous report is left untouched.
    """
    import papermill as pm
    from tqdm.auto import tqdm

    from framing.cache import load_cached, signals_key, store
    from framing.cleaning import load_boilerplate_rules
    from framing.corpus import load_corpus
    from framing.lexicons import load_lexicon
    from framing.signals import compute_signals
    from framing.tables import write_tables

    cfg = load_config(config) if config else {}
    corpus = Path(corpus or cfg.get("corpus") or default_corpus()).resolve()
    out = Path(out or cfg.get("out") or Path("reports") / corpus.stem).resolve()
    names = list(notebooks or cfg.get("notebooks") or NOTEBOOKS)
    missing = [n for n in names if not (NOTEBOOK_DIR / f"{n}.ipynb").exists()]
    if missing:
        raise FramingError(f"unknown notebooks {missing}; valid notebooks are {list(NOTEBOOKS)}")
    params = {**dict(cfg.get("parameters") or {}), **dict(parameters or {})}
    hide_code = bool(cfg.get("hide_code", hide_code))
    kernel_name = _kernel(str(cfg.get("kernel", kernel)))
    started = datetime.now(timezone.utc)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        lexicon = str(params.get("lexicon", "stance"))
        lexicons = [load_lexicon(name) for name in ([lexicon, "issues"] if lexicon != "issues" else ["issues"])]
        key = signals_key(corpus, lexicons=lexicons, metadata=params.get("metadata"),
                          parameters={"n_resamples": 2000, "seed": 0})
        t0 = time.perf_counter()
        tables = load_cached(key) if use_cache else None
        cache_state = "hit" if tables is not None else ("miss" if use_cache else "off")
        if tables is None:
            loaded = load_corpus(corpus, metadata=params.get("metadata"))
            signals = compute_signals(loaded, lexicons=lexicons, workers=os.cpu_count() or 1)
            tables = {**signals.tables, "load_report": loaded.load_report, "removed_lines": loaded.removed}
            if use_cache:
                store(key, tables, description={"corpus": str(corpus)})
                tables = load_cached(key) or tables  # write what a cache hit would, byte for byte
        signal_seconds = round(time.perf_counter() - t0, 3)
        rules = load_boilerplate_rules()
        write_tables(tables, tmp / "tables")
        base = {"corpus": str(corpus), "tables_dir": str(tmp / "tables"), "out_dir": str(tmp)}
        durations: dict[str, float] = {}
        bar = tqdm(names, desc="notebooks", unit="notebook", disable=not progress)
        for name in bar:
            bar.set_postfix_str(name)
            t0 = time.perf_counter()
            output = tmp / f"{name}.ipynb"
            try:
                pm.execute_notebook(str(NOTEBOOK_DIR / f"{name}.ipynb"), str(output),
                                    parameters={**params, **base}, kernel_name=kernel_name,
                                    progress_bar=progress, cwd=str(NOTEBOOK_DIR), report_mode=hide_code)
            except pm.PapermillExecutionError as exc:
                failed = out.parent / f"{out.name}.failed-{name}.ipynb"
                shutil.copyfile(output, failed)
                first = next((line for line in str(exc.source).splitlines() if line.strip()), "")
                raise ReportError(f"notebook {name}, cell {exc.cell_index} (execution {exc.exec_count}): "
                                  f"{exc.ename}: {exc.evalue}\n  cell starts: {first}\n  executed notebook "
                                  f"kept at {failed}; the previous report is unchanged") from exc
            durations[name] = round(time.perf_counter() - t0, 3)
            _write_html(output, tmp / f"{name}.html", hide_code=hide_code)
        manifest = {
            "corpus": str(corpus), "corpus_sha256": corpus_checksum(corpus),
            "documents": int(len(tables["articles"])),
            "load_report": tables["load_report"]["status"].value_counts().to_dict(),
            "signals": {"cache": cache_state, "key": key, "seconds": signal_seconds},
            "parameters": {**params, "corpus": str(corpus), "out_dir": str(out)},
            "notebooks": names, "kernel": kernel_name, "hide_code": hide_code,
            "lexicons": [{"name": lex.name, "version": lex.version, "source": lex.source} for lex in lexicons],
            "rules": {"boilerplate": f"{rules.name}@{rules.version}"},
            "packages": _versions(), "started": started.isoformat(timespec="seconds"),
            "duration_seconds": durations,
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True, default=str) + "\n",
                                           encoding="utf-8")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _swap(tmp, out)
    return out


def _write_html(notebook: Path, target: Path, *, hide_code: bool) -> None:
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", exclude_input=hide_code, exclude_input_prompt=True,
                            exclude_output_prompt=True, sanitize_html=True)
    exporter.mathjax_url = ""
    body, _ = exporter.from_notebook_node(nbformat.read(str(notebook), as_version=4))
    # nbconvert's template loads require.js from a CDN and an empty MathJax URL; these notebooks use
    # neither, and a published report must load nothing from elsewhere
    body = _EXTERNAL_SCRIPT.sub("", body)
    target.write_text(body, encoding="utf-8")


def _swap(tmp: Path, out: Path) -> None:
    backup = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        out.rename(backup)
    tmp.rename(out)
    shutil.rmtree(backup, ignore_errors=True)

