"""``spbe user add|list``: accounts for the HTTP service (admin, reviewer, opd).

An ``opd`` account sees only its OPD's documents, so its OPD must be a name of the Pemda's OPD list; an
alias ("Diskominfo") is turned into the canonical name the documents carry.
"""

from __future__ import annotations

import sys

import typer
from rich.table import Table
from sqlalchemy import select

from cli.common import console, context, fail
from evidence.db.models import User
from evidence.opd import find_opd
from service.security import ROLES, UserError, create_user

users_app = typer.Typer(help="Pengguna layanan web: tambah dan daftar.", no_args_is_help=True)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("Kata sandi", hide_input=True, confirmation_prompt="Ulangi kata sandi")


@users_app.command("add")
def add_user(
    username: str = typer.Argument(..., help="Nama pengguna (huruf kecil, angka, . _ @ -)."),
    role: str = typer.Option(..., "--role", help="admin, reviewer atau opd."),
    opd: str | None = typer.Option(None, "--opd", help="Wajib untuk peran opd: nama atau singkatan OPD."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Baca kata sandi dari stdin (satu baris)."),
) -> None:
    """Add a user; the password is prompted twice unless --password-stdin is given."""
    if role not in ROLES:
        fail(f"peran '{role}' tidak dikenal; gunakan salah satu dari: {', '.join(ROLES)}.")
    canonical = None
    if opd is not None:
        if role != "opd":
            fail("--opd hanya untuk peran opd.")
        match = find_opd(context().opd_directory, opd)
        if match is None:
            fail(f"OPD '{opd}' tidak ada dalam daftar OPD; gunakan nama atau singkatan resmi.")
        canonical = match.name
    elif role == "opd":
        fail("peran opd memerlukan --opd (nama OPD dari daftar OPD).")
    password = _password(password_stdin)
    database = context().db
    try:
        with database.session() as session:
            user = create_user(session, username, password, role, canonical)
            summary = f"Pengguna '{user.username}' ({user.role}{', ' + user.opd if user.opd else ''}) ditambahkan."
    except UserError as exc:
        fail(str(exc))
    finally:
        database.engine.dispose()
    console.print(summary)


@users_app.command("list")
def list_users() -> None:
    """List users with their role and OPD."""
    database = context().db
    try:
        with database.session() as session:
            users = list(session.scalars(select(User).order_by(User.username)))
    finally:
        database.engine.dispose()
    table = Table(title="Pengguna")
    for column in ("Nama pengguna", "Peran", "OPD", "Aktif"):
        table.add_column(column)
    for user in users:
        table.add_row(user.username, user.role, user.opd or "-", "ya" if user.active else "tidak")
    console.print(table)
