"""Actors: the shipped dictionary of ACLED-style actor names and the mention finder."""

from frontwatch.actors.dictionary import (
    ActorDictionary,
    ActorEntry,
    parse_valid,
    validate_actor_file,
)
from frontwatch.actors.matcher import choose_entry, find_actors, forces_of_country, group_countries

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "choose_entry",
    "find_actors",
    "forces_of_country",
    "group_countries",
    "parse_valid",
    "validate_actor_file",
]
