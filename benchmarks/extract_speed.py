"""Print how many articles per second the extractors handle on one core.

Text in, statements + regions + demands out, over the labelled dev articles and the seed
articles repeated: one article at a time (``analyse_article``, as a pass's extraction worker
calls it after each page's trafilatura step) and in batches (``analyse_articles``, as
``iswatch extract --jsonl`` and ``iswatch reextract`` call it). The target is judged on the
batches. Usage: python benchmarks/extract_speed.py [--rounds N] [--runs N] [--batch N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import dev_texts, machine  # noqa: E402
from extractors.analysis import analyse_article, analyse_articles, prepare  # noqa: E402

TARGET_PER_SECOND = 1000


def load_texts() -> list[str]:
    """Return the dev articles' texts and the seed articles' texts."""
    texts = dev_texts()
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return texts


def _one_at_a_time(texts: list[str], rounds: int) -> float:
    """Return the seconds ``rounds`` passes of ``analyse_article`` over ``texts`` take."""
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            analyse_article(text)
    return time.perf_counter() - started


def _in_batches(texts: list[str], rounds: int, size: int) -> float:
    """Return the seconds ``rounds`` passes of ``analyse_articles`` over ``texts`` take, in
    batches of ``size``."""
    started = time.perf_counter()
    for _ in range(rounds):
        for start in range(0, len(texts), size):
            analyse_articles(texts[start:start + size])
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=10, help="passes over the articles per run")
    parser.add_argument("--runs", type=int, default=5, help="timed runs; the best one counts")
    parser.add_argument("--batch", type=int, default=50,
                        help="articles per batch (default 50, as iswatch extract --jsonl)")
    args = parser.parse_args()
    texts = load_texts()
    prepare()  # load the Punkt model and compile patterns outside the timing
    count = args.rounds * len(texts)
    # Best of several runs, as timeit does: other processes only ever slow a run down. The two
    # ways take turns, so that a change in the machine's speed weighs on both alike.
    single, batched = float("inf"), float("inf")
    for _ in range(args.runs):
        single = min(single, _one_at_a_time(texts, args.rounds))
        batched = min(batched, _in_batches(texts, args.rounds, args.batch))
    print(machine())
    print(f"{count} articles, one at a time: {single:.2f} s, {count / single:,.0f} articles/s "
          "on one core")
    rate = count / batched
    print(f"{count} articles in batches of {args.batch}: {batched:.2f} s, {rate:,.0f} "
          f"articles/s on one core (target {TARGET_PER_SECOND:,})")
    return 0 if rate >= TARGET_PER_SECOND else 1


if __name__ == "__main__":
    sys.exit(main())
