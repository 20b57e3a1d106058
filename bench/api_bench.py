"""The HTTP API under load: 16 concurrent clients on /search, /sparql and /chat over the corpus ×N.

Writes the corpus ×N (default 200 → 1,000 documents, a unit per copy) as files
under data/build/bench-xN/, builds it with `vgraf build` (VGRAF_STORE=oxigraph;
embeddings cached in data/build/bench-cache), starts `vgraf serve` on a free
port (its log in data/build/bench-xN/serve.log), then drives each endpoint in
turn with CLIENTS asyncio clients for SECONDS seconds while one more client
measures /health in the same run. Prints the server's start-up time, then
requests/s, p50/p95 latency and errors per endpoint, beside /health. With
--reuse an existing build of the same size is served as it is.

    .venv/bin/python bench/api_bench.py [--copies 200] [--clients 16] [--seconds 30] [--reuse]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.metadata import load_sidecar  # noqa: E402
from ingest.pipeline import parse_text  # noqa: E402
from search.evaluate import load_questions  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SPARQL = [
    "01-units-working-on-theme.rq",
    "04-partly-met-unit-goals.rq",
    "10-units-contributing-to-namndmal.rq",
    "12-themes-overview.rq",
    "15-construct-unit-goals.rq",
]
CHAT = [
    "Vilka enheter arbetar med måltidsombud?",
    "Which units work on palliative care?",
    "Vilka enhetsmål uppfylldes bara delvis 2021?",
    "Vilka aktiviteter finns för plast?",
    "Hur hög är sjukfrånvaron?",
    "Vad gör enheterna mot välfärdsbrott?",
]


def write_corpus(folder: Path, copies: int) -> None:
    """The bundled documents ``copies`` times, each copy under its own unit name (sidecars too)."""
    for path in sorted(RAW.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sidecar = load_sidecar(path)
        unit = str(sidecar.values.get("unit") or parse_text(text, path, sidecar).document.unit)
        for copy in range(copies):
            name = f"{unit} {copy}" if copy else unit
            target = folder / f"{path.stem}-{copy:04d}.txt"
            target.write_text(text.replace(unit, name) if copy else text, encoding="utf-8")
            if "unit" in sidecar.values:
                target.with_suffix(".meta.toml").write_text(f'unit = "{name}"\n', encoding="utf-8")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else float("nan")


async def drive(base: str, make_request, clients: int, seconds: float) -> tuple[list[float], int, list[float]]:
    """Latencies and error count of ``clients`` loops over ``make_request``, and /health latencies meanwhile."""
    latencies: list[float] = []
    health: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds
    counter = itertools.count()
    limits = httpx.Limits(max_connections=clients + 4)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def worker() -> None:
            nonlocal errors
            while time.monotonic() < stop:
                started = time.perf_counter()
                response = await make_request(client, next(counter))
                latencies.append(time.perf_counter() - started)
                errors += response.status_code != 200

        async def prober() -> None:
            while time.monotonic() < stop:
                started = time.perf_counter()
                await client.get("/health")
                health.append(time.perf_counter() - started)
                await asyncio.sleep(0.1)

        await asyncio.gather(*(worker() for _ in range(clients)), prober())
    return latencies, errors, health


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2, help="SPARQL worker processes (VGRAF_SPARQL_WORKERS)")
    parser.add_argument("--reuse", action="store_true", help="serve an existing build of this size as it is")
    args = parser.parse_args()

    questions = [question.question for question in load_questions()]
    queries = [(ROOT / "queries" / name).read_text(encoding="utf-8") for name in SPARQL]
    root = ROOT / "data" / "build" / f"bench-x{args.copies}"
    env = os.environ | {
        "VGRAF_DATA_DIR": str(root / "raw"),
        "VGRAF_BUILD_DIR": str(root / "build"),
        "VGRAF_CACHE_DIR": str(ROOT / "data" / "build" / "bench-cache"),
        "VGRAF_STORE": "oxigraph",
        "VGRAF_SPARQL_WORKERS": str(args.workers),
    }
    vgraf = str(Path(sys.executable).parent / "vgraf")
    server = None
    try:
        if not (args.reuse and (root / "build" / "current").exists()):
            shutil.rmtree(root / "raw", ignore_errors=True)
            (root / "raw").mkdir(parents=True)
            write_corpus(root / "raw", args.copies)
            started = time.perf_counter()
            subprocess.run([vgraf, "build"], env=env, check=True)
            print(f"corpus ×{args.copies}: built in {time.perf_counter() - started:.0f} s", flush=True)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        started = time.perf_counter()
        log = (root / "serve.log").open("w")
        server = subprocess.Popen([vgraf, "serve", "--port", str(port)], env=env, stdout=log, stderr=log)
        base = f"http://127.0.0.1:{port}"
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                if server.poll() is not None:
                    raise SystemExit(f"the server exited; see {root / 'serve.log'}") from None
            time.sleep(0.5)
        print(f"server ready in {time.perf_counter() - started:.1f} s: {httpx.get(f'{base}/health').json()}")

        endpoints = {
            "/search": lambda c, i: c.get("/search", params={"q": questions[i % len(questions)]}),
            "/sparql": lambda c, i: c.post(
                "/sparql", data={"query": queries[i % len(queries)]}, headers={"accept": "text/csv, text/turtle;q=0.9"}
            ),
            "/chat": lambda c, i: c.post(
                "/chat", json={"messages": [{"role": "user", "content": CHAT[i % len(CHAT)]}]}
            ),
        }
        print(f"\n{args.clients} concurrent clients, {args.seconds:g} s per endpoint, /health probed every 0.1 s")
        print("| endpoint | requests/s | p50 ms | p95 ms | errors | /health p50 ms | /health p95 ms |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, request in endpoints.items():
            latencies, errors, health = asyncio.run(drive(base, request, args.clients, args.seconds))
            print(
                f"| {name} | {len(latencies) / args.seconds:.1f} | {1000 * percentile(latencies, 0.5):.0f} | "
                f"{1000 * percentile(latencies, 0.95):.0f} | {errors} | {1000 * percentile(health, 0.5):.1f} | "
                f"{1000 * percentile(health, 0.95):.1f} |",
                flush=True,
            )
    finally:
        if server is not None:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
