"""``/auth``: exchange a username and password for a bearer token; who am I; change password; log out."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import OAuth2PasswordRequestForm

from service.deps import CurrentPrincipal, RuntimeDep, get_login_limiter
from service.errors import ApiError, unauthorized
from service.routes.common import API_PREFIX, INVALID, UNAUTHORIZED
from service.schemas import ErrorOut, MeOut, PasswordChangeIn, TokenOut
from service.security import PasswordError, authenticate, change_password, issue_token, revoke_token

router = APIRouter(prefix=f"{API_PREFIX}/auth", tags=["autentikasi"])
RATE_LIMITED: dict[int | str, dict[str, Any]] = {429: {"model": ErrorOut, "description": "Terlalu banyak percobaan masuk (lihat Retry-After)"}}


def check_login_rate(request: Request, username: str) -> None:
    """429 with ``Retry-After`` when this user or this address tried too often (service/ratelimit.py)."""
    refused = get_login_limiter(request).attempt(username, request.client.host if request.client else None)
    if refused is not None:
        raise ApiError(429, "auth.rate_limited", headers={"Retry-After": str(refused.retry_after)},
                       seconds=refused.retry_after)


@router.post("/token", response_model=TokenOut, responses={**UNAUTHORIZED, **INVALID, **RATE_LIMITED})
def login(request: Request, form: Annotated[OAuth2PasswordRequestForm, Depends()], rt: RuntimeDep) -> TokenOut:
    """OAuth2 password flow. Wrong password and unknown user get the same 401 message."""
    check_login_rate(request, form.username)
    with rt.db.session() as session:
        user = authenticate(session, form.username, form.password)
        if user is None:
            raise unauthorized("auth.bad_credentials")
        issued = issue_token(session, user)
    return TokenOut(access_token=issued.access_token, expires_at=issued.expires_at)


@router.get("/me", response_model=MeOut, responses=UNAUTHORIZED)
def me(principal: CurrentPrincipal) -> MeOut:
    return MeOut(username=principal.username, role=principal.role, opd=principal.opd)


@router.post("/password", response_model=TokenOut, responses={
    **UNAUTHORIZED, **INVALID, **RATE_LIMITED, 403: {"model": ErrorOut, "description": "Kata sandi saat ini salah"}})
def password(request: Request, body: PasswordChangeIn, principal: CurrentPrincipal, rt: RuntimeDep) -> TokenOut:
    """Change one's own password. Every token of the user is revoked (other browsers and scripts must log
    in again) and a fresh token is returned for this client. The current password is rate limited like a
    login, so a stolen token cannot be used to guess it."""
    check_login_rate(request, principal.username)
    with rt.db.session() as session:
        try:
            issued = change_password(session, principal.user_id, body.current_password, body.new_password)
        except PasswordError as exc:
            session.rollback()
            raise ApiError(403 if exc.key == "auth.wrong_password" else 422, exc.key, **exc.params) from None
    return TokenOut(access_token=issued.access_token, expires_at=issued.expires_at)


@router.post("/logout", status_code=204, response_class=Response, responses=UNAUTHORIZED)
def logout(principal: CurrentPrincipal, rt: RuntimeDep) -> Response:
    """Revoke the token used for this request."""
    with rt.db.session() as session:
        revoke_token(session, principal.token_sha256)
    return Response(status_code=204)
