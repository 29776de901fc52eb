"""Patterns for place phrases in English news text (general, no place names).

Region phrases ("the southeastern X countryside", "rural X", "southern X"),
road names ("the X-Y highway", "M5 highway"), candidate name chunks, and the
cue words that make a capitalised word a place ("the village of X", "near X").
"""

from __future__ import annotations

import re

_ART = r"(?:al|el|an|as|ad|ar|at|az|ash|ez|es|ed|ul)"
#: One name word: "Idlib", "al-Tah", "Nu'man", "Deir", "Kafr", "St. Louis".
_WORD = rf"(?:(?:St|Ste|Mt|Ft)\.\s)?(?:{_ART}-)?[A-Z][\w']*(?:-(?:{_ART}-)?[\w']+)*"
#: Lowercase connectors inside names: "Rio de Janeiro", "Mocímboa da Praia", "Foz do Iguaçu".
_CONNECTOR = r"(?:of|de|del|della|la|le|da|do|dos|das|di|du|van|von|bin|ibn)"
#: A capitalised name of several words joined by spaces or article connectors.
NAME = rf"{_WORD}(?:(?:\s+{_ART}(?:-|\s+)|\s+{_CONNECTOR}\s+|\s+){_WORD})*"
NAME_RE = re.compile(NAME)
WORD_RE = re.compile(_WORD)
#: Dotted abbreviations ("U.S.", "U.K.", "U.A.E."): a country only when the gazetteer says so.
ABBREVIATION_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}(?![\w])")
#: AP-style abbreviations of US states, read only after a comma ("Gainesville, Va."):
#: alone most are English words ("Wash.", "Miss.", "Ore.").
AP_STATE_ABBREVIATIONS = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO",
    "Conn.": "CT", "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN",
    "Kan.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI",
    "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV",
    "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND",
    "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD",
    "Tenn.": "TN", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI",
    "Wyo.": "WY", "D.C.": "DC",
}  # fmt: skip
AP_STATE_RE = re.compile(
    r"(?<=, )(?:"
    + "|".join(re.escape(k) for k in sorted(AP_STATE_ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w.])"
)
#: Place introduced by a comma-joined parent: "Parkland, Florida", "Brussels, Belgium".
PARENT_SEPARATOR_RE = re.compile(r"^\s*(?:,|,?\s+in|\()\s*(?:the\s+)?$")

DIRECTION = (
    r"(?i:(?:north|south)[- ]?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|east(?:ern)?"
    r"|west(?:ern)?|central|upper|lower)"
)
_REGION_NOUN = r"(?i:countryside|province|governorate|region|suburbs|desert|badia|plains?)"
#: "the southeastern Idleb countryside", "Hama province", "northern Lattakia countryside"
REGION_RE = re.compile(
    rf"\b(?:(?P<dir>{DIRECTION})\s+)?(?P<name>{NAME})\s+(?P<noun>{_REGION_NOUN})\b"
)
#: "rural Aleppo", "the countryside of Homs", "southern Idleb", "northwestern Syria"
RURAL_RE = re.compile(rf"\b(?:rural|(?:the\s+)?countryside\s+of)\s+(?P<name>{NAME})")
DIRECTION_NAME_RE = re.compile(rf"\b(?P<dir>{DIRECTION})\s+(?P<name>{NAME})")
#: "the Damascus-Aleppo highway", "the M5 highway", "the Aleppo road"
ROAD_RE = re.compile(
    rf"\b(?:[A-Z]\d+\b|{_WORD}(?:\s*[-–/]\s*{_WORD})*)\s+(?:international\s+)?"
    r"(?:highway|motorway|road|expressway|freeway)\b"
)
#: "12 km south of X", "outskirts of X", "near X", "the X front": qualifier + precision 2
DISTANCE_RE = re.compile(
    rf"\b(?P<q>(?:\d+(?:\.\d+)?|a few|several)\s*(?:km|kilometers|kilometres|miles)\s+"
    rf"(?:(?:to\s+the\s+)?{DIRECTION}\s+)?(?:of|from))\s+$",
    re.IGNORECASE,
)
NEAR_BEFORE = {
    "near": "near",
    "outside": "outskirts",
    "outskirts of": "outskirts",
    "around": "near",
    "vicinity of": "near",
    "edge of": "outskirts",
    "edges of": "outskirts",
    "approaches to": "near",
    "axis of": "front",
    "frontline of": "front",
    "front of": "front",
}
NEAR_AFTER = {"front": "front", "frontline": "front", "axis": "front", "outskirts": "outskirts"}
#: Words just before a name that make it a place.
CUE_BEFORE = frozenset(
    {
        "in",
        "near",
        "at",
        "from",
        "to",
        "towards",
        "toward",
        "into",
        "outside",
        "around",
        "across",
        "inside",
        "of",
        "between",
        "via",
        "through",
        "entered",
        "captured",
        "recaptured",
        "stormed",
        "shelled",
        "seized",
        "besieged",
        "over",
        "retook",
        "overran",
        "liberated",
        "bombed",
        "raided",
    }
)
#: Nouns that introduce a settlement: "the village of X", "the town X".
SETTLEMENT_NOUNS = frozenset(
    {"village", "villages", "town", "towns", "city", "cities", "hamlet", "hamlets", "township"}
)
CUE_AFTER = frozenset(
    {"front", "frontline", "axis", "countryside", "village", "town", "city", "outskirts", "area"}
)
#: A list of further places after a first one: ", B, C and D" (items checked separately).
LIST_SEPARATOR_RE = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)$")


def direction_word(text: str) -> str:
    """Normalise a direction ("South-eastern" -> "southeastern")."""
    return text.lower().replace("-", "").replace(" ", "")


#: Last words of a street or a building's name: "Desire Street", "Anfield Stadium",
#: "Cavan Institute". Such a name is a place of its own, never the town "Street".
STREET_NOUNS = frozenset(
    {"Street", "Avenue", "Boulevard", "Drive", "Lane", "Road", "Square", "Place", "Terrace"}
)
FACILITY_NOUNS = STREET_NOUNS | frozenset(
    {
        "School",
        "College",
        "University",
        "Institute",
        "Hospital",
        "Stadium",
        "Arena",
        "Center",
        "Centre",
        "Court",
        "Courthouse",
        "Hall",
        "Church",
        "Cathedral",
        "Mosque",
        "Airport",
        "Racecourse",
        "Park",
        "Estate",
        "Club",
        "Theatre",
        "Theater",
        "Museum",
        "Hotel",
        "Mall",
        "Prison",
        "Station",
        "Bridge",
        "Plantation",
        "Market",
        "Tower",
        "Castle",
        "Chapel",
        "Basilica",
        "Palace",
        "Abbey",
        "Temple",
    }
)
