"""The public site: anyone reads the archive, downloads the exact PDF and the figures; nothing else shows."""

import hashlib

import pytest
from django_scopes import scope, scopes_disabled

from reports.publishing import services as publishing
from reports.publishing.models import Artefact, ArtefactKind
from tests.conftest import login

from .publishing import publish, sign_off, signed_off_report

YEAR = "/reports/hsscp/2024-25"


@pytest.fixture
def published(world, renderer, artefacts, django_capture_on_commit_callbacks):
    report = signed_off_report(world)
    publication = publish(world, report, django_capture_on_commit_callbacks)
    return report, publication


def _pdf(publication):
    with scopes_disabled():
        return publication.artefacts.get(kind=ArtefactKind.PDF)


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_home_page_lists_partnerships_and_their_latest_report(client, published):
    page = client.get("/").content.decode()
    assert "Hartlepool and Stockton" in page and "South Tees" in page
    assert f'href="{YEAR}/"' in page
    assert "No report published here yet." in page  # South Tees


def test_the_archive_lists_each_year_with_pdf_size_and_pages(client, published):
    page = client.get("/reports/hsscp/").content.decode()
    assert "2024-25" in page and f'href="{YEAR}.pdf"' in page and "12 pages" in page
    assert client.get("/reports/no-such-partnership/").status_code == 404


def test_the_report_page_shows_the_stored_html_with_title_description_and_open_graph(client, published):
    _, publication = published
    response = client.get(f"{YEAR}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Render 1: referrals 1,432." in page  # the stored artefact, not a new render
    assert page.index("</header>") < page.index("About this publication") < page.index("<main>")
    assert "<title>Annual report 2024-25</title>" in page
    assert '<meta property="og:title" content="Annual report 2024-25">' in page
    assert (
        '<meta name="description"' in page
        and '<meta property="og:url" content="http://testserver/reports/hsscp/2024-25/">' in page
    )
    assert _pdf(publication).sha256 in page


def test_the_pdf_is_the_stored_file_with_its_name_hash_and_caching(client, published):
    _, publication = published
    artefact = _pdf(publication)
    response = client.get(f"{YEAR}.pdf")
    content = _body(response)
    assert response.status_code == 200
    assert hashlib.sha256(content).hexdigest() == artefact.sha256
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="hsscp-annual-report-2024-25.pdf"'
    assert response["ETag"] == f'"{artefact.sha256}"'
    assert "Last-Modified" in response and response["Cache-Control"] == "public, max-age=300"
    assert client.get(f"{YEAR}.pdf", headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_the_pdf_answers_head_and_range_requests(client, published):
    _, publication = published
    artefact = _pdf(publication)
    head = client.head(f"{YEAR}.pdf")
    assert head.status_code == 200 and head.content == b"" and head["Content-Length"] == str(artefact.size)
    part = client.get(f"{YEAR}.pdf", headers={"Range": "bytes=0-7"})
    assert part.status_code == 206 and _body(part) == b"%PDF-1.4"
    assert part["Content-Range"] == f"bytes 0-7/{artefact.size}"


def test_a_numbered_version_is_cached_long_and_named_with_its_version(client, published):
    response = client.get(f"{YEAR}/v1.pdf")
    assert response["Cache-Control"] == "public, max-age=86400, immutable"
    assert response["Content-Disposition"] == 'attachment; filename="hsscp-annual-report-2024-25-v1.pdf"'
    assert client.get(f"{YEAR}/v2.pdf").status_code == 404


def test_downloads_are_counted_per_file_without_anything_about_who(client, published):
    _, publication = published
    client.get(f"{YEAR}.pdf")
    client.get(f"{YEAR}.pdf", headers={"Range": "bytes=0-9"})
    client.get(f"{YEAR}.pdf", headers={"Range": "bytes=10-19"})  # the same reader, further on
    client.head(f"{YEAR}.pdf")
    client.get(f"{YEAR}/figures.csv")
    with scopes_disabled():
        counts = dict(Artefact.objects.filter(publication=publication).values_list("kind", "downloads"))
    assert counts == {"pdf": 2, "csv": 1, "json": 0, "html": 0}
    assert "sessionid" not in client.cookies


def test_open_data_downloads_as_csv_and_json(client, published):
    csv_response = client.get(f"{YEAR}/figures.csv")
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_response["Content-Disposition"] == 'attachment; filename="hsscp-annual-report-2024-25-figures.csv"'
    assert "E06000001" in _body(csv_response).decode("utf-8-sig")
    json_response = client.get(f"{YEAR}/figures.json")
    assert json_response["Content-Type"] == "application/json"
    assert b'"ons_code": "E06000001"' in _body(json_response)


def test_a_correction_marks_the_earlier_version_superseded_and_shows_its_note(
    world, client, published, django_capture_on_commit_callbacks
):
    report, first = published
    with scope(partnership=world.partnership):
        publishing.start_correction(report, by=world.approver, reason="Typo")
        sign_off(world, report)
    publish(world, report, django_capture_on_commit_callbacks, note="Corrected the number of referrals.")
    current = client.get(f"{YEAR}/").content.decode()
    assert "Corrected the number of referrals." in current and "Render 2" in current
    old = client.get(f"{YEAR}/v1/").content.decode()
    assert "This version has been superseded" in old and "Render 1" in old
    assert f'href="{YEAR}/"' in old
    assert '<meta name="robots" content="noindex">' in old
    assert _body(client.get(f"{YEAR}/v1.pdf")) != _body(client.get(f"{YEAR}.pdf"))


def test_a_withdrawn_report_answers_410_with_the_reason_everywhere(world, client, published):
    report, _ = published
    with scope(partnership=world.partnership):
        publishing.withdraw(report, by=world.approver, reason="It named a child's school.")
    for path in (
        f"{YEAR}/",
        f"{YEAR}.pdf",
        f"{YEAR}/figures.csv",
        f"{YEAR}/figures.json",
        f"{YEAR}/v1/",
        f"{YEAR}/v1.pdf",
    ):
        response = client.get(path)
        assert response.status_code == 410, path
        assert "It named a child&#x27;s school." in response.content.decode(), path
    assert "Withdrawn on" in client.get("/reports/hsscp/").content.decode()
    assert f"{YEAR}/" not in client.get("/sitemap.xml").content.decode()


def test_drafts_and_unfinished_publications_are_not_found(world, client, renderer, artefacts):
    report = signed_off_report(world)
    with scope(partnership=world.partnership):
        publishing.request_publication(report, by=world.approver)  # queued; the task has not run
    for path in (f"{YEAR}/", f"{YEAR}.pdf", f"{YEAR}/figures.csv", f"{YEAR}/v1/", "/reports/hsscp/2025-26/"):
        assert client.get(path).status_code == 404, path
    assert "2024-25" not in client.get("/reports/hsscp/").content.decode()


def test_public_pages_are_the_same_for_everyone_and_may_be_cached(world, client, published):
    anonymous = client.get(f"{YEAR}/")
    signed_in = login(None, world.editor).get(f"{YEAR}/")
    assert anonymous.content == signed_in.content
    assert anonymous["Cache-Control"] == "public, max-age=300"
    assert not anonymous.cookies  # nothing personal: a shared cache may keep it
    assert "no-store" in signed_in["Cache-Control"]  # the portal's rule for anyone signed in
    assert client.post(f"{YEAR}/").status_code == 405


def test_sitemap_and_robots(client, published):
    sitemap = client.get("/sitemap.xml")
    assert sitemap["Content-Type"] == "application/xml"
    assert "<loc>http://testserver/reports/hsscp/2024-25/</loc>" in sitemap.content.decode()
    robots = client.get("/robots.txt").content.decode()
    assert "Allow: /reports/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots
