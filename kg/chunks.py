"""`chunks`: the one way kg cuts a stream into batches (spaCy batches, worker tasks, ledger look-ups, write
transactions)."""

from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter), read lazily from any iterable."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
