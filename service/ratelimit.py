"""Login rate limiting, per user and per address, with the `limits` library (moving window).

Why both keys: per user stops guessing one account's password from many addresses; per address stops one
client from trying many accounts. Every attempt counts (a successful login too), so the limit cannot be
probed for which passwords were right. With Redis the counters are shared by every API process; when Redis
is unreachable the limiter falls back to this process's memory instead of letting logins through unlimited
or refusing them all.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from evidence.settings import Settings

log = logging.getLogger(__name__)
NAMESPACE = "spbe-login"


@dataclass(frozen=True)
class LoginRefused:
    """The attempt is over a limit; ``retry_after`` whole seconds until one more is allowed."""

    retry_after: int


class LoginLimiter:
    def __init__(self, settings: Settings) -> None:
        self.per_user: RateLimitItem = parse(settings.login_limit_per_user)
        self.per_address: RateLimitItem = parse(settings.login_limit_per_address)
        self._memory = MovingWindowRateLimiter(MemoryStorage())
        self._shared = None
        if settings.redis_url:
            self._shared = MovingWindowRateLimiter(storage_from_string(settings.redis_url))

    def _hit(self, limiter: MovingWindowRateLimiter, username: str, address: str) -> LoginRefused | None:
        checks = ((self.per_user, "user", username), (self.per_address, "address", address))
        refused = [(item, kind, key) for item, kind, key in checks if not limiter.hit(item, NAMESPACE, kind, key)]
        if not refused:
            return None
        waits = [limiter.get_window_stats(item, NAMESPACE, kind, key).reset_time - time.time()
                 for item, kind, key in refused]
        return LoginRefused(max(1, math.ceil(max(waits))))

    def attempt(self, username: str, address: str | None) -> LoginRefused | None:
        """Count one login attempt; a ``LoginRefused`` when the user or the address is over its limit."""
        username = username.strip().lower()[:100]
        address = address or "unknown"
        if self._shared is not None:
            try:
                return self._hit(self._shared, username, address)
            except Exception as exc:  # Redis down: limit per process rather than not at all
                log.warning("login rate limit: Redis unavailable, counting in memory (%s)", exc)
        return self._hit(self._memory, username, address)
