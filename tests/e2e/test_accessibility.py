"""Every page a person meets in the demo passes axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules.

axe-core comes bundled in axe-playwright-python, so nothing is fetched. Each test walks one
person's pages in one browser context, runs axe on the whole of each page once it is complete
(charts drawn, errors shown; nothing is excluded, Plotly's drawing included) and fails at the
end with every violation of every page, so one run tells everything that is wrong.

The pages are checked at 1280px and again at 320px wide (1.4.10 Reflow: a table may scroll in
its own box, the page may not scroll sideways). Beside axe's rules run checks it does not make:
duplicate ids (axe turned its rules off when WCAG 2.2 dropped 4.1.1), the page's width at 320px,
that the return form's Save button is reached with Tab, and on every page the
Content-Security-Policy header with no violation reported by the browser.
"""

import csv
import io
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_scopes import scopes_disabled
from playwright.sync_api import Locator, Page, expect

from metrics.models import MetricValue
from partners.models import User

from .helpers import figure, log_in, messages

pytestmark = pytest.mark.e2e

# axe-core's tags for the WCAG A and AA success criteria (axe has no "wcag22a" tag: 2.2's new A criteria have no rule).
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_A_AA},
    # WCAG 2.2 dropped 4.1.1 Parsing, so axe turned its duplicate id rules off; a duplicate id
    # still points a label, an error link or aria-describedby at the wrong element, so they run.
    "rules": {"duplicate-id": {"enabled": True}, "duplicate-id-active": {"enabled": True}},
    "resultTypes": ["violations"],
}

POLICE = "Cleveland Police"
HSSCP = "hsscp"
PERCENT_WITH_CHILD = "Domestic abuse incidents with a child present"
CSE_RISK = "Children at risk of child sexual exploitation"
MISSING = "Missing episodes"

NARROW = {"width": 320, "height": 800}  # WCAG 1.4.10 reflow: a 1280px window zoomed to 400%
WIDE = {"width": 1280, "height": 900}  # the browser tests' window (conftest.new_page)

_axe = Axe()


class Audit:
    """Runs axe on each page it is shown and keeps the violations, to report them all at the end.

    It also watches every page it is shown for the Content-Security-Policy: each document must
    carry the header, and the browser must report no violation of it (a blocked inline script or
    style shows as a console error and a `securitypolicyviolation` event).
    """

    def __init__(self):
        self.failures: dict[str, list[dict]] = {}
        self.watched: set[int] = set()
        self.csp_problems: list[str] = []

    def watch(self, page: Page):
        if id(page) in self.watched:
            return
        self.watched.add(id(page))

        def on_console(message):
            if "Content Security Policy" in message.text:
                self.csp_problems.append(f"{page.url}: {message.text}")

        def on_response(response):
            if response.request.resource_type == "document" and response.status < 300:
                if "default-src 'self'" not in (response.headers.get("content-security-policy") or ""):
                    self.csp_problems.append(f"{response.url}: no Content-Security-Policy header")

        page.on("console", on_console)
        page.on("response", on_response)

    def check(self, page: Page, name: str, *, reflow: bool = False):
        """axe on the page; with `reflow`, also WCAG 1.4.10: nothing but a table's own box scrolls sideways."""
        self.watch(page)
        violations = _axe.run(page, options=OPTIONS).response["violations"]
        if reflow:
            page_width, window_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if page_width > window_width:
                violations.append(
                    {
                        "id": "reflow",
                        "impact": "serious",
                        "help": f"The page must fit a {window_width}px window without scrolling sideways",
                        "helpUrl": "https://www.w3.org/WAI/WCAG22/Understanding/reflow",
                        "nodes": [{"target": ["html"], "failureSummary": f"The page is {page_width}px wide"}],
                    }
                )
        if violations:
            self.failures.setdefault(f"{name} ({page.url})", []).extend(violations)

    def check_both(self, page: Page, name: str):
        """axe and the page's width at 1280px, then again at 320px (no reload: the same state)."""
        self.check(page, name, reflow=True)
        page.set_viewport_size(NARROW)
        wait_for_charts_to_fit(page)
        self.check(page, f"{name}, {NARROW['width']}px wide", reflow=True)
        page.set_viewport_size(WIDE)

    def assert_clean(self):
        if self.failures:
            pytest.fail(report(self.failures), pytrace=False)
        assert not self.csp_problems, "Content-Security-Policy problems:\n" + "\n".join(self.csp_problems)


CHARTS_DRAWN = (
    "() => [...document.querySelectorAll('[data-figure-id]')].every(c => c.classList.contains('chart-ready'))"
)
CHARTS_FIT = """() => [...document.querySelectorAll('div.chart.chart-ready')].every(chart =>
    [...chart.querySelectorAll('svg.main-svg')].every(svg =>
        svg.getBoundingClientRect().width <= chart.getBoundingClientRect().width))"""


def wait_for_charts_to_fit(page: Page):
    """After the window changes width, Plotly redraws each chart to its container's new width (a
    debounced resize): a chart still drawn at the old width would be cut off at its edge."""
    page.wait_for_function(CHARTS_FIT, timeout=10_000)


def report(failures: dict[str, list[dict]]) -> str:
    """Each violation's rule, impact and help, and under it each node it was found on."""
    lines = [f"WCAG A/AA violations on {len(failures)} page(s):"]
    for page_name, violations in failures.items():
        lines.append(f"\n== {page_name}")
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}  {violation['helpUrl']}")
            for node in violation["nodes"]:
                lines.append(f"    {' '.join(map(str, node['target']))}")
                lines.append(f"      {node['failureSummary']}".replace("\n", " "))
    return "\n".join(lines)


def chart_is_drawn(page: Page, name: str, table: Locator):
    """The chart is drawn (charts.js marks it "chart-ready" once Plotly is done) and has a text alternative.

    Its container is a group named "Chart: …" and described by the caption under it; Plotly's
    SVG is hidden from assistive technology, and the same figures are in `table`.
    """
    chart = page.get_by_role("group", name=name, exact=True)
    expect(chart).to_have_class(re.compile(r"\bchart-ready\b"))
    expect(chart.locator(".main-svg").first).to_be_visible()
    expect(chart).to_have_accessible_description(re.compile(r"\w"))
    for layer in chart.locator("svg.main-svg").all():
        expect(layer).to_have_attribute("aria-hidden", "true")
    expect(table.first).to_be_visible()


def tab_to(page: Page, target: Locator, *, name: str, presses: int = 200):
    """Tabs from where the focus is until `target` has it: the control is reachable by keyboard."""
    target_handle = target.element_handle()
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(target) => document.activeElement === target", target_handle):
            return
    pytest.fail(f"{name}: {presses} presses of Tab never reached {target}")


# --- Pages ---------------------------------------------------------------------------------


def test_the_login_page(page: Page, transactional_db):
    audit = Audit()
    audit.watch(page)
    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    audit.check_both(page, "Login")

    page.get_by_label("Username").fill("partner")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    audit.check_both(page, "Login, refused")
    audit.assert_clean()


def test_the_partners_pages(page: Page, demo):
    audit = Audit()
    audit.watch(page)
    log_in(page, "partner")
    audit.check_both(page, "Dashboard (partner)")

    page.get_by_role("link", name=f"Enter and submit {POLICE}'s figures").click()
    page.get_by_role("link", name="Open the 2025-26 return").click()
    expect(page.get_by_role("heading", name=f"{POLICE}: figures for 2025-26")).to_be_visible()
    return_url = page.url
    audit.check_both(page, "Return form, fresh")
    save = page.get_by_role("button", name="Save draft")
    tab_to(page, save, name="Return form, Tab to Save draft")

    figure(page, PERCENT_WITH_CHILD, "Hartlepool").fill("120")
    figure(page, CSE_RISK, "Hartlepool").fill("-3")
    save.press("Enter")  # keyboard activation: no pointer coordinates to lose after the 320 px check
    expect(messages(page)).to_contain_text("Not saved: 2 figures need correcting")
    audit.check_both(page, "Return form, after a save with errors")

    figure(page, PERCENT_WITH_CHILD, "Hartlepool").fill("12.5")
    figure(page, CSE_RISK, "Hartlepool").fill("3")
    figure(page, MISSING, "Hartlepool").fill("2000")  # 821 last year: a large change, tinted, with its history link
    save.press("Enter")  # keyboard activation: no pointer coordinates to lose after the 320 px check
    expect(messages(page)).to_contain_text("Draft saved")  # and the history has something to tell
    expect(page.locator("td.has-warning")).to_have_count(1)
    audit.check_both(page, "Return form, a draft with a large change")

    page.get_by_role("button", name="Submit to the business unit").press("Enter")
    expect(messages(page)).to_contain_text("Not submitted")
    expect(page.locator("#error-summary")).to_contain_text("Enter a figure, or N/K")
    audit.check_both(page, "Return form, a refused submit")

    page.get_by_role("link", name="History and audit").click()
    expect(page.get_by_role("heading", name=f"History: {POLICE}, 2025-26")).to_be_visible()
    expect(page.locator(".event-list > li").first).to_be_visible()
    audit.check_both(page, "Return history")

    page.goto(return_url)
    template = page.request.get(page.get_by_role("link", name="Download CSV").get_attribute("href"))
    rows = list(csv.DictReader(io.StringIO(template.body().decode("utf-8-sig"))))
    for row in rows:
        row["value"] = "120" if row["metric_code"] == "da_incidents_children_present_pct" else "5"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)

    page.get_by_role("link", name="Upload a filled-in file").click()
    expect(page.get_by_role("heading", name="Import figures from a spreadsheet")).to_be_visible()
    audit.check_both(page, "Return upload")

    page.get_by_label("Your completed file").set_input_files(
        {"name": "police.csv", "mimeType": "text/csv", "buffer": out.getvalue().encode("utf-8")}
    )
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", name="Check your import")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Nothing has been imported")
    audit.check_both(page, "Return upload preview, with row errors")

    page.set_viewport_size(NARROW)
    audit.check(page, f"Return upload preview, with row errors, {NARROW['width']}px wide", reflow=True)
    page.goto(return_url)
    expect(page.get_by_role("heading", name=f"{POLICE}: figures for 2025-26")).to_be_visible()
    audit.check(page, f"Return form, {NARROW['width']}px wide", reflow=True)
    page.set_viewport_size(WIDE)

    page.goto(f"/p/{HSSCP}/structure/")  # a business-unit page
    expect(page.get_by_role("heading", name="This page is not open to your role")).to_be_visible()
    audit.check_both(page, "Not allowed (403)")
    audit.assert_clean()


def test_the_business_units_pages(page: Page, demo):
    audit = Audit()
    audit.watch(page)
    log_in(page, "editor")
    audit.check_both(page, "Dashboard (editor)")

    with scopes_disabled():  # a demo figure: loaded by no user, so its history names none
        demo_figure = MetricValue.objects.filter(partnership__slug=HSSCP, metric__code="referrals").first()
        partner = User.objects.get(username="partner")

    def heading(name, level=1):
        return lambda page: expect(page.get_by_role("heading", level=level, name=name)).to_be_visible()

    def chart(name, table):
        return lambda page: chart_is_drawn(page, name, table(page))

    pages = [
        ("Partnership overview", f"/p/{HSSCP}/", heading("Collection rounds", level=2)),
        (
            "Round progress",
            f"/p/{HSSCP}/figures/rounds/2025-26/",
            chart("Chart: 2025-26 returns by status", lambda page: page.locator("table.status-counts")),
        ),
        (
            "Figures explorer, referrals",
            f"/p/{HSSCP}/figures/explorer/?metric=referrals",
            chart(
                "Chart: Referrals to children's social care by year", lambda page: page.locator("table.series-table")
            ),
        ),
        (
            "History of a figure",
            demo_figure.get_absolute_url(),
            heading(re.compile(r"^Referrals to children's social care, ")),
        ),
        ("Comparators", f"/p/{HSSCP}/figures/comparators/", heading("Comparators")),
        ("Export", f"/p/{HSSCP}/figures/export/", heading("Export figures")),
        ("Structure", f"/p/{HSSCP}/structure/", heading("Partners, people and governance")),
        ("Funding", f"/p/{HSSCP}/funding/", heading("Funding")),
        ("Metric catalogue", f"/p/{HSSCP}/figures/catalogue/", heading("Metric catalogue")),
        ("Add a metric", f"/p/{HSSCP}/figures/catalogue/new/", heading("Add a metric")),
        ("Edit a metric", f"/p/{HSSCP}/figures/catalogue/{demo_figure.metric_id}/", heading(re.compile("^Edit "))),
        (
            "Upload the business unit's figures",
            f"/p/{HSSCP}/figures/upload/",
            heading("Upload the business unit's figures"),
        ),
        ("Reference data: people", f"/p/{HSSCP}/reference/people/", heading("People")),
        ("Reference data: add a post", f"/p/{HSSCP}/reference/posts/new/", heading("Add a post")),
        ("Reference data: groups", f"/p/{HSSCP}/reference/groups/", heading("Governance groups")),
        ("Reference data: funding lines", f"/p/{HSSCP}/reference/funding-lines/", heading("Funding lines")),
        ("People and roles", f"/p/{HSSCP}/people/", heading("People and roles")),
        ("Invite someone", f"/p/{HSSCP}/people/invite/", heading("Invite someone")),
        ("Change a role", f"/p/{HSSCP}/people/{partner.pk}/", heading(re.compile(r"^Change .*'s role$"))),
        ("Remove someone", f"/p/{HSSCP}/people/{partner.pk}/remove/", heading(re.compile(r"^Remove .*\?$"))),
        ("Page not found", f"/p/{HSSCP}/no-such-page/", heading("We cannot find this page")),
    ]
    for name, path, ready in pages:
        page.goto(path)
        ready(page)
        audit.check_both(page, name)

    audit.assert_clean()


def test_the_invitation_pages(page: Page, demo):
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from partners.models import PartnershipRole, Role
    from partners.people import invitation_tokens

    with scopes_disabled():
        invited = User.objects.create(username="new@example.org", email="new@example.org", first_name="New")
        invited.set_unusable_password()
        invited.save()
        editor = User.objects.get(username="editor")
        PartnershipRole.objects.create(
            user=invited, partnership=editor.partnership_roles.get().partnership, role=Role.EDITOR
        )
    uid = urlsafe_base64_encode(force_bytes(invited.pk))
    audit = Audit()
    page.goto(f"/accounts/invitation/{uid}/{invitation_tokens.make_token(invited)}/")
    expect(page.get_by_role("heading", name="Welcome: set your password")).to_be_visible()
    audit.check_both(page, "Invitation: set a password")
    page.goto(f"/accounts/invitation/{uid}/not-a-token/")
    expect(page.get_by_role("heading", name="This invitation link no longer works")).to_be_visible()
    audit.check_both(page, "Invitation: a dead link")
    audit.assert_clean()
