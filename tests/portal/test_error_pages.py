"""403, 404 and 500 come in the portal's layout, with a plain sentence and a way on."""

import html

from django.test import RequestFactory
from django.urls import reverse
from django.views import defaults

from tests.conftest import login


def text(response):
    return html.unescape(response.content.decode())


def test_a_partner_on_a_business_unit_page_is_told_why_and_where_to_go(world):
    response = login(None, world.submitter).get(reverse("partners:structure", args=["hsscp"]))
    assert response.status_code == 403
    page = text(response)
    assert "This page is not open to your role" in page and "Forbidden" not in page
    assert "ask your partnership's business unit" in page
    assert f'href="{reverse("dashboard")}"' in page and "Skip to main content" in page  # the portal's layout


def test_an_unknown_address_says_so_in_the_layout(world):
    response = login(None, world.editor).get("/p/no-such-partnership/")
    assert response.status_code == 404
    page = text(response)
    assert "We cannot find this page" in page and "Go to your dashboard" in page


def test_an_anonymous_visitor_on_a_missing_page_is_offered_to_log_in(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Log in" in text(response) and "Skip to main content" in text(response)


def test_a_server_error_renders_the_layout_without_a_request_context(db):
    response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = text(response)
    assert "Sorry, something went wrong on our side" in page and "Traceback" not in page
    assert f'href="{reverse("dashboard")}"' in page and "Skip to main content" in page
