"""Run the parameterized notebooks through papermill and publish a report folder.

The signal tables are computed once (or loaded from the cache), filtered to the requested outlets and events,
and written to ``tables/``; every notebook reads exactly those tables, so ``tables/`` and ``figures/`` always
describe the same documents. A report folder holds the executed notebooks and an HTML page of each,
``figures/`` (PNG, SVG, PDF and a CSV of the plotted data per figure), ``tables/``, ``explorer.html`` and
``manifest.json``. It is built in a temporary folder and swapped in only when every notebook succeeded, so a
failed run leaves the previous report as it was.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import time
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from importlib import metadata as importlib_metadata
from pathlib import Path

from framing.config.bundle import Resources, as_resources
from framing.config.files import default_corpus, read_yaml
from framing.errors import FramingError, UsageError, check_choice, check_keys
from framing.schema import REUSE_MODES
from framing.io.staging import publish, staging_folder
from framing.io.cache import corpus_checksum, load_cached, signals_key, store
from framing.io.tables import write_tables
from framing.pipeline.signals import compute_signals
from framing.pipeline.subset import filter_signals
from framing.report.html import write_html
from framing.viz.plots import safe_name
from framing.report.params import list_notebooks, notebook_parameters, notebook_path, resolve_paths, split_parameters
from framing.report.setup import check_request, kernel_name, levels_for

PACKAGES = ("framing", "pandas", "numpy", "scipy", "matplotlib", "textblob", "scattertext", "papermill",
            "nupunkt", "trafilatura", "pyahocorasick", "nbconvert", "nh3")
_CONFIG_KEYS = {"corpus", "out", "notebooks", "parameters", "kernel", "hide_code"}


class ReportError(FramingError):
    """A notebook failed; the message names the notebook and the cell."""


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def _lock() -> dict[str, str]:
    """The pinned install's lock file of this Python (``requirements.lock`` for 3.11, ``requirements-3.X.lock``
    otherwise, beside the package in a checkout) and its SHA-256, if there is one."""
    import hashlib
    import sys

    minor = sys.version_info[:2]
    name = "requirements.lock" if minor == (3, 11) else f"requirements-{minor[0]}.{minor[1]}.lock"
    lock = Path(__file__).resolve().parents[2] / name
    if not lock.is_file():
        return {"file": "none (installed without the lock)"}
    return {"file": str(lock), "sha256": hashlib.sha256(lock.read_bytes()).hexdigest()}


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
        raise UsageError(f"{path}: a report config must be a mapping with keys {sorted(_CONFIG_KEYS)}")
    check_keys(raw, _CONFIG_KEYS, str(path), error=UsageError)
    return raw


def default_name(corpus: Path) -> str:
    """The default report folder name: the corpus folder or file name (for a glob, its fixed folder).

    Example:
        >>> default_name(Path("/data/news/*.txt")), default_name(Path("/data/news.csv"))
        ('news', 'news')
    """
    text = str(corpus)
    if any(ch in text for ch in "*?["):
        corpus = Path(text[:min(text.index(ch) for ch in "*?[" if ch in text)] + "x").parent
    return safe_name(corpus.stem) or "corpus"


def _signal_tables(corpus: Path, res: Resources, *, load_options: Mapping[str, object], levels: list,
                   n_resamples: int, seed: int, use_cache: bool, params: Mapping[str, object], reuse: str
                   ) -> tuple[dict, str, str]:
    """The signal tables (computed once, or from the cache), the cache state and the key."""
    key = signals_key(corpus, resources=res, metadata=load_options.get("metadata"),
                      parameters={"n_resamples": n_resamples, "seed": seed, "levels": levels, "reuse": reuse,
                                  "corpus_path": str(corpus),  # tables record source paths: a copy is a miss
                                  **{k: v for k, v in load_options.items() if k != "metadata"}})
    tables = load_cached(key) if use_cache else None
    state = "hit" if tables is not None else ("miss" if use_cache else "off")
    if tables is None:
        from framing.corpus.load import load_corpus, require_documents

        loaded = load_corpus(corpus, resources=res, **load_options)  # type: ignore[arg-type]
        require_documents(loaded.load_report, corpus)
        check_request({"articles": loaded.articles}, params)  # before the work, not after it
        tables = compute_signals(loaded, resources=res, levels=levels, n_resamples=n_resamples, seed=seed,
                                 workers=os.cpu_count() or 1, reuse=reuse).tables
        tables |= {"load_report": loaded.load_report, "removed_lines": loaded.removed}
        if use_cache and store(key, tables, description={"corpus": str(corpus)}) is not None:
            tables = load_cached(key) or tables  # write what a cache hit would, byte for byte
    return tables, state, key


def run_report(
    corpus: str | Path | None = None,
    *,
    out: str | Path | None = None,
    notebooks: Sequence[str] | None = None,
    parameters: Mapping[str, object] | None = None,
    config: str | Path | None = None,
    resources: Resources | None = None,
    metadata: str | Path | None = None,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    n_resamples: int = 2000,
    seed: int = 0,
    kernel: str = "framing",
    hide_code: bool = True,
    progress: bool = True,
    use_cache: bool = True,
    reuse: str = "keep",
) -> Path:
    """Compute the signal tables once, run the notebooks on them and publish the report folder.

    Args:
        corpus: The corpus path (default: the demo corpus).
        out: The report folder (default: ``reports/<corpus folder name>``).
        notebooks: Notebook names (default: all, in order; see :func:`~framing.report.list_notebooks`).
        parameters: Notebook parameters; each notebook receives those it declares. ``lexicon`` may be a name
            or a file; ``outlets`` and ``events`` filter the tables every notebook reads.
        config: A YAML file with any of ``corpus, out, notebooks, parameters, kernel, hide_code``.
        resources: Lexicons, actors, verbs, negation, boilerplate and channel rules (shipped files by default).
        metadata: A metadata CSV for the corpus.
        columns: For table corpora, our column names mapped to the file's (``{"text": "body"}``).
        encoding: Force one text encoding.
        n_resamples: Bootstrap resamples for every interval.
        seed: Bootstrap seed.
        kernel: The Jupyter kernel (``make install`` registers ``framing``).
        hide_code: Leave code out of the HTML pages.
        progress: Show progress bars over notebooks and cells.
        use_cache: Reuse signal tables cached for the same corpus, resources, code and parameters.
        reuse: How copies of one text count in the scores: ``keep``, ``first`` or ``weight`` (see
            :func:`~framing.compute_signals`); recorded in the manifest.

    Returns:
        The report folder.

    Raises:
        UsageError: For an unknown notebook, parameter, grouping column, outlet, event or lexicon (before any
            notebook runs; the previous report is untouched).
        ReportError: Naming the notebook and cell that failed; the previous report is left untouched.
    """
    import papermill as pm
    from tqdm.auto import tqdm

    check_choice(reuse, REUSE_MODES, "reuse mode")
    cfg = load_config(config) if config else {}
    corpus = Path(corpus or cfg.get("corpus") or default_corpus()).resolve()
    out = Path(out or cfg.get("out") or Path("reports") / default_name(corpus)).resolve()
    names = [notebook_path(n).stem for n in (notebooks or cfg.get("notebooks") or list_notebooks())]
    params = {**dict(cfg.get("parameters") or {}), **dict(parameters or {})}
    per_notebook = split_parameters(params, names)
    params = resolve_paths(params)
    hide_code = bool(cfg.get("hide_code", hide_code))
    lexicon = str(params.get("lexicon", "stance"))
    res = as_resources(resources, lexicons=list(dict.fromkeys([lexicon, "issues"])))
    lexicon_name = res.lexicons[0].name
    levels = levels_for(params.get("group_by", "outlet"))
    load_options = {k: v for k, v in {"metadata": metadata, "columns": dict(columns) if columns else None,
                                      "encoding": encoding}.items() if v is not None}
    t0 = time.perf_counter()
    tables, cache_state, key = _signal_tables(corpus, res, load_options=load_options, levels=levels,
                                              n_resamples=n_resamples, seed=seed, use_cache=use_cache,
                                              params=params, reuse=reuse)
    check_request(tables, params)
    tables = filter_signals(tables, resources=res, outlets=params.get("outlets") or [],
                            events=params.get("events") or [], levels=levels, n_resamples=n_resamples, seed=seed,
                            reuse=reuse)
    signal_seconds = round(time.perf_counter() - t0, 3)
    kernel_used = kernel_name(str(cfg.get("kernel", kernel)))
    started = datetime.now(timezone.utc)
    tmp = staging_folder(out, owned=("manifest.json",))
    try:
        write_tables(tables, tmp / "tables")
        durations: dict[str, float] = {}
        figures: dict[str, list[str]] = {}
        bar = tqdm(names, desc="notebooks", unit="notebook", disable=not progress)
        for name in bar:
            bar.set_postfix_str(name)
            t1 = time.perf_counter()
            output = tmp / f"{name}.ipynb"
            before = set((tmp / "figures").glob("*.png"))
            given = {**{k: params.get(k, v) for k, v in per_notebook[name].items()},
                     **({"lexicon": lexicon_name} if "lexicon" in per_notebook[name] else {})}
            if "lexicon_file" in notebook_parameters(name):
                given["lexicon_file"] = res.lexicons[0].path or None
            # relative paths: the published notebook re-runs from its report folder
            try:
                pm.execute_notebook(str(notebook_path(name)), str(output),
                                    parameters={**given, "tables_dir": "tables", "out_dir": ".",
                                                "corpus": str(corpus)},
                                    kernel_name=kernel_used, progress_bar=False, cwd=str(tmp),
                                    report_mode=hide_code,
                                    # a local kernel on loopback for one run: its transport warning is noise,
                                    # and so is the error it logs when Ctrl-C shuts it down mid-cell (a cell's
                                    # own errors come back as messages, a dead kernel as DeadKernelError)
                                    extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
            except pm.PapermillExecutionError as exc:
                failed = out.parent / f"{out.name}.failed-{name}.ipynb"
                shutil.copyfile(output, failed)
                first = next((line for line in str(exc.source).splitlines() if line.strip()), "")
                raise ReportError(f"notebook {name}, cell {exc.cell_index} (execution {exc.exec_count}): "
                                  f"{exc.ename}: {exc.evalue}\n  cell starts: {first}\n  executed notebook "
                                  f"kept at {failed}; the previous report is unchanged") from exc
            durations[name] = round(time.perf_counter() - t1, 3)
            figures[name] = sorted(p.stem for p in set((tmp / "figures").glob("*.png")) - before)
            write_html(output, tmp / f"{name}.html", hide_code=hide_code, title=f"{name} · {corpus.name}")
        manifest = {
            "corpus": str(corpus), "corpus_sha256": corpus_checksum(corpus),
            "documents": int(len(tables["articles"])),
            "load_report": tables["load_report"]["status"].value_counts().sort_index().to_dict(),
            "signals": {"cache": cache_state, "key": key, "seconds": signal_seconds,
                        "n_resamples": n_resamples, "seed": seed, "reuse": reuse},
            "parameters": params, "load_options": load_options,
            "notebooks": names, "figures": figures, "kernel": kernel_used, "hide_code": hide_code,
            "resources": res.describe(), "packages": _versions(), "lock": _lock(),
            "started": started.isoformat(timespec="seconds"), "duration_seconds": durations,
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True, default=str) + "\n",
                                           encoding="utf-8")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return publish(tmp, out)
