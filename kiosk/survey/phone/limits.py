"""How often the phone page answers: per phone, for everyone, and for wrong codes.

Sliding windows of request times in memory (the server's life is one day's
event). A phone that asks too often, or tries wrong codes, is refused for a
while (429 with Retry-After), and so is everyone once the whole network
tries too many wrong codes: a code is 50 bits, so guessing needs millions of
tries, and here it gets a few dozen an hour. Nothing is written anywhere,
and addresses are forgotten when their window empties.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    per_client: int = 60  # requests a phone may make in `window` seconds
    overall: int = 600  # requests of everyone together in `window`
    window: float = 60.0
    wrong_per_client: int = 8  # wrong codes a phone may try in `wrong_window`
    wrong_overall: int = 40  # wrong codes of everyone together in `wrong_window`
    wrong_window: float = 600.0
    max_clients: int = 4096  # addresses remembered at once (a flood of them is refused)


class RateLimiter:
    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self._lock = threading.Lock()
        self._requests: dict[str, deque[float]] = {}
        self._all: deque[float] = deque()
        self._wrong: dict[str, deque[float]] = {}
        self._all_wrong: deque[float] = deque()

    @staticmethod
    def _trim(times: deque[float], since: float) -> None:
        while times and times[0] <= since:
            times.popleft()

    def allow(self, client: str) -> float | None:
        """None if `client` may be answered now (and counts the request), else seconds to wait."""
        now, lim = self.clock(), self.limits
        with self._lock:
            wait = self._wrong_wait(client, now)
            if wait is not None:
                return wait
            self._trim(self._all, now - lim.window)
            mine = self._requests.get(client)
            if mine is None:
                self._forget(self._requests, now - lim.window)
                if len(self._requests) >= lim.max_clients:
                    return lim.window
                mine = self._requests[client] = deque()
            self._trim(mine, now - lim.window)
            if len(mine) >= lim.per_client:
                return mine[0] + lim.window - now
            if len(self._all) >= lim.overall:
                return self._all[0] + lim.window - now
            mine.append(now)
            self._all.append(now)
            return None

    def _wrong_wait(self, client: str, now: float) -> float | None:
        lim = self.limits
        self._trim(self._all_wrong, now - lim.wrong_window)
        if len(self._all_wrong) >= lim.wrong_overall:
            return self._all_wrong[0] + lim.wrong_window - now
        mine = self._wrong.get(client)
        if mine is not None:
            self._trim(mine, now - lim.wrong_window)
            if len(mine) >= lim.wrong_per_client:
                return mine[0] + lim.wrong_window - now
        return None

    def wrong_code(self, client: str) -> None:
        """Count a wrong (used, expired or invented) code against `client` and everyone."""
        now, lim = self.clock(), self.limits
        with self._lock:
            self._all_wrong.append(now)
            mine = self._wrong.get(client)
            if mine is None:
                self._forget(self._wrong, now - lim.wrong_window)
                if len(self._wrong) >= lim.max_clients:
                    return  # the overall count still holds it
                mine = self._wrong[client] = deque()
            mine.append(now)

    def _forget(self, table: dict[str, deque[float]], since: float) -> None:
        for key in [k for k, times in table.items() if not times or times[-1] <= since]:
            del table[key]
