"""Each demo user lands on a dashboard that fits their role, and sees only their own partnership."""

import re

import pytest
from playwright.sync_api import Page, expect

from .helpers import log_in

pytestmark = pytest.mark.e2e


def dashboard_section(page: Page, partnership: str):
    return page.locator("section").filter(has=page.get_by_role("heading", name=partnership))


def test_the_admin_sees_portal_admin_with_a_link_to_the_administration(page: Page, demo):
    log_in(page, "admin")

    expect(page.get_by_role("heading", name="Portal admin")).to_be_visible()
    administration = page.get_by_role("link", name="Open administration")
    expect(administration).to_be_visible()
    administration.click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


def test_the_editor_is_offered_to_check_returns_and_explore_figures_but_not_to_approve(page: Page, demo):
    log_in(page, "editor")

    hsscp = dashboard_section(page, "Hartlepool and Stockton-on-Tees Safeguarding Children Partnership")
    expect(hsscp).to_contain_text("Your role: Business unit editor")
    expect(hsscp.get_by_role("link", name="Check agencies' returns", exact=True)).to_be_visible()
    expect(hsscp.get_by_role("link", name="Explore the figures")).to_be_visible()
    expect(page.get_by_text(re.compile("approve", re.I))).to_have_count(0)
    expect(page.get_by_role("heading", name="Portal admin")).to_have_count(0)


def test_the_approver_is_offered_to_check_returns_and_approve_figures(page: Page, demo):
    log_in(page, "approver")

    hsscp = dashboard_section(page, "Hartlepool and Stockton-on-Tees Safeguarding Children Partnership")
    expect(hsscp).to_contain_text("Your role: Approver")
    expect(hsscp.get_by_role("link", name="Check agencies' returns and approve figures")).to_be_visible()
    expect(hsscp.get_by_role("link", name="Explore the figures")).to_be_visible()


def test_the_partner_is_offered_only_to_enter_and_submit_their_agencys_figures(page: Page, demo):
    log_in(page, "partner")

    hsscp = dashboard_section(page, "Hartlepool and Stockton-on-Tees Safeguarding Children Partnership")
    expect(hsscp).to_contain_text("Cleveland Police")
    expect(hsscp.get_by_role("link", name="Enter and submit Cleveland Police's figures")).to_be_visible()
    expect(page.get_by_role("link", name="Explore the figures")).to_have_count(0)
    expect(page.get_by_role("link", name="Check agencies' returns")).to_have_count(0)
    expect(page.get_by_role("link", name="Admin", exact=True)).to_have_count(0)


def test_the_partner_gets_a_not_found_page_for_another_partnership(page: Page, demo):
    log_in(page, "partner")

    response = page.goto("/p/stscp/")

    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="We cannot find this page")).to_be_visible()
    expect(page.get_by_role("link", name="Go to your dashboard")).to_be_visible()
    expect(page.get_by_text("South Tees")).to_have_count(0)
