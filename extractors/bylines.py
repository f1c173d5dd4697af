"""The author named in a page's byline: trafilatura's byline search in one pass over the tree.

trafilatura's ``extract_author`` copies the whole tree, prunes it with two XPath expressions
and runs up to three more; each expression costs about as much as walking the tree, and on the
corpus pages that search cost more than everything else iswatch adds to trafilatura's text
extraction. ``byline_author`` applies the same rules (``trafilatura.xpaths.AUTHOR_XPATHS`` and
``AUTHOR_DISCARD_XPATHS``: every ``re:test`` there is a set of literal alternatives) while
walking the tree once, and prunes in place. ``tests/test_text.py`` checks that both give the
same author on real pages.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement
from trafilatura.metadata import normalize_authors
from trafilatura.utils import trim
from trafilatura.xml import delete_element

__all__ = ["byline_author"]

_MAX_AUTHOR_CHARS = 120


def _literals(*parts: str) -> re.Pattern[str]:
    """A pattern that finds any of ``parts`` (what trafilatura's ``re:test`` alternations do)."""
    return re.compile("|".join(map(re.escape, parts)))



_SPECIFIC_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_SPECIFIC_CLASS_PARTS = _literals("authorname", "author-name", "AuthorName", "authorName")
_GENERIC_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_GENERIC_CLASSES = frozenset({"byline", "username", "byl", "BBL"})
_GENERIC_ID_PARTS = _literals("author", "zuozhe", "bianji", "xiaobian")
_GENERIC_CLASS_PARTS = _literals("author", "channel-name", "zuozhe", "bianji", "xiaobian",
                                 "submitted-by", "posted-by", "journalist-name")
_ANY_ID_PARTS = _literals("author", "Author")
_ANY_CLASS_PARTS = _literals("author", "Author", "screenname", "writer", "byline", "Byline")

_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_CLASSES = frozenset({"comments", "title", "date"})
_DISCARD_ID_PARTS = _literals("commentlist", "comment-list", "ProductReviews")
_DISCARD_CLASS_PARTS = _literals("commentlist", "comments-list", "sidebar", "is-hidden", "quote",
                                 "embedly-instagram", "article-share", "article-support", "print",
                                 "category", "meta-date", "meta-reviewer")
# Every class or id a rule above can match contains one of these.
_ANY_RULE_CLASS = _literals("author", "Author", "byl", "Byline", "screenname", "writer", "username",
                            "BBL", "channel-name", "zuozhe", "bianji", "xiaobian", "submitted-by",
                            "posted-by", "journalist-name", "omments", "commentlist", "sidebar",
                            "is-hidden", "quote", "embedly-instagram", "article-share",
                            "article-support", "print", "category", "meta-date", "meta-reviewer",
                            "title", "date")
_ANY_RULE_ID = _literals("author", "Author", "zuozhe", "bianji", "xiaobian", "comments",
                         "commentlist", "comment-list", "ProductReviews")
# Elements whose text is never a byline wherever they are.
_ALWAYS_DISCARDED_TAGS = frozenset({"time", "figure"})


def byline_author(tree: HtmlElement) -> str | None:
    """Return the author named in the page's byline, or None; prunes ``tree`` in place.

    Comments, sidebars, quotes, dates and figures are removed first, then elements that name
    an author are tried from the most specific rule to the most generic, in document order;
    the first whose text is 3–119 characters long is the author.
    """
    discarded: list[HtmlElement] = []
    always_discarded: list[HtmlElement] = []
    specific: list[HtmlElement] = []
    generic: list[HtmlElement] = []
    anywhere: list[HtmlElement] = []
    # <rel>me</rel> is one of trafilatura's byline rules; pages almost never have such a child.
    has_rel_child = next(tree.iter("rel"), None) is not None
    for element in tree.iter():
        tag = element.tag
        if tag in _ALWAYS_DISCARDED_TAGS:
            always_discarded.append(element)
            continue
        if tag == "author":
            specific.append(element)
            continue
        attributes = element.attrib
        if not attributes and not has_rel_child:
            continue
        css_class = attributes.get("class")
        element_id = attributes.get("id")
        # Most elements are plain layout: nothing in their attributes any rule looks at.
        if not (has_rel_child or (css_class is not None and _ANY_RULE_CLASS.search(css_class))
                or (element_id is not None and _ANY_RULE_ID.search(element_id))
                or "itemprop" in attributes or "data-component" in attributes
                or "rel" in attributes or "data-testid" in attributes):
            continue
        if tag in _DISCARD_TAGS and (
                element_id == "comments" or css_class in _DISCARD_CLASSES
                or (element_id is not None and element_id.startswith("comments"))
                or _contains_any(element_id, _DISCARD_ID_PARTS)
                or (css_class is not None and css_class.startswith(("comments", "Comments")))
                or _contains_any(css_class, _DISCARD_CLASS_PARTS)
                or "Figure" in attributes.get("data-component", "")):
            discarded.append(element)
        itemprop = attributes.get("itemprop")
        if tag in _SPECIFIC_TAGS and (
                "author" in (attributes.get("rel"), element_id, css_class)
                or itemprop == "author name"
                or attributes.get("data-testid") in ("AuthorCard", "AuthorURL")
                or _contains_any(css_class, _SPECIFIC_CLASS_PARTS)
                or any(child.text_content() == "me" for child in element.iterchildren("rel"))):
            specific.append(element)
        if tag in _GENERIC_TAGS and (
                css_class in _GENERIC_CLASSES
                or (itemprop is not None and "author" in itemprop)
                or _contains_any(element_id, _GENERIC_ID_PARTS)
                or _contains_any(css_class, _GENERIC_CLASS_PARTS)):
            generic.append(element)
        if ("Byline" in attributes.get("data-component", "")
                or (itemprop is not None and "author" in itemprop)
                or _contains_any(element_id, _ANY_ID_PARTS)
                or _contains_any(css_class, _ANY_CLASS_PARTS)):
            anywhere.append(element)
    # The same order as trafilatura's pruning: the named sections, then times and figures.
    for element in discarded + always_discarded:
        delete_element(element)
    for candidates in (specific, generic, anywhere):
        for element in candidates:
            if not _in_tree(element, tree):
                continue
            text = trim(" ".join(element.itertext()))
            if text and 2 < len(text) < _MAX_AUTHOR_CHARS:
                return normalize_authors(None, text)
    return None


def _in_tree(element: HtmlElement, root: HtmlElement) -> bool:
    """True unless ``element`` went with a pruned section."""
    for ancestor in element.iterancestors():
        if ancestor is root:
            return True
    return element is root


def _contains_any(value: str | None, parts: re.Pattern[str]) -> bool:
    return value is not None and parts.search(value) is not None
