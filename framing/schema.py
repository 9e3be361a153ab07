"""The table contract: every table's columns and every vocabulary, defined once.

Every table framing writes is built from these lists, in this order, and the README's "Table contracts"
section is tested against them. Extra grouping columns a user asks for (a sidecar column such as
``leaning``) come after the fixed grouping columns of ``frame_scores`` and ``sentiment_scores``.

Example:
    >>> TABLES["frame_matches"][:4]
    ('doc_id', 'sent_id', 'lexicon', 'frame')
    >>> ALL, VOICES
    ('all', ('quoted', 'paraphrase', 'narration'))
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

# ---- vocabularies -----------------------------------------------------------------------------------------
#: The grouping value of a column a level does not group by.
ALL = "all"
#: How every input ends in the load report.
STATUSES = ("loaded", "loaded_with_warnings", "skipped")
LOADED, LOADED_WITH_WARNINGS, SKIPPED = STATUSES
#: Where a sentence stands in its article.
POSITIONS = ("headline", "lede", "body")
#: Whose words: inside a quotation span, or the outlet's own narration.
#: Whose words: quoted (inside quotation marks), paraphrase (the unquoted words of a sentence that attributes
#: indirect or mixed speech to someone: "Xi said the talks went well") and the outlet's own narration.
VOICES = ("quoted", "paraphrase", "narration")
QUOTED, PARAPHRASE, NARRATION = VOICES
#: Reporting-cue classes ("said" is neutral, "warned" alarm, "welcomed" conciliatory, "described" descriptive,
#: "criticized" critical, "conceded" concession, "believes" belief: beliefs and intentions).
CUE_CLASSES = ("neutral", "alarm", "conciliatory", "descriptive", "critical", "concession", "belief")
#: Source types of attributed speakers (``attributions.speaker_type``).
SPEAKER_TYPES = ("named_person", "organisation", "anonymous", "document", "media", "unresolved", "other")
#: Direct quotation, indirect speech, or both in one attribution.
QUOTE_TYPES = ("direct", "indirect", "mixed")
#: Actor kinds and sides in the actors file.
ACTOR_KINDS = ("person", "organisation", "media")
SIDES = ("china", "us", "taiwan", "japan", "russia", "media", "other")
#: What a boilerplate rule does with the line it matches.
RULE_ACTIONS = ("drop", "truncate", "metadata")
#: Attribution aggregates in ``attribution_scores.measure``.
ATTRIBUTION_MEASURES = ("speaker_share", "side_share", "speaker_type_share", "verb_class_by_speaker", "channel_share",
                        "hedged_share", "quote_type_share", "direct_indirect_ratio")
#: How copies of one text count in the scores (``--reuse``), and the kinds of reuse pair.
REUSE_MODES = ("keep", "first", "weight")
REUSE_KINDS = ("exact", "near_duplicate", "partial")
#: Frame measures in ``frame_scores.measure`` (``balance`` only for a lexicon with a balance pair).
FRAME_MEASURES = ("count", "rate_per_1000", "balance")
#: Sentiment measures in ``sentiment_scores.measure``.
SENTIMENT_MEASURES = ("polarity", "subjectivity")
#: Metadata values that say nothing (compared lower-cased and stripped).
UNKNOWN_VALUES = frozenset({"", "unknown", "na", "n/a", "none", "null"})
#: The prefix of the group label of a document whose value is unknown (never pooled with others).
UNKNOWN_PREFIX = "unknown:"

# ---- grouping ---------------------------------------------------------------------------------------------
#: The grouping levels ``frame_scores`` has by default.
FRAME_LEVELS: tuple[tuple[str, ...], ...] = (
    ("doc_id",), ("outlet",), ("event",), ("outlet", "event"), ("voice",), ("position",),
    ("outlet", "voice"), ("outlet", "position"),
)
#: The grouping levels ``sentiment_scores`` has (plus ``speaker_id``).
SENTIMENT_LEVELS: tuple[tuple[str, ...], ...] = (("outlet",), ("event",), ("voice",), ("position",),
                                                  ("outlet", "voice"))
#: The groupings ``distinctive_terms`` has.
TERM_GROUPINGS = ("outlet", "event", "voice")
#: The grouping levels ``attribution_scores`` has.
ATTRIBUTION_LEVELS: tuple[tuple[str, ...], ...] = (("outlet",), ("outlet", "event"))

# ---- tables -----------------------------------------------------------------------------------------------
ARTICLE_COLUMNS = ("doc_id", "outlet", "event", "published", "title", "byline", "dateline", "credit", "wire",
                   "text", "n_words", "source_path")
#: Columns a metadata sidecar may have (others are kept as extra article columns).
METADATA_COLUMNS = ("doc_id", "outlet", "event", "published", "title", "byline", "dateline", "credit", "notes")
LOAD_REPORT_COLUMNS = ("input", "doc_id", "kind", "status", "reason", "encoding", "newline", "n_removed_lines",
                       "n_paragraphs", "n_words")
REMOVED_COLUMNS = ("doc_id", "line_no", "rule", "category", "text")
SENTENCE_COLUMNS = ("doc_id", "sent_id", "para_id", "position", "text", "start", "end", "n_words")
#: Columns :func:`framing.corpus.measure_voice` adds to the sentences table.
VOICE_COLUMNS = ("n_words_quoted", "n_words_paraphrase", "n_words_narration", "voice")
QUOTE_COLUMNS = ("doc_id", "quote_id", "para_id", "start", "end", "text", "closed", "continued")
MATCH_COLUMNS = ("doc_id", "sent_id", "lexicon", "frame", "term", "match", "start", "end", "voice",
                 "negated", "negator")
SENTIMENT_COLUMNS = ("doc_id", "sent_id", "polarity", "subjectivity")
ATTRIBUTION_COLUMNS = ("doc_id", "sent_id", "sentence", "speaker", "speaker_id", "side", "speaker_type", "cue", "cue_lemma",
                       "cue_class", "quote_type", "content", "channel", "hedge", "n_words_quoted")
FRAME_SCORE_COLUMNS = ("lexicon", "level", "group", "doc_id", "outlet", "event", "voice", "position", "frame",
                       "measure", "value", "ci_low", "ci_high", "n_docs", "n_sentences", "n_words")
COMPARISON_COLUMNS = ("lexicon", "by", "within", "group_a", "group_b", "frame", "measure", "value_a",
                      "value_b", "diff", "ci_low", "ci_high", "p_value", "p_adjusted", "within_noise", "shared_clusters")
SENTIMENT_SCORE_COLUMNS = ("level", "group", "outlet", "event", "voice", "position", "speaker_id", "measure",
                           "value", "ci_low", "ci_high", "n_docs", "n_sentences")
ATTRIBUTION_SCORE_COLUMNS = ("level", "group", "outlet", "event", "measure", "key", "subkey", "n", "share",
                             "n_words_quoted", "words_share", "value")
TERM_COLUMNS = ("by", "group", "term", "log_odds", "z", "count_group", "count_rest", "n_group", "n_rest")
KWIC_COLUMNS = ("doc_id", "sent_id", "lexicon", "frame", "term", "voice", "negated", "left", "match", "right",
                "highlighted")
GOLD_COLUMNS = ("doc_id", "sent_id", "sentence", "speaker", "speaker_id", "side", "cue", "cue_lemma",
                "cue_class", "quote_type", "channel", "hedge")
REUSE_COLUMNS = ("doc_a", "doc_b", "outlet_a", "outlet_b", "similarity", "shared_sentences", "share_a", "share_b",
                 "kind", "first", "cluster_id")
REUSE_CLUSTER_COLUMNS = ("cluster_id", "doc_id", "outlet", "published", "cluster_size", "n_outlets", "is_first",
                         "weight")
METRIC_COLUMNS = ("field", "precision", "recall", "f1", "true_positives", "n_predicted", "n_gold")

#: Every table ``framing signals`` and ``framing report`` write, by file name.
TABLES: dict[str, tuple[str, ...]] = {
    "articles": ARTICLE_COLUMNS, "load_report": LOAD_REPORT_COLUMNS, "removed_lines": REMOVED_COLUMNS,
    "sentences": SENTENCE_COLUMNS + VOICE_COLUMNS, "frame_matches": MATCH_COLUMNS,
    "frame_scores": FRAME_SCORE_COLUMNS, "frame_comparisons": COMPARISON_COLUMNS,
    "sentiment": SENTIMENT_COLUMNS, "sentiment_scores": SENTIMENT_SCORE_COLUMNS,
    "distinctive_terms": TERM_COLUMNS, "attributions": ATTRIBUTION_COLUMNS,
    "attribution_scores": ATTRIBUTION_SCORE_COLUMNS, "reuse": REUSE_COLUMNS, "reuse_clusters": REUSE_CLUSTER_COLUMNS,
}
#: The tables with one or more rows per document (the rest are aggregates).
PER_DOCUMENT_TABLES = ("articles", "sentences", "frame_matches", "sentiment", "attributions")


def with_extra(columns: Sequence[str], extra: Sequence[str], *, after: str) -> list[str]:
    """``columns`` with the ``extra`` ones not already there inserted after column ``after``.

    Example:
        >>> with_extra(("level", "group", "outlet", "measure"), ["leaning"], after="outlet")
        ['level', 'group', 'outlet', 'leaning', 'measure']
    """
    cols = list(columns)
    add = [c for c in dict.fromkeys(extra) if c not in cols]
    at = cols.index(after) + 1
    return cols[:at] + add + cols[at:]


def is_known(value: object) -> bool:
    """Return whether a metadata value says something (not empty, NaN or ``unknown``).

    Example:
        >>> is_known("BBC"), is_known("unknown"), is_known(float("nan"))
        (True, False, False)
    """
    if value is None or (isinstance(value, float) and value != value):
        return False
    return str(value).strip().lower() not in UNKNOWN_VALUES


def unpooled(values: pd.Series, doc_ids: pd.Series) -> pd.Series:
    """Group labels in which unknown values are never pooled: NaN or ``unknown`` becomes ``unknown:<doc_id>``.

    Every grouping in framing (scores, figures, the explorer) uses this, so three articles of unknown
    outlet are three groups, not one "unknown" outlet.

    Example:
        >>> unpooled(pd.Series(["BBC", "unknown", None]), pd.Series(["a", "b", "c"])).tolist()
        ['BBC', 'unknown:b', 'unknown:c']
    """
    unknown = values.isna() | (values.astype(str).str.lower() == "unknown")
    return values.astype(object).where(~unknown, UNKNOWN_PREFIX + doc_ids.astype(str))
