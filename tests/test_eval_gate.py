"""Quality gate: the extractor on the labelled sets may not fall below committed floors.

Floors live in each set's ``baseline.json``: ``tests/fixtures/eval`` (the dev split),
``tests/fixtures/eval_blind``, ``eval_blind2`` and ``eval_blind3`` (blind-labelled articles,
written without looking at the extractor) and ``eval_written`` (written and labelled blind, then
used to find general mechanisms the extractor missed). Raise a floor when the extractor
improves, and lower one only in a commit that says why. Do not tune rules on single blind
sentences: the blind sets measure generalisation.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from extractors.analysis import analyse_article, analysis_as_json
from tests.eval_scoring import TASKS, Scores, score

FIXTURES = Path(__file__).parent / "fixtures"
# Set name -> (folder, split to score or None for every article).
SETS: dict[str, tuple[Path, str | None]] = {
    "dev": (FIXTURES / "eval", "dev"),
    "blind": (FIXTURES / "eval_blind", None),
    "blind2": (FIXTURES / "eval_blind2", None),
    "blind3": (FIXTURES / "eval_blind3", None),
    "written": (FIXTURES / "eval_written", None),
}


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _baseline(name: str) -> dict:
    return json.loads((SETS[name][0] / "baseline.json").read_text())


@cache
def _scores(name: str) -> Scores:
    folder, split = SETS[name]
    articles = [a for a in _read_jsonl(folder / "articles.jsonl")
                if split is None or a.get("split") == split]
    labels = {label["id"]: label for label in _read_jsonl(folder / "labels.jsonl")}
    gold = {a["id"]: labels[a["id"]] for a in articles}
    pred = {a["id"]: analysis_as_json(analyse_article(a["text"])) for a in articles}
    return score(gold, pred)


@pytest.mark.parametrize("task", TASKS)
@pytest.mark.parametrize("name", list(SETS))
def test_f1_holds_its_floor(name: str, task: str) -> None:
    floor = _baseline(name)["min_f1"][task]
    precision, recall, f1 = _scores(name).tallies[task].prf()
    assert f1 >= floor, (
        f"{name} {task}: F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f}) fell below {floor}"
    )


@pytest.mark.parametrize(("name", "task"), [
    (name, task) for name in SETS for task in _baseline(name).get("min_precision", {})])
def test_precision_holds_its_floor(name: str, task: str) -> None:
    # A false demand is a false alert to analysts: precision has its own floor.
    floor = _baseline(name)["min_precision"][task]
    precision = _scores(name).tallies[task].prf()[0]
    assert precision >= floor, f"{name} {task}: P {precision:.3f} below {floor}"


@pytest.mark.parametrize("name", list(SETS))
def test_floors_cover_every_task(name: str) -> None:
    assert set(_baseline(name)["min_f1"]) == set(TASKS)


def test_every_labelled_set_has_a_gate() -> None:
    folders = {p.parent for p in FIXTURES.glob("eval*/baseline.json")}
    assert folders == {folder for folder, _ in SETS.values()}
