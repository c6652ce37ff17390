"""taalwerk's HDF5 files carry a seal in their first 512 bytes: the length and CRC-32 of the rest
(``sim/output/file_seal.hpp``). It is checked before HDF5 opens a file, because libhdf5 can loop
forever or crash on some damaged files; a damaged file is refused with an ``OutputError`` that
names it. Files without a seal (written by older versions) are read as before."""
from __future__ import annotations

import os
from pathlib import Path

import h5py

from . import _core

SEAL_BLOCK_BYTES = 512  # the HDF5 user block that holds the seal

# Files already checked, by identity and last change (ctime too: a copy that keeps the mtime
# still changes it): a sweep result reads its store many times, and a store is replaced (new
# inode) rather than changed in place.
_checked: dict[str, tuple[int, ...]] = {}


def _identity(path: str | os.PathLike) -> tuple[int, ...]:
    stat = os.stat(path)
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns


def check_sealed(path: str | os.PathLike) -> None:
    """Raise ``OutputError`` naming ``path`` if its seal is broken (damaged, truncated)."""
    key = os.fspath(Path(path).resolve())
    before = _identity(path)
    if _checked.get(key) == before:
        return
    _core.check_seal(os.fspath(path))
    if _identity(path) == before:  # not changed while it was being checked
        _checked[key] = before


def open_sealed(path: str | os.PathLike) -> h5py.File:
    """``path`` opened read-only by h5py, once its seal is checked."""
    check_sealed(path)
    return h5py.File(path, "r")


def create_for_sealing(path: str | os.PathLike, **options) -> h5py.File:
    """A new HDF5 file with room for the seal; call ``seal(path)`` once it is closed."""
    return h5py.File(path, "w", userblock_size=SEAL_BLOCK_BYTES, **options)


def seal(path: str | os.PathLike) -> None:
    """Write the seal of a closed file made by ``create_for_sealing`` and flush it to disk."""
    _core.seal_file(os.fspath(path))
