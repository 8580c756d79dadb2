"""The storyline's gazetteer: the people, offices, institutions, inquiries, operations and
places of Canada–China relations, with their English, French and Chinese names.

It is data (resources/gazetteer.toml). A rule group names the entries whose names are
its terms with `entities` (see monitor.rules), so the tagging rules can say "any of the
interference inquiries" once, and a name added here reaches every group that uses its
entry. A selector is an entry's id, or `tag:<tag>` for every entry carrying the tag, or
`tag:<a>+<b>` for the entries carrying both; an entry's tags are its `kind` and its
`storylines`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from monitor.textmatch import TermError, parse_term

RESOURCE = "gazetteer.toml"
LANGUAGES = ("en", "fr", "zh")
_ENTRY_KEYS = {"id", "kind", "label", "storylines", "note", *LANGUAGES}


class GazetteerError(ValueError):
    """The gazetteer or a selector of it cannot be used; the message says which entry."""


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    label: str
    storylines: tuple[str, ...]
    names: Mapping[str, tuple[str, ...]]  # language -> terms (syntax of monitor.textmatch)

    @property
    def tags(self) -> frozenset[str]:
        return frozenset((self.kind, *self.storylines))

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(term for lang in LANGUAGES for term in self.names.get(lang, ()))


@dataclass(frozen=True)
class Gazetteer:
    version: int
    entities: Mapping[str, Entity]

    def select(self, selectors: Iterable[str]) -> tuple[Entity, ...]:
        """The entries the selectors name, each once, in the order first named."""
        chosen: dict[str, Entity] = {}
        for selector in selectors:
            found = self._one(selector)
            if not found:
                raise GazetteerError(f"no gazetteer entry matches {selector!r}")
            for entity in found:
                chosen.setdefault(entity.id, entity)
        return tuple(chosen.values())

    def terms(self, selectors: Iterable[str]) -> tuple[str, ...]:
        """Every name of the selected entries, each once."""
        return tuple(dict.fromkeys(t for e in self.select(selectors) for t in e.terms))

    def _one(self, selector: str) -> list[Entity]:
        if not isinstance(selector, str):
            raise GazetteerError(f"a gazetteer selector must be text, got {selector!r}")
        if not selector.startswith("tag:"):
            entity = self.entities.get(selector)
            return [entity] if entity else []
        wanted = frozenset(part for part in selector[4:].split("+") if part)
        return [e for e in self.entities.values() if wanted and wanted <= e.tags]


def parse_gazetteer(doc: Mapping[str, Any]) -> Gazetteer:
    """Validate the TOML document into a Gazetteer, or raise GazetteerError."""
    entries = doc.get("entities")
    if not isinstance(entries, list):
        raise GazetteerError("gazetteer: expected [[entities]] entries")
    entities: dict[str, Entity] = {}
    for index, raw in enumerate(entries):
        entity = _entity(index, raw)
        if entity.id in entities:
            raise GazetteerError(f"gazetteer: two entries have the id {entity.id!r}")
        entities[entity.id] = entity
    return Gazetteer(int(doc.get("version", 1)), entities)


def _entity(index: int, raw: object) -> Entity:
    if not isinstance(raw, Mapping):
        raise GazetteerError(f"gazetteer: entities[{index}] is not a table")
    ident = raw.get("id")
    if not isinstance(ident, str) or not ident or ident.startswith("tag:"):
        raise GazetteerError(f"gazetteer: entities[{index}] needs an id")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise GazetteerError(f"gazetteer: {ident}: unknown key {sorted(unknown)[0]!r}")
    names = {lang: _names(ident, lang, raw.get(lang, [])) for lang in LANGUAGES}
    if not any(names.values()):
        raise GazetteerError(f"gazetteer: {ident}: no names")
    storylines = raw.get("storylines", [])
    if not isinstance(storylines, list) or not all(isinstance(s, str) for s in storylines):
        raise GazetteerError(f"gazetteer: {ident}: storylines must be a list of words")
    kind = raw.get("kind")
    if not isinstance(kind, str) or not kind:
        raise GazetteerError(f"gazetteer: {ident}: needs a kind")
    return Entity(ident, kind, str(raw.get("label", ident)), tuple(storylines),
                  {lang: terms for lang, terms in names.items() if terms})


def _names(ident: str, lang: str, raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise GazetteerError(f"gazetteer: {ident}: {lang} must be a list of names")
    for term in raw:
        try:
            parse_term(term)
        except TermError as exc:
            raise GazetteerError(f"gazetteer: {ident}: {lang} name {term!r}: {exc}") from None
    return tuple(term.strip() for term in raw)


@cache
def shipped() -> Gazetteer:
    """The gazetteer in resources/, read once per process."""
    text = (resources.files("resources") / RESOURCE).read_text(encoding="utf-8")
    return parse_gazetteer(tomllib.loads(text))
