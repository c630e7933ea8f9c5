"""Users, passwords and bearer tokens.

* Passwords: Argon2 through pwdlib (memory-hard; parameters from pwdlib's current recommendation).
* Tokens: opaque random strings (``secrets.token_urlsafe(32)``), not JWTs, so they can be revoked by
  deleting a row. Only their SHA-256 is stored: a leaked database does not leak live sessions.
* Login answers the same way for an unknown user, a wrong password and a deactivated account, and spends
  the same Argon2 work in each case, so it reveals neither which usernames exist nor which are disabled.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from evidence.db.models import ApiToken, User

ROLES: tuple[str, ...] = ("admin", "reviewer", "opd")
MIN_PASSWORD_CHARS = 8
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,99}$")


@lru_cache(maxsize=1)
def _hasher() -> PasswordHash:
    return PasswordHash((Argon2Hasher(),))


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Verified against when the user does not exist, so both paths cost one Argon2 verification."""
    return _hasher().hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return _hasher().verify(password, password_hash)
    except Exception:  # a malformed hash in the table must not turn a login into a 500
        return False


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def normalize_username(username: str) -> str:
    return username.strip().lower()


def _aware(value: datetime) -> datetime:
    """SQLite returns naive datetimes; everything is stored in UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Principal:
    """The authenticated caller, detached from any session (safe to pass between threads)."""

    user_id: int
    username: str
    role: str
    opd: str | None
    token_sha256: str


@dataclass(frozen=True)
class IssuedToken:
    access_token: str
    expires_at: datetime


class UserError(ValueError):
    """A user that cannot be created; the message is for the administrator (Indonesian)."""


def create_user(session: Session, username: str, password: str, role: str, opd: str | None = None, *,
                actor: str | None = None) -> User:
    """Validate and add a user; ``opd`` must already be the canonical OPD name (the caller resolves it).
    The creation is audited (``actor`` defaults to the operating-system user of a CLI call)."""
    username = normalize_username(username)
    if not USERNAME_PATTERN.match(username):
        raise UserError(
            "Nama pengguna harus 2-100 karakter: huruf kecil, angka, titik, garis bawah, @ atau tanda hubung."
        )
    if role not in ROLES:
        raise UserError(f"Peran '{role}' tidak dikenal; gunakan salah satu dari: {', '.join(ROLES)}.")
    if role == "opd" and not opd:
        raise UserError("Peran opd memerlukan --opd (nama OPD dari daftar OPD).")
    if role != "opd" and opd:
        raise UserError("--opd hanya untuk peran opd.")
    if len(password) < MIN_PASSWORD_CHARS:
        raise UserError(f"Kata sandi minimal {MIN_PASSWORD_CHARS} karakter.")
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise UserError(f"Pengguna '{username}' sudah ada.")
    user = User(username=username, password_hash=hash_password(password), role=role, opd=opd, active=True)
    session.add(user)
    session.flush()
    from evidence.audit import cli_actor, record_event

    record_event(session, actor=actor or cli_actor(), action="user.created", target_type="user",
                 target_id=str(user.id), before=None, after={"username": username, "role": role, "opd": opd})
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with this password, else None (same cost and answer for every failure)."""
    user = session.scalar(select(User).where(User.username == normalize_username(username)))
    if user is None:
        verify_password(password, _dummy_hash())
        return None
    ok = verify_password(password, user.password_hash)
    return user if ok and user.active else None


def token_ttl() -> timedelta:
    """From ``SPBE_TOKEN_TTL_MINUTES`` (default 12 h): a stolen token is useful for that long at most."""
    from evidence.settings import get_settings

    return timedelta(minutes=get_settings().token_ttl_minutes)


def issue_token(session: Session, user: User, *, ttl: timedelta | None = None, now: datetime | None = None) -> IssuedToken:
    """A new bearer token for ``user``; the user's expired tokens are purged on the way."""
    now = now or datetime.now(UTC)
    ttl = ttl or token_ttl()
    session.execute(delete(ApiToken).where(ApiToken.user_id == user.id, ApiToken.expires_at <= now))
    token = secrets.token_urlsafe(32)
    expires_at = now + ttl
    session.add(ApiToken(token_sha256=token_digest(token), user_id=user.id, expires_at=expires_at))
    session.flush()
    return IssuedToken(token, expires_at)


def resolve_token(session: Session, token: str, *, now: datetime | None = None) -> Principal | None:
    """The principal of a live token of an active user, else None."""
    now = now or datetime.now(UTC)
    digest = token_digest(token)
    row = session.execute(
        select(User, ApiToken.expires_at)
        .join(ApiToken, ApiToken.user_id == User.id)
        .where(ApiToken.token_sha256 == digest, User.active.is_(True))
    ).first()
    if row is None:
        return None
    user, expires_at = row
    if _aware(expires_at) <= now:
        return None
    return Principal(user.id, user.username, user.role, user.opd, digest)


def revoke_token(session: Session, digest: str) -> None:
    session.execute(delete(ApiToken).where(ApiToken.token_sha256 == digest))


class PasswordError(ValueError):
    """A refused password change; ``key`` and ``params`` name the message (evidence.i18n)."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params: dict[str, Any] = params


def change_password(session: Session, user_id: int, current: str, new: str) -> IssuedToken:
    """Verify the current password, store the new hash, revoke EVERY token of the user (rotation: a token
    taken before the change is dead after it) and issue one fresh token for the caller."""
    from evidence.audit import record_event

    user = session.get(User, user_id)
    if user is None or not user.active or not verify_password(current, user.password_hash):
        raise PasswordError("auth.wrong_password")
    if len(new) < MIN_PASSWORD_CHARS or new == current:
        raise PasswordError("auth.weak_password", min_chars=MIN_PASSWORD_CHARS)
    user.password_hash = hash_password(new)
    session.execute(delete(ApiToken).where(ApiToken.user_id == user.id))
    record_event(session, actor=user.username, action="user.password_changed", target_type="user",
                 target_id=str(user.id), before=None, after={"tokens_revoked": True})
    return issue_token(session, user)
