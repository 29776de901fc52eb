"""Generate the README's CLI reference from the CLI's own help.

Usage: python scripts/cli_reference.py [--write]

Without --write, prints the reference; with it, replaces the text between the
``<!-- cli-reference:start -->`` and ``<!-- cli-reference:end -->`` markers of
README.md. ``tests/unit/test_docs.py`` fails when the README is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from frontwatch.cli import cli

START = "<!-- cli-reference:start -->"
END = "<!-- cli-reference:end -->"
README = Path(__file__).resolve().parents[1] / "README.md"


def command_help(name: str, command: click.Command) -> str:
    """The --help text of one command, as the terminal shows it (80 columns)."""
    context = click.Context(command, info_name=f"frontwatch {name}".strip(), terminal_width=80)
    return command.get_help(context)


def cli_reference() -> str:
    """Markdown: the group's help, then each command's (and subcommand's) help in a code block."""
    parts = ["```text", command_help("", cli), "```"]
    assert isinstance(cli, click.Group)
    for name in sorted(cli.commands):
        command = cli.commands[name]
        parts += ["", f"### frontwatch {name}", "", "```text"]
        parts += [command_help(name, command), "```"]
        # A command group: each subcommand's help too ("frontwatch gazetteer lookup").
        if isinstance(command, click.Group):
            for sub in sorted(command.commands):
                parts += ["", f"#### frontwatch {name} {sub}", "", "```text"]
                parts += [command_help(f"{name} {sub}", command.commands[sub]), "```"]
    return "\n".join(parts) + "\n"


def replace_reference(readme: str, reference: str) -> str:
    """README text with the reference between the markers replaced."""
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{reference}{END}{tail}"


def main(argv: list[str]) -> int:
    reference = cli_reference()
    if "--write" in argv:
        README.write_text(replace_reference(README.read_text("utf-8"), reference), "utf-8")
    else:
        sys.stdout.write(reference)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
