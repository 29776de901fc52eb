"""Tests for the actor dictionary and the actor mention finder (own short texts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from frontwatch.actors import (
    ActorDictionary,
    find_actors,
    forces_of_country,
    parse_valid,
    validate_actor_file,
)
from frontwatch.countries import CountryTable, load_countries
from frontwatch.errors import DataFileError
from frontwatch.models import Actor


@pytest.fixture(scope="module")
def shipped() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.fixture(scope="module")
def countries() -> CountryTable:
    return load_countries()


def names(actors: list[Actor]) -> list[tuple[str, str, int]]:
    return [(a.text, a.name, a.inter) for a in actors]


def run(
    text: str,
    dictionary: ActorDictionary,
    countries: CountryTable,
    cc: str | None,
    year: int | None,
) -> list[Actor]:
    return find_actors(text, dictionary, countries, country=cc, year=year)


def test_shipped_dictionary_is_valid_and_large(shipped: ActorDictionary) -> None:
    assert len(shipped) >= 90
    assert shipped.get("Hayat Tahrir al-Sham") is not None
    assert all(1 <= e.inter <= 8 for e in shipped)


def test_state_force_names_match_their_country(
    shipped: ActorDictionary, countries: CountryTable
) -> None:
    """ "Military Forces of Kenya (2022-)" must carry country KE, and so on."""
    for entry in shipped:
        if entry.inter != 1 or not entry.name.startswith(
            ("Military Forces of", "Police Forces of")
        ):
            continue
        named = entry.name.split(" of ", 1)[1].split(" (")[0].removeprefix("the ")
        country = countries.get(entry.country or "")
        assert country is not None, entry.name
        assert named in (country.name, "Somaliland"), entry.name


def test_regime_name_follows_the_year(shipped: ActorDictionary, countries: CountryTable) -> None:
    text = "The Syrian army shelled the hills."
    assert (
        run(text, shipped, countries, "SY", 2019)[0].name == "Military Forces of Syria (2000-2024)"
    )
    assert run(text, shipped, countries, "SY", 2025)[0].name == "Military Forces of Syria (2024-)"
    # Unknown year: the most recent name.
    assert run(text, shipped, countries, "SY", None)[0].name == "Military Forces of Syria (2024-)"


def test_context_aliases_need_the_report_country(
    shipped: ActorDictionary, countries: CountryTable
) -> None:
    text = "Regime forces and rebels fought overnight."
    in_syria = names(run(text, shipped, countries, "SY", 2018))
    assert in_syria == [
        ("Regime forces", "Military Forces of Syria (2000-2024)", 1),
        ("rebels", "Opposition Rebels (Syria)", 2),
    ]
    assert run(text, shipped, countries, "KE", 2018) == []


def test_offsets_possessives_and_hyphens(shipped: ActorDictionary, countries: CountryTable) -> None:
    text = "Assad's forces pushed north as HTS-led factions and the NDF withdrew."
    found = run(text, shipped, countries, "SY", 2016)
    assert [a.name for a in found] == [
        "Military Forces of Syria (2000-2024)",
        "Hayat Tahrir al-Sham",
        "NDF: National Defence Forces",
    ]
    for actor in found:
        assert text[actor.start : actor.end] == actor.text
    assert found[1].text == "HTS"


def test_short_form_coreference(shipped: ActorDictionary, countries: CountryTable) -> None:
    text = (
        "Hayat Tahrir al-Sham and the National Liberation Front held the ridge. "
        "The Front said it repelled the assault; the group added that its fighters were safe."
    )
    found = run(text, shipped, countries, "SY", 2019)
    assert names(found)[2] == ("The Front", "National Front for Liberation", 2)
    assert found[3].name == "National Front for Liberation"  # the group -> latest armed actor
    assert found[4].text == "its fighters"


def test_unresolved_short_form_is_dropped(
    shipped: ActorDictionary, countries: CountryTable
) -> None:
    assert run("The Movement issued a statement.", shipped, countries, "SD", 2023) == []


def test_demonym_home_and_abroad(shipped: ActorDictionary, countries: CountryTable) -> None:
    text = "Russian warplanes struck while Ukrainian troops and Turkish drones were seen."
    in_ukraine = {a.text: (a.name, a.inter) for a in run(text, shipped, countries, "UA", 2023)}
    assert in_ukraine["Russian warplanes"] == ("Military Forces of Russia (2000-)", 8)
    assert in_ukraine["Ukrainian troops"] == ("Military Forces of Ukraine (2019-)", 1)
    assert in_ukraine["Turkish drones"] == ("Military Forces of Turkey (2016-)", 8)
    at_home = run("Russian troops massed at the border.", shipped, countries, "RU", 2023)
    assert (at_home[0].name, at_home[0].inter) == ("Military Forces of Russia (2000-)", 1)


def test_demonym_without_dictionary_entry(
    shipped: ActorDictionary, countries: CountryTable
) -> None:
    found = run(
        "Gabonese soldiers crossed; Equatoguinean troops stayed.", shipped, countries, "GQ", 2022
    )
    assert names(found) == [
        ("Gabonese soldiers", "Military Forces of Gabon", 8),
        ("Equatoguinean troops", "Military Forces of Equatorial Guinea", 1),
    ]
    assert all(a.generic for a in found)


def test_proxy_forms_and_acronym_case(shipped: ActorDictionary, countries: CountryTable) -> None:
    text = "Iranian-backed militias attacked; they told us forces were near. US forces replied."
    found = run(text, shipped, countries, "IQ", 2023)
    assert [a.name for a in found] == [
        "Military Forces of Iran (1989-)",
        "Military Forces of the United States (2021-)",
    ]
    assert found[1].text == "US forces" and found[1].inter == 8


def test_generic_patterns_use_the_report_country(
    shipped: ActorDictionary, countries: CountryTable
) -> None:
    text = (
        "Unknown gunmen killed two farmers; later a mob burned shops, protesters marched "
        "and policemen arrested rioters."
    )
    found = names(run(text, shipped, countries, "KE", 2024))
    assert found == [
        ("Unknown gunmen", "Unidentified Armed Group (Kenya)", 3),
        ("farmers", "Civilians (Kenya)", 7),
        ("a mob", "Rioters (Kenya)", 5),
        ("protesters", "Protesters (Kenya)", 6),
        ("policemen", "Police Forces of Kenya (2022-)", 1),
        ("rioters", "Rioters (Kenya)", 5),
    ]


def test_generic_without_country(shipped: ActorDictionary, countries: CountryTable) -> None:
    found = run("Armed men abducted villagers.", shipped, countries, None, None)
    assert [(a.name, a.country) for a in found] == [
        ("Unidentified Armed Group", None),
        ("Civilians", None),
    ]


@pytest.mark.parametrize(
    ("text", "cc", "year", "expected"),
    [
        (
            "Houthi rebels fired at pro-government forces.",
            "YE",
            2020,
            [
                "Military Forces of Yemen (2017-) Supreme Political Council",
                "Military Forces of Yemen (2012-2022)",
            ],
        ),
        (
            "RSF fighters looted homes, the army said.",
            "SD",
            2023,
            ["Rapid Support Forces", "Military Forces of Sudan (2019-)"],
        ),
        (
            "JNIM militants ambushed Malian soldiers and Wagner mercenaries.",
            "ML",
            2022,
            [
                "JNIM: Group for Support of Islam and Muslims",
                "Military Forces of Mali (2021-)",
                "Wagner Group",
            ],
        ),
        (
            "The junta bombed a village held by the Arakan Army.",
            "MM",
            2024,
            ["Military Forces of Myanmar (2021-)", "AA: Arakan Army"],
        ),
        (
            "Maoists attacked CRPF personnel, and security forces responded.",
            "IN",
            2023,
            [
                "CPI (Maoist): Communist Party of India (Maoist)",
                "Police Forces of India (2014-)",
                "Military Forces of India (2014-)",
            ],
        ),
        (
            "The Taliban seized the post from the Afghan army.",
            "AF",
            2019,
            ["Taliban", "Military Forces of Afghanistan (2014-2021)"],
        ),
        (
            "Taliban forces clashed with ISKP.",
            "AF",
            2023,
            ["Military Forces of Afghanistan (2021-)", "Islamic State Khorasan Province"],
        ),
        (
            "Islamic State fighters raided a base.",
            "NG",
            2021,
            ["Islamic State West Africa Province"],
        ),
    ],
)
def test_countries_and_years(
    shipped: ActorDictionary,
    countries: CountryTable,
    text: str,
    cc: str,
    year: int,
    expected: list[str],
) -> None:
    assert [a.name for a in run(text, shipped, countries, cc, year)] == expected


@pytest.mark.parametrize(
    ("text", "cc", "year", "expected"),
    [
        # A regime change picks the name by the report's year.
        ("Ethiopian police detained them.", "ET", 2017, "Police Forces of Ethiopia (2012-2018)"),
        ("Ethiopian police detained them.", "ET", 2021, "Police Forces of Ethiopia (2018-)"),
        ("Police fired tear gas.", "BD", 2023, "Police Forces of Bangladesh (2009-2024)"),
        ("Police fired tear gas.", "BD", 2025, "Police Forces of Bangladesh (2024-)"),
        (
            "The army shelled the hills.",
            "PH",
            2019,
            "Military Forces of the Philippines (2016-2022)",
        ),
        ("The army shelled the hills.", "PH", 2023, "Military Forces of the Philippines (2022-)"),
        ("Soldiers raided the camp.", "PK", 2021, "Military Forces of Pakistan (2018-2022)"),
        ("Soldiers raided the camp.", "PK", 2023, "Military Forces of Pakistan (2022-2024)"),
        ("Soldiers raided the camp.", "PK", 2024, "Military Forces of Pakistan (2024-)"),
        # A transition early in the year gives that year to the new regime.
        ("Chadian troops deployed.", "TD", 2021, "Military Forces of Chad (2021-)"),
        ("Chadian troops deployed.", "TD", 2019, "Military Forces of Chad (1990-2021)"),
        ("FADM soldiers advanced.", "MZ", 2025, "Military Forces of Mozambique (2025-)"),
        ("FADM soldiers advanced.", "MZ", 2021, "Military Forces of Mozambique (2015-2025)"),
        ("Gendarmes arrived.", "CM", 2020, "Police Forces of Cameroon (1982-)"),
        (
            "The RSF guarded the palace.",
            "SD",
            2020,
            "Military Forces of Sudan (2019-) Rapid Support Forces",
        ),
        ("Haitian police patrolled.", "HT", 2022, "Police Forces of Haiti (2021-2024)"),
        ("Haitian police patrolled.", "HT", 2025, "Police Forces of Haiti (2024-)"),
    ],
)
def test_regime_years_of_added_countries(
    shipped: ActorDictionary,
    countries: CountryTable,
    text: str,
    cc: str,
    year: int,
    expected: str,
) -> None:
    found = run(text, shipped, countries, cc, year)
    assert (found[0].name, found[0].inter) == (expected, 1)


@pytest.mark.parametrize(
    ("text", "cc", "year", "expected"),
    [
        (
            "Al-Shabaab fighters raided Mocimboa da Praia; the insurgents withdrew.",
            "MZ",
            2023,
            ["Islamic State Mozambique Province", "Islamic State Mozambique Province"],
        ),
        ("Al-Shabaab militants raided Macomia.", "MZ", 2020, ["Al Shabaab (Mozambique)"]),
        ("The RSF shelled the city.", "SD", 2024, ["Rapid Support Forces"]),
        ("Al-Shabaab fighters raided a base near Kismayo.", "SO", 2023, ["Al Shabaab"]),
        (
            "Amba boys clashed with BIR soldiers near Bamenda.",
            "CM",
            2022,
            ["Ambazonian Separatists", "Military Forces of Cameroon (1982-)"],
        ),
        (
            "NPA rebels ambushed a Philippine Army patrol; Abu Sayyaf was not involved.",
            "PH",
            2023,
            [
                "NPA: New People's Army",
                "Military Forces of the Philippines (2022-)",
                "Abu Sayyaf Group",
            ],
        ),
        (
            "SPLA-IO forces fought the SSPDF while armed Murle youth raided cattle camps.",
            "SS",
            2023,
            [
                "SPLM/A-IO: Sudan People's Liberation Movement/Army-In Opposition",
                "Military Forces of South Sudan (2011-)",
                "Murle Ethnic Militia (South Sudan)",
            ],
        ),
        (
            "Sudan People's Liberation Army-North fighters shelled Kadugli.",
            "SD",
            2024,
            ["SPLM-N: Sudan People's Liberation Movement-North"],
        ),
        (
            "Tigrayan forces and Eritrean troops fought ENDF units.",
            "ET",
            2021,
            [
                "TPLF: Tigray People's Liberation Front",
                "Military Forces of Eritrea (1993-)",
                "Military Forces of Ethiopia (2018-)",
            ],
        ),
        (
            "Viv Ansanm gang members attacked a police station; the G9 later withdrew.",
            "HT",
            2024,
            ["Viv Ansanm", "Police Forces of Haiti (2024-)", "G9 an Fanmi e Alye"],
        ),
        (
            "Colectivos on motorbikes attacked protesters.",
            "VE",
            2019,
            ["Colectivos", "Protesters (Venezuela)"],
        ),
        (
            "Palestinian Authority security forces clashed with gunmen in Jenin.",
            "PS",
            2024,
            [
                "Police Forces of Palestine (2005-) Palestinian Authority",
                "Unidentified Armed Group (Palestine)",
            ],
        ),
        (
            "ISF officers arrested a suspect in Tripoli.",
            "LB",
            2023,
            ["Police Forces of Lebanon (2022-2025)"],
        ),
        (
            "DPR forces shelled Avdiivka.",
            "UA",
            2019,
            ["NAF: United Armed Forces of Novorossiya"],
        ),
        ("DPR forces shelled Avdiivka.", "UA", 2023, ["Military Forces of Russia (2000-)"]),
    ],
)
def test_added_groups_found_in_sentences(
    shipped: ActorDictionary,
    countries: CountryTable,
    text: str,
    cc: str,
    year: int,
    expected: list[str],
) -> None:
    assert [a.name for a in run(text, shipped, countries, cc, year)] == expected


def test_forces_of_country(shipped: ActorDictionary, countries: CountryTable) -> None:
    yemen = forces_of_country(shipped, countries, "YE", home="YE", year=2023)
    assert (yemen.name, yemen.inter) == ("Military Forces of Yemen (2022-)", 1)
    abroad = forces_of_country(shipped, countries, "TR", home="SY", year=2020)
    assert (abroad.name, abroad.inter, abroad.country) == (
        "Military Forces of Turkey (2016-)",
        8,
        "TR",
    )
    bangladesh = forces_of_country(shipped, countries, "BD", home="BD", year=2019)
    assert (bangladesh.name, bangladesh.generic) == (
        "Military Forces of Bangladesh (2009-2024)",
        False,
    )
    with pytest.raises(ValueError, match="unknown country code"):
        forces_of_country(shipped, countries, "QQ", home=None, year=None)


@pytest.mark.slow
def test_works_on_a_spacy_doc(
    shipped: ActorDictionary, countries: CountryTable, make_doc: Any
) -> None:
    doc = make_doc("Hay\u2019at Tahrir al-Sham fighters attacked army positions.")
    found = find_actors(doc, shipped, countries, country="SY", year=2020)
    assert found[0].name == "Hayat Tahrir al-Sham"
    assert doc.text[found[0].start : found[0].end] == found[0].text


# ------------------------------------------------------------------ user dictionaries


def test_user_yaml_extends_and_overrides(tmp_path: Path, countries: CountryTable) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "actors:\n"
        "  - name: Ruby Valley Defence Committee\n"
        "    aliases: [Ruby Valley committee, RVDC]\n"
        "    inter: 4\n"
        "    country: KE\n"
        "  - name: Hezbollah\n"
        "    aliases: [Party of God]\n"
        "    inter: 8\n"
        "    country: LB\n",
        encoding="utf-8",
    )
    dictionary = ActorDictionary.load([user])
    found = run("RVDC members met the Party of God.", dictionary, countries, "KE", 2024)
    assert [(a.name, a.inter) for a in found] == [
        ("Ruby Valley Defence Committee", 4),
        ("Hezbollah", 8),
    ]
    assert dictionary.get("Hezbollah") is not None
    assert run("Hizbollah", dictionary, countries, "LB", 2024) == []  # overridden aliases


def test_user_csv(tmp_path: Path, countries: CountryTable) -> None:
    user = tmp_path / "mine.csv"
    user.write_text(
        "name,aliases,inter,country,operates_in,valid\n"
        "Harbour Watch Militia,Harbour Watch|the watchmen,4,ZM,ZM,2020-\n",
        encoding="utf-8",
    )
    dictionary = ActorDictionary.load([user])
    found = run("The watchmen clashed with police.", dictionary, countries, "ZM", 2021)
    assert [a.name for a in found] == ["Harbour Watch Militia", "Police Forces of Zambia"]
    assert validate_actor_file(user) == []


def test_validation_reports_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "actors:\n"
        "  - name: Hill Brigade\n"
        "    inter: 9\n"
        "  - aliases: [nameless]\n"
        "    inter: 2\n"
        "  - name: Late Group\n"
        "    inter: 2\n"
        "    valid: 2024-2019\n"
        "  - name: Odd Place Militia\n"
        "    inter: 3\n"
        "    country: XQ\n",
        encoding="utf-8",
    )
    problems = validate_actor_file(bad)
    assert problems == [
        f"{bad}: entry 1 (Hill Brigade): inter must be 1-8, got 9",
        f"{bad}: entry 2: missing name",
        f"{bad}: entry 3 (Late Group): valid starts after it ends ('2024-2019')",
        f"{bad}: entry 4 (Odd Place Militia): country 'XQ' is not an ISO alpha-2 country code",
    ]
    assert all("\n" not in p for p in problems)
    with pytest.raises(DataFileError, match=r"entry 1 \(Hill Brigade\): inter must be 1-8"):
        ActorDictionary.load([bad])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("actors: [\n", "not valid YAML"),
        ("just a string\n", "expected a top-level 'actors:' list"),
        ("actors:\n  - name: X\n    inter: two\n", "inter must be a number 1-8"),
        ("actors:\n  - name: X\n    inter: 2\n    valid: soon\n", "valid must look like"),
        ("actors:\n  - name: X\n    inter: 2\n    colour: red\n", "unknown field(s) colour"),
    ],
)
def test_bad_files_raise_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "user.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        ActorDictionary.load([path])
    assert message in str(info.value) and "\n" not in str(info.value)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read actor dictionary"):
        ActorDictionary.load([tmp_path / "absent.yaml"])
    assert "cannot read" in validate_actor_file(tmp_path / "absent.yaml")[0]


def test_parse_valid() -> None:
    assert parse_valid("2000-2024") == (2000, 2024)
    assert parse_valid("2024-") == (2024, None)
    assert parse_valid(2019) == (2019, 2019)
    assert parse_valid("") == (None, None)
    with pytest.raises(ValueError, match="out of range"):
        parse_valid("1800-")
