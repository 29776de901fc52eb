"""ACLED-style one-sentence notes written from an event's fields.

>>> write_notes_sentence(None, "Armed clash", "A", "B", "Kafr Zita (Hama)")
'A clashed with B in Kafr Zita (Hama).'
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from frontwatch.models import Claim

_VERBS = {
    "Armed clash": "{a1} clashed with {a2}",
    "Government regains territory": "{a1} regained control of {loc} from {a2}",
    "Non-state actor overtakes territory": "{a1} took control of {loc} from {a2}",
    "Non-violent transfer of territory": "{a1} took control of {loc} without fighting",
    "Air/drone strike": "{a1} carried out air/drone strikes",
    "Shelling/artillery/missile attack": "{a1} shelled or fired missiles",
    "Chemical weapon": "{a1} used chemical weapons",
    "Suicide bomb": "a suicide bomber ({a1}) detonated explosives",
    "Remote explosive/landmine/IED": "an explosive device ({a1}) detonated",
    "Grenade": "{a1} threw a grenade",
    "Attack": "{a1} attacked {a2}",
    "Abduction/forced disappearance": "{a1} abducted {a2}",
    "Sexual violence": "{a1} committed sexual violence against {a2}",
    "Peaceful protest": "{a1} demonstrated",
    "Protest with intervention": "{a1} demonstrated and were dispersed by {a2}",
    "Excessive force against protesters": "{a1} used lethal force against {a2}",
    "Violent demonstration": "{a1} rioted and clashed with {a2}",
    "Mob violence": "{a1} attacked {a2}",
    "Agreement": "{a1} reached an agreement with {a2}",
    "Arrests": "{a1} arrested {a2}",
    "Change to group/activity": "{a1} changed its activity or deployment",
    "Disrupted weapons use": "{a1} disrupted a weapons use or seized weapons",
    "Headquarters or base established": "{a1} established a base",
    "Looting/property destruction": "{a1} looted or destroyed property",
    "Other": "{a1} was involved in a strategic development",
}


def _day(value: date) -> str:
    return f"{value.day} {value.strftime('%B %Y')}"


def write_notes_sentence(
    event_date: date | None,
    sub_event_type: str,
    actor1: str | None,
    actor2: str | None,
    location: str | None,
) -> str:
    """The first sentence of the notes: date, actors, action, place."""
    template = _VERBS.get(sub_event_type, "{a1} was involved in an event")
    if "{a2}" in template and not actor2:
        template = template.split(" {a2}")[0].replace(" with", "").replace(" against", "")
        template = template.replace(" from", "")
    text = template.format(
        a1=actor1 or "an unidentified actor",
        a2=actor2 or "",
        loc=location or "an area",
    )
    if location and "{loc}" not in _VERBS.get(sub_event_type, ""):
        text = f"{text} in {location}"
    if event_date is not None:
        text = f"On {_day(event_date)}, {text}"
    else:
        text = text[0].upper() + text[1:]
    return text.rstrip(".") + "."


def _claim_phrase(claim: Claim) -> str | None:
    parts = []
    for kind, value in (
        ("killed", claim.killed),
        ("killed and wounded", claim.killed_or_wounded),
        ("wounded", claim.wounded),
        ("captured", claim.captured),
    ):
        if value is not None:
            amount = f"{claim.qualifier} {value}" if claim.qualifier else str(value)
            parts.append(f"{amount} {kind}")
    if not parts:
        return None
    who = claim.claimant or "an unattributed source"
    about = f" ({claim.about})" if claim.about else ""
    return f"{who} claimed {', '.join(parts)}{about}"


def write_notes(
    event_date: date | None,
    sub_event_type: str,
    actor1: str | None,
    actor2: str | None,
    location: str | None,
    claims: Sequence[Claim],
    fatality_note: str | None,
) -> str:
    """The full notes: the summary sentence, the claims, any fatality dispute."""
    sentences = [write_notes_sentence(event_date, sub_event_type, actor1, actor2, location)]
    claim_phrases = [p for p in (_claim_phrase(c) for c in claims) if p]
    if claim_phrases:
        sentences.append("; ".join(claim_phrases) + ".")
    if fatality_note:
        sentences.append(fatality_note)
    return " ".join(sentences)
