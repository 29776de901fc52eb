"""``frontwatch actors``: check a user actor dictionary before using it.

Registered on :data:`frontwatch.cli.cli`.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.group("actors")
def actors_group() -> None:
    """Work with actor dictionaries (the shipped one plus user YAML/CSV files).

    Example: frontwatch actors check my_actors.yaml
    """


@actors_group.command("check")
@click.argument("file", type=click.Path(path_type=Path))
def check_command(file: Path) -> None:
    """Validate the actor dictionary FILE (YAML or CSV): one line per problem.

    Exit status 1 when there are problems, else prints "ok: N actors".

    Example: frontwatch actors check my_actors.yaml
    """
    from frontwatch.actors import validate_actor_file
    from frontwatch.actors.dictionary import _read_raw, parse_entries

    problems = validate_actor_file(file)
    if problems:
        for problem in problems:
            click.echo(problem)
        click.echo(f"{len(problems)} problem(s) in {file}", err=True)
        raise SystemExit(1)
    entries = parse_entries(_read_raw(file), str(file))
    click.echo(f"ok: {len(entries)} actors")
