"""Shared fixtures: the repository root, the taalwerk program, and small scenarios."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def taalwerk_program() -> list[str]:
    """The C++ taalwerk program (TAALWERK_CLI, else build/sim/taalwerk, else the console script)."""
    explicit = os.environ.get("TAALWERK_CLI")
    if explicit:
        return [explicit]
    built = REPO / "build" / "sim" / "taalwerk"
    if built.exists():
        return [str(built)]
    installed = shutil.which("taalwerk")
    if installed:
        return [installed]
    pytest.fail("no taalwerk program: build it (scripts/build.sh) or set TAALWERK_CLI")


@pytest.fixture
def run_cli():
    def run(*arguments: str, timeout: float = 300, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*taalwerk_program(), *map(str, arguments)],
            capture_output=True, text=True, timeout=timeout, cwd=kwargs.pop("cwd", REPO), **kwargs,
        )
    return run


@pytest.fixture
def small_scenario(tmp_path: Path) -> Path:
    """The default scenario with a small cohort and horizon, for fast end-to-end runs."""
    path = tmp_path / "small.toml"
    path.write_text(
        f'base = "{REPO / "scenarios" / "default.toml"}"\n'
        "[run]\nmonths = 24\n[cohort]\nsize = 3000\n"
    )
    return path
