"""Importing user place data (GeoNames, OCHA, CSV) and the gazetteer/actors commands."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from frontwatch.cli import cli
from frontwatch.errors import InputError
from frontwatch.geo import Gazetteer
from frontwatch.geo.gazetteer import COLUMNS
from frontwatch.geo.importers import (
    detect_format,
    frontwatch_home,
    import_file,
    user_gazetteer_paths,
)
from frontwatch.models import Event, Place, Report
from frontwatch.settings import Settings
from frontwatch.store import EventStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "gazetteer"


@pytest.fixture(scope="module")
def shipped() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own FRONTWATCH_HOME: nothing is written to the real home."""
    home = tmp_path / "home"
    monkeypatch.setenv("FRONTWATCH_HOME", str(home))
    return home


def _rows(path: Path) -> list[dict[str, str]]:
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    assert tuple(lines[0].split("\t")) == COLUMNS
    return [dict(zip(COLUMNS, line.split("\t"), strict=True)) for line in lines[1:]]


# -- the fixtures really are new places --------------------------------------------


@pytest.mark.parametrize("name", ["Kafr Uwayd", "Ayn Larouz", "Bazabur", "Mouzra"])
def test_fixture_villages_are_not_shipped(shipped: Gazetteer, name: str) -> None:
    assert shipped.exact(name) == []


# -- formats --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("SY.txt", "geonames"),
        ("SY.zip", "geonames"),
        ("ocha_locations.csv", "ocha"),
        ("ocha_locations.json", "ocha"),
        ("places.csv", "csv"),
    ],
)
def test_detect_format(name: str, fmt: str) -> None:
    assert detect_format(FIXTURES / name) == fmt


@pytest.mark.parametrize("name", ["SY.txt", "SY.zip"])
def test_geonames_dump_imports_new_places_only(tmp_path: Path, name: str) -> None:
    result = import_file(FIXTURES / name, data_dir=tmp_path)
    assert result.format == "geonames"
    # Idlib Governorate and Kafranbel are shipped; the well (class H) is not kept.
    assert (result.places, result.known, result.ignored) == (3, 2, 1)
    assert result.path == tmp_path / "geonames-SY.tsv.gz"
    rows = {r["id"]: r for r in _rows(result.path)}
    village = rows["user-gn:168597"]
    assert village["name"] == "Kafr ‘Uwayd"
    assert "Kafr Owaid" in village["names"].split("|")
    # Admin units come from the OCHA polygons, as for shipped Syrian places.
    assert (village["admin1"], village["admin2"], village["admin3"]) == (
        "Idleb",
        "Al Ma'ra",
        "Kafr Nobol",
    )
    assert village["admin3_pcode"] == "SY070203"
    assert rows["user-gn:165970"]["feature"] == "hill"


def test_geonames_country_filter(tmp_path: Path) -> None:
    result = import_file(FIXTURES / "SY.txt", country="IQ", data_dir=tmp_path)
    assert result.places == 0 and result.path is None
    assert result.ignored == 6
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["ocha_locations.csv", "ocha_locations.json"])
def test_ocha_locations_import(tmp_path: Path, name: str) -> None:
    result = import_file(FIXTURES / name, data_dir=tmp_path)
    rows = {r["id"]: r for r in _rows(result.path or Path("missing"))}
    assert set(rows) == {"user-ocha:C4195", "user-ocha:C4200"}
    ayn = rows["user-ocha:C4195"]
    assert ayn["name"] == "Ayn Larouz"
    assert ayn["country_code"] == "SY"
    assert ayn["names"] == "عين لاروز"
    assert (ayn["admin1_pcode"], ayn["admin2_pcode"], ayn["admin3_pcode"]) == (
        "SY07",
        "SY0705",
        "SY070501",
    )
    assert ayn["admin3"] == "Ehsem"


def test_ocha_skips_hxl_row_and_known_places(tmp_path: Path) -> None:
    result = import_file(FIXTURES / "ocha_locations.csv", data_dir=tmp_path)
    assert (result.places, result.known) == (2, 1)  # Kafr Nabl is shipped


@pytest.mark.shared
def test_ocha_admin_table_from_shared(tmp_path: Path, shared_dir: Path) -> None:
    """The COD admin table in ../shared (adm3_name, adm3_pcode, center_lat...) reads as admin3."""
    source = shared_dir / "gazetteer" / "ocha_syria_admin" / "syr_admin3.csv"
    result = import_file(source, data_dir=tmp_path, keep_duplicates=True)
    assert result.format == "ocha"
    rows = {r["id"]: r for r in _rows(result.path or Path("missing"))}
    assert rows["user-ocha:SY070501"]["feature"] == "admin3"
    assert rows["user-ocha:SY070501"]["name"] == "Ehsem"
    # Without --keep-duplicates every unit is already shipped.
    again = import_file(source, data_dir=tmp_path / "other")
    assert again.places == 0 and again.known == len(rows)


def test_generic_csv_import(tmp_path: Path) -> None:
    result = import_file(FIXTURES / "places.csv", name="my villages", data_dir=tmp_path)
    assert result.path == tmp_path / "my-villages.tsv.gz"
    rows = {r["name"]: r for r in _rows(result.path)}
    assert set(rows) == {"Bazabur", "Mouzra"}
    assert rows["Bazabur"]["id"].startswith("user-csv:")
    assert rows["Bazabur"]["feature"] == "populated place"
    assert "Bzabour" in rows["Bazabur"]["names"].split("|")
    assert rows["Bazabur"]["admin2"] == "Ariha"  # filled from the polygons
    assert rows["Mouzra"]["country_code"] == "SY"  # "Syria" -> SY
    assert rows["Mouzra"]["admin3"] == "Ehsem"  # as the file gave it


# -- imported places are found -----------------------------------------------------------


def test_imported_village_is_looked_up(tmp_path: Path) -> None:
    import_file(FIXTURES / "SY.zip", data_dir=tmp_path)
    import_file(FIXTURES / "ocha_locations.json", data_dir=tmp_path)
    gaz = Gazetteer.load(extra_paths=user_gazetteer_paths(tmp_path))
    best = gaz.lookup("Kafr Uwayd", country="SY")[0]
    assert best.entry.id == "user-gn:168597"
    assert best.entry.admin3 == "Kafr Nobol"
    assert gaz.lookup("Kafr Owaid", country="SY")[0].entry.id == "user-gn:168597"
    assert gaz.lookup("Ayn Larouz", country="SY")[0].entry.id == "user-ocha:C4195"
    assert gaz.get("user-ocha:C4200") is not None


@pytest.mark.slow
def test_imported_village_is_geoparsed(tmp_path: Path) -> None:
    from frontwatch import geoparse

    import_file(FIXTURES / "SY.txt", data_dir=tmp_path)
    settings = Settings(gazetteer_paths=user_gazetteer_paths(tmp_path))
    text = (
        "Russian warplanes struck the village of Kafr Uwayd in the southern Idlib "
        "countryside on Monday, killing three civilians."
    )
    places = geoparse(text, settings=settings)
    ids = {p.gazetteer_id for p in places}
    assert "user-gn:168597" in ids
    village = next(p for p in places if p.gazetteer_id == "user-gn:168597")
    assert village.admin1 == "Idleb"
    assert village.latitude == pytest.approx(35.6244)


# -- bad files and rows -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "where", "problem"),
    [
        ("SY_bad_latitude.txt", "row 3", "latitude 135.6244 is out of range"),
        ("SY_short_row.txt", "row 4", "expected 19 tab-separated columns, found 12"),
        ("SY_broken.zip", "", "not a readable zip file"),
        ("ocha_bad_coordinates.csv", "row 2", 'latitude "35°39\'N" is not a number'),
        ("places_bad_country.csv", "row 2", "unknown country 'Atlantis'"),
        ("places_no_coordinates.csv", "", "no latitude, longitude column"),
        ("places_latin1.csv", "", "not UTF-8"),
    ],
)
def test_bad_files_name_file_and_row(tmp_path: Path, name: str, where: str, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        import_file(FIXTURES / name, data_dir=tmp_path)
    message = str(caught.value)
    assert message.startswith(str(FIXTURES / name) + (f" {where}:" if where else ":"))
    assert problem.replace('"', "'") in message.replace('"', "'")
    assert "\n" not in message
    assert not tmp_path.exists() or list(tmp_path.iterdir()) == []


def test_bad_coordinates_non_numeric_and_out_of_range(tmp_path: Path) -> None:
    source = tmp_path / "v.csv"
    source.write_text("name,latitude,longitude,country\nA,abc,36.1,SY\n", "utf-8")
    with pytest.raises(InputError, match=r"v\.csv row 1: latitude 'abc' is not a number"):
        import_file(source, data_dir=tmp_path / "out")
    source.write_text("name,latitude,longitude,country\nA,35.1,36.1,SY\nB,35.1,200,SY\n", "utf-8")
    with pytest.raises(InputError, match=r"row 2: longitude 200 is out of range"):
        import_file(source, data_dir=tmp_path / "out")


def test_failed_import_leaves_earlier_imports_intact(tmp_path: Path) -> None:
    first = import_file(FIXTURES / "SY.txt", name="villages", data_dir=tmp_path)
    assert first.path is not None
    before = first.path.read_bytes()
    broken = tmp_path / "src" / "SY.txt"
    broken.parent.mkdir()
    shutil.copy(FIXTURES / "SY_bad_latitude.txt", broken)
    with pytest.raises(InputError):
        import_file(broken, name="villages", data_dir=tmp_path)
    assert first.path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src", "villages.tsv.gz"]


def test_user_paths_and_home(tmp_path: Path, _home: Path) -> None:
    assert frontwatch_home() == _home
    assert frontwatch_home({}) == Path.home() / ".local" / "share" / "frontwatch"
    assert frontwatch_home({"XDG_DATA_HOME": "/x"}) == Path("/x/frontwatch")
    assert user_gazetteer_paths() == ()
    result = import_file(FIXTURES / "places.csv")
    assert result.path == _home / "gazetteer" / "csv-places.tsv.gz"
    assert user_gazetteer_paths() == (result.path,)
    (_home / "gazetteer" / ".csv-places.tsv.gz.123.tmp").write_bytes(b"partial")
    assert user_gazetteer_paths() == (result.path,)


# -- CLI ------------------------------------------------------------------------------------


def _invoke(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_import_and_lookup(tmp_path: Path) -> None:
    data = str(tmp_path / "gaz")
    result = _invoke("gazetteer", "import", str(FIXTURES / "SY.zip"), "--data-dir", data)
    assert result.exit_code == 0, result.output
    assert "imported 3 place(s)" in result.output
    assert "geonames-SY.tsv.gz" in result.output
    result = _invoke("gazetteer", "lookup", "Kafr Uwayd", "--country", "SY", "--data-dir", data)
    assert result.exit_code == 0
    assert "user-gn:168597" in result.output and "Kafr Nobol" in result.output
    result = _invoke(
        "gazetteer",
        "lookup",
        "Kafr Uwayd",
        "--country",
        "SY",
        "--format",
        "json",
        "--data-dir",
        data,
    )
    rows = json.loads(result.output)
    assert rows[0]["id"] == "user-gn:168597"
    assert rows[0]["latitude"] == pytest.approx(35.6244)
    result = _invoke("gazetteer", "list", "--data-dir", data)
    assert "geonames-SY.tsv.gz" in result.output and "3" in result.output


def test_cli_uses_frontwatch_home(_home: Path) -> None:
    result = _invoke("gazetteer", "import", str(FIXTURES / "ocha_locations.csv"))
    assert result.exit_code == 0, result.output
    assert (_home / "gazetteer" / "ocha-ocha_locations.tsv.gz").is_file()
    result = _invoke("gazetteer", "lookup", "Deir Sonbol", "--country", "SY")
    assert "user-ocha:C4200" in result.output
    from frontwatch.cli import _settings

    settings = _settings("en_core_web_sm", 1000, None)
    assert settings.gazetteer_paths == (_home / "gazetteer" / "ocha-ocha_locations.tsv.gz",)


def test_cli_import_error_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "gazetteer",
            "import",
            str(FIXTURES / "places_bad_country.csv"),
            "--data-dir",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "places_bad_country.csv row 2: unknown country 'Atlantis'" in result.output
    assert "Traceback" not in result.output


def test_cli_lookup_unknown_name(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["gazetteer", "lookup", "Qwxzqwxz", "--data-dir", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "no gazetteer entry" in result.output


def test_cli_build_without_shared_dir(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["gazetteer", "build", "--shared", str(tmp_path / "none"), "--out", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "no such directory" in result.output


def _store_with_unknown_village(path: Path) -> None:
    unknown = Place(
        text="Kafr Uwayd",
        start=40,
        end=50,
        name="Kafr Uwayd",
        latitude=35.8577,
        longitude=36.5709,
        country="Syria",
        country_code="SY",
        admin1="Idleb",
        feature="populated place",
        gazetteer_id=None,
        precision=3,
    )
    known = Place(
        text="Idlib",
        start=60,
        end=65,
        name="Idlib",
        country_code="SY",
        admin1="Idleb",
        feature="populated place",
        gazetteer_id="gn:169389",
    )
    event = Event(
        event_date=None,
        time_precision=1,
        disorder_type="Political violence",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1=None,
        location="Kafr Uwayd",
        admin1="Idleb",
    )
    with EventStore.open(path) as store:
        for n in (1, 2):
            store.add_report(
                Report(id=f"r{n}", text="x" * 80, places=[unknown, known], events=[event])
            )


def test_cli_missing_lists_unresolved_places(tmp_path: Path) -> None:
    db = tmp_path / "fw.db"
    _store_with_unknown_village(db)
    data = str(tmp_path / "gaz")
    result = _invoke(
        "gazetteer", "missing", "--db", str(db), "--format", "json", "--data-dir", data
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows == [
        {
            "name": "Kafr Uwayd",
            "country": "SY",
            "reports": 2,
            "events": 2,
            "admin1": "Idleb",
            "admin2": None,
            "admin3": None,
            "resolves_now": None,
        }
    ]
    # After importing the village, the report says the current gazetteer resolves it.
    _invoke("gazetteer", "import", str(FIXTURES / "SY.txt"), "--data-dir", data)
    result = _invoke("gazetteer", "missing", "--db", str(db), "--data-dir", data)
    assert "Kafr Uwayd" in result.output and "user-gn:168597" in result.output


def test_cli_missing_without_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["gazetteer", "missing", "--db", str(tmp_path / "no.db")])
    assert result.exit_code == 1
    assert "no such database" in result.output
    assert not (tmp_path / "no.db").exists()


def test_cli_actors_check() -> None:
    result = _invoke("actors", "check", str(FIXTURES / "actors_ok.yaml"))
    assert result.exit_code == 0
    assert result.output.strip() == "ok: 1 actors"
    result = CliRunner().invoke(cli, ["actors", "check", str(FIXTURES / "actors_bad.yaml")])
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line]
    assert len(lines) == 2
    assert "entry 1 (Jaysh al-Izza): inter must be 1-8" in lines[0]
    assert "entry 2 (Liwa Example): country 'XX'" in lines[1]


def test_cli_actors_check_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["actors", "check", str(tmp_path / "none.yaml")])
    assert result.exit_code == 1
    assert "none.yaml" in result.output
