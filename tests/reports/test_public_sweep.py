"""Every URL pattern, walked as an anonymous visitor, with the ids of things that must never be public.

Drafts, unpublished years (queued or failed publications), comments, revisions, sections and
partner figures outside a published report: the public site answers 404, the signed-in portal
sends the visitor to log in, and no answer contains their text. A new route outside the known
areas must go through the public site's own door (`public_view`) or this test fails.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django_scopes import scope, scopes_disabled

from reports import services
from reports.publishing.models import Publication, PublicationStatus

from .helpers import make_report, rich
from .publishing import publish, signed_off_report

SECRET = "SECRET-DRAFT-WORDS"
PORTAL_PREFIXES = ("p/<slug:partnership_slug>/", "dashboard/", "admin/")
ACCOUNT_PREFIX = "accounts/"
OPEN_ROUTES = {"healthz", "", "sitemap.xml", "robots.txt", "reports/<slug:partnership_slug>/"}


def _walk(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route.startswith("admin/"):
                yield route, None
                continue
            yield from _walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern.callback


@pytest.fixture
def secrets(world, renderer, artefacts, django_capture_on_commit_callbacks):
    """A published 2024-25 report, a 2025-26 draft full of secrets, a 2023-24 whose publication failed."""
    published = signed_off_report(world)
    publish(world, published, django_capture_on_commit_callbacks)
    draft = make_report(world, year="2025-26", sections=[("Draft section", [rich(f"<p>{SECRET}</p>")])])
    failed = make_report(world, year="2023-24", sections=[("Old", [rich(f"<p>{SECRET}</p>")])])
    with scope(partnership=world.partnership):
        section = draft.sections.get()
        comment = services.add_comment(section, text=f"{SECRET} comment", by=world.editor)
        revision = section.revisions.first()
    with scopes_disabled():
        Publication.objects.create(
            partnership=world.partnership,
            report=failed,
            year="2023-24",
            version=1,
            publisher_name="HSSCP",
            title=SECRET,
            status=PublicationStatus.FAILED,
        )
        value_ids = list(world.metrics["referrals"].values.values_list("pk", flat=True))
    return {
        "years": ["2025-26", "2023-24"],
        "ints": sorted({section.pk, comment.pk, revision.pk, revision.number, 1, 2, *value_ids}),
    }


def _urls(route, secrets):
    """Concrete addresses for a route: every year and id of the secret objects."""
    urls = [route.replace("<slug:partnership_slug>", "hsscp")]
    for token, values in (
        (r"<year:\w+>", secrets["years"]),
        (r"<int:\w+>", [str(i) for i in secrets["ints"]]),
        (r"<str:\w+>", ["html", "pdf", "csv"]),
        (r"<(?:slug|path|uuid):?\w*>", ["x"]),
    ):
        expanded = []
        for url in urls:
            if re.search(token, url):
                expanded += [re.sub(token, value, url, count=1) for value in values]
                while any(re.search(token, u) for u in expanded):
                    expanded = [re.sub(token, values[0], u, count=1) for u in expanded]
            else:
                expanded.append(url)
        urls = expanded
    return ["/" + url.lstrip("^").rstrip("$") for url in urls]


def test_no_route_shows_anything_unpublished_to_an_anonymous_visitor(client, secrets):
    checked = 0
    for route, view in _walk(get_resolver().url_patterns):
        if route.startswith("admin/"):
            response = client.get("/admin/")
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
            continue
        is_public = getattr(view, "is_public_view", False)
        for url in _urls(route, secrets):
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert SECRET.encode() not in body, url
            checked += 1
            if route.startswith(PORTAL_PREFIXES):
                assert response.status_code in (302, 405), (url, response.status_code)
                if response.status_code == 302:
                    assert response["Location"].startswith("/accounts/login/"), url
            elif route.startswith(ACCOUNT_PREFIX) or route in OPEN_ROUTES:
                assert response.status_code in (200, 302, 404, 405), (url, response.status_code)
            else:
                assert is_public, f"{route} is outside the portal and is not a public_view"
                assert response.status_code == 404, (url, response.status_code)
    assert checked > 100


def test_the_archive_and_home_list_only_the_published_year(client, secrets):
    archive = client.get("/reports/hsscp/").content.decode()
    assert "2024-25" in archive and "2025-26" not in archive and "2023-24" not in archive
    home = client.get("/").content.decode()
    assert "2025-26" not in home and SECRET not in home
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "2024-25" in sitemap and "2025-26" not in sitemap and "2023-24" not in sitemap
