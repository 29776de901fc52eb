"""Regular expressions that find actor mentions: dictionary aliases, demonyms, generic nouns.

Only English vocabulary lives here; every name of a country or group comes from the
data files. Patterns are compiled once per dictionary / country table (cached).
"""

from __future__ import annotations

import re
from functools import lru_cache

from frontwatch.actors.dictionary import ActorDictionary
from frontwatch.countries import CountryTable

# A mention must not sit inside a longer word; hyphens and possessives may follow it
# ("HTS-led", "Assad's forces"), so only word characters count as a clash.
_BEFORE = r"(?<![\w])"
_AFTER = r"(?![\w])"

# Nouns that, after a country adjective, name that country's state forces.
STATE_FORCE_NOUNS = (
    "assault units",
    "units",
    "armed forces",
    "special forces",
    "air force",
    "air strikes",
    "airstrikes",
    "forces",
    "troops",
    "soldiers",
    "army",
    "military",
    "navy",
    "warplanes",
    "warships",
    "jets",
    "fighter jets",
    "aircraft",
    "planes",
    "drones",
    "helicopters",
    "artillery",
    "missiles",
    "strikes",
    "shelling",
    "bombardment",
    "servicemen",
    "marines",
    "paratroopers",
    "units",
    "border guards",
    "coalition",
    # singular weapon and force nouns ("a Turkish drone", "a Russian warplane")
    "drone",
    "warplane",
    "jet",
    "fighter jet",
    "helicopter",
    "missile",
    "strike",
    "air strike",
    "airstrike",
    "soldier",
    "tanks",
    "gunboats",
    "commandos",
    "naval forces",
    "ground forces",
    "security forces",
    "counter-terrorism forces",
    "counterterrorism forces",
    "air defences",
    "air defenses",
    "air defence",
    "air defense",
    "coast guard",
)
# Nouns allowed after "<Country>-backed" / "-led" ("Iranian-backed militias").
PROXY_NOUNS = (
    *STATE_FORCE_NOUNS,
    "militias",
    "militia",
    "factions",
    "fighters",
    "groups",
    "rebels",
)

# Generic actor nouns, by kind. Order inside a tuple does not matter (sorted longest first).
GENERIC_NOUNS: dict[str, tuple[str, ...]] = {
    "police": (
        "police",
        "police officers",
        "police officer",
        "police forces",
        "policemen",
        "policeman",
        "policewomen",
        "riot police",
        "gendarmes",
        "gendarmerie",
        "traffic police",
        "police personnel",
        "police agents",
        "law enforcement officers",
        "law enforcement agents",
    ),
    "military": (
        "soldiers",
        "soldier",
        "troops",
        "the army",
        "army troops",
        "army units",
        "army soldiers",
        "the military",
        "security forces",
        "armed forces",
        "government forces",
        "government troops",
        "servicemen",
        "serviceman",
        "security personnel",
        "military personnel",
        "army personnel",
        "security operatives",
        "jawans",
    ),
    "armed_group": (
        "gunmen",
        "gunman",
        "unidentified gunmen",
        "unknown gunmen",
        "masked gunmen",
        "militants",
        "armed men",
        "unidentified armed men",
        "unknown armed men",
        "unknown assailants",
        "unidentified assailants",
        "assailants",
        "unknown attackers",
        "unidentified attackers",
        "attackers",
        "an armed group",
        "unidentified armed group",
        "unknown armed group",
        "armed groups",
        "insurgents",
    ),
    "protesters": ("protesters", "protestors", "demonstrators", "marchers"),
    "rioters": ("rioters", "a mob", "an angry mob", "the mob", "mobs", "angry mob"),
    "civilians": (
        "civilians",
        "civilian",
        "a civilian",
        "villagers",
        "residents",
        "children",
        "a child",
        "women",
        "a woman",
        "a family",
        "families",
        "family members",
        "worshippers",
        "farmers",
        "students",
        "shepherds",
        "displaced people",
        "passers-by",
        "passersby",
        "fishermen",
        "herders",
    ),
}

# Short forms that refer back to a named actor. Capitalised heads ("the Front") must
# match a word in the antecedent's name; lowercase ones take the latest armed actor.
NAMED_HEADS = (
    "Front",
    "Movement",
    "Brigade",
    "Brigades",
    "Council",
    "Alliance",
    "Organization",
    "Organisation",
    "Group",
    "Army",
    "Corps",
    "Forces",
    "Party",
    "Division",
    "Militia",
)
# "the group", "the ethnic minority armed group", "the al-Qaeda-linked faction"; only
# descriptive words, so "the human rights group" is not the armed actor named before.
_GROUP_DESCRIPTORS = (
    r"(?:ethnic|minority|armed|militant|jihadist|rebel|extremist|insurgent|separatist"
    r"|Islamist|secessionist|paramilitary|hardline|Sunni|Shia|Shiite|Kurdish|Tuareg"
    r"|[\w-]+-(?:linked|led|backed|aligned|affiliated|inspired|allied))"
)
GROUP_COREF = re.compile(
    r"(?<![\w])[Tt]he (?:" + _GROUP_DESCRIPTORS + r" ){0,3}"
    r"(?:group|faction|organi[sz]ation|movement|militia)(?![\w])"
)
ITS_COREF = re.compile(
    r"(?<![\w])[Ii]ts (?:fighters|members|militants|forces|troops|gunmen)(?![\w])"
)
NAMED_COREF = re.compile(r"(?<![\w])[Tt]he (" + "|".join(NAMED_HEADS) + r")(?![\w])")


def is_case_sensitive(alias: str) -> bool:
    """Aliases with an acronym or camel-case word ("HTS", "LeT", "US forces") match exactly.

    >>> is_case_sensitive("HTS"), is_case_sensitive("Hezbollah"), is_case_sensitive("US forces")
    (True, False, True)
    """
    return any(
        any(c.isupper() for c in word[1:]) or (len(word) == 2 and word.isupper())
        for word in re.split(r"[\s-]+", alias)
    )


def _alternation(phrases: list[str]) -> str:
    """Longest first so the regex prefers "pro-government forces" to "government forces"."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@lru_cache(maxsize=8)
def alias_patterns(dictionary: ActorDictionary) -> tuple[re.Pattern[str], ...]:
    """(case-insensitive, case-sensitive) patterns over every alias of the dictionary."""
    return alias_patterns_for([alias for entry in dictionary for alias in entry.all_names()])


def alias_patterns_for(names: list[str]) -> tuple[re.Pattern[str], ...]:
    """(case-insensitive, case-sensitive) patterns over ``names``."""
    loose: list[str] = []
    exact: list[str] = []
    for alias in names:
        (exact if is_case_sensitive(alias) else loose).append(alias)
    patterns = []
    if loose:
        patterns.append(re.compile(_BEFORE + "(?:" + _alternation(loose) + ")" + _AFTER, re.I))
    if exact:
        patterns.append(re.compile(_BEFORE + "(?:" + _alternation(exact) + ")" + _AFTER))
    return tuple(patterns)


@lru_cache(maxsize=4)
def demonym_pattern(countries: CountryTable) -> re.Pattern[str]:
    """ "<Country term>['s][-backed|-led] <force noun>"; group "term", "proxy" and "noun".

    Country terms (names, aliases, demonyms) match case-sensitively: they are proper
    nouns, and "us" must not read as the United States.
    """
    terms = [
        t
        for c in countries
        for t in (c.name, *c.aliases, *c.demonyms)
        if t[:1].isupper() and len(t) > 1
    ]
    return re.compile(
        _BEFORE
        + r"(?:the\s+)?(?P<term>"
        + _alternation(terms)
        + r")(?:'s)?(?P<proxy>-(?:backed|led|supported|allied|affiliated|aligned))?\s+"
        + r"(?P<noun>(?i:"
        + _alternation(list(PROXY_NOUNS))
        + r"))"
        + _AFTER
    )


@lru_cache(maxsize=1)
def generic_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, pattern) for every generic actor kind, case-insensitive."""
    # "no civilians were hurt": a noun after a negation names nobody
    negated = r"(?<!\bno )(?<!\bnot )(?<!\bnor )"
    return tuple(
        (
            kind,
            re.compile(_BEFORE + negated + "(?:" + _alternation(list(nouns)) + ")" + _AFTER, re.I),
        )
        for kind, nouns in GENERIC_NOUNS.items()
    )
