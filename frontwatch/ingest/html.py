"""HTML pages to text: trafilatura first, a small stdlib stripper as fallback."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

from frontwatch.ingest.dates import parse_published

# Elements whose text is never report content.
_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "svg",
        "iframe",
        "head",
        "select",
    }
)
# Elements that end a paragraph.
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "article",
        "section",
        "main",
        "tr",
        "table",
        "pre",
        "hr",
        "figcaption",
        "dd",
        "dt",
        "title",
        "body",
        "html",
    }
)
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "col"})


class _TextCollector(HTMLParser):
    """Collect visible text, one paragraph per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Strip tags, keeping one paragraph a line (scripts, styles and nav dropped).

    >>> html_to_text("<p>One &amp; two</p><script>x()</script><p>Three<br>four</p>")
    'One & two\\nThree\\nfour'
    """
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class PageText:
    """Main text and metadata extracted from one HTML page."""

    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None


def extract_page(markup: str) -> PageText:
    """Main text and metadata of a page via trafilatura, else plain tag stripping.

    trafilatura is imported here, not at module import: it takes about a second.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_recall=True,
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        title = getattr(document, "title", None) if document is not None else None
        return PageText(text=html_to_text(markup), title=title)
    return PageText(
        text=text,
        title=getattr(document, "title", None) or None,
        published=getattr(document, "date", None) or None,
        author=getattr(document, "author", None) or None,
        sitename=getattr(document, "sitename", None) or None,
        url=getattr(document, "url", None) or None,
    )


def page_date(page: PageText) -> date | None:
    """The page's date as a ``date``, or None when trafilatura found none or it is odd."""
    if not page.published:
        return None
    try:
        return parse_published(page.published)
    except ValueError:
        return None
