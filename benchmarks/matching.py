"""Benchmark of the matching engine: a full rebuild and one need rematched.

    .venv/bin/python benchmarks/matching.py --needs 100000 --resources 10000 --workers 2

Generates plausible needs and resources (`assistance.matching.synthetic`), then measures:

- the full rebuild with the indexed engine, the needs split into chunks matched by a pool
  of worker processes (as the nightly Celery chord does), engine preparation included;
- rematching one need against the prepared index (median and worst of many);
- the all-pairs reference on a sample of needs (extrapolated to all of them, since running
  it in full takes hours), checking on that sample that both give the same proposals;
- peak memory (maximum resident set size of this process and of the workers).

Database reads and writes are not included: this measures the engine.
"""

import argparse
import os
import random
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistance.matching import synthetic  # noqa: E402
from assistance.matching.engines import IndexedEngine, NaiveEngine  # noqa: E402

_engine = None


def _prepare(resources):
    global _engine
    _engine = IndexedEngine().prepare(resources)


def _match_chunk(needs):
    began = time.process_time()
    proposals = sum(len(found) for found in _engine.match_many(needs).values())
    return proposals, time.process_time() - began


def full_rebuild(needs, resources, workers, chunk_size):
    chunks = [needs[start : start + chunk_size] for start in range(0, len(needs), chunk_size)]
    started = time.perf_counter()
    if workers == 1:
        _prepare(resources)
        results = [_match_chunk(chunk) for chunk in chunks]
    else:
        with ProcessPoolExecutor(workers, initializer=_prepare, initargs=(resources,)) as pool:
            results = list(pool.map(_match_chunk, chunks))
    proposals = sum(count for count, _cpu in results)
    cpu = sum(cpu for _count, cpu in results)
    return time.perf_counter() - started, proposals, cpu


def peak_memory_mib():
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return own / 1024, children / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--needs", type=int, default=100_000)
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--chunk-size", type=int, default=2_000)
    parser.add_argument("--sample", type=int, default=300, help="needs for the all-pairs run")
    parser.add_argument("--seed", type=int, default=2027)
    options = parser.parse_args()

    started = time.perf_counter()
    needs, resources = synthetic.scenario(options.seed, options.needs, options.resources)
    print(
        f"generated {len(needs):,} needs and {len(resources):,} resources "
        f"in {time.perf_counter() - started:.1f} s"
    )

    seconds, proposals, cpu = full_rebuild(needs, resources, options.workers, options.chunk_size)
    print(
        f"full rebuild (indexed, {options.workers} processes): {seconds:.1f} s wall, "
        f"{cpu:.1f} s CPU in the workers, {proposals:,} proposals"
    )

    started = time.perf_counter()
    engine = IndexedEngine().prepare(resources)
    print(
        f"index of {len(resources):,} resources built in "
        f"{(time.perf_counter() - started) * 1000:.0f} ms"
    )
    rng = random.Random(options.seed)
    timings = []
    for need in rng.sample(needs, 2_000):
        began = time.process_time()
        engine.match(need)
        timings.append((time.process_time() - began) * 1000)
    print(
        f"one need rematched (CPU time): median {statistics.median(timings):.2f} ms, "
        f"worst {max(timings):.2f} ms (of {len(timings):,})"
    )

    sample = rng.sample(needs, options.sample)
    naive = NaiveEngine().prepare(resources)
    began = time.perf_counter()
    expected = naive.match_many(sample)
    naive_seconds = time.perf_counter() - began
    began = time.perf_counter()
    found = engine.match_many(sample)
    indexed_seconds = time.perf_counter() - began
    assert found == expected, "the indexed engine disagrees with the all-pairs reference"
    extrapolated = naive_seconds * len(needs) / len(sample)
    print(
        f"all-pairs reference on {len(sample)} needs: {naive_seconds:.1f} s "
        f"(indexed: {indexed_seconds:.2f} s, same proposals); "
        f"extrapolated to {len(needs):,} needs on one process: {extrapolated / 60:.0f} min; "
        f"ratio {naive_seconds / indexed_seconds:.0f}x"
    )
    own, children = peak_memory_mib()
    print(f"peak memory: {own:.0f} MiB (main process), {children:.0f} MiB (largest worker)")


if __name__ == "__main__":
    main()
