"""One resources bundle: every editable data file a run depends on, loaded and validated together.

A :class:`Resources` holds the lexicons, actors, reporting verbs, negation rule, boilerplate rules,
channel rules and credit rules. Every entry point (``load_corpus``, ``compute_signals``, ``stream_signals``, ``run_report``,
the notebooks and every CLI command) takes one, so a run never mixes a user's file with a shipped default
behind their back. Its :meth:`~Resources.fingerprint` hashes the content of every file, and goes into the
cache key and the report manifest.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from framing.config.actors import Actors, load_actors
from framing.config.credits import CreditRules, load_credit_rules
from framing.config.files import data_path
from framing.config.lexicons import Lexicon, list_lexicons, load_lexicon
from framing.config.speaker_types import SpeakerTypeRules, load_speaker_type_rules
from framing.config.rules import BoilerplateRules, NegationRule, load_boilerplate_rules, load_negation_rule
from framing.config.verbs import ChannelRules, ReportingVerbs, load_channel_rules, load_reporting_verbs
from framing.errors import ConfigFileError

DEFAULT_LEXICONS = ("stance", "issues")
_SHIPPED = {"actors": ("actors", "actors.yaml"), "verbs": ("rules", "reporting_verbs.yaml"),
            "negation": ("rules", "negation.yaml"), "rules": ("rules", "boilerplate.yaml"),
            "channels": ("rules", "channels.yaml"), "credits": ("rules", "credits.yaml"),
            "speaker_types": ("rules", "speaker_types.yaml")}


@dataclass(frozen=True)
class Resources:
    """The editable data a run uses. Build it with :func:`load_resources`.

    Attributes:
        lexicons: The lexicons matched, in order (the first with a balance pair drives comparisons).
        actors: Canonical speakers, sides and aliases.
        verbs: Reporting cues and their classes.
        negation: The negation rule for lexicon matches.
        rules: Boilerplate rules for cleaning.
        channels: Channel patterns for attributions.
        credits: Wire-agency and source credit forms.
        speaker_types: Source-type rules for attributed speakers.
        files: The file each resource came from (``shipped:<name>`` for the shipped defaults).
        digests: SHA-256 of each resource's content.
    """

    lexicons: tuple[Lexicon, ...]
    actors: Actors
    verbs: ReportingVerbs
    negation: NegationRule
    rules: BoilerplateRules
    channels: ChannelRules
    credits: CreditRules
    speaker_types: SpeakerTypeRules
    files: dict[str, str] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)

    def lexicon(self, name_or_path: str | Path) -> Lexicon:
        """The bundle's lexicon with that name, or loaded from that file (the same name either way).

        Raises:
            ConfigFileError: If the bundle has no such lexicon (the message lists the ones it has).

        Example:
            >>> load_resources().lexicon("stance").name
            'stance'
        """
        wanted = str(name_or_path)
        for lex in self.lexicons:
            if wanted in (lex.name, lex.path) or (lex.path and Path(wanted).resolve() == Path(lex.path).resolve()):
                return lex
        names = [lex.name for lex in self.lexicons]
        raise ConfigFileError(f"lexicon {wanted!r} is not in this run; its lexicons are {names}")

    @property
    def balanced(self) -> Lexicon | None:
        """The first lexicon with a balance pair (it drives ``frame_comparisons``), or ``None``."""
        return next((lex for lex in self.lexicons if lex.balance), None)

    def fingerprint(self) -> str:
        """One SHA-256 over the content of every resource (names, versions and bytes).

        Example:
            >>> load_resources().fingerprint() == load_resources().fingerprint() != load_resources(
            ...     lexicons=["stance"]).fingerprint()
            True
        """
        return hashlib.sha256(json.dumps(self.digests, sort_keys=True).encode()).hexdigest()

    def describe(self) -> dict[str, object]:
        """What a manifest records: each resource's label, file and digest.

        Example:
            >>> load_resources(lexicons=["stance"]).describe()["lexicons"][0]["label"]
            'stance@2.0.0'
        """
        out: dict[str, object] = {
            "lexicons": [{"label": lex.label, "source": lex.source, "file": self.files.get(f"lexicon:{lex.name}"),
                          "sha256": self.digests.get(f"lexicon:{lex.name}")} for lex in self.lexicons]}
        labels = {"actors": self.actors.label, "verbs": self.verbs.label,
                  "negation": f"negation@{self.negation.version}",
                  "rules": f"{self.rules.name}@{self.rules.version}", "channels": self.channels.label,
                  "credits": self.credits.label, "speaker_types": self.speaker_types.label}
        for key, label in labels.items():
            out[key] = {"label": label, "file": self.files.get(key), "sha256": self.digests.get(key)}
        out["fingerprint"] = self.fingerprint()
        return out

    def with_lexicons(self, lexicons: Sequence[str | Path | Lexicon]) -> Resources:
        """A copy with other lexicons (everything else the same).

        Example:
            >>> [lex.name for lex in load_resources().with_lexicons(["issues"]).lexicons]
            ['issues']
        """
        lexs, files, digests = _load_lexicons(lexicons)
        keep = {k: v for k, v in self.files.items() if not k.startswith("lexicon:")}
        keep_d = {k: v for k, v in self.digests.items() if not k.startswith("lexicon:")}
        return replace(self, lexicons=lexs, files={**keep, **files}, digests={**keep_d, **digests})


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _load_lexicons(lexicons: Sequence[str | Path | Lexicon]
                   ) -> tuple[tuple[Lexicon, ...], dict[str, str], dict[str, str]]:
    if isinstance(lexicons, (str, Path, Lexicon)):
        lexicons = [lexicons]
    lexs = tuple(load_lexicon(lex) for lex in lexicons)
    if not lexs:
        raise ConfigFileError(f"no lexicon given; shipped lexicons are {list_lexicons()}")
    seen: dict[str, str] = {}
    for lex in lexs:
        if lex.name in seen:
            raise ConfigFileError(f"two lexicons are named {lex.name!r} ({seen[lex.name] or 'built in'} and "
                                  f"{lex.path or 'built in'}); give one another name")
        seen[lex.name] = lex.path
    files = {f"lexicon:{lex.name}": lex.path or f"built-in:{lex.name}" for lex in lexs}
    digests = {f"lexicon:{lex.name}": hashlib.sha256(json.dumps(
        [lex.label, lex.balance, lex.negation, lex.inflect, {t: list(c) for t, c in lex.exceptions.items()},
         {f: list(t) for f, t in lex.frames.items()}], sort_keys=True
    ).encode()).hexdigest()
        for lex in lexs}
    return lexs, files, digests


def load_resources(
    *,
    lexicons: Sequence[str | Path | Lexicon] = DEFAULT_LEXICONS,
    actors: str | Path | None = None,
    verbs: str | Path | None = None,
    negation: str | Path | None = None,
    rules: str | Path | None = None,
    channels: str | Path | None = None,
    credits: str | Path | None = None,
    speaker_types: str | Path | None = None,
) -> Resources:
    """Load and validate every resource of a run; ``None`` takes the shipped file.

    Args:
        lexicons: Lexicon names (see :func:`~framing.config.list_lexicons`), ``.yaml``/``.csv`` files or loaded
            lexicons.
        actors: An actors YAML.
        verbs: A reporting-verbs YAML.
        negation: A negation-rule YAML.
        rules: A boilerplate-rules YAML.
        channels: A channel-rules YAML.
        credits: A credits YAML (wire agencies and credit forms).
        speaker_types: A speaker-types YAML (source-type patterns).

    Raises:
        ConfigFileError: One line naming the file and what is wrong with it.

    Example:
        >>> res = load_resources(lexicons=["stance"])
        >>> [lex.label for lex in res.lexicons], res.files["verbs"]
        (['stance@2.0.0'], 'shipped:rules/reporting_verbs.yaml')
    """
    lexs, files, digests = _load_lexicons(lexicons)
    given = {"actors": actors, "verbs": verbs, "negation": negation, "rules": rules, "channels": channels,
             "credits": credits, "speaker_types": speaker_types}
    paths: dict[str, Path] = {}
    for key, value in given.items():
        if value is None:
            paths[key] = data_path(*_SHIPPED[key])
            files[key] = "shipped:" + "/".join(_SHIPPED[key])
        else:
            paths[key] = Path(value)
            if not paths[key].is_file():
                raise ConfigFileError(f"{value}: no such {key} file" if not paths[key].exists()
                                      else f"{value}: is a folder, not a {key} YAML file")
            files[key] = str(paths[key].resolve())
    loaded = Resources(
        lexicons=lexs, actors=load_actors(paths["actors"]), verbs=load_reporting_verbs(paths["verbs"]),
        negation=load_negation_rule(paths["negation"]), rules=load_boilerplate_rules(paths["rules"]),
        channels=load_channel_rules(paths["channels"]), credits=load_credit_rules(paths["credits"]),
        speaker_types=load_speaker_type_rules(paths["speaker_types"]), files=files,
        digests={**digests, **{key: _digest(path) for key, path in paths.items()}})
    return loaded


def as_resources(resources: Resources | None = None, *, lexicons: Sequence[str | Path | Lexicon] | None = None
                 ) -> Resources:
    """``resources`` (or the shipped defaults), with ``lexicons`` swapped in when given.

    Example:
        >>> [lex.name for lex in as_resources(lexicons=["issues"]).lexicons]
        ['issues']
    """
    if resources is None:
        return load_resources(lexicons=DEFAULT_LEXICONS if lexicons is None else lexicons)
    return resources.with_lexicons(lexicons) if lexicons is not None else resources
