"""docker-compose.yml and the Dockerfile cannot run here (no Docker engine): check them statically."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.main import get_command

from cli.main import app

ROOT = Path(__file__).resolve().parents[1]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_compose_has_the_services_of_the_architecture() -> None:
    services = _compose()["services"]
    assert {"api", "worker", "redis", "postgres"} <= set(services)
    redis_cmd = " ".join(services["redis"]["command"])
    assert "--appendonly yes" in redis_cmd and "--maxmemory-policy noeviction" in redis_cmd


def test_every_spbe_command_in_compose_and_dockerfile_exists() -> None:
    cli = get_command(app)
    commands = [s["command"] for s in _compose()["services"].values() if "command" in s]
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    cmd_line = next(line for line in dockerfile.splitlines() if line.startswith("CMD"))
    commands.append(yaml.safe_load(cmd_line.removeprefix("CMD").strip()))
    spbe_commands = [c for c in commands if c[0] == "spbe"]
    assert spbe_commands, "compose must run the project's own command"
    for argv in spbe_commands:
        sub = cli.commands.get(argv[1])
        assert sub is not None, f"'spbe {argv[1]}' does not exist"
        known = {opt for p in sub.params for opt in getattr(p, "opts", [])}
        for token in argv[2:]:
            if token.startswith("--"):
                assert token in known, f"'spbe {argv[1]}' has no option {token}"


def test_dockerfile_copies_every_package_the_console_script_needs() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    for package in ("evidence", "classifier", "worker", "service", "cli", "models"):
        assert f"COPY {package} " in dockerfile
        assert (ROOT / package).is_dir()
