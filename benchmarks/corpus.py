"""The real pages the benchmarks run on: the 224 gzipped HTML pages of the shared corpus.

Shared by the benchmark scripts; not a test fixture (benchmarks may read ``../shared``).
"""

from __future__ import annotations

import gzip
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "html"


@dataclass(frozen=True)
class CorpusPage:
    name: str
    html: bytes  # uncompressed, as a server would send it


def read_pages(corpus: Path = DEFAULT_CORPUS) -> list[CorpusPage]:
    """Return every ``*.html.gz`` page under ``corpus``, inflated in memory, by path."""
    files = sorted(corpus.glob("**/*.html.gz"))
    if not files:
        sys.exit(f"no *.html.gz pages under {corpus}")
    return [CorpusPage(f.name.removesuffix(".html.gz"), gzip.decompress(f.read_bytes()))
            for f in files]


def dev_texts() -> list[str]:
    """Return the texts of the labelled dev articles kept with the tests."""
    path = ROOT / "tests" / "fixtures" / "eval" / "articles.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def machine() -> str:
    """Return a one-line description of the CPU this runs on."""
    import os
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}, Python {sys.version.split()[0]}"
