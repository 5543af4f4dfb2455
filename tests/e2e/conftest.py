"""Browser tests: Playwright (sync API) driving Debian's chromium against pytest-django's live server.

No pytest-playwright and no browser download: one chromium for the whole browser suite, a
fresh context (cookies, storage) per test, the demo data loaded into the test database for
each test.
"""

import os
from pathlib import Path

import pytest
from django.test import override_settings
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000

expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="package")
def browser() -> Browser:
    """One chromium for every browser test (this package: the whole of `make test-e2e`).

    Playwright's sync API keeps an asyncio event loop running in the main thread while it is
    started, and Django then refuses ORM calls from the tests as "async unsafe"; hence
    DJANGO_ALLOW_ASYNC_UNSAFE, set only while Playwright runs. Package scope, not session:
    `make test` runs the other tests after these, and they must get neither the running loop
    nor the variable (`manage.py check --deploy` in a subprocess warns about it).
    """
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need the Debian package `chromium`. "
            "Install it as root with: apt-get install -y chromium",
            pytrace=False,
        )
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def _live_server_over_http(request):
    """pytest-django's live server, started while SECURE_SSL_REDIRECT is off.

    `make` sets HTTPS=0, but a bare `pytest` with DEBUG=0 gets the production HTTPS settings;
    SecurityMiddleware reads SECURE_SSL_REDIRECT once, when the server thread builds its
    handler, so it must be off then. The cookie flags are read per request (see `portal`).
    """
    with override_settings(SECURE_SSL_REDIRECT=False):
        return request.getfixturevalue("live_server")


@pytest.fixture
def portal(_live_server_over_http, live_server, settings):
    """The live server's base URL, serving plain HTTP with cookies a browser keeps over HTTP."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    return live_server.url


@pytest.fixture
def demo(transactional_db):
    """The demo partnerships, figures, users and the open 2025-26 round, in the test database."""
    from partnership_portal.demo import loader

    return loader.load()


@pytest.fixture
def new_page(browser, portal):
    """Opens a page in a fresh browser context (its own cookies: one person each); closed at teardown."""
    contexts: list[BrowserContext] = []

    def open_page() -> Page:
        context = browser.new_context(base_url=portal, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page) -> Page:
    return new_page()
