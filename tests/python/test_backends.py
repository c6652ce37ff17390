"""The same sweep on every backend and worker count gives bit-identical stores."""
from __future__ import annotations

import numpy as np
import pytest

import taalwerk
from conftest import REPO


@pytest.fixture(scope="module")
def sweep(tmp_path_factory):
    folder = tmp_path_factory.mktemp("backends")
    base = folder / "base.toml"
    base.write_text(f'base = "{REPO / "scenarios" / "default.toml"}"\n[run]\nmonths = 24\n[cohort]\nsize = 2000\n')
    return taalwerk.Sweep(base=base, name="backends", design="latin_hypercube", points=10, replicates=2, seed=11,
                          parameters={"labour.tightness": {"range": [0.5, 2.0]},
                                      "municipalities.national.pathway": ["sequential", "parallel", "work_first"]})


@pytest.fixture(scope="module")
def reference(sweep, tmp_path_factory):
    result = sweep.run(tmp_path_factory.mktemp("reference") / "reference.h5", backend="threads", workers=1, progress=False)
    return contents(result)


def contents(result: taalwerk.SweepResult) -> dict[str, np.ndarray]:
    with result.dataset() as ds:
        values = {name: ds[name].values for name in taalwerk.indicator_names(ds)}
        values["design"] = result.design.drop(columns="completed").to_numpy()
        values["seeds"] = ds["point_seed"].values
        return values


def assert_identical(result: taalwerk.SweepResult, reference: dict[str, np.ndarray]) -> None:
    assert result.is_complete
    found = contents(result)
    assert found.keys() == reference.keys()
    for name, values in reference.items():
        np.testing.assert_array_equal(found[name], values, err_msg=name)


@pytest.mark.parametrize("backend, workers", [("threads", 2), ("processes", 2)])
def test_threads_and_processes(sweep, reference, tmp_path, backend, workers):
    assert_identical(sweep.run(tmp_path / "out.h5", backend=backend, workers=workers, progress=False), reference)


def test_more_cpp_threads_per_point(sweep, reference, tmp_path):
    assert_identical(sweep.run(tmp_path / "out.h5", workers=1, threads_per_run=2, progress=False), reference)


def test_dask_local_cluster_with_two_worker_processes(sweep, reference, tmp_path):
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        with Client(cluster) as client:
            by_client = sweep.run(tmp_path / "client.h5", backend="dask", client=client, batch_size=3, progress=False)
        by_address = sweep.run(tmp_path / "address.h5", backend="dask", scheduler=cluster.scheduler_address, progress=False)
    assert_identical(by_client, reference)
    assert_identical(by_address, reference)
    with by_client.dataset() as ds:
        assert len(set(ds["point_worker"].values)) == 2  # both worker processes ran points


def test_unknown_backend_is_an_error_with_a_hint(sweep, tmp_path):
    with pytest.raises(ValueError, match="did you mean 'threads'"):
        sweep.run(tmp_path / "out.h5", backend="thread", progress=False)


def test_a_crashed_pool_process_stops_the_sweep_and_loses_nothing(sweep, reference, tmp_path):
    import multiprocessing
    import os
    import signal
    from concurrent.futures.process import BrokenProcessPool

    out = tmp_path / "crashed.h5"
    stored = []

    def kill_a_worker(index):
        stored.append(index)
        if len(stored) == 2:
            os.kill(multiprocessing.active_children()[0].pid, signal.SIGKILL)

    with pytest.raises(BrokenProcessPool):
        sweep.run(out, backend="processes", workers=2, batch_size=1, progress=False, on_point_stored=kill_a_worker)
    assert set(stored) <= set(taalwerk.open_sweep(out).design.query("completed").index)
    assert not multiprocessing.active_children()
    assert_identical(sweep.run(out, backend="processes", workers=2, progress=False), reference)


def test_dask_reruns_the_points_of_a_killed_worker(sweep, reference, tmp_path):
    import os
    import signal

    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        with Client(cluster) as client:
            victims = list(client.run(os.getpid).values())[:1]

            def kill_a_worker(index):
                while victims:
                    os.kill(victims.pop(), signal.SIGKILL)

            result = sweep.run(tmp_path / "killed.h5", backend="dask", client=client, batch_size=1, progress=False,
                               on_point_stored=kill_a_worker)
    assert_identical(result, reference)
