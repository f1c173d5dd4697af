"""Whose statements are followed: the organisation's names and the words that stand in for it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AttributionProfile:
    """Which organisation's statements are followed, and the words that stand in for it.

    ``names`` always attribute ("ISW said"). The other words attribute only in an article
    that names the organisation somewhere: ``stand_ins`` as "the think tank said",
    ``documents`` as "the report notes", ``analysts`` as "analysts say" or "According to
    experts" (after "the" also with one of ``analyst_qualifiers``: "the American analysts").
    ``handles`` are social-media accounts whose embedded posts are the organisation's own
    words. ``publications`` are the titles of its own recurring reports: a text that opens
    with one is the organisation's report, reposted.
    """

    organisation: str = "ISW"
    names: tuple[str, ...] = ("ISW", "Institute for the Study of War")
    stand_ins: tuple[str, ...] = ("think tank", "think-tank", "thinktank", "institute",
                                  "war monitor", "monitoring group", "research group")
    documents: tuple[str, ...] = (
        "report", "assessment", "study", "analysis", "update", "material", "publication",
    )
    analysts: tuple[str, ...] = ("analysts", "experts", "authors", "researchers")
    # Adjectives by which an article names the organisation's analysts ("the American
    # analysts"); "<home base>-based" is added for each of ``home_bases``.
    analyst_qualifiers: tuple[str, ...] = ("American", "U.S.", "US")
    handles: tuple[str, ...] = ("@TheStudyofWar",)
    publications: tuple[str, ...] = ("Russian Offensive Campaign Assessment",
                                     "Russia-Ukraine Warning Update")
    # Where "the X-based think tank" is the organisation; another base is another institute.
    home_bases: tuple[str, ...] = ("Washington", "D.C.", "DC", "U.S.", "US", "American")


ISW = AttributionProfile()

RUSI = AttributionProfile(
    organisation="RUSI",
    names=("RUSI", "Royal United Services Institute"),
    home_bases=("London", "UK", "U.K.", "British"),
    handles=("@RUSI_org",),
    publications=(),
)
