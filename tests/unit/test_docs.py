"""The README stays true: its CLI reference is the CLI's own help."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _load_script() -> object:
    spec = importlib.util.spec_from_file_location(
        "cli_reference", ROOT / "scripts/cli_reference.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_cli_reference_matches_help() -> None:
    script = _load_script()
    readme = (ROOT / "README.md").read_text("utf-8")
    expected = script.replace_reference(readme, script.cli_reference())  # type: ignore[attr-defined]
    assert readme == expected, (
        "README CLI reference is stale: run python scripts/cli_reference.py --write"
    )


def test_readme_names_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "make run" in readme
    assert "make test" in readme


def test_every_command_has_an_example() -> None:
    from frontwatch.cli import cli

    for name, command in cli.commands.items():  # type: ignore[attr-defined]
        assert "Example:" in (command.help or ""), f"{name} has no example in its help"
