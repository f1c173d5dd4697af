"""Print how many articles per second ``analyse_article`` handles on one core.

Text in, statements + regions + demands out, over the labelled dev articles and the seed
articles repeated. Usage: python benchmarks/extract_speed.py [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import machine  # noqa: E402
from extractors.analysis import analyse_article, prepare  # noqa: E402

TARGET_PER_SECOND = 1000


def load_texts() -> list[str]:
    """Return the dev articles' texts and the seed articles' texts."""
    eval_path = ROOT / "tests" / "fixtures" / "eval" / "articles.jsonl"
    with eval_path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return texts


def _timed_run(texts: list[str], rounds: int) -> float:
    """Return the seconds ``rounds`` passes of ``analyse_article`` over ``texts`` take."""
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            analyse_article(text)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=10, help="passes over the articles per run")
    parser.add_argument("--runs", type=int, default=5, help="timed runs; the best one counts")
    args = parser.parse_args()
    texts = load_texts()
    prepare()  # load the Punkt model and compile patterns outside the timing
    count = args.rounds * len(texts)
    # Best of several runs, as timeit does: other processes only ever slow a run down.
    elapsed = min(_timed_run(texts, args.rounds) for _ in range(args.runs))
    rate = count / elapsed
    print(machine())
    print(f"{count} articles in {elapsed:.2f} s: {rate:,.0f} articles/s on one core "
          f"(target {TARGET_PER_SECOND:,})")
    return 0 if rate >= TARGET_PER_SECOND else 1


if __name__ == "__main__":
    sys.exit(main())
