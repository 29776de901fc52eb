"""Tests for frontwatch.ingest: every input format and every kind of bad input."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from frontwatch.ingest import InputProblem, parse_published, read_inputs
from frontwatch.models import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
LIMIT = 5 * 1024 * 1024


def read(*inputs: str | Path, max_bytes: int = LIMIT, stdin: bytes | None = None) -> list:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_inputs([str(i) for i in inputs], max_bytes=max_bytes, stdin=stream))


def only_article(results: list) -> Article:
    assert len(results) == 1, results
    assert isinstance(results[0], Article), results[0]
    return results[0]


def only_problem(results: list) -> InputProblem:
    assert len(results) == 1, results
    assert isinstance(results[0], InputProblem), results[0]
    assert "\n" not in str(results[0])
    return results[0]


# --- plain text in several encodings -------------------------------------------------

TEXT_EN = "Mortar fire struck the Velmora ferry terminal on Tuesday.\n\nNo one was hurt."


def test_text_utf8(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(TEXT_EN, encoding="utf-8")
    article = only_article(read(path))
    assert article.text == TEXT_EN
    assert article.kind == "text"
    assert article.origin == str(path)
    assert article.id is None and article.published is None


def test_text_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + "Café shelled — two hurt.".encode())
    assert only_article(read(path)).text == "Café shelled — two hurt."


def test_text_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(TEXT_EN.encode("utf-16"))
    assert only_article(read(path)).text == TEXT_EN


def test_text_cp1252(tmp_path: Path) -> None:
    text = (
        "Les forces de sécurité ont arrêté trois hommes près du marché, a déclaré "
        "le préfet. « Nous enquêtons », a-t-il ajouté — l’enquête continue."
    )
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("cp1252"))
    assert only_article(read(path)).text == text


def test_text_cp1256_arabic(tmp_path: Path) -> None:
    text = (
        "قالت مصادر محلية إن قصفا مدفعيا استهدف أطراف المدينة صباح اليوم، "
        "ما أدى إلى مقتل شخصين وإصابة خمسة آخرين بجروح متفاوتة. "
        "وأضافت المصادر أن فرق الدفاع المدني عملت على إخلاء المصابين."
    )
    path = tmp_path / "ar.txt"
    path.write_bytes(text.encode("cp1256"))
    assert only_article(read(path)).text == text


def test_text_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "nobom.txt"
    path.write_bytes(TEXT_EN.encode("utf-16-le"))
    assert only_article(read(path)).text == TEXT_EN


def test_stdin_csv_is_sniffed() -> None:
    results = read("-", stdin=b"id,text\nk1,Raid on a farm.\n")
    assert [(r.id, r.kind, r.origin) for r in results] == [("k1", "csv", "<stdin> row 1")]


def test_no_extension_is_sniffed_as_text(tmp_path: Path) -> None:
    path = tmp_path / "REPORT"
    path.write_text("A convoy was stopped at the bridge.", encoding="utf-8")
    assert only_article(read(path)).kind == "text"


# --- HTML, CSV, JSON Lines, JSON, feeds ------------------------------------------------


def test_html_page_uses_trafilatura_metadata() -> None:
    article = only_article(read(FIXTURES / "page.html"))
    assert article.kind == "html"
    assert "washed away the only paved road" in article.text
    assert "tractors to move flour" in article.text
    assert "tracking" not in article.text and "World" not in article.text
    assert article.title == "Flooding Cuts Road to Northern Camps"
    assert article.source == "Lakeside Herald"
    assert article.published == date(2022, 2, 14)
    assert article.url == "https://lakeside-herald.example/news/flooding-camps"


def test_html_fallback_when_trafilatura_finds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "tiny.htm"
    path.write_text("<html><body><p>Blast at depot.</p><script>x=1</script></body></html>")
    article = only_article(read(path))
    assert article.text == "Blast at depot."


def test_csv_rows_good_and_bad() -> None:
    results = read(FIXTURES / "reports.csv")
    origin = str(FIXTURES / "reports.csv")
    articles = [r for r in results if isinstance(r, Article)]
    problems = {r.origin: r.message for r in results if isinstance(r, InputProblem)}
    assert [a.id for a in articles] == ["r-1", "r-2", "r-6"]
    first, second, last = articles
    assert first.title == "Clinic Hit" and first.source == "Valley Post"
    assert first.published == date(2020, 5, 3) and first.kind == "csv"
    assert first.origin == f"{origin} row 1"
    assert second.published == date(2020, 5, 4)  # M/D/YYYY
    assert second.text.endswith("A second paragraph follows.")  # quoted newline kept
    assert second.title is None
    assert last.text == "Curfew lifted in the port district."
    assert problems[f"{origin} row 3"] == "no 'text' value"
    assert "unreadable date" in problems[f"{origin} row 4"]
    assert "malformed CSV" in problems[f"{origin} row 5"]
    for result in results:
        assert "\n" not in str(result) if isinstance(result, InputProblem) else True


def test_tsv_and_long_field(tmp_path: Path) -> None:
    body = "Long report. " * 20000  # over csv's default 128 KB field limit
    path = tmp_path / "corpus.tsv"
    path.write_text(f"text\tpublished\n{body.strip()}\t2021-01-02T10:00:00+02:00\n")
    article = only_article(read(path))
    assert len(article.text) > 200_000
    assert article.published == date(2021, 1, 2)


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("id,body\n1,Some words\n")
    problem = only_problem(read(path))
    assert str(problem) == f"{path}: no 'text' column (columns: id, body)"


def test_csv_unclosed_quote_does_not_swallow_later_rows(tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text('id,text\na,"fine row"\nb,"never closed\nc,"next row survives"\n')
    results = read(path)
    assert [r.id for r in results if isinstance(r, Article)] == ["a", "c"]
    bad = [r for r in results if isinstance(r, InputProblem)]
    assert len(bad) == 1 and bad[0].origin == f"{path} row 2"


def test_jsonl_good_and_broken_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"id": 7, "text": "Airstrike on a bakery.", "date": "2023-03-01", "url": "u1"}\n'
        "\n"
        '{"text": "Second report", "title": "T2"\n'
        '["not", "an", "object"]\n'
        '{"title": "no text here"}\n'
        '{"text": "Last report.", "source": "Desk"}\n'
    )
    results = read(path)
    good = [r for r in results if isinstance(r, Article)]
    assert [(a.id, a.text, a.kind) for a in good] == [
        ("7", "Airstrike on a bakery.", "jsonl"),
        (None, "Last report.", "jsonl"),
    ]
    assert good[0].published == date(2023, 3, 1) and good[0].url == "u1"
    assert good[1].origin == f"{path} line 6"
    problems = [str(r) for r in results if isinstance(r, InputProblem)]
    assert problems[0].startswith(f"{path} line 3: invalid JSON (")
    assert problems[1] == f"{path} line 4: expected a JSON object, got list"
    assert problems[2] == f"{path} line 5: no 'text' value"


def test_json_list(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text('[{"text": "One."}, 3, {"text": "Two.", "published": "12 March 2021"}]')
    results = read(path)
    assert [r.text for r in results if isinstance(r, Article)] == ["One.", "Two."]
    assert results[2].published == date(2021, 3, 12)
    assert str(results[1]) == f"{path} item 2: expected a JSON object, got int"


def test_rss_feed_items() -> None:
    results = read(FIXTURES / "feed.rss")
    first, second, third = results
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == "Coast guards detained six men at the eastern pier on Monday.\n" + (
        "Officials said the boat carried fuel."
    )
    assert first.title == "Port Guards Detain Smugglers"
    assert first.source == "Harbour Wire" and first.id == "hw-0001"
    assert first.url == "https://harbour-wire.example/a/1"
    assert first.published == date(2022, 3, 8) and first.kind == "feed"
    assert first.origin.endswith("feed.rss item 1")
    assert isinstance(third, InputProblem) and third.origin.endswith("item 3")


def test_atom_feed() -> None:
    article = only_article(read(FIXTURES / "feed.atom"))
    assert article.text.startswith("Gunmen opened fire on a police checkpoint")
    assert article.source == "Highland Monitor"
    assert article.published == date(2021, 7, 1)
    assert article.url == "https://highland.example/77"


def test_xml_without_feed_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "export.data"
    path.write_bytes((FIXTURES / "feed.atom").read_bytes())
    assert only_article(read(path)).kind == "feed"


def test_directory_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second.")
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / "c.jsonl").write_text('{"text": "Third."}\n')
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.")
    assert [r.text for r in read(tmp_path)] == ["First.", "Second.", "Third."]


def test_stdin_text_and_sniffed_jsonl() -> None:
    article = only_article(read("-", stdin="Clashes near the dam.".encode("utf-16")))
    assert article.text == "Clashes near the dam." and article.origin == "<stdin>"
    results = read("-", stdin=b'{"text": "From a pipe."}\n{"text": "Again."}\n')
    assert [(r.text, r.kind) for r in results] == [("From a pipe.", "jsonl"), ("Again.", "jsonl")]


def test_stdin_html_is_sniffed() -> None:
    page = (FIXTURES / "page.html").read_bytes()
    assert only_article(read("-", stdin=page)).kind == "html"


# --- bad inputs ---------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    assert str(only_problem(read(path))) == f"{path}: empty file"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 4)
    assert str(only_problem(read(path))) == f"{path}: binary file (not text)"


def test_binary_magic_with_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "scan.dat"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert only_problem(read(path)).message == "binary file (not text)"


def test_unknown_format_by_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert str(only_problem(read(path))) == f"{path}: unknown format '.pdf'"


def test_undecodable_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    path = tmp_path / "odd.txt"
    path.write_bytes(b"Report text \x81\x8d\x8f\x90 more text")
    # charset-normalizer guesses something for almost any bytes: force "no guess".
    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: _NoMatch())
    problem = only_problem(read(path))
    assert problem.message.startswith("cannot decode the bytes as text")


class _NoMatch:
    def best(self) -> None:
        return None


def test_invalid_utf16_after_bom(tmp_path: Path) -> None:
    path = tmp_path / "broken16.txt"
    path.write_bytes(b"\xff\xfeA\x00\x00\xd8")  # lone surrogate
    assert "cannot decode the bytes" in only_problem(read(path)).message


def test_over_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 3000)
    problem = only_problem(read(path, max_bytes=1024))
    assert str(problem) == f"{path}: file is 2.9 KB, over the 1.0 KB limit"
    stdin_problem = only_problem(read("-", max_bytes=10, stdin=b"y" * 50))
    assert stdin_problem.message == "input is over the 10 bytes limit"


def test_missing_path_and_others_still_read(tmp_path: Path) -> None:
    good = tmp_path / "ok.txt"
    good.write_text("A report.")
    results = read(tmp_path / "nope.txt", good)
    assert str(results[0]) == f"{tmp_path / 'nope.txt'}: no such file or directory"
    assert isinstance(results[1], Article) and results[1].text == "A report."


def test_broken_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>Truncated")
    problem = only_problem(read(path))
    assert problem.origin == str(path)
    assert problem.message.startswith(("not a readable RSS/Atom feed", "feed has no items"))


def test_feed_item_without_text(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    path.write_text("<rss><channel><title>x</title><item><title>Only a title")
    assert str(only_problem(read(path))) == f"{path} item 1: no text (neither content nor summary)"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-10-05", date(2019, 10, 5)),
        ("2019-10-05T23:59:00-05:00", date(2019, 10, 5)),
        ("Sat, 05 Oct 2019 14:00:00 GMT", date(2019, 10, 5)),
        ("10/5/2019", date(2019, 10, 5)),
        ("October 5, 2019", date(2019, 10, 5)),
        ("", None),
    ],
)
def test_parse_published(value: str, expected: date | None) -> None:
    assert parse_published(value) == expected


def test_parse_published_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="unreadable date"):
        parse_published("next week")
