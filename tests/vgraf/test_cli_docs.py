"""Every command and option of the `vgraf` CLI is documented in the README."""

from __future__ import annotations

from pathlib import Path

import click

from vgraf.cli import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group):
    for name, command in group.commands.items():
        yield name, command
        if isinstance(command, click.Group):
            yield from commands(command)


def test_every_command_and_option_is_in_the_readme():
    missing = []
    for name, command in commands(cli):
        if f"vgraf {name}" not in README:
            missing.append(f"vgraf {name}")
        for parameter in command.params:
            for option in getattr(parameter, "opts", []):
                if option.startswith("-") and option not in README:
                    missing.append(f"vgraf {name} {option}")
    assert missing == []


def test_readme_set_up_commands_are_the_makefile_targets():
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text(encoding="utf-8")
    assert "make serve  # install, build" in README and "make test   # install" in README
    assert "\nserve: install\n\t$(BIN)/vgraf serve" in makefile and "\ntest: install" in makefile
    ci = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.strip().endswith("make test")
