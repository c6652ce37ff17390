"""kill -9 at random moments of a sweep: no finished point is lost, none is run twice, and the
resumed sweep equals one that was never interrupted."""
from __future__ import annotations

import random
import select
import signal
import subprocess
import sys
import textwrap
import time

import h5py
import numpy as np

import taalwerk
from conftest import REPO
from taalwerk import sweep_store
from taalwerk.point_part import read_part_header

SWEEP_SCRIPT = textwrap.dedent("""
    import sys, taalwerk
    taalwerk.Sweep.load(sys.argv[1]).run(
        sys.argv[2], workers=2, progress=False, on_point_stored=lambda index: print(index, flush=True))
    print("done", flush=True)
""")


def sessions_on_disk(out) -> dict[int, str]:
    """Which command run (session) stored each finished point, from the sweep file and the parts."""
    store = sweep_store.SweepStore(out)
    sessions: dict[int, str] = {}
    if out.exists():
        with h5py.File(out) as f:
            completed = f["point_completed"][()]
            for index, session in enumerate(f["point_session"].asstr()[()]):
                if completed[index]:
                    sessions[index] = session
    for index in store.part_indices():
        sessions[index] = read_part_header(sweep_store.part_file(store.parts, index))["session"]
    return sessions


def test_kill_9_at_random_moments_loses_nothing_and_redoes_nothing(tmp_path):
    (tmp_path / "base.toml").write_text(f'base = "{REPO / "scenarios" / "default.toml"}"\n[run]\nmonths = 60\n[cohort]\nsize = 4000\n')
    sweep_file = tmp_path / "killed.toml"
    sweep_file.write_text('base = "base"\n[design]\nreplicates = 2\nseed = 3\n'
                          '[parameters."labour.tightness"]\nrange = [0.2, 3.0]\nsteps = 60\n')
    out = tmp_path / "killed.h5"
    rng = random.Random(20240611)
    first_session: dict[int, str] = {}
    kills_mid_sweep = 0
    kill_attempts = 16  # then the sweep is left to finish, however slow the machine is
    for attempt in range(kill_attempts + 1):
        process = subprocess.Popen([sys.executable, "-c", SWEEP_SCRIPT, str(sweep_file), str(out)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first_line = ""
        if attempt == kill_attempts:
            pass
        elif attempt % 4 == 3:  # now and then a kill at any moment, start-up and planning included
            time.sleep(rng.uniform(0.0, 1.0))
            process.send_signal(signal.SIGKILL)
        else:  # mostly while points run: soon after the first point of this attempt is stored
            if select.select([process.stdout], [], [], 60)[0]:
                first_line = process.stdout.readline()
            if first_line.strip() != "done":  # nothing was left to run: let it end by itself
                time.sleep(rng.uniform(0.0, 0.25))
                process.send_signal(signal.SIGKILL)
        stdout, stderr = process.communicate()
        lines = (first_line + stdout).split()
        finished = process.returncode != -signal.SIGKILL
        announced = {int(line) for line in lines if line.isdigit()}
        sessions = sessions_on_disk(out)
        assert announced <= set(sessions), f"attempt {attempt}: stored points lost: {announced - set(sessions)}"
        for index, session in sessions.items():
            assert first_session.setdefault(index, session) == session, f"attempt {attempt}: point {index} was run again"
        if announced and not finished:
            kills_mid_sweep += 1
            assert len(taalwerk.open_sweep(out).design) == 60  # the sweep file stays readable after every kill
        if finished:
            assert process.returncode == 0 and lines[-1] == "done", stderr
            break
    else:
        raise AssertionError("the sweep never finished")
    assert kills_mid_sweep >= 4, "no kill landed in the middle of the sweep: the test proved nothing"
    assert set(first_session) == set(range(60))
    result = taalwerk.open_sweep(out)
    assert result.is_complete and not sweep_store.parts_folder(out).exists()
    reference = taalwerk.Sweep.load(sweep_file).run(tmp_path / "reference.h5", progress=False)
    with result.dataset() as resumed, reference.dataset() as uninterrupted:
        assert len(set(resumed["point_session"].values)) > 1
        for name in taalwerk.indicator_names(uninterrupted):
            np.testing.assert_array_equal(resumed[name].values, uninterrupted[name].values, err_msg=name)
