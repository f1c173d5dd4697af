"""Matching rules of ``shared/eval/score.py``, copied so the quality gate runs offline.

Keep this faithful to score.py: statements match when their normalised texts are equal, one
contains the other (beyond 20 characters) or their word sets overlap by at least 70%
(greedy one-to-one); regions are compared as a set per article; demands as a set of
(actor, type) per article; territory as a set of (actor, region) over territorial demands.
Scores are micro-averaged over all articles.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                        "‘": "'", "’": "'", "‚": "'", "—": "-", "–": "-"})
TASKS = ("statements", "regions", "demands", "territory")


def norm(text: str) -> str:
    """Return ``text`` normalised the way score.py compares sentences."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTES).lower()
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" .!?;:\"'")


def tokens(text: str) -> set[str]:
    """Return the word set of ``text`` after normalisation."""
    return set(re.findall(r"\w+", norm(text)))


def same_sentence(a: str, b: str) -> bool:
    """Return whether two sentences count as the same under score.py's rules."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    if na == nb or (len(na) > 20 and na in nb) or (len(nb) > 20 and nb in na):
        return True
    ta, tb = tokens(a), tokens(b)
    return len(ta & tb) / max(1, len(ta | tb)) >= 0.7


@dataclass
class Tally:
    """True/false positives and false negatives of one task."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> tuple[float, float, float]:
        """Return precision, recall and F1 (1.0 where nothing was expected or predicted)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def match_statements(gold: list[dict], pred: list[dict]) -> tuple[int, int, int]:
    """Return tp, fp, fn of a greedy one-to-one statement matching."""
    used: set[int] = set()
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same_sentence(g["text"], p.get("text", "")):
                used.add(i)
                tp += 1
                break
    return tp, len(pred) - len(used), len(gold) - tp


def set_score(gold: set, pred: set) -> tuple[int, int, int]:
    """Return tp, fp, fn of two sets."""
    return len(gold & pred), len(pred - gold), len(gold - pred)


def demand_keys(demands: list[dict]) -> tuple[set, set]:
    """Return the (actor, type) and (actor, region) sets of a demand list."""
    kinds = {(d.get("actor"), d.get("type")) for d in demands}
    territory = {(d.get("actor"), r) for d in demands
                 if d.get("type") == "territorial" for r in d.get("regions", [])}
    return kinds, territory


@dataclass
class Scores:
    """Tallies of every task over a set of articles."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in TASKS})

    def f1(self, task: str) -> float:
        """Return the F1 of ``task``."""
        return self.tallies[task].prf()[2]


def score(gold_by_id: dict[str, dict], pred_by_id: dict[str, dict]) -> Scores:
    """Return the micro-averaged tallies of predictions against labels, per task."""
    scores = Scores()
    for article_id, gold in gold_by_id.items():
        pred = pred_by_id.get(article_id, {})
        scores.tallies["statements"].add(*match_statements(gold.get("isw_statements", []),
                                                           pred.get("statements", [])))
        scores.tallies["regions"].add(*set_score(set(gold.get("regions", [])),
                                                 set(pred.get("regions", []))))
        gk, gt = demand_keys(gold.get("demands", []))
        pk, pt = demand_keys(pred.get("demands", []))
        scores.tallies["demands"].add(*set_score(gk, pk))
        scores.tallies["territory"].add(*set_score(gt, pt))
    return scores
