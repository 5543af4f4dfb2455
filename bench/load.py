"""Load benchmark of the public site: the PDF download, the HTML report page and the open-data CSV.

Run: .venv/bin/python bench/load.py
It builds a throw-away database (SQLite in a temporary folder, or BENCH_DATABASE_URL) with the demo
data and the demo report for 2024-25 published through the publish service, starts gunicorn on
127.0.0.1 (the first free port in 8140-8149, BENCH_WORKERS workers, default 4), runs locust
headless against each address in turn (BENCH_USERS concurrent clients, default 20, for
BENCH_SECONDS seconds each, default 15), prints `name: value` lines and stops what it started.

Targets (issue 14, this 2-core machine): PDF download >= 300 requests/s; HTML report page p95 < 100 ms
at 20 concurrent clients; 0 errors.
"""

import csv
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PORTS = range(8140, 8150)
USERS = int(os.environ.get("BENCH_USERS", "20"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
SLUG, YEAR = "hsscp", "2024-25"
TARGETS = [
    ("pdf", f"/reports/{SLUG}/{YEAR}.pdf"),
    ("html", f"/reports/{SLUG}/{YEAR}/"),
    ("csv", f"/reports/{SLUG}/{YEAR}/figures.csv"),
]


def environment(workdir):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DEBUG="0",
        HTTPS="0",
        SECRET_KEY="bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_MANIFEST="0",
        DATABASE_URL=os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3"),
        ARTEFACT_STORAGE="local",
        ARTEFACT_ROOT=str(workdir / "artefacts"),
        MEDIA_ROOT=str(workdir / "media"),
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise SystemExit("No free port in 8140-8149")


def wait_until_up(base, server, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped before it served")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz in time")


def run_locust(env, base, name, path, workdir):
    prefix = workdir / f"locust-{name}"
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "--host",
            base,
            "--users",
            str(USERS),
            "--spawn-rate",
            str(USERS),
            "--run-time",
            f"{SECONDS}s",
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "ERROR",
            "--exit-code-on-error",
            "0",
        ],
        cwd=ROOT,
        env={**env, "BENCH_PATH": path, "BENCH_NAME": name},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with open(f"{prefix}_stats.csv", newline="") as handle:
        return next(row for row in csv.DictReader(handle) if row["Name"] == name)


def main():
    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    env = environment(workdir)
    server = None
    try:
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "load_demo", "--force", "--publish")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "partnership_portal.wsgi", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until_up(base, server)
        print(f"clients: {USERS}")
        print(f"seconds_per_address: {SECONDS}")
        print(f"gunicorn_workers: {WORKERS}")
        print(f"load_average_1min_before: {os.getloadavg()[0]:.2f}")  # other work on the machine skews the figures
        for name, path in TARGETS:
            stats = run_locust(env, base, name, path, workdir)
            print(f"{name}_requests: {stats['Request Count']}")
            print(f"{name}_requests_per_second: {float(stats['Requests/s']):.1f}")
            print(f"{name}_p50_ms: {stats['50%']}")
            print(f"{name}_p95_ms: {stats['95%']}")
            print(f"{name}_p99_ms: {stats['99%']}")
            print(f"{name}_errors: {stats['Failure Count']}")
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
