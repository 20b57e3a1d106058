"""`vgraf ingest` end to end: JSON shape, output files, and bad input reported per file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import CORPUS_FILES
from vgraf.cli import cli


def run(*args: str) -> subprocess.CompletedProcess:
    """Run the installed console script as a user would."""
    return subprocess.run(
        [str(Path(sys.executable).with_name("vgraf")), *args], capture_output=True, text=True, check=False
    )


def test_json_on_one_file_has_the_documented_shape():
    result = CliRunner().invoke(cli, ["ingest", str(CORPUS_FILES["002"]), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"document", "sections", "goals", "activities", "indicators"}
    assert set(data["document"]) >= {"id", "source", "unit", "organisation", "year", "kind", "title"}
    assert data["document"]["kind"] == "verksamhetsberattelse" and data["document"]["year"] == 2022
    goal = data["goals"][5]
    assert set(goal) >= {"id", "level", "number", "title", "parent", "status", "fields", "lines"}
    assert goal["level"] == "enhetsmal" and goal["status"] == "helt"
    assert set(goal["fields"]) == {"forvantat_resultat", "analys"}
    activity = data["activities"][0]
    assert set(activity) >= {"id", "goal", "title", "start", "end", "deviation", "analysis", "lines"}
    indicator = next(i for i in data["indicators"] if i["name"] == "Sjukfrånvaro")
    assert indicator["outcome"] == "7,7 %" and indicator["outcome_men"] is None
    assert indicator["measures"]["outcome"] == {"number": 7.7, "unit": "%", "comparator": None}
    assert indicator["lines"] == [670, 679]
    assert "Nämndmål: Äldre får" not in result.stdout  # titles are the goal text only
    assert "å" in result.stdout  # Swedish letters are written as themselves


def test_ingest_folder_writes_one_json_per_document(tmp_path, raw_dir):
    out = tmp_path / "documents"
    result = CliRunner().invoke(cli, ["ingest", str(raw_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(path.name for path in out.iterdir())
    assert names == [
        "vb-2021-glasade-gangen.json",
        "vb-2022-bestallarenheten-aldre.json",
        "vp-2021-fruangsgardens-vard-och-omsorgsboende.json",
        "vp-2022-alvsjo-servicehus.json",
        "vp-2025-hagersten-alvsjos-hemtjanst.json",
    ]
    saved = json.loads((out / "vp-2022-alvsjo-servicehus.json").read_text(encoding="utf-8"))
    assert saved["document"]["unit"] == "Älvsjö servicehus"
    assert "vp-2025-hagersten-alvsjos-hemtjanst\tHägersten-Älvsjös hemtjänst\t2025" in result.stdout


@pytest.fixture
def bad_folder(tmp_path, raw_dir) -> Path:
    """Two good documents beside one of each kind of bad input."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(raw_dir / "002_4436d6517c785cdc.txt", folder / "good_vb.txt")
    shutil.copy(raw_dir / "004_d685a3b99da1e2b8.txt", folder / "good_vp.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "letter.txt").write_text("Hej!\nVälkommen till vårt möte om parkeringen på tisdag.\n", encoding="utf-8")
    lines = CORPUS_FILES["002"].read_text(encoding="utf-8").split("\n")
    (folder / "truncated.txt").write_text("\n".join(lines[:380]), encoding="utf-8")
    (folder / "russian.txt").write_bytes("Отчёт о работе учреждения за год".encode("koi8-r") * 10)
    shutil.copy(raw_dir / "000_d5422637917c39e8.txt", folder / "no_sidecar.txt")
    return folder


def test_bad_files_are_named_with_reasons_and_the_rest_parsed(bad_folder):
    result = run("ingest", str(bad_folder))
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    errors = {line.split(": ", 2)[1]: line for line in result.stderr.splitlines() if line.count(": ") >= 2}
    folder = str(bad_folder)
    assert "the file is empty" in errors[f"{folder}/empty.txt"]
    assert "binary" in errors[f"{folder}/junk.txt"]
    assert "not a verksamhetsplan or verksamhetsberättelse" in errors[f"{folder}/letter.txt"]
    assert "looks truncated" in errors[f"{folder}/truncated.txt"]
    assert "ends (line 380) inside the goal area" in errors[f"{folder}/truncated.txt"]
    assert "unknown encoding" in errors[f"{folder}/russian.txt"]
    assert "add a sidecar (no_sidecar.meta.toml, no_sidecar.meta.json)" in errors[f"{folder}/no_sidecar.txt"]
    assert "parsed 2 documents; 6 failed" in result.stderr
    assert result.stdout.count("\n") == 2  # one summary line per parsed document


def test_exit_status_is_non_zero_when_nothing_parses(bad_folder):
    result = run("ingest", str(bad_folder / "empty.txt"), str(bad_folder / "missing.txt"))
    assert result.returncode == 1
    assert f"vgraf: {bad_folder}/missing.txt: no such file or folder" in result.stderr
    assert "no document could be parsed (2 failed)" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_sidecar_supplies_the_unit(bad_folder):
    (bad_folder / "no_sidecar.meta.toml").write_text('unit = "Älvsjö servicehus"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(bad_folder / "no_sidecar.txt"), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["document"]["unit"] == "Älvsjö servicehus"


def test_a_malformed_sidecar_is_reported(bad_folder):
    (bad_folder / "no_sidecar.meta.toml").write_text('unit = "unterminated\n', encoding="utf-8")
    result = run("ingest", str(bad_folder / "no_sidecar.txt"))
    assert result.returncode == 1
    assert "no_sidecar.meta.toml: malformed sidecar" in result.stderr


def test_unplaced_lines_are_warnings_with_line_numbers(tmp_path):
    lines = CORPUS_FILES["000"].read_text(encoding="utf-8").split("\n")
    # text right after an activity table, under no label: it must be reported, not dropped
    lines.insert(385, "Den här meningen saknar rubrik och hör inte till tabellen.")
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    shutil.copy(CORPUS_FILES["000"].with_suffix(".meta.toml"), tmp_path / "plan.meta.toml")
    result = run("ingest", str(path))
    assert result.returncode == 0
    assert f"{path}:386: warning:" in result.stderr
    assert "Den här meningen saknar rubrik" in result.stderr
