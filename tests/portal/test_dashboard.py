import html

from django.urls import reverse

from tests.conftest import login


def dashboard(user):
    response = login(None, user).get(reverse("dashboard"))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_anonymous_visitors_are_asked_to_log_in(client, db):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_partner_sees_its_agencys_returns_and_nothing_of_the_business_unit(world):
    page = dashboard(world.submitter)
    assert "Enter and submit Cleveland Police's figures" in page
    assert "2025-26 figures" in page and "Not started" in page
    assert "Explore the figures" not in page and "Export figures" not in page


def test_the_editor_sees_checking_exploring_and_reference_data(world):
    page = dashboard(world.editor)
    assert "Check agencies' returns" in page and "approve figures" not in page
    assert "Explore the figures" in page and "Edit reference data" in page


def test_the_approver_is_offered_approval(world):
    assert "Check agencies' returns and approve figures" in dashboard(world.approver)


def test_the_portal_admin_sees_every_partnership_and_the_administration(world):
    page = dashboard(world.admin)
    assert "Portal admin" in page and "Open administration" in page
    assert "Hartlepool and Stockton" in page and "South Tees" in page


def test_no_dashboard_shows_another_partnership(world):
    assert "South Tees" not in dashboard(world.editor)
    assert "Hartlepool and Stockton" not in dashboard(world.outsider)


def test_a_user_can_log_in_and_out_and_change_a_password(client, world):
    from tests.factories import PASSWORD

    response = client.post(reverse("login"), {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "a-new-long-passphrase", "new_password2": "a-new-long-passphrase"},
    )
    assert response.status_code == 302
    client.post(reverse("logout"))
    assert client.get(reverse("dashboard")).status_code == 302
    response = client.post(reverse("login"), {"username": "editor", "password": "a-new-long-passphrase"})
    assert response.status_code == 302


def test_a_password_reset_sends_an_email_with_a_link(client, world, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": "editor@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1 and "/accounts/reset/" in mailoutbox[0].body


def test_the_business_units_dashboard_leads_with_its_work(world):
    from django_scopes import scopes_disabled

    from metrics import services

    with scopes_disabled():
        services.save_return(
            world.council_return,
            {(world.metrics["training-attendees"].pk, 0): services.CellInput(raw="40")},
            by=world.council_submitter,
        )
        services.submit_return(world.council_return, by=world.council_submitter)
    page = dashboard(world.approver)
    waiting = page[page.index("Waiting for a decision") : page.index("round</h3>")]
    assert f'href="{world.council_return.get_absolute_url()}"' in waiting
    assert "Hartlepool Borough Council, 2025-26" in waiting and "1 of 1 figures" in waiting
    assert "Late or not yet submitted" in page and "Cleveland Police" in page
    assert "1 of 8 figures filled" in page


def test_the_partners_dashboard_says_what_to_do_next(world):
    page = dashboard(world.submitter)
    assert f'href="{world.police_return.get_absolute_url()}"' in page
    assert "Due 31 May 2026" in page and "0 of 7 figures filled" in page
    assert "Start entering your figures." in page
    assert "Waiting for a decision" not in page


def test_the_business_units_dashboard_shows_the_current_reports_sections_by_state(world):
    from django_scopes import scopes_disabled

    from reports.models import Report, Section

    with scopes_disabled():
        report = Report.objects.create(
            partnership=world.partnership, year="2024-25", title="Annual report 2024-25", edition="2023"
        )
        for position, state in enumerate(["drafting", "drafting", "approved"]):
            Section.objects.create(
                partnership=world.partnership, report=report, position=position, title=f"S{position}", state=state
            )
    page = dashboard(world.editor)
    assert "The 2024-25 report" in page and f'href="{report.get_absolute_url()}"' in page
    assert "3 sections, 2 drafting, 1 approved." in page
    assert "The 2024-25 report" not in dashboard(world.submitter)


def test_the_portal_admins_dashboard_costs_the_same_queries_for_any_number_of_partnerships(world):
    """Each partnership's card shows its own round, returns waiting and report; the reads are done
    for every partnership at once, so four more partnerships add no query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from metrics.models import ReturnStatus
    from reports.models import Report, Section
    from tests import factories as f

    def count():
        client = login(None, world.admin)
        with CaptureQueriesContext(connection) as captured:
            page = html.unescape(client.get(reverse("dashboard")).content.decode())
        return len(captured), page

    def add_partnership(n):
        with scopes_disabled():
            partnership = f.PartnershipFactory(name=f"Partnership {n}", slug=f"partnership-{n}")
            f.ReturnFactory(
                round__partnership=partnership,
                agency__name=f"Agency {n}",
                status=ReturnStatus.SUBMITTED,
                submitted_at=timezone.now(),
            )
            report = Report.objects.create(partnership=partnership, year="2024-25", title=f"Report {n}", edition="2023")
            Section.objects.create(partnership=partnership, report=report, position=0, title="S", state="approved")

    add_partnership(0)
    before, _ = count()
    for n in range(1, 5):
        add_partnership(n)
    after, page = count()
    assert after == before
    for n in range(5):
        card = page[page.index(f"Partnership {n}</h2>") :][:3000]
        assert f"Agency {n}, 2025-26" in card and "1 section, 1 approved." in card
