"""Measure: the bytes a first view of the figures explorer transfers (empty browser cache).

Run: .venv/bin/python bench/first_view.py [--port N] [--dev]

Builds a throw-away site (SQLite, demo data, `collectstatic` into a temporary STATIC_ROOT),
serves it on 127.0.0.1 (a free port unless --port is given) the way production serves static
files (DEBUG=0, whitenoise's compressed manifest storage), logs in as the demo `editor` in one
browser context, then opens the explorer for referrals in a fresh context that has only the
session cookie (so nothing is cached) and adds up the bytes on the wire of every response
(Chromium's encodedDataLength: headers and compressed bodies). `--dev` serves as `make run`
does (DEBUG=1: files straight from static/, no compression, no fingerprints).
Prints `name: value` lines.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
EXPLORER = "/p/hsscp/figures/explorer/?metric=referrals"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own server on loopback
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer at {url}")


def measure(base):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        login = browser.new_context(base_url=base)
        page = login.new_page()
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill("editor")
        page.get_by_label("Password").fill("portal-demo")
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/dashboard/")
        cookies = login.cookies()
        login.close()

        context = browser.new_context(base_url=base)  # empty cache: a first view
        context.add_cookies(cookies)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        urls, sizes = {}, {}
        cdp.on("Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]))
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
        page.goto(EXPLORER)
        page.locator(".chart-ready").first.wait_for()
        page.wait_for_load_state("networkidle")
        browser.close()

    plotly = [rid for rid, response in urls.items() if "/plotly" in response["url"]]
    headers = {k.lower(): v for k, v in urls[plotly[0]]["headers"].items()} if plotly else {}
    return {
        "explorer_first_view_bytes": sum(sizes.values()),
        "explorer_first_view_requests": len(sizes),
        "plotly_url": urls[plotly[0]]["url"].removeprefix(base) if plotly else "none",
        "plotly_bytes": sum(sizes.get(rid, 0) for rid in plotly),
        "plotly_content_encoding": headers.get("content-encoding", "none"),
        "plotly_cache_control": headers.get("cache-control", "none"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--dev", action="store_true", help="serve as `make run` does (DEBUG=1)")
    options = parser.parse_args()
    port = options.port or free_port()
    work = Path(tempfile.mkdtemp(prefix="bench-first-view-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work}/db.sqlite3",
        "STATIC_ROOT": str(work / "static"),
        "DEBUG": "1" if options.dev else "0",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-use-0123456789",
        "HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_MANIFEST": "1",
    }
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo", "--force")
    if not options.dev:
        manage(env, "collectstatic", "--noinput")
    server = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/healthz")
        results = measure(base)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"mode: {'dev (make run)' if options.dev else 'production (DEBUG=0, collectstatic)'}")
    for name, value in results.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
