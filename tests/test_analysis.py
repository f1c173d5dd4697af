"""A batch of articles is analysed stage by stage; each article's facts are its own."""

from __future__ import annotations

import json
from pathlib import Path

from extractors.analysis import analyse_article, analyse_articles

FIXTURES = Path(__file__).parent / "fixtures"


def _labelled_texts() -> list[str]:
    texts = []
    for path in sorted(FIXTURES.glob("eval*/articles.jsonl")):
        with path.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


def test_a_batch_finds_in_each_article_what_the_article_alone_gives() -> None:
    texts = _labelled_texts()
    assert len(texts) > 1000
    alone = [analyse_article(text) for text in texts]
    assert sum(bool(a.demands) for a in alone) > 100  # the comparison covers real findings
    assert analyse_articles(texts) == alone
    # In another order and other company, an article still gives the same facts.
    assert analyse_articles(iter(texts[::-1][:300])) == alone[::-1][:300]


def test_an_empty_batch_gives_nothing() -> None:
    assert analyse_articles([]) == []
