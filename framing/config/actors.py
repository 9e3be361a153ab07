"""Actors: who can speak, their side, and the names and titles that refer to them (``data/actors``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from framing.config.files import data_path, read_yaml
from framing.errors import ConfigFileError, check_keys
from framing.schema import ACTOR_KINDS, SIDES
from framing.text import fold_apostrophes

_TOP_KEYS = {"name", "version", "description", "source", "actors"}
_ACTOR_KEYS = {"id", "side", "kind", "gender", "aliases", "titles", "roles", "channel"}
_ROLE_KEYS = {"title", "from", "until"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Actor:
    """One actor of the actors file."""

    id: str
    side: str
    kind: str
    gender: str = ""
    channel: str = ""


@dataclass(frozen=True)
class Mention:
    """A place where a sentence names or describes an actor."""

    start: int
    end: int
    text: str
    actors: tuple[str, ...]  # several when a shared title ("the president") could mean more than one
    is_title: bool


@dataclass(frozen=True)
class Actors:
    """A validated actors file with a compiled mention finder."""

    name: str
    version: str
    by_id: dict[str, Actor]
    surface: dict[str, tuple[tuple[str, ...], bool]]
    pattern: re.Pattern[str]
    roles: dict[str, tuple[tuple[str, str, str], ...]] = None  # title -> ((actor id, from, until), ...)

    def holders(self, title: str, on: str) -> tuple[str, ...]:
        """Who held a dated role (``roles`` in the actors file) on an ISO date; () if nobody or no date.

        Example:
            >>> actors = load_actors()
            >>> actors.holders("Secretary of State", "2010-06-01"), actors.holders("Secretary of State", "2025-06-01")
            (('Hillary Clinton',), ('Marco Rubio',))
            >>> actors.holders("the secretary of state", "")
            ()
        """
        periods = (self.roles or {}).get(_key(title), ())
        day = str(on or "")[:10]
        if not _DATE.fullmatch(day):
            return ()
        return tuple(a for a, start, until in periods if (not start or start <= day) and (not until or day < until))

    @property
    def label(self) -> str:
        """``name@version``."""
        return f"{self.name}@{self.version}"

    def find(self, text: str) -> list[Mention]:
        """Find actor mentions in ``text`` (whole words, longest first, ’ and ' alike).

        Example:
            >>> actors = load_actors()
            >>> [(m.text, m.actors) for m in actors.find("Taiwan’s leader, Lai Ching-te, told reporters")]
            [('Taiwan’s leader', ('Lai Ching-te',)), ('Lai Ching-te', ('Lai Ching-te',))]
        """
        out = []
        for m in self.pattern.finditer(text):
            key = _key(m.group(0))
            ids, is_title = self.surface[key]
            out.append(Mention(m.start(), m.end(), m.group(0), ids, is_title))
        return out


def _key(text: str) -> str:
    return fold_apostrophes(text)


def load_actors(path: str | Path | None = None) -> Actors:
    """Load and validate an actors file (the shipped ``data/actors/actors.yaml`` by default).

    Raises:
        ConfigFileError: For unknown keys, a missing id, an unknown side or kind (listing the valid ones),
            duplicate ids, or one alias given to two actors.

    Example:
        >>> actors = load_actors()
        >>> actors.by_id["Xi Jinping"].side, actors.by_id["CCTV"].channel
        ('china', 'CCTV')
    """
    path = Path(path) if path else data_path("actors", "actors.yaml")
    raw = read_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("actors"), list) or not raw["actors"]:
        raise ConfigFileError(f"{path}: expected a mapping with a non-empty 'actors' list")
    check_keys(raw, _TOP_KEYS, str(path))
    by_id: dict[str, Actor] = {}
    surface: dict[str, tuple[tuple[str, ...], bool]] = {}
    alias_owner: dict[str, str] = {}
    roles: dict[str, list[tuple[str, str, str]]] = {}
    for i, item in enumerate(raw["actors"], start=1):
        where = f"{path}: actor {i}"
        if not isinstance(item, dict):
            raise ConfigFileError(f"{where}: expected a mapping")
        check_keys(item, _ACTOR_KEYS, where)
        actor_id = str(item.get("id") or "").strip()
        if not actor_id:
            raise ConfigFileError(f"{where}: missing 'id'")
        if actor_id in by_id:
            raise ConfigFileError(f"{where}: duplicate id {actor_id!r}")
        side, kind = item.get("side"), item.get("kind", "person")
        if side not in SIDES:
            raise ConfigFileError(f"{where} ({actor_id}): side {side!r} is not one of {list(SIDES)}")
        if kind not in ACTOR_KINDS:
            raise ConfigFileError(f"{where} ({actor_id}): kind {kind!r} is not one of {list(ACTOR_KINDS)}")
        by_id[actor_id] = Actor(actor_id, side, kind, str(item.get("gender") or ""), str(item.get("channel") or ""))
        for form in item.get("aliases") or []:
            key = _key(str(form))
            if key in alias_owner and alias_owner[key] != actor_id:
                raise ConfigFileError(f"{where} ({actor_id}): alias {form!r} already belongs to {alias_owner[key]!r}")
            alias_owner[key] = actor_id
            surface[key] = ((actor_id,), False)
        for role in item.get("roles") or []:
            if not isinstance(role, dict) or not role.get("title") or set(role) - _ROLE_KEYS:
                raise ConfigFileError(f"{where} ({actor_id}): each role needs 'title' and optional 'from'/'until' "
                                      f"(ISO dates), got {role!r}")
            dates = [str(role.get(k) or "") for k in ("from", "until")]
            if any(d and not _DATE.fullmatch(d) for d in dates):
                raise ConfigFileError(f"{where} ({actor_id}): role {role['title']!r}: dates must be YYYY-MM-DD, "
                                      f"got {dates}")
            key = _key(str(role["title"]))
            roles.setdefault(key, []).append((actor_id, *dates))
            if key not in alias_owner:
                ids, _ = surface.get(key, ((), True))
                surface[key] = (tuple(dict.fromkeys((*ids, actor_id))), True)
        for form in item.get("titles") or []:
            key = _key(str(form))
            if key in alias_owner:
                continue  # a name beats a title
            ids, _ = surface.get(key, ((), True))
            surface[key] = ((*ids, actor_id), True)
    variants: dict[str, str] = {}
    for key in surface:
        variants[key] = key
        if key[:1].islower():
            variants.setdefault(key[:1].upper() + key[1:], key)
    for variant, key in variants.items():
        surface.setdefault(variant, surface[key])
        if key in roles:
            roles.setdefault(variant, roles[key])
    forms = sorted(surface, key=len, reverse=True)
    alternation = "|".join(re.escape(f).replace("'", "['’]") for f in forms)
    pattern = re.compile(rf"(?<![\w’'-])(?:{alternation})(?![\w-])")
    return Actors(str(raw.get("name", "actors")), str(raw.get("version", "unversioned")), by_id, surface, pattern,
                  {k: tuple(v) for k, v in roles.items()})
