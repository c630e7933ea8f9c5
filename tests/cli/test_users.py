"""``spbe user add|list``: roles, OPD resolution, password input, clear errors."""

from __future__ import annotations

import typer
from sqlalchemy import select
from typer.testing import CliRunner

from cli.serve import serve
from cli.users import users_app
from evidence.db import open_database
from evidence.db.models import User
from evidence.settings import get_settings
from service.security import verify_password

app = typer.Typer()
app.add_typer(users_app, name="user")
app.command()(serve)
runner = CliRunner()


def _users() -> dict[str, User]:
    database = open_database(get_settings().resolved_database_url())
    with database.session() as session:
        users = {u.username: u for u in session.scalars(select(User))}
    database.engine.dispose()
    return users


def test_add_opd_user_from_stdin_resolves_the_alias() -> None:
    result = runner.invoke(app, ["user", "add", "Kominfo.Sukamaju", "--role", "opd", "--opd", "diskominfo",
                                 "--password-stdin"], input="rahasia-kominfo\n")
    assert result.exit_code == 0, result.output
    user = _users()["kominfo.sukamaju"]
    assert user.role == "opd" and user.opd == "Dinas Komunikasi dan Informatika" and user.active
    assert verify_password("rahasia-kominfo", user.password_hash)


def test_add_prompts_twice_without_stdin() -> None:
    result = runner.invoke(app, ["user", "add", "rina", "--role", "reviewer"], input="rahasia-rina\nrahasia-rina\n")
    assert result.exit_code == 0, result.output
    assert "Ulangi kata sandi" in result.output
    assert verify_password("rahasia-rina", _users()["rina"].password_hash)


def test_errors_are_clear() -> None:
    cases = [
        (["user", "add", "x1", "--role", "opd", "--password-stdin"], "memerlukan --opd"),
        (["user", "add", "x2", "--role", "opd", "--opd", "Dinas Antah", "--password-stdin"], "tidak ada dalam daftar OPD"),
        (["user", "add", "x3", "--role", "raja", "--password-stdin"], "peran 'raja' tidak dikenal"),
        (["user", "add", "x4", "--role", "admin", "--opd", "Bappeda", "--password-stdin"], "--opd hanya untuk peran opd"),
        (["user", "add", "x5", "--role", "admin", "--password-stdin"], "minimal 8 karakter"),
    ]
    for args, message in cases:
        result = runner.invoke(app, args, input="pendek\n")
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output, (args, result.output)
    assert _users() == {}


def test_duplicate_user_is_refused_and_list_shows_users() -> None:
    for _ in range(2):
        result = runner.invoke(app, ["user", "add", "admin", "--role", "admin", "--password-stdin"], input="rahasia-admin\n")
    assert result.exit_code == 2 and "sudah ada" in result.output
    runner.invoke(app, ["user", "add", "bappeda", "--role", "opd", "--opd", "Bappeda", "--password-stdin"],
                  input="rahasia-bappeda\n")
    listing = runner.invoke(app, ["user", "list"])
    assert listing.exit_code == 0
    assert "admin" in listing.output and "Badan Perencanaan Pembangunan Daerah" in listing.output


def test_serve_runs_the_app_factory(monkeypatch) -> None:
    calls = {}
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: calls.update(target=target, **kw))
    result = runner.invoke(app, ["serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls == {"target": "service.app:create_app", "factory": True, "host": "127.0.0.1", "port": 8123,
                     "proxy_headers": True}
