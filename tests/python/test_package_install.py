"""The installed package: importable on its own (not from the source tree), with its console
command dispatching Python and C++ commands, and its dependencies declared."""
from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def console_command() -> list[str]:
    """The installed console script (``taalwerk.command_line:main``) of this interpreter."""
    script = Path(sys.executable).with_name("taalwerk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "taalwerk.command_line"]


def taalwerk_console(*arguments: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*console_command(), *map(str, arguments)], capture_output=True, text=True, timeout=120, **kwargs)


def test_import_in_a_clean_interpreter(tmp_path):
    """-I: no current directory or PYTHON* variables on the path, so this is the installed package."""
    code = "import taalwerk, taalwerk._core as c; print(c.version()); print(len(taalwerk.__all__))"
    result = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    version, exported = result.stdout.split()
    assert version and int(exported) > 10


def test_declared_dependencies_cover_what_the_package_imports():
    required = " ".join(importlib.metadata.requires("taalwerk") or []).lower()
    for name in ("numpy", "pandas", "xarray", "h5py", "h5netcdf", "tqdm", "salib", "scipy", "dask"):
        assert name in required, name


def test_help_lists_python_and_cpp_commands():
    result = taalwerk_console("--help")
    assert result.returncode == 0, result.stderr
    for command in ("run", "check", "params", "outputs", "sweep", "compare"):
        assert f"  {command} " in result.stdout, command
    # The C++ part comes first: output order survives the two stdio layers.
    assert result.stdout.index("Exit codes") < result.stdout.index("Python commands")


def test_other_commands_pass_through_to_cpp(tmp_path):
    check = taalwerk_console("check", REPO / "scenarios" / "default.toml")
    assert check.returncode == 0, check.stderr
    assert "[labour]" in check.stdout
    unknown = taalwerk_console("frobnicate")
    assert unknown.returncode == 2
    assert "unknown command" in unknown.stderr and "sweep" in unknown.stderr
    assert taalwerk_console("sweep", "--help").returncode == 0
    assert taalwerk_console("compare").returncode == 2  # argparse: A and B are required
