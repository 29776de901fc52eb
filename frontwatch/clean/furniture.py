"""Page furniture: navigation, logos, share/print bars, cookie notices, tag trailers.

Each rule looks at one whole line (a paragraph of scraped text). Vocabulary is
generic web boilerplate in a few languages, nothing about any one country.
"""

from __future__ import annotations

import re

from frontwatch.clean.text import norm_key, word_count

# Whole lines that are furniture, compared with ``norm_key``.
FURNITURE_LINES = frozenset(
    {
        # logos and navigation
        "logo", "site logo", "logo wide", "logo small", "main logo", "header logo", "menu",
        "main menu", "open menu", "close menu", "toggle menu", "toggle navigation", "navigation",
        "main navigation", "search", "close", "home", "homepage", "skip to content",
        "skip to main content", "skip to navigation", "jump to content", "back to top",
        "subscribe", "subscribe now", "sign in", "sign up", "log in", "login", "log out",
        "register", "my account", "newsletter", "donate", "support us", "follow us",
        # share / print / comments
        "share", "share this", "share this article", "share this story", "share this post",
        "share article", "share story", "tweet", "print", "print this", "print this article",
        "email", "e mail", "email this", "copy link", "link copied", "comments", "comment",
        "leave a comment", "view comments", "listen", "listen to this article", "save",
        "bookmark", "font size", "text size",
        # adverts and paging
        "advertisement", "advertisment", "ad", "sponsored", "sponsored content",
        "scroll to continue", "scroll to continue with content", "continue reading",
        "load more", "show more", "next article", "previous article", "more stories",
        # French, Spanish, German, Turkish, Arabic equivalents
        "partager", "imprimer", "accueil", "se connecter", "s abonner", "publicité",
        "menu principal", "rechercher", "compartir", "imprimir", "inicio", "suscríbete",
        "publicidad", "buscar", "teilen", "drucken", "startseite", "anmelden", "abonnieren",
        "werbung", "suche", "paylaş", "yazdır", "anasayfa", "reklam",
        "مشاركة", "شارك", "طباعة", "الرئيسية", "إعلان", "اشترك", "بحث", "تسجيل الدخول",
    }
)  # fmt: skip

# Words that make up a share bar ("Facebook Twitter WhatsApp Email").
SOCIAL_WORDS = frozenset(
    {
        "facebook", "twitter", "x", "whatsapp", "telegram", "email", "e", "mail", "linkedin",
        "reddit", "pinterest", "messenger", "print", "share", "copy", "link", "tumblr", "vk",
        "viber", "sms", "flipboard", "pocket", "threads", "bluesky", "mastodon", "instagram",
        "youtube", "tiktok", "rss", "google",
    }
)  # fmt: skip

_RULES = (
    re.compile(r"^click (?:here )?to (?:share|print|email|tweet|copy)\b", re.I),
    re.compile(r"^(?:share|tweet) (?:this|on|via|to|with)\b.{0,60}$", re.I),
    re.compile(r"^\(?opens in (?:a )?new (?:window|tab)\)?$", re.I),
    re.compile(r"^by (?:continuing|using) (?:to (?:use|browse) )?this (?:site|website)", re.I),
    re.compile(
        r"^(?:read more|read also|also read|see also|more on this|more from|you may also like"
        r"|you might also like|recommended(?: for you)?|most read|most popular|editor'?s picks?"
        r"|lire aussi|à lire aussi|voir aussi|lea también|leer más|lee también|mehr zum thema"
        r"|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد)\b.{0,200}$",
        re.I,
    ),
    re.compile(
        r"^related(?: articles?| stories| posts| news| content| coverage| reading| links)?"
        r"\s*(?:[:|\-–—].{0,200})?$",
        re.I,
    ),
    re.compile(r"^(?:©|\(c\)|copyright\b).{0,200}$", re.I),
    re.compile(r"^.{0,150}\ball rights reserved\.?$", re.I),
    re.compile(r"^(?:file )?(?:photo|image|picture|video)s?(?: credit)?\s*:.{0,120}$", re.I),
    re.compile(r"^\d+\s*min(?:ute)?s?\s+read$", re.I),
    # "Daily Wire logo", "Logo (dark)": an image's alt text on its own line
    re.compile(r"^(?:[\w'’&.-]+\s+){0,4}logo$|^logo\b.{0,30}$", re.I),
    re.compile(r"^[Bb]y\s+[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5}$"),
)
_COOKIE_WORDS = ("accept", "consent", "policy", "we use", "uses cookies", "settings", "agree",
                 "browsing", "experience", "personalis", "personaliz")  # fmt: skip
_NAV_SPLIT = re.compile(r"\s*[|•·]\s*")
_BREADCRUMB_SPLIT = re.compile(r"\s+[>»›/]\s+")

TRAILER_LABEL = (
    r"(?:helpful keywords|related keywords|keywords|tags|tagged(?: with)?|related topics|topics"
    r"|filed under|categories|mots[- ]clés|etiquetas|palabras clave|schlagwörter|schlagworte"
    r"|الكلمات المفتاحية|كلمات مفتاحية|وسوم)"
)
_TRAILER_LINE = re.compile(rf"^{TRAILER_LABEL}\s*:?\s*$", re.I)
_TRAILER_LIST = re.compile(rf"^{TRAILER_LABEL}\s*:\s*(?P<items>.+)$", re.I)
_TRAILER_GLUED = re.compile(rf"(?<=[.!?\"”’)])\s*(?P<label>{TRAILER_LABEL}\s*:?)\s*$", re.I)


def _is_nav_bar(line: str) -> bool:
    """ "Home | World | Politics", "News › Middle East › Syria": short items between bars."""
    if line.endswith("."):
        return False
    parts = [p for p in _NAV_SPLIT.split(line) if p]
    if len(parts) < 2:
        parts = [p for p in _BREADCRUMB_SPLIT.split(line) if p]
    # two items only when one is "Home" (a headline may be "Place | What happened")
    minimum = 2 if any(norm_key(p) in {"home", "accueil", "inicio"} for p in parts) else 3
    if len(parts) < minimum:
        return False
    return all(word_count(p) <= 3 and not p[0].islower() for p in parts)


def _is_share_bar(key: str) -> bool:
    words = key.split()
    return bool(words) and len(words) <= 12 and all(w in SOCIAL_WORDS for w in words)


def _is_cookie_notice(line: str) -> bool:
    lower = line.lower()
    return len(line) <= 500 and "cookie" in lower and any(w in lower for w in _COOKIE_WORDS)


def is_furniture(line: str) -> bool:
    """True when a whole line is page furniture rather than report text.

    >>> [is_furniture(x) for x in ("Logo Wide", "Home | World | Politics", "Share on X")]
    [True, True, True]
    >>> is_furniture("Shelling resumed on the northern front on Friday.")
    False
    """
    key = norm_key(line)
    if not key:
        return not any(ch.isalnum() for ch in line)  # separators such as "* * *"
    if key in FURNITURE_LINES or _is_share_bar(key):
        return True
    if _is_nav_bar(line) or _is_cookie_notice(line):
        return True
    return any(rule.search(line) for rule in _RULES)


def is_tag_trailer(line: str) -> bool:
    """A keyword/tag label with nothing after it, or with only a short tag list.

    >>> is_tag_trailer("Helpful keywords"), is_tag_trailer("Tags: Mosul, Iraq, ISIS")
    (True, True)
    >>> is_tag_trailer("Topics discussed at the talks included a ceasefire.")
    False
    """
    if _TRAILER_LINE.match(line):
        return True
    match = _TRAILER_LIST.match(line)
    if not match or line.endswith("."):
        return False
    items = [i for i in re.split(r"\s*[,;|#]\s*", match["items"]) if i]
    return bool(items) and all(word_count(i) <= 4 for i in items)


def split_glued_trailer(line: str) -> tuple[str, str | None]:
    """Split a tag label glued to the end of the last line ("...author.Helpful keywords").

    >>> split_glued_trailer("Views are the author's.Helpful keywords")
    ("Views are the author's.", 'Helpful keywords')
    """
    match = _TRAILER_GLUED.search(line)
    if not match or match.start() == 0:
        return line, None
    return line[: match.start()].rstrip(), match["label"].strip()
