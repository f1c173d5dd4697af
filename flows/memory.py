"""Keeping a long pass flat in memory on glibc.

A pass downloads pages in short-lived threads; glibc gives busy threads their own malloc arenas
and keeps freed memory in them, so the resident size of a pass over 10,000 articles creeps up
although nothing is held. One arena for all threads, set before any thread starts
(``flows.monitor`` does it on import), and handing free pages back after each chunk keep it
flat (measured in ``benchmarks/backlog_pass.py``). The extraction workers map large blocks
apart too: a page's parse tree and text otherwise leave holes in their heap that add up over
thousands of pages. Elsewhere (not glibc) these are no-ops.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import lru_cache

# mallopt parameter numbers, from glibc's malloc.h
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
# Threads allocate with the GIL held, so one arena costs them little waiting.
MALLOC_ARENAS = 1
# Blocks this large (page bodies, their decoded text) get their own mapping, returned to the
# system when freed, unless free space in the heap fits them. glibc would otherwise raise this
# threshold up to 32 MB after the first large block is freed, and every later page body would
# land in the heap and fragment it.
MMAP_THRESHOLD_BYTES = 256 * 1024


@lru_cache(maxsize=1)
def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
        libc.mallopt  # noqa: B018 - only glibc has both functions
        libc.malloc_trim  # noqa: B018
    except (OSError, AttributeError):
        return None
    return libc


def tune_malloc(arenas: int = MALLOC_ARENAS) -> None:
    """Cap the number of malloc arenas threads may create from now on; map large blocks apart.

    Arenas made before stay: call this before the process starts threads."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(_M_ARENA_MAX, arenas)
        libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)


def release_free_memory() -> None:
    """Return the allocator's free pages to the operating system."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
