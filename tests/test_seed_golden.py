"""Golden test: the two seed articles give exactly the reviewed statements, regions, demands.

After an intended change, run ``python tests/fixtures/golden/regenerate.py`` and review the
diff of ``tests/fixtures/golden/*.json`` like code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.analysis import analyse_article, analysis_as_json

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def test_every_seed_has_a_golden_file() -> None:
    assert SEEDS
    for seed in SEEDS:
        assert (ROOT / "tests" / "fixtures" / "golden" / f"{seed.stem}.json").is_file()


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_extraction_matches_golden(seed: Path) -> None:
    expected = json.loads((ROOT / "tests" / "fixtures" / "golden" / f"{seed.stem}.json")
                          .read_text(encoding="utf-8"))
    actual = analysis_as_json(analyse_article(seed.read_text(encoding="utf-8")))
    assert actual["statements"] == expected["statements"]
    assert actual["regions"] == expected["regions"]
    assert actual["demands"] == expected["demands"]
