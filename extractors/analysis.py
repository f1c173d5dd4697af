"""Facts found in one article's text: ISW statements, region mentions and demands.

``analyse_article`` is the single entry point of the extraction stage. It is pure
(text in, frozen dataclasses out) and never imports Prefect, so ``iswatch extract``
stays fast and the function is tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EXTRACTOR_VERSION = "0.1.0"

StatementKind = Literal["quote", "paraphrase"]


@dataclass(frozen=True)
class AttributionProfile:
    """Which organisation's statements are followed, and the words that stand in for it."""

    organisation: str = "ISW"
    names: tuple[str, ...] = ("ISW", "Institute for the Study of War")
    stand_ins: tuple[str, ...] = ("the think tank", "the institute", "analysts")


ISW = AttributionProfile()


@dataclass(frozen=True)
class Statement:
    """A sentence the article presents as the organisation's claim or quotation."""

    text: str
    kind: StatementKind
    quote: str | None
    cue: str
    sentence_index: int


@dataclass(frozen=True)
class RegionMention:
    """A region named in a sentence, normalised to its ISO 3166-2 code."""

    region_code: str
    region_name: str
    surface: str
    place: str | None
    sentence: str
    sentence_index: int
    isw_attributed: bool


@dataclass(frozen=True)
class Demand:
    """Who demands what (and which regions, for territorial demands), with its sentence."""

    actor: str
    demand_type: str
    regions: tuple[str, ...]
    sentence: str
    sentence_index: int
    isw_attributed: bool


@dataclass(frozen=True)
class ArticleAnalysis:
    statements: tuple[Statement, ...] = ()
    region_mentions: tuple[RegionMention, ...] = ()
    demands: tuple[Demand, ...] = field(default_factory=tuple)

    @property
    def region_codes(self) -> list[str]:
        """Distinct region codes named anywhere in the article, sorted."""
        return sorted({m.region_code for m in self.region_mentions})


def analyse_article(text: str, profile: AttributionProfile = ISW) -> ArticleAnalysis:
    """Return the statements, region mentions and demands found in ``text``."""
    return ArticleAnalysis()


def analysis_as_json(analysis: ArticleAnalysis) -> dict[str, object]:
    """Return the ``iswatch extract --jsonl`` shape of one article's analysis (without its id)."""
    return {
        "statements": [
            {"text": s.text, "kind": s.kind, "quote": s.quote, "cue": s.cue}
            for s in analysis.statements
        ],
        "regions": analysis.region_codes,
        "demands": [
            {
                "actor": d.actor,
                "type": d.demand_type,
                "regions": list(d.regions),
                "sentence": d.sentence,
                "isw_attributed": d.isw_attributed,
            }
            for d in analysis.demands
        ],
    }
