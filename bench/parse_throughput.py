"""Parse throughput on the bundled corpus replicated ×N (default 200 → 1,000 documents).

Prints documents/s and MB/s for (a) reading + parsing files through ``ingest_paths``
and (b) parsing text already in memory, plus peak resident memory.

    .venv/bin/python bench/parse_throughput.py [--copies 200]
"""

from __future__ import annotations

import argparse
import platform
import resource
import shutil
import tempfile
import time
from pathlib import Path

from ingest import ingest_paths, parse_text
from ingest.metadata import load_sidecar

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def replicate(copies: int, target: Path) -> tuple[int, int]:
    """Copy every corpus document (and its sidecar) ``copies`` times; return (files, bytes)."""
    files = total = 0
    for copy in range(copies):
        folder = target / f"copy-{copy:04d}"
        folder.mkdir()
        for path in RAW.glob("*.txt"):
            shutil.copy(path, folder / path.name)
            sidecar = path.with_name(f"{path.stem}.meta.toml")
            if sidecar.exists():
                shutil.copy(sidecar, folder / sidecar.name)
            files += 1
            total += path.stat().st_size
    return files, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files, size = replicate(args.copies, root)
        # Every copy is the same document, so ingest_paths would report duplicates after
        # the first; each copy folder is ingested on its own, as separate corpora would be.
        folders = sorted(root.iterdir())
        start = time.perf_counter()
        parsed = 0
        for folder in folders:
            parsed += len(ingest_paths([folder]).documents)
        files_seconds = time.perf_counter() - start

    texts = [(path, path.read_text(encoding="utf-8"), load_sidecar(path)) for path in sorted(RAW.glob("*.txt"))]
    start = time.perf_counter()
    for _ in range(args.copies):
        for path, text, sidecar in texts:
            parse_text(text, path, sidecar)
    memory_seconds = time.perf_counter() - start

    megabytes = size / 1_000_000
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"corpus ×{args.copies}: {files} documents, {megabytes:.1f} MB of text ({parsed} parsed)")
    print(
        f"read + parse (ingest_paths): {files_seconds:.2f} s  "
        f"{files / files_seconds:,.0f} documents/s  {megabytes / files_seconds:.2f} MB/s"
    )
    print(
        f"parse only (text in memory): {memory_seconds:.2f} s  "
        f"{files / memory_seconds:,.0f} documents/s  {megabytes / memory_seconds:.2f} MB/s"
    )
    print(f"peak resident memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
