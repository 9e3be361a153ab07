"""The whole signal pass: frames, voice, negation, attribution, sentiment, aggregates with intervals, terms.

:func:`compute_signals` returns every table in memory; :func:`stream_signals` writes them chunk by chunk
with bounded memory; :func:`filter_signals` restricts computed tables to some outlets or events and
recomputes the aggregates from the per-document tables, without scoring any text again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
import shutil
from pathlib import Path

import pandas as pd

from framing.config.bundle import Resources, as_resources
from framing.config.lexicons import Lexicon
from framing.corpus.load import Corpus, iter_corpus, load_corpus, require_documents
from framing.errors import UsageError, check_choice
from framing.io.staging import publish, staging_folder
from framing.io.tables import TableStream
from framing.extract.reuse import sign_documents
from framing.pipeline.aggregate import Aggregator, reuse_tables
from framing.pipeline.engines import check_engine, map_chunks, score_chunks, sign_chunk
from framing.pipeline.chunks import Plan, plan, return_freed_memory, run_chunks, split_corpus, stack
from framing.schema import FRAME_LEVELS, PER_DOCUMENT_TABLES, REUSE_MODES
from framing.stats.reuse import reuse_weights

_LOAD_TABLES = ("load_report", "removed_lines")


@dataclass
class Signals:
    """All signal tables, by the file name each is written under, and the resources they were scored with."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    resources: Resources | None = None

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(f"no table {name!r}; tables are {sorted(tables)}")

    @property
    def lexicons(self) -> list[Lexicon]:
        """The lexicons the frames were matched with."""
        return list(self.resources.lexicons) if self.resources is not None else []


def _check_run(levels: Sequence[Sequence[str]], n_resamples: int, seed: int, workers: int, chunk_docs: int,
               reuse: str = "keep") -> None:
    check_choice(reuse, REUSE_MODES, "reuse mode")
    if isinstance(levels, str) or any(isinstance(by, str) or not by for by in levels):
        raise UsageError(f"levels must be a list of column lists, e.g. [['outlet'], ['outlet', 'event']]; "
                         f"got {levels!r}")
    if n_resamples != 0 and n_resamples < 100:
        raise UsageError(f"n_resamples must be 0 (no intervals) or at least 100 for a percentile interval; "
                         f"got {n_resamples}")
    for name, value, low in (("seed", seed, 0), ("workers", workers, 1), ("chunk_docs", chunk_docs, 1)):
        if not isinstance(value, int) or value < low:
            raise UsageError(f"{name} must be a whole number >= {low}; got {value!r}")


def _prepare(res: Resources, levels: Sequence[Sequence[str]], n_resamples: int, seed: int, reuse: str,
             signatures: pd.DataFrame | None) -> tuple[Plan, Aggregator]:
    """The plan and aggregator of a run. Given every article's signatures (``--reuse first|weight``), the reuse
    clusters are found first, so that each article's weight is known before anything is aggregated; without
    them, each chunk is signed as it is scored and the clusters are found at the end."""
    found, weights = None, {}
    if signatures is not None:
        found = reuse_tables(signatures)
        weights = reuse_weights(found[1], signatures["doc_id"], mode=reuse)
    return (plan(res, levels, reuse=reuse, weights=weights, sign=found is None),
            Aggregator(res, levels, n_resamples, seed, reuse=found))


def compute_signals(
    corpus: Corpus | str | Path,
    *,
    resources: Resources | None = None,
    lexicons: Sequence[str | Path | Lexicon] | None = None,
    levels: Sequence[Sequence[str]] = FRAME_LEVELS,
    n_resamples: int = 2000,
    seed: int = 0,
    workers: int = 1,
    chunk_docs: int = 2000,
    reuse: str = "keep",
) -> Signals:
    """Compute every signal table for a corpus, in memory.

    Documents are scored in chunks of ``chunk_docs`` (in ``workers`` processes); the aggregates are computed
    from compact numeric units once every chunk is in. For a corpus too large for memory, use
    :func:`stream_signals`, which writes the same tables to disk chunk by chunk.

    Args:
        corpus: A loaded :class:`~framing.corpus.Corpus` or a path for :func:`~framing.load_corpus`.
        resources: Lexicons, actors, verbs, negation, boilerplate and channel rules
            (:func:`~framing.config.load_resources`); the shipped files by default.
        lexicons: Lexicons to use instead of those of ``resources`` (names, files or loaded lexicons). The first
            with a balance pair drives ``frame_comparisons``.
        levels: Grouping levels for ``frame_scores``.
        n_resamples: Bootstrap resamples for every interval (0 for none, else at least 100).
        seed: Random seed for the bootstrap.
        workers: Processes for the per-document stages (results are identical for any number).
        chunk_docs: Documents per chunk of per-document work (results are identical for any size).
        reuse: How copies of one text count in the aggregates: ``keep`` (every copy counts), ``first`` (only
            the first-published copy of each reuse cluster) or ``weight`` (each copy 1 / copies). Per-document
            tables always keep every article.

    Returns:
        :class:`Signals` with tables ``articles, sentences, frame_matches, frame_scores, frame_comparisons,
        sentiment, sentiment_scores, distinctive_terms, attributions, attribution_scores, reuse,
        reuse_clusters``, plus
        ``load_report`` and ``removed_lines`` when ``corpus`` is a path.

    Example:
        >>> sig = compute_signals("data/raw/xi-trump-calls", n_resamples=0)
        >>> sorted(sig.tables)[:3], sorted(sig.frame_matches.lexicon.unique())
        (['articles', 'attribution_scores', 'attributions'], ['issues', 'stance'])
    """
    _check_run(levels, n_resamples, seed, workers, chunk_docs, reuse)
    res = as_resources(resources, lexicons=lexicons)
    loaded_here = not isinstance(corpus, Corpus)
    if loaded_here:
        corpus = load_corpus(corpus, resources=res)
    signatures = sign_documents(corpus.articles, corpus.sentences) if reuse != "keep" else None
    run, aggregator = _prepare(res, levels, n_resamples, seed, reuse, signatures)
    collected: dict[str, list[pd.DataFrame]] = {name: [] for name in PER_DOCUMENT_TABLES}
    for part in run_chunks(split_corpus(corpus, chunk_docs), run, workers=workers):
        aggregator.add(part)
        for name in PER_DOCUMENT_TABLES:
            collected[name].append(part.tables[name])
    tables = {name: stack(frames) for name, frames in collected.items()}
    if loaded_here:
        tables |= {"load_report": corpus.load_report, "removed_lines": corpus.removed}
    return Signals({**tables, **aggregator.tables()}, res)


def stream_signals(
    path: str | Path,
    out_dir: str | Path,
    *,
    metadata: str | Path | None = None,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    resources: Resources | None = None,
    lexicons: Sequence[str | Path | Lexicon] | None = None,
    levels: Sequence[Sequence[str]] = FRAME_LEVELS,
    n_resamples: int = 2000,
    seed: int = 0,
    workers: int = 1,
    chunk_docs: int = 2000,
    progress: bool = False,
    reuse: str = "keep",
    engine: str = "local",
    scheduler: str | None = None,
) -> dict[str, int]:
    """Load, score and write a corpus chunk by chunk, with memory bounded by the chunk size.

    Per-document tables (``articles, sentences, frame_matches, sentiment, attributions, load_report,
    removed_lines``) are written as each chunk is done; the aggregate tables are computed at the end from
    compact numeric units. The files are the ones :func:`compute_signals` plus
    :func:`~framing.io.write_tables` give, with the same CSV bytes. The folder is written beside ``out_dir`` and
    swapped in only when complete, so a killed run leaves the previous tables as they were.

    Args:
        path: The corpus (anything :func:`~framing.load_corpus` reads).
        out_dir: Folder for the CSV and Parquet tables.
        metadata: A metadata CSV, as for :func:`~framing.load_corpus`.
        columns: Column mapping for table inputs.
        encoding: Force one text encoding, as for :func:`~framing.load_corpus`.
        resources: As for :func:`compute_signals` (its boilerplate rules clean the text).
        lexicons: As for :func:`compute_signals`.
        levels: As for :func:`compute_signals`.
        n_resamples: As for :func:`compute_signals`.
        seed: As for :func:`compute_signals`.
        workers: Processes for the per-document stages.
        chunk_docs: Documents loaded and scored at a time.
        progress: Show a progress bar (tqdm) on standard error.
        reuse: As for :func:`compute_signals`. ``first`` and ``weight`` read the corpus twice: once to sign
            every article and find the reuse clusters, once to score.
        engine: ``local`` (this machine: ``workers`` processes) or ``dask`` (a Dask cluster; ``pip install
            "framing[dask]"``). Both give the same tables, byte for byte.
        scheduler: A Dask scheduler address (``tcp://host:8786``); without it the ``dask`` engine starts a local
            cluster of ``workers`` processes.

    Returns:
        Row counts of the tables written, by table name.

    Example:
        >>> import tempfile
        >>> counts = stream_signals("data/raw/xi-trump-calls", tempfile.mkdtemp(), n_resamples=0, chunk_docs=2)
        >>> counts["articles"], counts["load_report"]
        (5, 5)
    """
    from tqdm import tqdm

    _check_run(levels, n_resamples, seed, workers, chunk_docs, reuse)
    check_engine(engine, scheduler)
    on = dict(engine=engine, scheduler=scheduler, workers=workers)
    res = as_resources(resources, lexicons=lexicons)
    read = dict(metadata=metadata, columns=columns, encoding=encoding, chunk_docs=chunk_docs, resources=res)
    signatures = None
    if reuse != "keep":  # a first pass signs every article, so that the clusters are known before scoring
        chunks = tqdm(iter_corpus(path, **read), desc="sign for reuse", unit="chunk", disable=not progress)
        signatures = pd.concat(list(map_chunks(sign_chunk, chunks, **on)), ignore_index=True)
    run, aggregator = _prepare(res, levels, n_resamples, seed, reuse, signatures)
    counts: dict[str, int] = {}
    chunks = iter_corpus(path, **read)
    bar = tqdm(desc="score documents", unit="doc", disable=not progress)
    out = Path(out_dir)
    tmp = staging_folder(out, owned=("load_report.csv",))  # the previous tables stay until this run is done
    try:
        _stream(chunks, run, aggregator, tmp, counts, bar, on=on, progress=progress)
        if not counts.get("articles"):  # publish nothing: the previous tables stay
            require_documents(pd.read_parquet(tmp / "load_report.parquet"), path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    publish(tmp, out)
    return counts


def _stream(chunks, run, aggregator: Aggregator, folder: Path, counts: dict[str, int], bar, *, on: dict,
            progress: bool) -> None:
    from tqdm import tqdm

    with TableStream(folder) as stream:
        for part in score_chunks(chunks, run, **on):
            aggregator.add(part)
            for name, frame in part.tables.items():
                stream.append(name, frame)
                counts[name] = counts.get(name, 0) + len(frame)
            bar.update(len(part.tables["articles"]))
            del part
            return_freed_memory()
        bar.close()
        steps = tqdm(aggregator.parts(), desc="aggregate", unit="table", disable=not progress)
        for name, frame in steps:
            stream.append(name, frame)
            counts[name] = counts.get(name, 0) + len(frame)
            del frame
            return_freed_memory()


def outlet_table(frame_scores: pd.DataFrame, *, lexicon: str = "stance", level: str = "outlet") -> pd.DataFrame:
    """Pivot ``frame_scores`` into one row per group: rates and balance with their intervals.

    Raises:
        UsageError: For a lexicon or level the table does not have (the message lists those it has).

    Example:
        >>> sig = compute_signals("data/raw/xi-trump-calls", n_resamples=0, lexicons=["stance"])
        >>> outlet_table(sig.frame_scores).columns.tolist()[:3]
        ['group', 'conciliatory per 1k', 'conciliatory 95% CI']
    """
    check_choice(lexicon, sorted(frame_scores["lexicon"].unique()), "lexicon")
    check_choice(level, list(dict.fromkeys(frame_scores["level"])), "level")
    t = frame_scores[(frame_scores["lexicon"] == lexicon) & (frame_scores["level"] == level)
                     & frame_scores["measure"].isin(["rate_per_1000", "balance"])]
    rows = []
    for group, g in t.groupby("group", sort=True):
        row: dict[str, object] = {"group": group}
        for r in g.itertuples(index=False):
            name = "balance" if r.measure == "balance" else f"{r.frame} per 1k"
            digits = 2 if r.measure == "balance" else 1
            row[name] = round(r.value, digits)
            row[f"{'balance' if r.measure == 'balance' else r.frame} 95% CI"] = (
                f"[{r.ci_low:.{digits}f}, {r.ci_high:.{digits}f}]" if pd.notna(r.ci_low) else "")
        row["sentences"] = int(g["n_sentences"].iloc[0])
        row["words"] = int(g["n_words"].iloc[0])
        rows.append(row)
    return pd.DataFrame(rows)

