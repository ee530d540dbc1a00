"""The view cache: reused while nothing changed, dropped on writes, on new data and after its time limit."""

from __future__ import annotations

from nextround.services.workspace import Workspace
from nextround.web.cache import ViewCache
from tests.factories import make_application


class Ticker:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_cache_reuses_until_something_changes(workspace: Workspace) -> None:
    ticker = Ticker()
    cache = ViewCache(ttl=30, clock=ticker)
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.get("view", workspace, compute) == 1
    assert cache.get("view", workspace, compute) == 1
    cache.changed()  # a write through the app
    assert cache.get("view", workspace, compute) == 2
    make_application(workspace)  # a write from elsewhere (the CLI): the signature moves
    assert cache.get("view", workspace, compute) == 3
    ticker.now = 31  # too old
    assert cache.get("view", workspace, compute) == 4
    assert cache.get("other", workspace, compute) == 5
