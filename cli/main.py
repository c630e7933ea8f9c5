"""Entry point of the ``spbe`` console script."""

from __future__ import annotations

import typer

from cli.backup import backup, restore
from cli.classify import classify
from cli.crosswalk import crosswalk
from cli.evaluate import evaluate
from cli.indicators import indicators
from cli.report import report
from cli.scan import scan
from cli.serve import serve
from cli.train import models_app, train
from cli.users import users_app
from cli.work import check, reconcile, worker

app = typer.Typer(
    help="SPBE evidence classifier: scan OPD evidence archives, suggest indicators, report gaps.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command()(indicators)
app.command()(crosswalk)
app.command()(classify)
app.command()(scan)
app.command()(report)
app.command()(train)
app.command()(evaluate)
app.add_typer(models_app, name="models")
app.command()(worker)
app.command()(reconcile)
app.command()(check)
app.command()(serve)
app.command()(backup)
app.command()(restore)
app.add_typer(users_app, name="user")

if __name__ == "__main__":
    app()
