"""ACLED's conservative fatality count from a set of claims.

The rules (codebook section 7):

* only reported deaths count: ``wounded`` and ``killed_or_wounded``
  ("casualties", "killed and wounded N") give 0;
* conflicting figures for the same victims: the lowest is coded, and the
  dispute is noted;
* claims about different victim groups (different ``about``) are not in
  conflict: the lowest per group, then the sum.

How groups and conflicts are read:

* Figures from one sentence add up ("5 soldiers and 3 civilians were
  killed" lists two parts); figures from different sentences about the same
  group are competing accounts of the same deaths, so the lowest sentence
  total is taken.
* A claim whose victims are unknown (``about`` None) joins the only named
  group when there is exactly one (it most likely describes those victims
  less precisely); otherwise it is a group of its own.

>>> from frontwatch.models import Claim
>>> claims = [Claim("Army", killed=40, start=0), Claim("Medics", killed=12, start=50)]
>>> conservative_fatalities(claims).value
12
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from frontwatch.models import Claim


@dataclass(frozen=True)
class FatalityCount:
    """The fatalities to code, whether figures conflicted, and the note saying so.

    ``evidence`` is the claim behind the coded figure (the first, when several
    groups are summed); None when no claim reports a death.
    """

    value: int
    disputed: bool
    note: str | None
    evidence: Claim | None


def _groups(claims: Sequence[Claim]) -> dict[str | None, list[Claim]]:
    named = {c.about for c in claims if c.about is not None}
    only = next(iter(named)) if len(named) == 1 else None
    groups: dict[str | None, list[Claim]] = {}
    for claim in claims:
        key = claim.about if claim.about is not None else only
        groups.setdefault(key, []).append(claim)
    return groups


def _lowest_account(claims: list[Claim]) -> tuple[int, list[tuple[int, Claim]], bool]:
    """Sum per sentence, lowest across sentences: (value, accounts, disputed)."""
    by_sentence: dict[tuple[int, str], list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault((claim.start, claim.text), []).append(claim)
    accounts = [(sum(c.killed or 0 for c in group), group[0]) for group in by_sentence.values()]
    values = {value for value, _ in accounts}
    lowest = min(accounts, key=lambda account: account[0])
    return lowest[0], accounts, len(values) > 1


def conservative_fatalities(claims: Sequence[Claim]) -> FatalityCount:
    """The fatality figure ACLED would code from these claims.

    >>> from frontwatch.models import Claim
    >>> conservative_fatalities([Claim("Rebels", killed_or_wounded=110)]).value
    0
    >>> result = conservative_fatalities(
    ...     [Claim("Hayat Tahrir al-Sham", killed=40, start=0), Claim("Syrian Observatory", killed=12, start=90)]
    ... )
    >>> (result.value, result.disputed)
    (12, True)
    >>> result.note
    'Fatality figures conflict (Hayat Tahrir al-Sham: 40; Syrian Observatory: 12); the lowest is coded.'
    """  # noqa: E501
    killed = [c for c in claims if c.killed is not None and c.killed > 0]
    if not killed:
        return FatalityCount(0, False, None, None)
    total = 0
    disputed = False
    evidence: Claim | None = None
    conflicts: list[str] = []
    for group in _groups(killed).values():
        value, accounts, conflict = _lowest_account(group)
        total += value
        lowest = next(claim for v, claim in accounts if v == value)
        evidence = evidence or lowest
        if conflict:
            disputed = True
            conflicts.extend(f"{c.claimant or 'unattributed'}: {v}" for v, c in accounts)
    note = None
    if disputed:
        note = f"Fatality figures conflict ({'; '.join(conflicts)}); the lowest is coded."
    return FatalityCount(total, disputed, note, evidence)
