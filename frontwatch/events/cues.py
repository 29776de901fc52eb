"""Event cue lexicon: loads ``data/event_cues.yaml`` and finds cues in sentences.

The lexicon is data; this module only compiles it and reports matches with
character offsets, so every event keeps the evidence of its trigger word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from frontwatch.errors import DataFileError


@dataclass(frozen=True)
class CueRule:
    """The compiled cues of one ACLED sub-event type."""

    sub_event_type: str
    pattern: re.Pattern[str] | None
    needs: str | None
    blocks: tuple[str, ...]
    weapon: bool


@dataclass(frozen=True)
class CueMatch:
    """One cue found in the text: which sub-event type it points to and where."""

    sub_event_type: str
    text: str
    start: int
    end: int
    weapon: bool
    needs: str | None
    #: contexts that veto this cue's own rule (a type may have several rules)
    blocks: tuple[str, ...] = ()


@dataclass(frozen=True)
class CueLexicon:
    """All cue rules, context patterns, reporting verbs and non-political cues."""

    rules: tuple[CueRule, ...]
    contexts: dict[str, re.Pattern[str]]
    reporting_verbs: frozenset[str]
    non_political: re.Pattern[str]
    #: lemmas that make what they govern planned, expected or called off, not done
    unrealised: frozenset[str] = frozenset()
    #: auxiliaries that put a verb in the future or the hypothetical ("will hold")
    modals: frozenset[str] = frozenset()
    #: sub-event types whose cue used as an adjective ("abducted women") is no event
    adjectival_only: frozenset[str] = frozenset()

    def find(self, text: str, offset: int = 0) -> list[CueMatch]:
        """Every cue match in ``text``; offsets shifted by ``offset``.

        >>> lexicon = load_cue_lexicon()
        >>> [m.sub_event_type for m in lexicon.find("Warplanes struck the town.")]
        ['Air/drone strike']
        """
        found: list[CueMatch] = []
        for rule in self.rules:
            if rule.pattern is None:
                continue
            for match in rule.pattern.finditer(text):
                found.append(
                    CueMatch(
                        sub_event_type=rule.sub_event_type,
                        text=match.group(0),
                        start=offset + match.start(),
                        end=offset + match.end(),
                        weapon=rule.weapon,
                        needs=rule.needs,
                        blocks=rule.blocks,
                    )
                )
        found.sort(key=lambda m: (m.start, m.end))
        return found

    def has_context(self, name: str, text: str) -> bool:
        """True when the context ``name`` (for example "protest") occurs in ``text``."""
        pattern = self.contexts.get(name)
        return bool(pattern and pattern.search(text))

    def blocked(self, cue: CueMatch, text: str) -> bool:
        """True when a context that the cue's own rule lists in ``blocks`` occurs in ``text``."""
        return any(self.has_context(block, text) for block in cue.blocks)


def _compile(fragments: list[str], where: str) -> re.Pattern[str] | None:
    if not fragments:
        return None
    joined = "|".join(f"(?:{fragment})" for fragment in fragments)
    try:
        return re.compile(rf"(?<![\w-])(?:{joined})(?![\w-])", re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"event_cues.yaml: {where}: invalid pattern ({exc})") from exc


def parse_cue_lexicon(data: dict[str, Any]) -> CueLexicon:
    """Build a lexicon from the parsed YAML mapping (see ``data/event_cues.yaml``)."""
    rules = []
    for name, spec in (data.get("sub_event_types") or {}).items():
        spec = spec or {}
        rules.append(
            CueRule(
                # A key may be a rule of its own for a type named in `sub_event_type`
                # (cues that need a different context than the type's main cues).
                sub_event_type=spec.get("sub_event_type") or name,
                pattern=_compile(list(spec.get("cues") or []), name),
                needs=spec.get("needs"),
                blocks=tuple(spec.get("blocks") or ()),
                weapon=bool(spec.get("weapon", False)),
            )
        )
    contexts = {}
    for name, fragments in (data.get("contexts") or {}).items():
        compiled = _compile(list(fragments or []), f"context {name}")
        if compiled is not None:
            contexts[name] = compiled
    non_political = _compile(list(data.get("non_political") or []), "non_political")
    return CueLexicon(
        rules=tuple(rules),
        contexts=contexts,
        reporting_verbs=frozenset(data.get("reporting_verbs") or ()),
        non_political=non_political or re.compile(r"(?!x)x"),
        unrealised=frozenset(str(w).lower() for w in data.get("unrealised") or ()),
        modals=frozenset(str(w).lower() for w in data.get("modals") or ()),
        adjectival_only=frozenset(str(w) for w in data.get("adjectival_only") or ()),
    )


@lru_cache(maxsize=1)
def load_cue_lexicon() -> CueLexicon:
    """The shipped cue lexicon, parsed once per process."""
    text = resources.files("frontwatch.data").joinpath("event_cues.yaml").read_text("utf-8")
    return parse_cue_lexicon(yaml.safe_load(text))
