"""Pages run a fixed number of queries, whatever the number of figures, events or rounds.

`test_every_page_costs_the_same_from_a_small_partnership_to_a_large_one` visits every signed-in
page of the route table in tests/pages.py (a new page in the table is counted too) in a
partnership with one of everything, then with several times more of everything each page lists.
"""

import dataclasses
import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from metrics import services
from metrics.models import Metric, MetricValue
from partners.models import FundingLine, FundingYear, Group, Person, Post, Role
from partners.years import ReportingYear
from reports import services as reports
from reports.models import Requirement, Revision, Section
from reports.publishing.models import Artefact, ArtefactKind, Publication, PublicationStatus, Recipient, Sending
from tests import factories as f
from tests.conftest import login
from tests.pages import signed_in_pages, world_objects


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def save(world, raw):
    with scopes_disabled():
        services.save_return(
            world.police_return,
            {
                (m.pk, a): services.CellInput(raw=raw, note="as at 31 March")
                for m in world.police_return.metrics.all()
                for a in ([x.pk for x in world.areas] if m.is_per_area else [0])
            },
            by=world.submitter,
        )


def test_the_return_form_costs_the_same_with_one_figure_or_all(world):
    client = login(None, world.submitter)
    url = reverse("metrics:return", args=["hsscp", world.police_return.pk])
    with scopes_disabled():
        services.save_return(
            world.police_return,
            {(world.metrics["referrals"].pk, world.areas[0].pk): services.CellInput(raw="5")},
            by=world.submitter,
        )
    one = queries(client, url)
    save(world, "6")
    assert queries(client, url) == one


def test_a_figures_history_costs_the_same_however_long_it_is(world):
    save(world, "5")
    with scopes_disabled():
        value = MetricValue.objects.filter(metric=world.metrics["referrals"]).first()
    client = login(None, world.editor)
    url = reverse("metrics:value_history", args=["hsscp", value.pk])
    short = queries(client, url)
    for raw in ("6", "7", "8"):
        save(world, raw)
    assert queries(client, url) == short


def open_past_rounds(world):
    """Rounds for 2022-23 to 2024-25, each asking the police for referrals."""
    for start in (2022, 2023, 2024):
        services.open_round(
            partnership=world.partnership,
            year=ReportingYear(start),
            opens_on=dt.date(start + 1, 4, 1),
            closes_on=dt.date(start + 1, 5, 31),
            areas=world.areas,
            assignments={world.police: [world.metrics["referrals"]]},
            by=world.editor,
        )


def test_the_dashboard_and_overview_cost_the_same_with_more_rounds(world):
    partner, editor = login(None, world.submitter), login(None, world.editor)
    dashboard, overview = reverse("dashboard"), reverse("partnership_home", args=["hsscp"])
    before = (queries(partner, dashboard), queries(partner, overview), queries(editor, overview))
    with scopes_disabled():
        open_past_rounds(world)
    after = (queries(partner, dashboard), queries(partner, overview), queries(editor, overview))
    assert after == before


# --- Every signed-in page, from a small partnership to a large one ------------------------

GROWN_METRICS = 40
PAST_YEARS = (2019, 2020, 2021, 2022, 2023, 2024)
REPORT_YEAR = ReportingYear(2024)


def grow(world):
    """Forty more metrics in the police return, every figure saved twice (events), six approved
    past years of every metric with England comparators, and three more rounds."""
    with scopes_disabled():
        extra = [
            f.MetricFactory(
                partnership=world.partnership,
                code=f"grown-{n}",
                name=f"Grown {n}",
                agency=world.police,
                position=10 + n,
            )
            for n in range(GROWN_METRICS)
        ]
        services.open_round(
            partnership=world.partnership,
            year=world.round.year,
            opens_on=world.round.opens_on,
            closes_on=world.round.closes_on,
            areas=world.areas,
            assignments={world.police: extra},
            by=world.editor,
        )
        rows = []
        for metric in [*extra, world.metrics["referrals"]]:
            for start in PAST_YEARS:
                for area in world.areas:
                    rows.append(
                        services.ImportRow(
                            line=len(rows) + 1,
                            metric=metric,
                            area_id=area.pk,
                            geography=None,
                            year=ReportingYear(start),
                            cell=services.CellInput(raw=str(start - 2000)),
                        )
                    )
                rows.append(
                    services.ImportRow(
                        line=len(rows) + 1,
                        metric=metric,
                        area_id=None,
                        geography="E92000001",
                        year=ReportingYear(start),
                        cell=services.CellInput(raw="21"),
                    )
                )
        services.import_figures(world.partnership, rows, by=world.admin)
        open_past_rounds(world)
    for raw in ("6", "7"):
        save(world, raw)


def add_partners_records(world, count, first=0):
    """`count` more of everything the partners pages list: agencies in the partnership, people
    with posts, groups (chaired, reporting to the one before, and one shared by another
    partnership), lines in the report year's budget and earlier budgets, and invitations not yet
    accepted."""
    partnership, other = world.partnership, world.other_partnership
    with scopes_disabled():
        budget, _ = FundingYear.objects.get_or_create(partnership=partnership, year=REPORT_YEAR)
        earlier = Group.objects.filter(partnership=partnership).last()
        for n in range(first, first + count):
            agency = f.AgencyFactory(name=f"Partner agency {n}", kind="health")
            f.MembershipFactory(partnership=partnership, agency=agency, year=ReportingYear(2024 - n % 3))
            person = f.PersonFactory(partnership=partnership, name=f"Person {n}", email=f"person{n}@example.org")
            group = f.GroupFactory(partnership=partnership, name=f"Group {n}", chair=person, reports_to=earlier)
            f.PostFactory(person=person, kind="subgroup_chair", agency=agency, group=group, title=f"Chair {n}")
            f.PostFactory(person=None, partnership=partnership, kind="lay_member", from_year=REPORT_YEAR)
            shared = f.GroupFactory(partnership=other, name=f"Tees group {n}", chair=f.PersonFactory(partnership=other))
            shared.shared_with.add(partnership)
            f.FundingLineFactory(funding_year=budget, agency=agency, amount=1000 + n)
            f.FundingLineFactory(funding_year=budget, kind="expenditure", agency=None, label=f"Staff {n}", amount=-900)
            past = f.FundingYearFactory(partnership=partnership, year=ReportingYear(2023 - n))
            f.FundingLineFactory(funding_year=past, agency=agency, amount=800 + n)
            invited = f.UserFactory(username=f"invited{n}@example.org")
            invited.set_unusable_password()
            invited.save()
            f.RoleFactory(user=invited, partnership=partnership, role=Role.SUBMITTER, agency=agency)
            earlier = group


def ref(metric, area, period="this"):
    return {"metric": metric.pk, "area": area.pk if metric.is_per_area else None, "period": period, "year": ""}


def every_block(world, metrics):
    """One block of every type; its figures, charts and tables show `metrics`."""
    area = world.areas[0]
    refs = [ref(m, area, period) for m in metrics for period in ("this", "last")]
    spans = "".join(f'<span data-figure="{r["metric"]}|{r["area"] or ""}|{r["period"]}|">…</span>' for r in refs)
    ids = [m.pk for m in metrics]
    tiles = [
        {"parts": [{"figure": r, "words": "children"}], "compare": compare, "target": "10"}
        for r, compare in zip(refs, ("last_year", "england", "target"), strict=False)
    ]
    chart = {"title": "Trend", "metrics": ids, "areas": [], "years": 5, "alt": ""}
    return [
        {"type": "rich_text", "value": {"html": f"<p>This year: {spans}</p>"}},
        {"type": "key_figures", "value": {"heading": "At a glance", "tiles": tiles}},
        *({"type": "chart", "value": {**chart, "kind": kind}} for kind in ("trend", "areas", "england")),
        {"type": "figures_table", "value": {"caption": "Figures", "metrics": ids, "areas": [], "years": 2}},
        {"type": "free_table", "value": {"caption": "Typed", "header": ["A", "B"], "rows": [["1", "2"]]}},
        {"type": "funding_table", "value": {"caption": "Funding", "period": "this", "show_expenditure": True}},
        {"type": "people_table", "value": {"caption": "Who leads", "show": "both"}},
        {
            "type": "action_plan",
            "value": {
                "caption": "Plan",
                "rows": [
                    dict.fromkeys(("phase", "what", "how", "who"), "x")
                    | {"when": "May", "progress": "Begun", "rag": "green"}
                ],
            },
        },
        {"type": "quote", "value": {"text": "It helped.", "role": "Parent", "name": ""}},
        {"type": "priority_report", "value": {"priority": "P", "what_we_did": "W", "impact": "I", "next_steps": "N"}},
        {"type": "case_review", "value": {"title": "Child Q", "context": "C", "themes": "A\nB", "changes": "D"}},
        {
            "type": "learning_event",
            "value": {
                "what": "Event",
                "when": "March 2025",
                "attendance": "40 people",
                "description": "",
                "evaluation": [{"figure": r, "words": "rated it good"} for r in refs[:2]],
                "quotes": [{"text": "Useful", "role": "Nurse"}],
            },
        },
        {
            "type": "statement",
            "value": {"heading": "Scrutineer", "text": "T", "signatory": "S", "post": "P", "date": "2025-09-30"},
        },
        {"type": "image", "value": {"alt": "A picture", "caption": "", "file": ""}},
        {"type": "page_break", "value": {}},
    ]


def add_report_records(world, section, count, metrics):
    """`count` more of everything the report pages list: top-level sections with a sub-section
    each, every block type in each (`metrics` in their figures); and in `section` more blocks,
    revisions, comment threads with replies and requirement tags."""
    report = section.report
    requirements = list(Requirement.objects.filter(edition=report.edition).values_list("pk", flat=True))
    with scopes_disabled():
        for n in range(count):
            top = reports.add_section(report, title=f"Part {n}", body=every_block(world, metrics), by=world.editor)
            reports.add_section(
                report, title=f"Part {n}.1", parent=top, body=every_block(world, metrics), by=world.editor
            )
            reports.set_requirement_tags(top, requirement_ids=requirements[n : n + 2], by=world.editor)
            section.refresh_from_db()
            reports.save_section(
                section,
                body=[*section.body, *every_block(world, metrics)],
                by=world.editor,
                expected_version=section.version,
            )
            thread = reports.add_comment(section, text=f"Check {n}", by=world.editor)
            reports.add_comment(section, text="Done", parent=thread, by=world.approver)
            block = section.body[-1]["id"]
            reports.set_requirement_tags(
                section, requirement_ids=requirements[n : n + 2], block_id=block, by=world.editor
            )
        section.refresh_from_db()
        reports.set_requirement_tags(section, requirement_ids=requirements[: count + 1], by=world.editor)


def add_publications(world, report, count):
    """`count` more published versions of the report's year, each with its four files and two
    statutory sendings (one marked sent, one due tomorrow). Made directly: publishing through
    the services needs every figure of the report approved, and these reports cite missing ones."""
    partnership, today = world.partnership, timezone.localdate()
    with scopes_disabled():
        first = Publication.objects.filter(partnership=partnership, year=report.year).count() + 1
        for version in range(first, first + count):
            publication = Publication.objects.create(
                partnership=partnership,
                report=report,
                year=report.year,
                version=version,
                publisher_name=partnership.name,
                title=report.title,
                status=PublicationStatus.PUBLISHED,
                requested_by=world.approver,
                published_by=world.approver,
                published_at=timezone.now(),
            )
            for kind in ArtefactKind.values:
                name = f"{partnership.slug}-{report.year}-v{version}.{kind}"
                Artefact.objects.create(
                    partnership=partnership, publication=publication, kind=kind, name=name, sha256="0" * 64, size=10
                )
            Sending.objects.create(
                partnership=partnership,
                publication=publication,
                recipient=Recipient.PANEL,
                due_on=today,
                sent_on=today,
                marked_by=world.editor,
                marked_at=timezone.now(),
            )
            Sending.objects.create(
                partnership=partnership,
                publication=publication,
                recipient=Recipient.WHAT_WORKS,
                due_on=today + dt.timedelta(days=1),
            )


def small_partnership(world):
    """The world with one of everything each page lists, and the objects the pages show."""
    save(world, "5")  # every page has something to show: figures, events, a figure's history
    with scopes_disabled():  # and the explorer one approved figure
        row = services.ImportRow(
            line=1,
            metric=world.metrics["referrals"],
            area_id=world.areas[0].pk,
            geography=None,
            year=ReportingYear(2018),
            cell=services.CellInput(raw="700"),
        )
        services.import_figures(world.partnership, [row], by=world.admin)
        value = MetricValue.objects.filter(metric=world.metrics["referrals"], year=world.round.year).first()
    add_partners_records(world, 1)
    first = [world.metrics["referrals"], world.metrics["training-sessions"]]
    with scopes_disabled():
        report = reports.create_report(world.partnership, year=REPORT_YEAR, title="Annual report", by=world.editor)
        section = reports.add_section(report, title="Our area", body=every_block(world, first), by=world.editor)
    add_report_records(world, section, 1, first)
    add_publications(world, report, 1)
    with scopes_disabled():
        comment = section.comments.first()
        owned = {"partnership": world.partnership}
        references = {
            "people": Person.objects.filter(**owned).first().pk,
            "posts": Post.objects.filter(**owned).first().pk,
            "groups": Group.objects.filter(**owned).first().pk,
            "funding-years": FundingYear.objects.filter(**owned).first().pk,
            "funding-lines": FundingLine.objects.filter(funding_year__partnership=world.partnership).first().pk,
        }
    return world_objects(world, value, section=section, comment=comment, references=references)


def grow_partnership(world, objects):
    """Everything each page lists, several times over; the objects of the pages, the newest
    revision of the section now compared with its first."""
    grow(world)
    add_partners_records(world, 6, first=1)
    with scopes_disabled():
        section = Section.objects.select_related("report").get(pk=objects.section)
        grown = list(Metric.objects.filter(code__startswith="grown-").order_by("position")[:8])
        for start in (2021, 2022, 2023):
            reports.create_report(world.partnership, year=ReportingYear(start), title="Annual report", by=world.editor)
    add_report_records(world, section, 5, [world.metrics["referrals"], *grown])
    add_publications(world, section.report, 4)
    with scopes_disabled():
        newest = Revision.objects.filter(section=section).latest("number").number
    return dataclasses.replace(objects, compared=(1, newest))


def count_every_page(world, pages):
    """Queries of each page's second visit: a first may write what later ones read (the section
    editor marks who has it open)."""
    counts, clients = {}, {}
    for page in pages:
        key = (page.role, page.second_factor)
        if key not in clients:
            clients[key] = login(None, getattr(world, page.role), second_factor=page.second_factor)
        clients[key].get(page.url)
        counts[page.label] = queries(clients[key], page.url)
    return counts


def test_every_page_costs_the_same_from_a_small_partnership_to_a_large_one(world):
    objects = small_partnership(world)
    small = count_every_page(world, signed_in_pages(objects))
    objects = grow_partnership(world, objects)
    grown = count_every_page(world, signed_in_pages(objects))
    assert grown.keys() == small.keys()
    assert {page: (small[page], grown[page]) for page in small if grown[page] != small[page]} == {}


def test_a_long_history_comes_in_pages_of_a_hundred(world):
    for raw in range(1, 30):
        save(world, str(raw))  # 29 saves of 8 figures: over 200 events
    client = login(None, world.editor)
    url = reverse("metrics:return_history", args=["hsscp", world.police_return.pk])
    first = client.get(url).content.decode()
    assert first.count("<li>\n    <div><strong>") == 100
    assert "Page 1 of 3" in first and "Later events" in first and "Earlier events" not in first
    last = client.get(url + "?page=3").content.decode()
    assert "Page 3 of 3" in last and "Earlier events" in last and "Later events" not in last
    assert queries(client, url) == queries(client, url + "?page=3")


def test_approved_figures_is_four_queries_with_every_label_read(world):
    from metrics import selectors
    from metrics.models import FrameworkItem

    def cost():
        with scopes_disabled(), CaptureQueriesContext(connection) as captured:
            figures = selectors.approved_figures(world.partnership, ["2025-26"])
            labels = [metric.label for metric in figures.metrics.values()]
            parts = [metric.part_of.name for metric in figures.metrics.values() if metric.part_of_id]
        return len(captured), labels, parts

    before, labels, _ = cost()
    with scopes_disabled():
        for n in range(5):
            item = FrameworkItem.objects.create(
                partnership=world.partnership, code=f"1.1.{n}", kind="indicator", title=f"Indicator {n}"
            )
            f.MetricFactory(partnership=world.partnership, code=f"extra-{n}", framework_item=item)
    after, labels, _ = cost()
    assert before == after == 4
    assert "1.1.0 " in " ".join(labels)
