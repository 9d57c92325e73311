"""Gazetteers: the names extraction knows, from data/gazetteers plus the analyst's own.

Every shipped file has the shape ``{"version": 1, "type": "WEAPON", "entries": [...]}`` (see
data/gazetteers/README.md). An entry has a canonical ``name`` and ``aliases``; ``acronyms`` and
``case_sensitive_aliases`` only match with exact capitals; ``never_alone`` aliases are never
matched; ``demonyms`` are recorded so extraction knows "Russian" is not a place. The user's file
(:func:`user_gazetteer_path`) has the same shape and may hold entries of every type.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import platformdirs

from briefing.config import APP_NAME
from briefing.domain import EntityType
from briefing.paths import data_dir

log = logging.getLogger(__name__)

SHIPPED_FILES = (
    "weapons.json",
    "treaties.json",
    "organisations.json",
    "places.json",
    "people.json",
)
USER_FILE_NAME = "user_gazetteer.json"
# Entry fields copied onto the entity, where the app shows or charts them.
_ATTRIBUTE_FIELDS = (
    "kind",
    "country",
    "origin",
    "class",
    "range_km",
    "range_min_km",
    "nato_name",
    "source",
    "band_km",
    "band_label",
    "signed",
    "full_name",
)


def user_gazetteer_path() -> Path:
    """The analyst's own gazetteer file (it may not exist yet)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / USER_FILE_NAME


@dataclass(frozen=True, slots=True)
class Alias:
    text: str
    type: EntityType
    canonical: str
    case_sensitive: bool


@dataclass(slots=True)
class Gazetteer:
    aliases: list[Alias] = field(default_factory=list)
    attributes: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    demonyms: set[str] = field(default_factory=set)
    lexicon: dict[str, list[str]] = field(default_factory=dict)
    surname_of: dict[str, str] = field(default_factory=dict)  # "Putin" → "Vladimir Putin"

    def add_name(
        self,
        etype: EntityType,
        name: str,
        aliases: Iterable[str] = (),
        *,
        case_sensitive: Iterable[str] = (),
    ) -> None:
        exact = set(case_sensitive)
        for text in (name, *aliases):
            if text:
                self.aliases.append(Alias(text, etype, name, text in exact or _is_acronym(text)))


def _is_acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters) and " " not in text


def _entries(path: Path) -> Iterator[tuple[EntityType | None, dict[str, Any]]]:
    document = json.loads(path.read_text(encoding="utf-8"))
    file_type = document.get("type")
    for entry in document.get("entries", []):
        entry_type = entry.get("type", file_type)
        try:
            yield (EntityType(entry_type) if entry_type else None), entry
        except ValueError:
            log.warning("%s: unknown entity type %r in entry %r", path, entry_type, entry)


def _add_entry(gazetteer: Gazetteer, etype: EntityType, entry: dict[str, Any]) -> None:
    name = str(entry.get("name", "")).strip()
    if not name:
        return
    # never_alone: plain strings or {"alias": ..., "reason": ...}; never matched on their own
    # (that can include the entry's display name, e.g. "Fattah": only "Fattah-1" matches).
    never = {
        str(a.get("alias", "")) if isinstance(a, dict) else str(a)
        for a in entry.get("never_alone", [])
    }
    exact = {str(a) for a in entry.get("case_sensitive_aliases", [])}
    exact |= {str(a) for a in entry.get("acronyms", [])}
    names = [name, *(str(a) for a in entry.get("aliases", [])), *entry.get("acronyms", [])]
    seen: set[str] = set()
    for text in names:
        text = text.strip()
        if not text or text in never or text in seen:
            continue
        seen.add(text)
        # "the United States" is matched as "United States": the article is not the name.
        # A capital "The" is part of a name ("The Hague", "The Gambia").
        if text.startswith("the ") and len(text) > 4:
            text = text[4:]
        gazetteer.aliases.append(Alias(text, etype, name, text in exact or _is_acronym(text)))
    attributes = {k: entry[k] for k in _ATTRIBUTE_FIELDS if entry.get(k) not in (None, "", [])}
    if "id" in entry:
        attributes["gazetteer_id"] = entry["id"]
    gazetteer.attributes[(str(etype), name)] = attributes
    gazetteer.demonyms.update(str(d) for d in entry.get("demonyms", []))
    if etype is EntityType.PERSON:
        for surname in entry.get("surnames", []):
            gazetteer.surname_of.setdefault(str(surname), name)


def load_files(paths: Iterable[Path], gazetteer: Gazetteer | None = None) -> Gazetteer:
    gazetteer = gazetteer or Gazetteer()
    for path in paths:
        if not path.is_file():
            continue
        try:
            for etype, entry in _entries(path):
                if etype is not None:
                    _add_entry(gazetteer, etype, entry)
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            # A broken user file must not stop extraction; it is reported in the log and the
            # user-gazetteer dialog shows the path to fix.
            log.warning("cannot read gazetteer %s: %s", path, exc)
    return gazetteer


def load_lexicon(path: Path) -> dict[str, list[str]]:
    if not path.is_file():
        return {}
    document = json.loads(path.read_text(encoding="utf-8"))
    lists = document.get("lists", document)
    result: dict[str, list[str]] = {}
    for key, value in lists.items():
        if isinstance(value, dict) and "words" in value:
            value = value["words"]
        if isinstance(value, list):
            result[key] = [str(v) for v in value]
    return result


@cache
def shipped_gazetteer() -> Gazetteer:
    folder = data_dir() / "gazetteers"
    gazetteer = load_files(folder / name for name in SHIPPED_FILES)
    gazetteer.lexicon = load_lexicon(folder / "lexicon.json")
    for demonym in gazetteer.lexicon.get("nationality_adjectives", []):
        gazetteer.demonyms.add(demonym)
    return gazetteer


def build_gazetteer(
    user_names: Iterable[tuple[EntityType, str]] = (), user_file: Path | None = None
) -> Gazetteer:
    """The shipped gazetteer plus the user's file and names added in the app."""
    base = shipped_gazetteer()
    gazetteer = Gazetteer(
        aliases=list(base.aliases),
        attributes=dict(base.attributes),
        demonyms=set(base.demonyms),
        lexicon=base.lexicon,
        surname_of=dict(base.surname_of),
    )
    load_files([user_file or user_gazetteer_path()], gazetteer)
    for etype, name in user_names:
        gazetteer.add_name(etype, name, case_sensitive=[name])
    return gazetteer
