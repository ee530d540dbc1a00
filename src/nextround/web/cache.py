"""A small cache for the expensive summary views (dashboard, stats), so they stay quick with 10,000 applications.

An entry is used only while all of these hold: it is younger than TTL_SECONDS, nothing was changed through
this app since (every state-changing request bumps the generation), and the owner's data signature (counts and
newest ids of applications, stage events and settings: three indexed queries) is unchanged, which catches
most changes made meanwhile from the command line. Time-dependent text (days of silence) is at most TTL old.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from nextround.services.browse import data_signature
from nextround.services.workspace import Workspace

T = TypeVar("T")
TTL_SECONDS = 30.0


class ViewCache:
    def __init__(
        self,
        ttl: float = TTL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        signature: Callable[[Workspace], Hashable] = data_signature,
    ) -> None:
        self.ttl = ttl
        self.clock = clock
        self.signature = signature
        self.generation = 0
        self._entries: dict[tuple[Any, ...], tuple[float, int, Hashable, Any]] = {}
        self._lock = threading.Lock()

    def changed(self) -> None:
        """Something was written through the app: forget everything."""
        with self._lock:
            self.generation += 1
            self._entries.clear()

    def get(self, name: str, ws: Workspace, compute: Callable[[], T]) -> T:
        key = (name, ws.owner_id)
        signature = self.signature(ws)
        now = self.clock()
        with self._lock:
            found = self._entries.get(key)
            generation = self.generation
        if found is not None:
            stored_at, stored_generation, stored_signature, value = found
            if stored_generation == generation and stored_signature == signature and now - stored_at < self.ttl:
                cached: T = value
                return cached
        value = compute()
        with self._lock:
            if self.generation == generation:  # not invalidated while computing
                self._entries[key] = (now, generation, signature, value)
        return value
