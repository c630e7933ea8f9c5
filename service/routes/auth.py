"""``/auth``: exchange a username and password for a bearer token; who am I; log out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response
from fastapi.security import OAuth2PasswordRequestForm

from service.deps import CurrentPrincipal, DatabaseDep
from service.errors import unauthorized
from service.routes.common import API_PREFIX, INVALID, UNAUTHORIZED
from service.schemas import MeOut, TokenOut
from service.security import authenticate, issue_token, revoke_token

router = APIRouter(prefix=f"{API_PREFIX}/auth", tags=["autentikasi"])


@router.post("/token", response_model=TokenOut, responses={**UNAUTHORIZED, **INVALID})
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()], db: DatabaseDep) -> TokenOut:
    """OAuth2 password flow. Wrong password and unknown user get the same 401 message."""
    with db.session() as session:
        user = authenticate(session, form.username, form.password)
        if user is None:
            raise unauthorized("auth.bad_credentials")
        issued = issue_token(session, user)
    return TokenOut(access_token=issued.access_token, expires_at=issued.expires_at)


@router.get("/me", response_model=MeOut, responses=UNAUTHORIZED)
def me(principal: CurrentPrincipal) -> MeOut:
    return MeOut(username=principal.username, role=principal.role, opd=principal.opd)


@router.post("/logout", status_code=204, response_class=Response, responses=UNAUTHORIZED)
def logout(principal: CurrentPrincipal, db: DatabaseDep) -> Response:
    """Revoke the token used for this request."""
    with db.session() as session:
        revoke_token(session, principal.token_sha256)
    return Response(status_code=204)
