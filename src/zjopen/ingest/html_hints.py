"""What an element's ``class`` and ``id`` say it holds: the story, or page furniture.

Hints are whole words, not substrings: ``class="main-content has-sidebar"`` is read as
the words main, content, has, sidebar (hyphens, underscores, spaces, digits and
camelCase humps split words; each hyphenated or camelCase run also counts joined up,
maincontent and hassidebar), so "sidebar" is a furniture word there, but "shareholders"
holds no "share" and "navy" no "nav". Each group of words is a tuple written here,
turned into a set by :func:`words`, which refuses an empty group (an empty group would
match nothing and pass unnoticed).

>>> sorted(hint_words("main-content has_sidebar storyBody"))
['body', 'content', 'has', 'hassidebar', 'main', 'maincontent', 'sidebar', 'story', 'storybody']
>>> sorted(hint_words("shareholders navy"))
['navy', 'shareholders']
>>> hint("post-content"), hint(None, "comments"), hint("x", "nav-share")
(1, -2, -2)
>>> hint("article-comments"), hint("entry-ad"), hint("ad-slot")
(-2, 0, -1)
>>> hint(None, "what-are-you-looking-forward-to-next"), hint(None, "nav_nur_die_folie__1")
(0, 0)
"""

from __future__ import annotations

from zjopen.lexicon.patterns import lazy_compile


def words(*group: str) -> frozenset[str]:
    """The words of one hint group, as a set; an empty group or word is an error.

    >>> sorted(words("nav", "menu"))
    ['menu', 'nav']
    >>> words()
    Traceback (most recent call last):
    ...
    ValueError: an empty hint group
    """
    if not group or not all(group):
        raise ValueError("an empty hint group")
    return frozenset(word.lower() for word in group)


# The story's container: "article-body", "entry-content", "storyBody", "post".
CONTENT = words(
    "article", "articlebody", "articlecontent", "body", "content", "entry", "hentry",
    "main", "post", "story", "storybody", "storycontent", "text", "detail", "details",
    "blog", "prose", "page", "single", "rte", "richtext", "paragraph",
    "maincontent", "bodytext", "artikel", "inhalt", "beitrag", "contenu", "texte",
)
# Page furniture around (or inside) the story; the strong words win over a content word
# ("article-comments", "related-content"), the weak ones do not ("entry-ad").
STRONG_NOISE = words(
    # comments and discussion
    "comment", "comments", "commentlist", "disqus", "respond", "reply", "replies",
    "kommentar", "kommentare", "discussion",
    # sharing
    "share", "shares", "sharing", "sharebar", "sharethis", "addthis", "social", "socials",
    "socialmedia", "sociallinks",
    # other stories
    "related", "relatedposts", "recommended", "recommendation", "recommendations", "recirc",
    "morenews", "mostread", "mostviewed", "popular", "trending", "outbrain", "taboola",
    "readmore", "readalso", "pagination", "pager", "nextprev", "teaser", "teasers",
    # navigation and page frame
    "nav", "navbar", "navigation", "menu", "menubar", "submenu", "sidebar", "breadcrumb",
    "breadcrumbs", "crumbs", "crumb", "footer", "masthead", "topbar", "toolbar",
    "sitemap", "login", "sidebox",
    # about the author rather than the story (a byline is read from the page's lines)
    "author", "authors", "authorbox", "authorbio", "autor", "autorin", "bio", "biography",
    # sign-ups, consent
    "newsletter", "subscribe", "subscription", "signup", "cookie", "cookies", "consent",
    "gdpr", "popup", "modal", "paywall",
)
WEAK_NOISE = words(
    # advertising
    "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adsense",
    "anzeige", "werbung", "sponsor", "sponsored", "promo", "promotion", "banner", "donate",
    # page parts that may hold text worth keeping
    "more", "also", "next", "prev", "previous", "skip", "jump",
    "search", "account", "aside", "rail", "print", "printer", "email", "alert", "wishlist",
    "cart", "checkout",
    # labels about the story rather than the story
    "tags", "tagcloud", "taglist", "keywords", "categories", "rating", "ratings",
    "caption", "credit", "credits", "copyright", "disclaimer",
    # when and how long (read from the page's lines for the date, not story text)
    "date", "datum", "time", "timestamp", "readtime", "pubdate", "published", "views",
)

# Whole words only: letters in camelCase humps, or a run of capitals, or digits.
_WORD = lazy_compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
_JOINED = lazy_compile(r"[a-z0-9]+")
_HINT_CHARS = 200  # a class attribute past this long says nothing more


# Long furniture words that also end words written run together ("entryfooter",
# "postcomments"): long enough that no ordinary word ends in them by chance.
_ENDINGS = ("footer", "sidebar", "comments", "related", "newsletter", "breadcrumb",
            "breadcrumbs", "navigation", "sharing")


def hint_words(text: str) -> frozenset[str]:
    """The words of a class or id value (lower case), each hyphenated or camelCase run
    joined ("article-body" gives article, body and articlebody), and a long furniture word
    ending a word written run together ("entryfooter" gives footer too)."""
    text = text[:_HINT_CHARS]
    found = {word.lower() for word in _WORD.findall(text)}
    for token in text.split():
        joined = "".join(_JOINED.findall(token.lower()))
        if joined:
            found.add(joined)
    for word in list(found):
        if len(word) > 6 and word.endswith(_ENDINGS):
            found.update(ending for ending in _ENDINGS
                         if word.endswith(ending) and word != ending)
    return frozenset(found)


# An id made from a headline ("what-are-you-looking-forward-to-next",
# "nav_nur_die_folie__1"): five or more lower-case words joined by hyphens or underscores.
_SLUG = lazy_compile(r"\A[a-z0-9]+(?:[-_]+[a-z0-9]+){4,}\Z")


def hint(klass: str | None, ident: str | None = None) -> int:
    """+1 for the story's container; -2 for furniture named by a strong word (comments,
    sharing, related stories, navigation, sign-ups), -1 by a weak one (ads, tags, meta);
    0 for neither, or for a content word with a weak one.

    An id of five or more lower-case words joined by hyphens or underscores is a slug
    made from a headline, not a hint.
    """
    found: set[str] = set(hint_words(klass)) if klass else set()
    if ident and not _SLUG.match(ident.strip()):
        found |= hint_words(ident)
    if not found:
        return 0
    if not found.isdisjoint(STRONG_NOISE):
        return -2
    content = not found.isdisjoint(CONTENT)
    weak = not found.isdisjoint(WEAK_NOISE)
    return (content and not weak) - (weak and not content)
