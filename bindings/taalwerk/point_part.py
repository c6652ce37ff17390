"""One finished sweep point on disk until it is consolidated into the sweep file.

Written under a temporary name and renamed into place (an atomic step), so after a crash it is
either complete or absent. A plain binary file rather than HDF5: writing it costs the single
writer a fraction of a millisecond, and reading it back needs no HDF5 file open.

Format: the magic line, the length of the header (8 bytes, little-endian), the header as JSON
(point, sweep hash, session, C++ seconds, time, worker, code version, output layout, the byte
length of each chunk and the CRC-32 of all chunks), then the chunks: per indicator exactly the
bytes the sweep file stores for that point (``point_runner.encode_chunk``).
"""
from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .point_runner import PointResult

MAGIC = b"taalwerk-sweep-point 1\n"


class DamagedPart(ValueError):
    """A part file that is not what its header promises (disk error, or not a part file)."""


@dataclass
class PointPart:
    header: dict[str, Any]
    chunks: list[bytes]


def write_point_part(path: Path, result: PointResult, sweep_hash: str, session: str) -> None:
    header = {
        "point": result.index,
        "sweep_hash": sweep_hash,
        "session": session,
        "core_seconds": result.core_seconds,
        "created_utc": result.created_utc,
        "worker": result.worker,
        "code_version": result.code_version,
        "layout": {
            "indicator_names": result.indicator_names, "units": result.units, "descriptions": result.descriptions,
            "group_labels": result.group_labels, "months": result.months, "replicate_ids": result.replicate_ids,
        },
        "chunk_bytes": [len(chunk) for chunk in result.chunks],
        "crc32": _crc32(result.chunks),
    }
    encoded = json.dumps(header).encode()
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as file:
            file.write(MAGIC)
            file.write(len(encoded).to_bytes(8, "little"))
            file.write(encoded)
            for chunk in result.chunks:
                file.write(chunk)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _crc32(chunks: list[bytes]) -> int:
    crc = 0
    for chunk in chunks:
        crc = zlib.crc32(chunk, crc)
    return crc


def _read_header(file) -> dict[str, Any]:
    if file.read(len(MAGIC)) != MAGIC:
        raise DamagedPart("not a taalwerk sweep point file")
    length = int.from_bytes(file.read(8), "little")
    try:
        return json.loads(file.read(length))
    except ValueError:
        raise DamagedPart("its header is damaged") from None


def read_part_header(path: Path) -> dict[str, Any]:
    with open(path, "rb") as file:
        return _read_header(file)


def read_point_part(path: Path) -> PointPart:
    with open(path, "rb") as file:
        header = _read_header(file)
        chunks = [file.read(size) for size in header["chunk_bytes"]]
        if file.read(1) or any(len(chunk) != size for chunk, size in zip(chunks, header["chunk_bytes"], strict=True)):
            raise DamagedPart("its length does not match its header")
    if _crc32(chunks) != header["crc32"]:
        raise DamagedPart("its checksum does not match")
    return PointPart(header, chunks)
