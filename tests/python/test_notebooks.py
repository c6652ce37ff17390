"""Every notebook in notebooks/ runs top to bottom (nbclient) on a small population, and none is
committed with outputs. A notebook that needs files which are not there yet names them in its
metadata (``"taalwerk": {"requires": ["scenarios/budget-cut-25.toml"]}``) and is skipped until
they exist."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
SMALL_RUNS = {"TAALWERK_NOTEBOOK_AGENTS": "1000", "TAALWERK_NOTEBOOK_REPLICATES": "3"}
CELL_TIMEOUT = 600


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ holds no notebooks"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_without_outputs(path: Path):
    notebook = nbformat.read(path, as_version=4)
    with_outputs = [index for index, cell in enumerate(notebook.cells)
                    if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)]
    assert with_outputs == [], (f"{path.name}: code cells {with_outputs} have outputs; strip them "
                                "(jupyter nbconvert --clear-output --inplace notebooks/*.ipynb)")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path: Path, monkeypatch):
    notebook = nbformat.read(path, as_version=4)
    required = notebook.metadata.get("taalwerk", {}).get("requires", [])
    missing = [name for name in required if not (REPO / name).exists()]
    if missing:
        pytest.skip(f"{path.name} needs {', '.join(missing)}, which does not exist yet")
    for name, value in SMALL_RUNS.items():
        monkeypatch.setenv(name, os.environ.get(name, value))  # CI size unless the caller chose one
    monkeypatch.setenv("MPLBACKEND", "Agg")
    client = nbclient.NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    errors = [output for cell in notebook.cells for output in cell.get("outputs", []) if output.get("output_type") == "error"]
    assert errors == []
