"""Existing output that cannot be used: a folder where a file should be (we run as root, so
chmod 000 would not stop us reading; a folder is unreadable as a file to anyone), an empty,
truncated, foreign or bit-flipped file. Every case gives an error that names the file, and never
a crash: the damaged files are read in a child process, so a segmentation fault would show as a
failed test rather than take the test run down."""
from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import h5py
import numpy as np
import pytest

import taalwerk
from conftest import REPO, taalwerk_program
from test_package_install import console_command

DEFAULT = REPO / "scenarios" / "default.toml"
BIT_FLIPPED_COPIES = 40

# Opens each file given and prints, per file, {"file", "outcome", "message"}; outcome is "read",
# "error" (taalwerk's OutputError, which names the file) or "unclear" (any other exception).
READ_EACH = textwrap.dedent("""
    import json, sys, taalwerk
    open_file = {"run": taalwerk.open_run, "sweep": lambda path: taalwerk.open_sweep(path).dataset().load()}[sys.argv[1]]
    for path in sys.argv[2:]:
        try:
            open_file(path)
            outcome, message = "read", ""
        except taalwerk.OutputError as error:
            outcome, message = "error", str(error)
        except Exception as error:
            outcome, message = "unclear", f"{type(error).__name__}: {error}"
        print(json.dumps({"file": path, "outcome": outcome, "message": message}), flush=True)
""")


def read_in_child(kind: str, files: list[Path]) -> list[dict]:
    child = subprocess.run([sys.executable, "-c", READ_EACH, kind, *map(str, files)], capture_output=True, text=True,
                           timeout=600)
    assert child.returncode == 0, f"reading damaged files crashed (exit {child.returncode}): {child.stderr[-3000:]}"
    return [json.loads(line) for line in child.stdout.splitlines()]


def damaged_copies(original: Path, folder: Path, seed: int) -> list[Path]:
    """Empty, truncated, foreign and bit-flipped variants of `original`."""
    folder.mkdir()
    data = original.read_bytes()
    variants = {
        "empty.h5": b"",
        "text.h5": b"this is not an HDF5 file\n" * 10,
        "first-half.h5": data[: len(data) // 2],
        "superblock-only.h5": data[:96],
        "all-but-last-byte.h5": data[:-1],
        "zeroed-middle.h5": data[: len(data) // 3] + bytes(len(data) // 3) + data[2 * len(data) // 3:],
    }
    rng = random.Random(seed)
    for copy in range(BIT_FLIPPED_COPIES):
        flipped = bytearray(data)
        # Half of the copies hit the first 4 kB, where the superblock and root group live.
        for _ in range(rng.randint(1, 8)):
            position = rng.randrange(min(len(data), 4096) if copy % 2 else len(data))
            flipped[position] ^= 1 << rng.randrange(8)
        variants[f"flipped-{copy:02d}.h5"] = bytes(flipped)
    for name, content in variants.items():
        (folder / name).write_bytes(content)
    return sorted(folder / name for name in variants)


@pytest.fixture(scope="module")
def run_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("run-file")
    scenario = folder / "tiny.toml"
    scenario.write_text(f'base = "{DEFAULT}"\n[run]\nmonths = 6\n[cohort]\nsize = 300\n')
    out = folder / "run.h5"
    subprocess.run([*taalwerk_program(), "run", str(scenario), "--replicates", "2", "--out", str(out)], check=True,
                   capture_output=True, timeout=300)
    return out


def test_run_into_a_folder_where_the_file_should_be_is_a_clear_output_error(tmp_path, run_cli, small_scenario):
    out = tmp_path / "run.h5"
    out.mkdir()
    for extra in ([], ["--force"]):
        result = run_cli("run", small_scenario, "--out", out, *extra)
        assert result.returncode == 4, result.stderr
        assert str(out) in result.stderr and "Traceback" not in result.stderr
    assert out.is_dir()


@pytest.mark.parametrize("make", ["folder", "missing"])
def test_open_run_of_a_folder_or_a_missing_file_names_it(tmp_path, make):
    path = tmp_path / "run.h5"
    if make == "folder":
        path.mkdir()
    with pytest.raises(taalwerk.OutputError, match=str(path)):
        taalwerk.open_run(path)


def test_open_run_of_damaged_files_gives_an_error_naming_the_file_never_a_crash(tmp_path, run_file):
    files = damaged_copies(run_file, tmp_path / "damaged", seed=31)
    outcomes = read_in_child("run", files)
    assert [outcome["file"] for outcome in outcomes] == [str(path) for path in files]
    for outcome in outcomes:
        assert outcome["outcome"] != "unclear", outcome
        if outcome["outcome"] == "error":
            assert outcome["file"] in outcome["message"], outcome
    errors = sum(outcome["outcome"] == "error" for outcome in outcomes)
    assert errors >= 6, "the plainly broken files (empty, text, truncated) must all be refused"


def sweep_files(folder: Path) -> Path:
    (folder / "tiny.toml").write_text(f'base = "{DEFAULT}"\n[run]\nmonths = 6\n[cohort]\nsize = 300\n')
    sweep = folder / "tight.toml"
    sweep.write_text('base = "tiny"\n[design]\nreplicates = 2\n[parameters."labour.tightness"]\nrange = [0.5, 2.0]\nsteps = 3\n')
    return sweep


@pytest.fixture(scope="module")
def damaged_sweep_outcomes(tmp_path_factory) -> list[dict]:
    folder = tmp_path_factory.mktemp("damaged-sweep")
    sweep = sweep_files(folder)
    store = folder / "store.h5"
    taalwerk.Sweep.load(sweep).run(store, progress=False)
    files = damaged_copies(store, folder / "damaged", seed=32)
    outcomes = read_in_child("sweep", files)  # asserts that nothing crashed
    assert len(outcomes) == len(files)
    return outcomes


def test_open_sweep_of_damaged_stores_always_names_the_file(damaged_sweep_outcomes):
    unclear = [outcome for outcome in damaged_sweep_outcomes if outcome["outcome"] == "unclear"]
    assert not unclear, unclear[:3]
    for outcome in damaged_sweep_outcomes:
        if outcome["outcome"] == "error":
            assert outcome["file"] in outcome["message"], outcome


@pytest.mark.parametrize("kind", ["run", "sweep"])
def test_every_damaged_copy_of_a_sealed_file_is_refused_by_its_seal(kind, run_file, tmp_path):
    """Nothing of a damaged file reaches libhdf5, which can hang on some (sim/output/file_seal.hpp)."""
    if kind == "run":
        original = run_file
    else:
        original = tmp_path / "store.h5"
        taalwerk.Sweep.load(sweep_files(tmp_path)).run(original, progress=False)
    assert original.read_bytes().startswith(b"taalwerk sealed output 1\nlength ")
    outcomes = read_in_child(kind, damaged_copies(original, tmp_path / "damaged", seed=33))
    assert all(outcome["outcome"] == "error" for outcome in outcomes), [o for o in outcomes if o["outcome"] != "error"][:3]
    flipped = [outcome for outcome in outcomes if "flipped" in outcome["file"]]
    assert len(flipped) == BIT_FLIPPED_COPIES
    assert all("damaged" in outcome["message"] for outcome in flipped), flipped[:3]


def test_files_without_a_seal_are_still_read(run_file, tmp_path):
    """Files without a seal are read: HDF5 signature at byte 0 (older versions), or a block of zeros."""
    legacy = tmp_path / "legacy.h5"
    with taalwerk.open_run(run_file) as dataset:
        dataset.to_netcdf(legacy, engine="h5netcdf")
    zeroed = tmp_path / "zeroed.h5"
    zeroed.write_bytes(bytes(512) + run_file.read_bytes()[512:])
    for path in (legacy, zeroed):
        assert taalwerk._core.check_seal(str(path)) is False
        assert float(taalwerk.open_run(path)["persons"].sum()) == float(taalwerk.open_run(run_file)["persons"].sum())


@pytest.mark.parametrize("damage", ["folder", "text", "truncated", "foreign-hdf5"])
def test_sweep_resume_over_an_unusable_store_is_a_clear_output_error(tmp_path, damage):
    sweep = sweep_files(tmp_path)
    out = tmp_path / "store.h5"
    if damage == "folder":
        out.mkdir()
    elif damage == "text":
        out.write_text("not a sweep store\n")
    elif damage == "truncated":
        taalwerk.Sweep.load(sweep).run(out, progress=False)
        out.write_bytes(out.read_bytes()[:2000])
    else:
        with h5py.File(out, "w") as file:
            file["numbers"] = np.arange(10)
    result = subprocess.run([*console_command(), "sweep", str(sweep), "--out", str(out), "--no-progress"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 4, result.stderr
    assert str(out) in result.stderr and "Traceback" not in result.stderr, result.stderr
