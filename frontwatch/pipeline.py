"""The extraction pipeline: stages wired by declaration, spaCy style.

Each stage is a pure function ``(analysis, resources) -> dict`` that declares
what it requires and what it assigns; :func:`check_stages` verifies the wiring
once, and :func:`run_stages` applies the stages in order. Resources (the spaCy
model, gazetteer, actor dictionary, lexicons) are loaded once per process and
passed explicitly: nothing is read at import time.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from frontwatch.actors import ActorDictionary, find_actors, group_countries
from frontwatch.clean import CleanedText, clean_report
from frontwatch.countries import CountryTable, load_countries
from frontwatch.errors import FrontwatchError
from frontwatch.events.claims import find_claims
from frontwatch.events.coding import CodingInputs, code_events
from frontwatch.events.cues import CueLexicon, load_cue_lexicon
from frontwatch.events.dates import find_dateline, find_dates
from frontwatch.events.displacement import find_displacements
from frontwatch.events.territory import find_territory_changes
from frontwatch.geo import Gazetteer, find_places
from frontwatch.models import Article, Place, Report
from frontwatch.nlp import analyse_many, load_nlp
from frontwatch.ontology import Ontology, load_ontology
from frontwatch.settings import Settings


@dataclass(frozen=True)
class Resources:
    """Everything loaded once per process and shared by all reports."""

    settings: Settings
    nlp: Any
    gazetteer: Gazetteer
    actors: ActorDictionary
    countries: CountryTable
    ontology: Ontology
    cues: CueLexicon


@lru_cache(maxsize=2)
def load_resources(settings: Settings) -> Resources:
    """Load the model and data files for ``settings`` (cached per process)."""
    return Resources(
        settings=settings,
        nlp=load_nlp(settings.spacy_model),
        gazetteer=Gazetteer.load(settings.gazetteer_paths),
        actors=ActorDictionary.load(settings.actor_paths),
        countries=load_countries(),
        ontology=load_ontology(),
        cues=load_cue_lexicon(),
    )


@dataclass
class Analysis:
    """One report as it moves through the stages; stages fill ``values``."""

    report_id: str
    cleaned: CleanedText
    published: date | None
    source: str | None
    values: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]


StageFunction = Callable[[Analysis, Resources], dict[str, Any]]


@dataclass(frozen=True)
class Stage:
    """A pipeline component: what it needs, what it sets, and the function."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: StageFunction


def _dates_stage(analysis: Analysis, resources: Resources) -> dict[str, Any]:
    doc = analysis["doc"]
    dateline = find_dateline(doc.text, analysis.published)
    published = analysis.published
    dates = find_dates(doc, published)
    year = published.year if published else None
    if year is None:
        # Without a publication date, the first full date in the text ("On 9 May
        # 2022, ...") tells which regime's name applies.
        year = next((d.date.year for d in dates if d.kind == "absolute" and d.date), None)
    return {"dateline": dateline, "dates": dates, "year": year}


def report_country(
    places: Sequence[Place],
    named_countries: Sequence[str],
    default: str | None,
    dateline_countries: Sequence[str] = (),
    group_countries: Sequence[str] = (),
) -> str | None:
    """The country a report is about: where most of its places are.

    Country names and demonyms in the text ("Sudan's army") count half a
    place each, so a report whose towns are unknown still gets a country. The
    dateline's country ("PORT-AU-PRINCE, Oct 17 (Reuters) -") counts as two
    places: correspondents file from the country they report on. A base
    ("the Ohio-based charity") counts for nothing. A named group active in one
    country only counts as one and a half places of that country: a group is
    named deliberately, a lone village may be a namesake abroad.
    """
    votes: dict[str, float] = {}
    for code in dateline_countries:
        votes[code] = votes.get(code, 0.0) + 2.0
    for place in places:
        if place.country_code and place.feature != "road" and place.qualifier != "based":
            weight = 0.5 if place.feature == "country" else 1.0
            # the gazetteer's match score breaks ties: "Hodan district in Mogadishu"
            # is Somalia's, not a loosely matched French village's
            weight += 0.01 * place.score
            votes[place.country_code] = votes.get(place.country_code, 0.0) + weight
    for code in named_countries:
        votes[code] = votes.get(code, 0.0) + 0.5
    for code in group_countries:
        votes[code] = votes.get(code, 0.0) + 1.5
    if votes:
        return max(votes, key=lambda code: votes[code])
    return default


def named_countries(doc: Any, countries: CountryTable) -> list[str]:
    """Alpha-2 codes of the countries a text names or uses a demonym of."""
    found = []
    for token in doc:
        if token.is_title or token.is_upper:
            country = countries.find(token.text)
            if country is not None:
                found.append(country.alpha2)
    return found


def _places_stage(analysis: Analysis, resources: Resources) -> dict[str, Any]:
    doc = analysis["doc"]
    places = find_places(doc, resources.gazetteer, country_hint=resources.settings.default_country)
    # The dateline city is where the reporter filed from, and a month name is
    # no town ("Aug" is not Augusta): neither is a place of the report.
    dated = [(d.start, d.end) for d in analysis["dates"]]
    dateline = analysis["dateline"]
    if dateline is not None:
        dated.append((0, dateline.end))
    filed_from = [
        p.country_code
        for p in places
        if dateline is not None and p.start < dateline.end and p.country_code
    ][:1]
    places = [p for p in places if not any(s <= p.start < e for s, e in dated)]
    country = report_country(
        places,
        named_countries(doc, resources.countries),
        resources.settings.default_country,
        filed_from,
        group_countries(doc.text, resources.actors),
    )
    return {"places": places, "country_code": country}


def _actors_stage(analysis: Analysis, resources: Resources) -> dict[str, Any]:
    actors = find_actors(
        analysis["doc"],
        resources.actors,
        resources.countries,
        country=analysis["country_code"],
        year=analysis["year"],
    )
    # A place name inside a named actor ("... al-Sham", "Kurdistan Workers'
    # Party") is part of the actor's name, not a toponym of the report.
    named = [a for a in actors if not a.generic and a.start >= 0]
    places = [
        p
        for p in analysis["places"]
        if not any(a.start <= p.start and p.end <= a.end for a in named)
    ]
    return {"actors": actors, "places": places}


def _claims_stage(analysis: Analysis, resources: Resources) -> dict[str, Any]:
    return {"claims": find_claims(analysis["doc"], analysis["actors"])}


def _territory_stage(analysis: Analysis, resources: Resources) -> dict[str, Any]:
    args = (
        analysis["doc"],
        analysis["places"],
        analysis["actors"],
        analysis["dates"],
        analysis.published,
    )
    return {
        "territory": find_territory_changes(*args),
        "displacements": find_displacements(*args),
    }


def _events_stage(analysis: Analysis, resources: Resources) -> dict[str, Any]:
    inputs = CodingInputs(
        doc=analysis["doc"],
        actors=analysis["actors"],
        places=analysis["places"],
        dates=analysis["dates"],
        claims=analysis["claims"],
        territory=analysis["territory"],
        published=analysis.published,
        country_code=analysis["country_code"],
        report_id=analysis.report_id,
        source=analysis.source,
    )
    events = code_events(inputs, resources.cues, resources.ontology, resources.countries)
    return {"events": events}


DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("dates", ("doc",), ("dateline", "dates", "year"), _dates_stage),
    Stage("places", ("doc", "dates", "dateline"), ("places", "country_code"), _places_stage),
    Stage("actors", ("doc", "places", "country_code", "year"), ("actors", "places"), _actors_stage),
    Stage("claims", ("doc", "actors"), ("claims",), _claims_stage),
    Stage(
        "territory",
        ("doc", "places", "actors", "dates"),
        ("territory", "displacements"),
        _territory_stage,
    ),
    Stage(
        "events",
        ("doc", "actors", "places", "dates", "claims", "territory", "country_code"),
        ("events",),
        _events_stage,
    ),
)


def check_stages(stages: Sequence[Stage], provided: Iterable[str] = ("doc",)) -> None:
    """Fail early when a stage requires something no earlier stage assigns.

    >>> check_stages(DEFAULT_STAGES)
    >>> check_stages(DEFAULT_STAGES[1:3])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    frontwatch.errors.FrontwatchError: stage 'places' requires 'dates', ...
    """
    available = set(provided)
    for stage in stages:
        for need in stage.requires:
            if need not in available:
                raise FrontwatchError(
                    f"stage {stage.name!r} requires {need!r}, which no earlier stage assigns"
                )
        available.update(stage.assigns)


def run_stages(analysis: Analysis, resources: Resources, stages: Sequence[Stage]) -> Analysis:
    """Apply ``stages`` in order, storing what each assigns."""
    for stage in stages:
        produced = stage.run(analysis, resources)
        missing = set(stage.assigns) - set(produced)
        if missing:
            raise FrontwatchError(f"stage {stage.name!r} did not assign {sorted(missing)}")
        analysis.values.update(produced)
    return analysis


def content_id(text: str) -> str:
    """A stable id for a report without one: a hash of its cleaned text.

    >>> content_id("a") == content_id("a")
    True
    """
    return "fw-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def prepare(article: Article) -> tuple[CleanedText, str]:
    """Clean an article's text and decide its id."""
    cleaned = clean_report(article.text, title=article.title)
    return cleaned, article.id or content_id(cleaned.text)


def _report(analysis: Analysis, article: Article) -> Report:
    return Report(
        id=analysis.report_id,
        text=analysis.cleaned.text,
        title=analysis.cleaned.title,
        published=analysis.published,
        source=analysis.source,
        url=article.url,
        provenance=analysis.cleaned.provenance,
        events=analysis["events"],
        places=analysis["places"],
        displacements=analysis["displacements"],
        territory=analysis["territory"],
    )


def analyse_articles(
    articles: Iterable[Article],
    settings: Settings,
    *,
    n_process: int = 1,
    stages: Sequence[Stage] = DEFAULT_STAGES,
) -> Iterator[Report]:
    """Run the pipeline over many articles with ``nlp.pipe``; reports in input order."""
    check_stages(stages)
    resources = load_resources(settings)
    prepared: deque[tuple[Article, CleanedText, str]] = deque()

    def texts() -> Iterator[str]:
        for article in articles:
            cleaned, report_id = prepare(article)
            prepared.append((article, cleaned, report_id))
            yield cleaned.text

    docs = analyse_many(
        texts(), settings.spacy_model, batch_size=settings.batch_size, n_process=n_process
    )
    for doc in docs:
        # nlp.pipe reads texts lazily in batches: the queue stays short.
        article, cleaned, report_id = prepared.popleft()
        published = article.published
        if published is None:
            dateline = find_dateline(doc.text, None)
            published = dateline.date if dateline is not None else None
        analysis = Analysis(
            report_id=report_id, cleaned=cleaned, published=published, source=article.source
        )
        analysis.values["doc"] = doc
        run_stages(analysis, resources, stages)
        yield _report(analysis, article)
