"""API throughput and latency on loopback: gunicorn serving the demo site, measured with wrk.

    python benchmarks/api.py [--duration 10] [--connections 8] [--workers 2] [--rounds 1]

Builds a throw-away demo database, then serves it twice with gunicorn (production
settings): once with the response cache disabled (cold) and once with it enabled (cached,
Redis when REDIS_URL is set). Each run measures a trivial Django view, stock Wagtail's page
detail, and the suite's page listing, page detail and a DRF listing, and prints the ratios
the API is held to. With --rounds N both runs are repeated N times on the same database,
to show the spread. Needs `wrk` (apt-get install wrk).
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(var_dir, port, cached):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "POAISS_VAR_DIR": str(var_dir),
        "SECRET_KEY": "benchmark-only-secret-key-that-is-long-enough-to-pass-the-checks",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "API_RESPONSE_CACHE_TIMEOUT": "3600" if cached else "0",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DATABASE_URL", None)
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)


def wait_for(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


def parse_duration(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url, duration, connections):
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = parse_duration(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1))
    p99 = parse_duration(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses")
    return {"rps": rps, "p50": p50, "p99": p99}


def page_ids(base):
    import json

    with urllib.request.urlopen(f"{base}/api/v2/pages/?locale=fr&type=core.HomePage") as answer:
        return json.load(answer)["items"][0]["id"]


def run(args):
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    rounds = []
    with tempfile.TemporaryDirectory(prefix="poaiss-bench-") as var_dir:
        port = free_port()
        (Path(var_dir) / "static").mkdir()
        setup_env = environment(var_dir, port, cached=False)
        manage(setup_env, "migrate", "--noinput")
        manage(setup_env, "load_demo", "--no-admin")
        for _round in range(args.rounds):
            rounds.append(measure(args, var_dir, port))
    for number, results in enumerate(rounds, start=1):
        if len(rounds) > 1:
            print(f"\nRound {number}")
        report(results)
    if len(rounds) > 1:
        print("\nRatios over all rounds")
        for label, *_rest in RATIOS:
            values = ", ".join(f"{ratio(results, label):.2f}x" for results in rounds)
            print(f"{label:48} {values}")


def measure(args, var_dir, port):
    """One cold and one cached run: {(mode, endpoint): figures}."""
    base = f"http://127.0.0.1:{port}"
    results = {}
    for mode in ("cold", "cached"):
        env = environment(var_dir, port, cached=mode == "cached")
        server = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        try:
            wait_for(f"{base}/healthz")
            detail = page_ids(base)
            endpoints = {
                "trivial Django view": "/healthz",
                "stock Wagtail page detail": f"/stock-api/pages/{detail}/",
                "page listing": "/api/v2/pages/?locale=fr",
                "page detail": f"/api/v2/pages/{detail}/?locale=fr",
                "DRF listing (countries)": "/api/v2/countries/?locale=fr&limit=50",
            }
            for name, path in endpoints.items():
                wrk(base + path, 2, args.connections)  # warm up
                results[(mode, name)] = wrk(base + path, args.duration, args.connections)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    return results


# (label, numerator, denominator, target): p50 latency ratios, and req/s ratios inverted.
RATIOS = [
    ("cached page detail / trivial view, p50 latency", "cached page detail", "trivial", 2),
    ("trivial view / cached page detail, req/s", "trivial", "cached page detail", 2),
    ("cold page detail / stock Wagtail, p50 latency", "cold page detail", "stock", 1),
    ("stock Wagtail / cold page detail, req/s", "stock", "cold page detail", 1),
]


def ratio(results, label):
    figures = {
        "trivial": results[("cached", "trivial Django view")],
        "cached page detail": results[("cached", "page detail")],
        "cold page detail": results[("cold", "page detail")],
        "stock": results[("cold", "stock Wagtail page detail")],
    }
    _label, numerator, denominator, _target = next(r for r in RATIOS if r[0] == label)
    measure = "p50" if "latency" in label else "rps"
    return figures[numerator][measure] / figures[denominator][measure]


def report(results):
    print(f"{'mode':7} {'endpoint':28} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
    for (mode, name), figures in results.items():
        print(
            f"{mode:7} {name:28} {figures['rps']:9.0f} {figures['p50']:8.2f} {figures['p99']:8.2f}"
        )
    print()
    for label, _numerator, _denominator, target in RATIOS:
        print(f"{label:48} {ratio(results, label):5.2f}x (target <= {target})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per endpoint")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1, help="repeat both runs N times")
    run(parser.parse_args())
