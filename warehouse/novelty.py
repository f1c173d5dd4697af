"""What is new: regions first demanded and (actor, demand type) pairs first seen.

A *new region* is a region code that appears in a territorial demand for the first time; a
*new demand* is an (actor, type) pair seen for the first time. ``known_terms`` remembers every
term ever seen with its first evidence, so re-extracting old articles finds nothing new. Seed
articles enter ``known_terms`` as the baseline and never alert.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import duckdb

from warehouse.db import in_keys, insert_rows, utcnow

if TYPE_CHECKING:
    from warehouse.records import ArticleRecord

# Where the gazetteer's first English name is not what an analyst calls the region.
_DISPLAY_NAMES = {"UA-30": "Kyiv", "UA-32": "Kyiv Oblast", "RU-MOW": "Moscow",
                  "RU-MOS": "Moscow Oblast", "MD-SN": "Transnistria"}


@lru_cache(maxsize=256)
def region_name(code: str) -> str:
    """Return the English name analysts use for an ISO 3166-2 code, e.g. Dnipropetrovsk.

    Falls back to pycountry's official name, then to the code itself.
    """
    if code in _DISPLAY_NAMES:
        return _DISPLAY_NAMES[code]
    from extractors.gazetteer import REGION_NAMES

    if REGION_NAMES.get(code):
        return REGION_NAMES[code][0]
    import pycountry

    subdivision = pycountry.subdivisions.get(code=code)
    return subdivision.name if subdivision is not None else code


@dataclass(frozen=True)
class NoveltyPolicy:
    """Which evidence may raise an alert."""

    actors: tuple[str, ...] = ()      # empty = every actor
    isw_only: bool = False            # only ISW-attributed sentences, else any sentence of an
    baseline: bool = False            # article carrying ISW statements; baseline = never alert


@dataclass(frozen=True)
class Candidate:
    """A term seen in this batch, with its first evidence in the batch."""

    kind: str            # region | demand
    term: str            # "UA-12" or "RU/territorial"
    article_id: str
    region_code: str | None
    actor: str
    demand_type: str
    sentence: str
    isw_attributed: bool


def candidate_terms(records: Sequence[ArticleRecord], policy: NoveltyPolicy) -> list[Candidate]:
    """Return the first evidence of each region and demand term in ``records``, in order."""
    seen: dict[tuple[str, str], Candidate] = {}
    for record in records:
        analysis = record.analysis
        if analysis is None or not (analysis.statements or record.is_seed):
            continue
        for demand in analysis.demands:
            if policy.actors and demand.actor not in policy.actors:
                continue
            if policy.isw_only and not demand.isw_attributed and not record.is_seed:
                continue
            terms: list[tuple[str, str, str | None]] = [
                ("demand", f"{demand.actor}/{demand.demand_type}", None)]
            if demand.demand_type == "territorial":
                terms += [("region", code, code) for code in demand.regions]
            for kind, term, code in terms:
                candidate = Candidate(kind, term, record.article_id, code, demand.actor,
                                      demand.demand_type, demand.sentence, demand.isw_attributed)
                first = seen.get((kind, term))
                # The first evidence wins, unless a later one is attributed to ISW and it is not.
                if first is None or (candidate.isw_attributed and not first.isw_attributed):
                    seen[(kind, term)] = candidate
    return list(seen.values())


def record_novelties(
    conn: duckdb.DuckDBPyConnection,
    run_id: str,
    records: Sequence[ArticleRecord],
    policy: NoveltyPolicy,
) -> int:
    """Add unseen terms to ``known_terms`` and, unless baseline, pending alerts; return alerts."""
    baseline = policy.baseline
    candidates = candidate_terms(records, policy)
    if not candidates:
        return 0
    known = _known_terms(conn, candidates)
    fresh = [c for c in candidates if (c.kind, c.term) not in known]
    if not fresh:
        return 0
    now = utcnow()
    by_id = {r.article_id: r for r in records}
    insert_rows(
        conn,
        "known_terms",
        {"kind": "VARCHAR", "term": "VARCHAR", "first_article_id": "VARCHAR",
         "first_run_id": "VARCHAR", "first_seen_at": "TIMESTAMPTZ", "baseline": "BOOLEAN"},
        [(c.kind, c.term, c.article_id, run_id, now, baseline) for c in fresh],
    )
    if baseline:
        return 0
    rows = []
    for c in fresh:
        article = by_id[c.article_id]
        is_region = c.kind == "region"
        rows.append((
            f"new_region:{c.term}" if is_region else f"new_demand:{c.term}",
            "new_region" if is_region else "new_demand",
            c.region_code, region_name(c.region_code) if c.region_code else None,
            c.actor, c.demand_type, c.sentence, c.isw_attributed, c.article_id,
            article.title, article.url, article.outlet or article.site_name,
            article.published_at, run_id, "pending", 0, now,
        ))
    # An alert already there stays as it is. Looked up by key rather than left to ``ON CONFLICT
    # DO NOTHING``, whose check took ~7 MB.
    condition, params = in_keys("alert_id", [row[0] for row in rows])
    existing = {row[0] for row in conn.execute(
        f"SELECT alert_id FROM alerts WHERE {condition}", params).fetchall()}
    return insert_rows(
        conn,
        "alerts",
        {"alert_id": "VARCHAR", "kind": "VARCHAR", "region_code": "VARCHAR",
         "region_name": "VARCHAR", "actor": "VARCHAR", "demand_type": "VARCHAR",
         "sentence": "VARCHAR", "isw_attributed": "BOOLEAN", "article_id": "VARCHAR",
         "article_title": "VARCHAR", "article_url": "VARCHAR", "outlet": "VARCHAR",
         "article_published": "VARCHAR", "run_id": "VARCHAR", "status": "VARCHAR",
         "attempts": "INTEGER", "created_at": "TIMESTAMPTZ"},
        [row for row in rows if row[0] not in existing],
    )


def _known_terms(
    conn: duckdb.DuckDBPyConnection, candidates: Sequence[Candidate]
) -> set[tuple[str, str]]:
    condition, params = in_keys("term", sorted({c.term for c in candidates}))
    rows = conn.execute(f"SELECT kind, term FROM known_terms WHERE {condition}", params).fetchall()
    return {(kind, term) for kind, term in rows}
