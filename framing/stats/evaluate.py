"""Measure attribution extraction against hand-coded gold: precision, recall and F1 per field.

Gold comes as our CSV (``data/annotations/attributions_gold.csv``, see ``CODING.md``) or as brat standoff
(``.ann`` beside ``.txt``, with ``Source``, ``Cue`` and ``Content`` spans, as public attribution corpora use).

Each field is scored on the set of keys it defines, counted as multisets:

==============  ==================================================================
field           key
==============  ==================================================================
speaker         doc, sentence, speaker
cue             doc, sentence, cue lemma
speaker+cue     doc, sentence, speaker, cue lemma
quote_type      doc, sentence, speaker, cue lemma, quote type
cue_class       doc, sentence, cue lemma, cue class
channel         doc, sentence, cue lemma, channel (rows with a channel only)
hedge           doc, sentence, cue lemma, hedge (rows with a hedge only)
==============  ==================================================================

"speaker" is the canonical ``speaker_id`` for CSV gold and the speaker's last word (lower-cased) for brat
gold, which has no canonical ids. Sentences are matched by their text, so gold survives a change of the
sentence splitter.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pandas as pd

from framing.config.verbs import load_reporting_verbs
from framing.errors import FramingError
from framing.schema import GOLD_COLUMNS, METRIC_COLUMNS
from framing.text import fold_apostrophes

FIELDS = ("speaker", "cue", "speaker+cue", "quote_type", "cue_class", "channel", "hedge")
_BRAT_LABELS = {"source": "Source", "cue": "Cue", "content": "Content"}


def load_gold(path: str | Path) -> pd.DataFrame:
    """Load gold attributions from our CSV.

    Raises:
        FramingError: If the file lacks a required column (the message lists them).

    Example:
        >>> gold = load_gold("data/annotations/attributions_gold.csv")
        >>> gold.columns.tolist()[:4], bool((gold.quote_type == "direct").any())
        (['doc_id', 'sent_id', 'sentence', 'speaker'], True)
    """
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError, IsADirectoryError) as exc:
        raise FramingError(f"{path}: not a gold CSV ({type(exc).__name__}: {str(exc).splitlines()[0]})") from exc
    missing = [c for c in ("doc_id", "sentence", "speaker_id", "cue_lemma", "quote_type") if c not in frame]
    if missing:
        raise FramingError(f"{path}: gold file lacks columns {missing}; expected {list(GOLD_COLUMNS)}")
    frame["sent_id"] = pd.to_numeric(frame.get("sent_id", -1), errors="coerce").fillna(-1).astype("int64")
    return frame


def load_brat_gold(folder: str | Path, *, verbs=None) -> pd.DataFrame:
    """Load brat standoff attributions: every ``*.ann`` with its ``*.txt`` in ``folder``.

    Entities labelled Source, Cue and Content (any case) are grouped into attributions by brat events
    (``E1 Cue:T2 Source:T1 Content:T3``), else by relations (``R1 … Arg1:T2 Arg2:T1``, connected spans form
    one attribution), else each Cue takes the nearest Source and Content on its line.

    Returns:
        Gold rows with ``doc_id`` (file stem), ``sentence`` (the text line holding the cue), ``speaker``,
        ``speaker_head``, ``cue``, ``cue_lemma``, ``quote_type`` (from the Content span's quotation marks) and
        empty ``channel``/``hedge``.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("“We agree,” Xi said.")
        >>> _ = (d / "a.ann").write_text("T1\\tContent 0 11\\t“We agree,”\\nT2\\tSource 12 14\\tXi\\n"
        ...                              "T3\\tCue 15 19\\tsaid\\nR1\\tSOURCE Arg1:T3 Arg2:T2\\nR2\\tCONTENT Arg1:T3 Arg2:T1\\n")
        >>> load_brat_gold(d)[["speaker", "cue_lemma", "quote_type"]].values.tolist()
        [['Xi', 'say', 'direct']]
    """

    verbs = verbs or load_reporting_verbs()
    folder = Path(folder)
    anns = sorted(folder.glob("*.ann"))
    if not anns:
        raise FramingError(f"{folder}: no .ann files (brat standoff gold needs file.ann beside file.txt)")
    rows = []
    for ann in anns:
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            raise FramingError(f"{ann}: no {txt.name} beside it")
        text = txt.read_text(encoding="utf-8")
        spans, groups = _parse_ann(ann)
        for group in groups:
            cues = [spans[t] for t in group if spans[t][0] == "Cue"]
            if not cues:
                continue
            cue = cues[0]
            source = next((spans[t] for t in group if spans[t][0] == "Source"), None)
            content = next((spans[t] for t in group if spans[t][0] == "Content"), None)
            line_start = text.rfind("\n", 0, cue[1]) + 1
            line_end = text.find("\n", cue[2])
            line = text[line_start:len(text) if line_end < 0 else line_end]
            cue_text = " ".join(cue[3].split())
            found = verbs.forms.get(cue_text.lower())
            content_text = content[3] if content else ""
            rows.append({
                "doc_id": ann.stem, "sent_id": -1, "sentence": line, "cue_offset": cue[1] - line_start,
                "speaker": source[3] if source else "", "speaker_id": source[3] if source else "",
                "speaker_head": _head(source[3]) if source else "", "side": "", "cue": cue_text,
                "cue_lemma": found.lemma if found else cue_text.lower(), "cue_class": found.cue_class if found else "",
                "quote_type": _quote_type_of(content_text), "channel": "", "hedge": ""})
    return pd.DataFrame(rows)


def _head(speaker: str) -> str:
    words = re.findall(r"[\w’'-]+", speaker)
    return fold_apostrophes(words[-1].lower()) if words else ""


def _quote_type_of(content: str) -> str:
    stripped = content.strip(" ,.")
    if re.match(r"^[“\"]", stripped) and re.search(r"[”\"][,.!?]?$", stripped):
        return "direct"
    return "mixed" if re.search(r"[“”\"]", stripped) else "indirect"


def _parse_ann(path: Path) -> tuple[dict[str, tuple[str, int, int, str]], list[list[str]]]:
    spans: dict[str, tuple[str, int, int, str]] = {}
    events: list[list[str]] = []
    relations: list[tuple[str, str]] = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        ident = parts[0]
        try:
            if ident.startswith("T"):
                label, *offsets = parts[1].replace(";", " ").split()
                label = _BRAT_LABELS.get(label.lower(), label)
                nums = [int(x) for x in offsets]
                spans[ident] = (label, min(nums), max(nums), parts[2] if len(parts) > 2 else "")
            elif ident.startswith("E"):
                events.append([arg.split(":", 1)[1] for arg in parts[1].split()])
            elif ident.startswith("R"):
                args = [arg.split(":", 1)[1] for arg in parts[1].split()[1:]]
                relations.append((args[0], args[1]))
        except (IndexError, ValueError) as exc:
            raise FramingError(f"{path}, line {line_no}: malformed brat line {line!r}: {exc}") from exc
    if events:
        return spans, events
    if relations:
        parent = {t: t for t in spans}

        def find(t: str) -> str:
            while parent[t] != t:
                parent[t] = parent[parent[t]]
                t = parent[t]
            return t

        for a, b in relations:
            if a in parent and b in parent:
                parent[find(a)] = find(b)
        groups: dict[str, list[str]] = {}
        for t in spans:
            groups.setdefault(find(t), []).append(t)
        return spans, [g for g in groups.values() if len(g) > 1 or spans[g[0]][0] == "Cue"]
    # no links: each Cue with the nearest Source and Content
    groups_list = []
    for t, (label, start, _, _) in spans.items():
        if label != "Cue":
            continue
        group = [t]
        for want in ("Source", "Content"):
            near = sorted((abs(s - start), k) for k, (lab, s, _, _) in spans.items() if lab == want)
            if near:
                group.append(near[0][1])
        groups_list.append(group)
    return spans, groups_list


def align_gold(gold: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Set each gold row's ``sent_id`` to the sentence of ``sentences`` that holds its sentence text.

    Rows whose sentence is not found keep ``sent_id`` -1 (and so count as misses).

    Example:
        >>> s = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 1], "text": ["Hi.", "Xi said so."]})
        >>> align_gold(pd.DataFrame({"doc_id": ["d"], "sentence": ["Xi said so."], "sent_id": [7]}), s).sent_id.tolist()
        [1]
    """
    def norm(t: str) -> str:
        return " ".join(fold_apostrophes(str(t)).split())

    index: dict[tuple[str, str], int] = {}
    by_doc: dict[str, list[tuple[int, str]]] = {}
    for doc_id, sent_id, text in zip(sentences["doc_id"], sentences["sent_id"], sentences["text"]):
        index.setdefault((str(doc_id), norm(text)), int(sent_id))
        by_doc.setdefault(str(doc_id), []).append((int(sent_id), norm(text)))
    out = gold.copy()
    ids = []
    for row in out.itertuples(index=False):
        key = (str(row.doc_id), norm(row.sentence))
        sent_id = index.get(key)
        if sent_id is None:  # a line of brat text or a differently split sentence: find the cue's sentence
            line = norm(row.sentence)
            cue_at = int(getattr(row, "cue_offset", -1))
            probe = norm(str(row.sentence)[max(0, cue_at - 25):cue_at + 25]) if cue_at >= 0 else line
            sent_id = next((sid for sid, t in by_doc.get(str(row.doc_id), []) if probe and probe in t), None)
            if sent_id is None:
                sent_id = next((sid for sid, t in by_doc.get(str(row.doc_id), []) if t and t in line), -1)
        ids.append(sent_id)
    out["sent_id"] = pd.Series(ids, index=out.index, dtype="int64")
    return out


def evaluate_attributions(predicted: pd.DataFrame, gold: pd.DataFrame, *,
                          sentences: pd.DataFrame | None = None, speaker: str = "speaker_id") -> pd.DataFrame:
    """Precision, recall and F1 of predicted attributions against gold, per field.

    Args:
        predicted: Output of :func:`framing.extract.extract_attributions`.
        gold: Output of :func:`load_gold` or :func:`load_brat_gold`.
        sentences: The sentences table, to align gold sentences by text (recommended).
        speaker: ``speaker_id`` (canonical; CSV gold) or ``speaker_head`` (last word; brat gold).

    Returns:
        A new DataFrame ``field, precision, recall, f1, true_positives, n_predicted, n_gold``.

    Example:
        >>> p = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "speaker_id": ["Xi"], "cue_lemma": ["say"],
        ...                   "quote_type": ["direct"], "cue_class": ["neutral"], "channel": [""], "hedge": [""]})
        >>> float(evaluate_attributions(p, p).set_index("field").loc["speaker+cue", "f1"])
        1.0
    """
    if sentences is not None and "sentence" in gold:
        gold = align_gold(gold, sentences)
    pred = predicted.copy()
    if speaker == "speaker_head":
        pred["speaker_head"] = pred["speaker"].map(_head)
    rows = []
    for field in FIELDS:
        keys_p, keys_g = _keys(pred, field, speaker), _keys(gold, field, speaker)
        tp = sum((keys_p & keys_g).values())
        n_p, n_g = sum(keys_p.values()), sum(keys_g.values())
        precision = tp / n_p if n_p and n_g else float("nan")  # no gold for a field: precision unknowable
        recall = tp / n_g if n_g else float("nan")
        f1 = 2 * precision * recall / (precision + recall) if n_p and n_g and (precision + recall) else (
            0.0 if n_p and n_g else float("nan"))
        rows.append((field, precision, recall, f1, tp, n_p, n_g))
    return pd.DataFrame(rows, columns=list(METRIC_COLUMNS))


def _keys(frame: pd.DataFrame, field: str, speaker: str) -> Counter[tuple[str, ...]]:
    def col(name: str) -> pd.Series:
        return frame[name].fillna("").astype(str) if name in frame else pd.Series([""] * len(frame), index=frame.index)

    base = [col("doc_id"), frame["sent_id"].astype(str)]
    spec = {
        "speaker": [col(speaker)], "cue": [col("cue_lemma")], "speaker+cue": [col(speaker), col("cue_lemma")],
        "quote_type": [col(speaker), col("cue_lemma"), col("quote_type")],
        "cue_class": [col("cue_lemma"), col("cue_class")], "channel": [col("cue_lemma"), col("channel")],
        "hedge": [col("cue_lemma"), col("hedge").str.lower()],
    }[field]
    mask = pd.Series(True, index=frame.index)
    if field in ("channel", "hedge"):
        mask = col(field) != ""
    if field == "cue":
        mask = col("cue_lemma") != ""
    parts = [s[mask] for s in base + spec]
    return Counter(zip(*parts))


def attribution_errors(predicted: pd.DataFrame, gold: pd.DataFrame, *, sentences: pd.DataFrame | None = None,
                       speaker: str = "speaker_id") -> pd.DataFrame:
    """List speaker+cue disagreements: ``kind`` (missed | spurious), doc_id, sent_id, the speaker, cue_lemma
    and, when ``sentences`` is given, the sentence (missed gold whose sentence was not found: its gold text).

    Args:
        predicted: Output of :func:`framing.extract.extract_attributions`.
        gold: Output of :func:`load_gold` or :func:`load_brat_gold`.
        sentences: The sentences table (aligns gold by sentence text and adds the sentence to each row).
        speaker: ``speaker_id`` (CSV gold) or ``speaker_head`` (brat gold: the speaker's last word), as for
            :func:`evaluate_attributions`.

    Example:
        >>> p = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "speaker_id": ["Xi"], "cue_lemma": ["say"]})
        >>> g = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "speaker_id": ["Trump"], "cue_lemma": ["say"]})
        >>> attribution_errors(p, g).kind.tolist()
        ['missed', 'spurious']
    """
    if sentences is not None and "sentence" in gold:
        gold = align_gold(gold, sentences)
    pred = predicted.copy()
    if speaker == "speaker_head" and "speaker_head" not in pred:
        pred["speaker_head"] = pred["speaker"].map(_head)
    kp, kg = _keys(pred, "speaker+cue", speaker), _keys(gold, "speaker+cue", speaker)
    rows = [("missed", *k) for k, n in sorted((kg - kp).items()) for _ in range(n)]
    rows += [("spurious", *k) for k, n in sorted((kp - kg).items()) for _ in range(n)]
    out = pd.DataFrame(rows, columns=["kind", "doc_id", "sent_id", speaker, "cue_lemma"])
    out["sent_id"] = out["sent_id"].astype("int64")
    if sentences is not None:
        text = {(str(d), int(i)): t for d, i, t in zip(sentences["doc_id"], sentences["sent_id"], sentences["text"])}
        out["sentence"] = [text.get((d, i), "(gold sentence not found in the corpus)")
                           for d, i in zip(out["doc_id"], out["sent_id"])]
    return out
