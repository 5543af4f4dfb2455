"""Benchmark: server CPU, queries and HTML size of every signed-in page, and p95 under load.

Run: .venv/bin/python bench/pages.py [--runs N] [--no-load] [--only NAME]

Builds the demo data plus a large partnership (200 metrics × 4 areas × 10 years: nine approved
rounds and a tenth with an 800-figure draft return) through the services, in a throw-away
SQLite file (or the empty database DATABASE_URL names, e.g. a PostgreSQL one). Then, for each
signed-in page, in this process with Django's test client and DEBUG off:

- `<page>_cpu_ms`: server CPU per request (`time.process_time` around the client call, median
  of 21 rounds in which every page takes a turn; on SQLite that includes the database's work, on
  PostgreSQL it does not),
- `<page>_queries`: queries per request,
- `<page>_html_kb`: size of the page.

The pages are those of the route table in tests/pages.py, which the query-count test pins too
(every page a signed-in user GETs with 200, with the demo's HSSCP objects: its 2024-25 report,
its longest section, the open round's police return), plus the large partnership's biggest
pages. A page the table gains is measured without a change here (named after its route until
NAMES gives it a short name).

Then it starts gunicorn (5 sync workers, DEBUG off) on the first free port of 127.0.0.1:8160-8169,
warms every worker with every page of LOAD_TESTED, sends each from 8 concurrent clients (a bounded
number of requests, at most a few seconds per page) and prints `<page>_p95_ms_at_8`, then stops gunicorn. Prints `name: value` lines.
"""

import argparse
import datetime as dt
import gc
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
workdir = tempfile.mkdtemp(prefix="bench-pages-")
BENCH_ENV = {
    "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-secret-key-not-for-production-use-0123456789",
    "HTTPS": "0",
    "ALLOWED_HOSTS": "127.0.0.1,testserver",
    "STATIC_MANIFEST": "0",
    "STATIC_ROOT": f"{workdir}/static",
    "MEDIA_ROOT": f"{workdir}/media",  # the finished PDF the rendering pages show
    "TASKS_BACKEND": "immediate",
    "LOG_LEVEL": "WARNING",
    "DJANGO_SETTINGS_MODULE": "partnership_portal.settings",
}
for name, value in BENCH_ENV.items():
    os.environ.setdefault(name, value)
Path(os.environ["STATIC_ROOT"]).mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402
from machine import print_machine_speed  # noqa: E402

from metrics import services  # noqa: E402
from metrics.models import CollectionRound, Metric, MetricValue, Return  # noqa: E402
from partners import services as partners  # noqa: E402
from partners.models import Partnership, Role, User  # noqa: E402
from partners.years import ReportingYear  # noqa: E402
from partnership_portal.demo import loader  # noqa: E402
from tests.pages import APPROVER, EDITOR, SUBMITTER, PageObjects, signed_in_pages  # noqa: E402

METRICS, AREAS, YEARS = 200, 4, 10
FIRST_YEAR = 2016  # ten years: 2016-17 … 2025-26, the last one a draft
PORTS = range(8160, 8170)
CLIENTS = 8
LOAD_REQUESTS = 160  # per page, across the 8 clients
LOAD_SECONDS = 20  # per page, at most


def build_large(by):
    """The large partnership, through the services: one round per year, saved, submitted, approved."""
    partnership = partners.ensure_partnership(slug="large", name="Large bench partnership", short_name="LARGE")
    areas = [
        partners.ensure_area(partnership=partnership, ons_code=f"E060001{n:02d}", name=f"Bench area {n}")
        for n in range(1, AREAS + 1)
    ]
    agency = partners.ensure_agency(name="Bench Constabulary", kind="police")
    submitter, _ = User.objects.get_or_create(username="large-submitter")
    editor, _ = User.objects.get_or_create(username="large-editor")
    partners.grant_role(user=submitter, partnership=partnership, role=Role.SUBMITTER, agency=agency)
    partners.grant_role(user=editor, partnership=partnership, role=Role.APPROVER)
    if not Metric.objects.filter(partnership=partnership).exists():
        Metric.objects.bulk_create(
            Metric(
                partnership=partnership,
                code=f"m{n:03d}",
                name=f"Bench metric {n}",
                definition="Counted at the end of each quarter and summed for the year.",
                unit="count",
                agency=agency,
                position=n,
            )
            for n in range(METRICS)
        )
    metrics = list(Metric.objects.filter(partnership=partnership).order_by("position"))
    for offset in range(YEARS):
        year = ReportingYear(FIRST_YEAR + offset)
        if CollectionRound.objects.filter(partnership=partnership, year=year).exists():
            continue
        _, (ret,) = services.open_round(
            partnership=partnership,
            year=year,
            opens_on=dt.date(year.start + 1, 4, 1),
            closes_on=dt.date(year.start + 1, 5, 31),
            areas=areas,
            assignments={agency: metrics},
            by=by,
        )
        cells = {
            (m.pk, a.pk): services.CellInput(raw=str(100 + offset * 3 + i), note="as at 31 March")
            for i, m in enumerate(metrics)
            for a in areas
        }
        services.save_return(ret, cells, by=submitter)
        if offset < YEARS - 1:
            services.submit_return(ret, by=submitter)
            services.approve_return(ret, by=editor)
    return partnership, submitter, editor


def build():
    call_command("migrate", verbosity=0)
    with scopes_disabled():
        users = loader.load()
        large, submitter, editor = build_large(users["admin"])
        hsscp = Partnership.objects.get(slug="hsscp")
        demo_round = CollectionRound.objects.filter(partnership=hsscp).latest("year")
        police_return = Return.objects.get(round=demo_round, agency__name__icontains="police")
        demo_value = MetricValue.objects.filter(partnership=hsscp, approved_at__isnull=False).first()
        large_return = Return.objects.filter(partnership=large).latest("round__year")
        large_round = large_return.round
        large_value = MetricValue.objects.filter(partnership=large, year=large_round.year).first()
        demo = demo_objects(hsscp, police_return, demo_value, users["partner"])
    return {
        "users": {**users, "large-submitter": submitter, "large-editor": editor},
        "demo": demo,
        "large": large,
        "large_return": large_return,
        "large_round": large_round,
        "large_value": large_value,
    }


def demo_objects(hsscp, police_return, value, partner):
    """The demo objects the pages show: the open round's police return, the first approved figure,
    the 2024-25 report (15 sections) and its longest section, a finished PDF of it (made here if
    there is none), the partner as the person whose role the business unit changes, and the first
    row of each kind of reference data."""
    from django.core.files.base import ContentFile

    from partners.models import FundingLine, FundingYear, Group, Person, Post
    from reports.models import Rendering, RenderState, Report, Revision

    report = Report.objects.get(partnership=hsscp, year="2024-25")
    section = max(report.sections.all(), key=lambda section: len(str(section.body)))
    rendering = Rendering.objects.filter(report=report, state=RenderState.DONE).exclude(file="").first()
    if rendering is None:
        rendering = Rendering(partnership=hsscp, report=report, state=RenderState.DONE)
        rendering.file.save("bench.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"), save=True)
    revisions = list(Revision.objects.filter(section=section).order_by("number").values_list("number", flat=True))
    owned = {"partnership": hsscp}
    referrals = Metric.objects.get(partnership=hsscp, code="referrals")
    return PageObjects(
        slug=hsscp.slug,
        police_return=police_return.pk,
        round_year=str(police_return.round.year),
        value=value.pk,
        metric=referrals.pk,
        metric_code=referrals.code,
        member=partner.pk,
        report_year=str(report.year),
        section=section.pk,
        comment=0,  # only a POST takes one
        rendering=rendering.pk,
        references={
            "people": Person.objects.filter(**owned).first().pk,
            "posts": Post.objects.filter(**owned).first().pk,
            "groups": Group.objects.filter(**owned).first().pk,
            "funding-years": FundingYear.objects.filter(**owned).first().pk,
            "funding-lines": FundingLine.objects.filter(funding_year__partnership=hsscp).first().pk,
        },
        compared=(revisions[0], revisions[-1]),
    )


# The demo's users in the roles of the table in tests/pages.py.
DEMO_USERS = {EDITOR: "editor", APPROVER: "approver", SUBMITTER: "partner"}

# The bench's name of each page of the table (tests/pages.py labels): earlier names kept, so runs
# compare. A page not named here is named after its label.
NAMES = {
    "dashboard (submitter)": "dashboard",
    "dashboard (editor)": "dashboard_editor",
    "password_change (editor)": "password_change",
    "password_change_done (editor)": "password_changed",
    "two_factor_setup (submitter)": "two_factor_setup",
    "two_factor_verify (approver)": "two_factor_verify",
    "partnership_home (editor)": "partnership_home",
    "partnership_home (submitter)": "partnership_home_partner",
    "partners:structure (editor)": "structure",
    "partners:funding (editor)": "funding",
    "metrics:catalogue (editor)": "catalogue",
    "metrics:metric_new (editor)": "metric_new",
    "metrics:metric_edit (editor)": "metric_edit",
    "metrics:round_new (editor)": "open_round",
    "metrics:round (editor)": "completeness",
    "metrics:return (editor)": "return_form_small_editor",
    "metrics:return (submitter)": "return_form_small",
    "metrics:return_send_back (editor)": "return_send_back",
    "metrics:return_reopen (approver)": "return_reopen",
    "metrics:return_history (editor)": "return_history",
    "metrics:return_history (submitter)": "return_history_partner",
    "metrics:return_template (editor)": "return_template_csv",
    "metrics:return_template xlsx (editor)": "return_template_xlsx",
    "metrics:return_template (submitter)": "return_template_csv_partner",
    "metrics:return_template xlsx (submitter)": "return_template_xlsx_partner",
    "metrics:return_import (editor)": "return_upload_editor",
    "metrics:return_import (submitter)": "return_upload",
    "metrics:value_history (editor)": "figure_history",
    "metrics:value_statement (editor)": "figure_statement",
    "metrics:export (editor)": "export",
    "metrics:upload_figures (editor)": "upload",
    "metrics:explorer (editor)": "explorer_empty",
    "metrics:explorer a figure chosen (editor)": "explorer",
    "metrics:comparators (editor)": "comparators",
    "partners:reference (editor)": "reference_people",
    "partners:reference posts (editor)": "reference_posts",
    "partners:reference groups (editor)": "reference_groups",
    "partners:reference funding-years (editor)": "reference_funding_years",
    "partners:reference funding-lines (editor)": "reference_funding_lines",
    "partners:reference_new (editor)": "reference_new_post",
    "partners:reference_new people (editor)": "reference_new_person",
    "partners:reference_new groups (editor)": "reference_new_group",
    "partners:reference_new funding-years (editor)": "reference_new_funding_year",
    "partners:reference_new funding-lines (editor)": "reference_new_funding_line",
    "partners:reference_edit (editor)": "reference_edit_person",
    "partners:reference_edit posts (editor)": "reference_edit_post",
    "partners:reference_edit groups (editor)": "reference_edit_group",
    "partners:reference_edit funding-years (editor)": "reference_edit_funding_year",
    "partners:reference_edit funding-lines (editor)": "reference_edit_funding_line",
    "partners:reference_delete (editor)": "reference_delete_person",
    "partners:reference_delete posts (editor)": "reference_delete_post",
    "partners:reference_delete groups (editor)": "reference_delete_group",
    "partners:reference_delete funding-years (editor)": "reference_delete_funding_year",
    "partners:reference_delete funding-lines (editor)": "reference_delete_funding_line",
    "partners:people (editor)": "people",
    "partners:person_invite (editor)": "person_invite",
    "partners:person_change (editor)": "person_change",
    "partners:person_remove (editor)": "person_remove",
    "reports:list (editor)": "report_list",
    "reports:requirements (editor)": "requirements",
    "reports:figure_value a figure asked for (editor)": "report_figure_value",
    "reports:report (editor)": "report_editor",
    "reports:preview (editor)": "report_preview",
    "reports:section (editor)": "report_section_editor",
    "reports:section_preview (editor)": "report_section_preview",
    "reports:revisions (editor)": "report_revisions",
    "reports:revisions two compared (editor)": "report_revisions_compared",
    "reports:sign_off (approver)": "report_sign_off",
    "publishing:publication (editor)": "publication",
    "rendering:html (editor)": "report_web_html",
    "rendering:outputs (editor)": "rendering_outputs",
    "rendering:status (editor)": "rendering_status",
    "rendering:pdf (editor)": "rendering_pdf",
    "rendering:section_preview (editor)": "report_section_web_html",
}

# Pages of the table the demo data cannot show, and where the bench measures them instead.
NOT_IN_THE_DEMO = {
    "metrics:value_history (submitter)": "large_figure_history_partner",  # the demo's police return has no figure yet
}

# The pages sent through gunicorn by 8 clients at once (each costs up to LOAD_SECONDS).
LOAD_TESTED = {
    "dashboard",
    "dashboard_editor",
    "partnership_home",
    "partnership_home_partner",
    "return_form_small",
    "explorer",
    "explorer_empty",
    "completeness",
    "figure_history",
    "return_history",
    "catalogue",
    "comparators",
    "export",
    "open_round",
    "report_list",
    "report_editor",
    "report_section_editor",
    "report_preview",
}


def name_of(label):
    return NAMES.get(label) or re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


class Page(NamedTuple):
    name: str
    user: str
    url: str
    small: bool = False  # a demo page: every timed run (a large partnership's gets a third)
    second_factor: bool = True  # signed in with the code given, when the user has a device


def pages(world):
    listed = [
        Page(name_of(page.label), DEMO_USERS[page.role], page.url, True, page.second_factor)
        for page in signed_in_pages(world["demo"])
        if page.label not in NOT_IN_THE_DEMO
    ]
    large = world["large"].slug
    large_return, large_value = world["large_return"].pk, world["large_value"].pk
    return listed + [
        Page("large_return_form_800", "large-submitter", reverse("metrics:return", args=[large, large_return])),
        Page("large_return_form_800_editor", "large-editor", reverse("metrics:return", args=[large, large_return])),
        Page("large_explorer", "large-editor", reverse("metrics:explorer", args=[large]) + "?metric=m000"),
        Page("large_completeness", "large-editor", reverse("metrics:round", args=[large, world["large_round"].year])),
        Page("large_figure_history", "large-editor", reverse("metrics:value_history", args=[large, large_value])),
        Page(
            "large_figure_history_partner",
            "large-submitter",
            reverse("metrics:value_history", args=[large, large_value]),
        ),
        Page("large_return_history", "large-editor", reverse("metrics:return_history", args=[large, large_return])),
        Page("large_partnership_home", "large-editor", reverse("partnership_home", args=[large])),
    ]


def chart_costs(world):
    """CPU per chart specification (the explorer's trend, a round's completeness), median of 50."""
    from metrics import charts, selectors

    with scopes_disabled():
        large = world["large"]
        series = selectors.metric_series(large, Metric.objects.get(partnership=large, code="m000"))
        progress, _ = selectors.round_completeness(world["large_round"])
    for name, build in (
        ("chart_trend_spec_ms", lambda: charts.metric_trend_figure(series)),
        ("chart_completeness_spec_ms", lambda: charts.completeness_figure([progress])),
    ):
        timings = []
        for _ in range(50):
            started = time.process_time()
            build()
            timings.append((time.process_time() - started) * 1000)
        print(f"{name}: {statistics.median(timings):.3f}")


def client_for(user, second_factor=True):
    """Signed in; one who must use two-factor sign-in (administrator, approver) has given a code,
    unless `second_factor` is false (the page that asks for it)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from partnership_portal.two_factor import requires_two_factor

    client = Client()
    client.force_login(user)
    if second_factor and requires_two_factor(user):
        with scopes_disabled():
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
                user=user, name="Authenticator app", confirmed=True
            )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def fetch(client, url):
    """The status and body of a GET, a streamed one (a file download) read to its end."""
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    response.close()
    return response.status_code, body


def measure_in_process(listed, clients, runs):
    """{page name: (median CPU ms, queries, KB)}. The pages take turns, one request each a round,
    so that the machine's changes of speed (a virtual machine's CPU varies by a fifth from one
    second to the next) fall on every page alike rather than on the few measured at the time."""
    timings, sizes, counts = {}, {}, {}
    for page in listed:
        client = clients[page.user, page.second_factor]
        status, body = fetch(client, page.url)
        assert status == 200, (page.url, status)
        fetch(client, page.url)  # warm caches (templates, URL resolvers, cached output) before timing
        sizes[page.name], timings[page.name] = len(body) / 1024, []
        with CaptureQueriesContext(connection) as captured:
            fetch(client, page.url)
        counts[page.name] = len(captured)
    for round_number in range(runs):
        for page in listed:
            if not page.small and round_number % 3:  # a large partnership's page: every third round
                continue
            client = clients[page.user, page.second_factor]
            started = time.process_time()
            fetch(client, page.url)
            timings[page.name].append((time.process_time() - started) * 1000)
    return {name: (statistics.median(timings[name]), counts[name], sizes[name]) for name in timings}


def free_port():
    for port in PORTS:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SystemExit(f"no free port in 127.0.0.1:{PORTS.start}-{PORTS.stop - 1}")


def wait_for(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            get(port, "/healthz", "")
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer on 127.0.0.1:{port}")


def get(port, url, cookie):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", url, headers={"Cookie": cookie, "Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")
    finally:
        conn.close()


def server_cpu_seconds(server_pid):
    """CPU time (user and system) of gunicorn's master and workers so far, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # a process that ended meanwhile
            continue
        pid, parent = int(stat.parent.name), int(fields[1])
        if server_pid in (pid, parent):
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


class LoadResult(NamedTuple):
    p95_ms: float
    mean_ms: float
    requests: int
    server_cpu_ms: float  # per request, gunicorn's processes, under load
    client_cpu_ms: float  # per request, this process's load generator


def warm(pool, port, url, cookie):
    """Every worker has served the page (its templates, URL resolvers, its own cache of report
    output): requests sent one after another would all reach the same idle worker."""
    list(pool.map(lambda _: get(port, url, cookie), range(CLIENTS * 3)))


def under_load(port, url, cookie, server_pid):
    """Latency of each request with 8 clients sending at once; bounded in count and time."""
    per_client = LOAD_REQUESTS // CLIENTS

    def one_client(deadline):
        latencies = []
        for _ in range(per_client):
            if time.monotonic() > deadline:
                break
            started = time.perf_counter()
            get(port, url, cookie)
            latencies.append((time.perf_counter() - started) * 1000)
        return latencies

    with ThreadPoolExecutor(CLIENTS) as pool:
        warm(pool, port, url, cookie)
        deadline = time.monotonic() + LOAD_SECONDS
        server_before, client_before = server_cpu_seconds(server_pid), time.process_time()
        latencies = sorted(ms for batch in pool.map(one_client, [deadline] * CLIENTS) for ms in batch)
        server_cpu = server_cpu_seconds(server_pid) - server_before
        client_cpu = time.process_time() - client_before
    count = len(latencies)
    return LoadResult(
        p95_ms=latencies[max(0, int(count * 0.95) - 1)],
        mean_ms=statistics.mean(latencies),
        requests=count,
        server_cpu_ms=server_cpu * 1000 / count,
        client_cpu_ms=client_cpu * 1000 / count,
    )


def load_test(listed, clients):
    # This process now holds the demo data's objects and every page measured so far. The load
    # generator's threads share its interpreter lock; a full garbage collection of that heap
    # (tens of milliseconds) would stall them and be counted as the server's latency.
    gc.collect()
    gc.freeze()
    port = free_port()
    # p95 under load is only comparable on an otherwise idle machine: say how busy this one was
    print(f"load_average_before_load_test: {os.getloadavg()[0]:.1f}  (cores: {os.cpu_count()})")
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "partnership_portal.wsgi",
            "--workers=5",
            "--worker-class=sync",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
    )
    try:
        wait_for(port)
        tested = [
            (
                page,
                f"{settings.SESSION_COOKIE_NAME}={clients[page.user, page.second_factor].cookies[settings.SESSION_COOKIE_NAME].value}",
            )
            for page in listed
            if page.name in LOAD_TESTED
        ]
        # Steady state, as a server that has run for a while: every worker has served every page
        # (and settled what its first requests leave behind) before the first page is timed.
        with ThreadPoolExecutor(CLIENTS) as pool:
            for page, cookie in tested:
                warm(pool, port, page.url, cookie)
        for page, cookie in tested:
            result = under_load(port, page.url, cookie, server.pid)
            print(
                f"{page.name}_p95_ms_at_{CLIENTS}: {result.p95_ms:.0f}  ({result.requests} requests, mean "
                f"{result.mean_ms:.0f} ms; CPU per request: server {result.server_cpu_ms:.1f} ms, "
                f"load generator {result.client_cpu_ms:.1f} ms)",
                flush=True,
            )
    finally:
        print(f"load_average_after_load_test: {os.getloadavg()[0]:.1f}")
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="rounds of timed requests (median per page)")
    parser.add_argument("--no-load", action="store_true", help="skip the gunicorn load test")
    parser.add_argument("--only", default="", help="measure only pages whose name contains this")
    options = parser.parse_args()
    started = time.perf_counter()
    world = build()
    print(f"database: {connection.vendor}")
    print_machine_speed()
    print(f"build_seconds: {time.perf_counter() - started:.1f}")
    chart_costs(world)
    listed = [page for page in pages(world) if options.only in page.name]
    clients = {
        (user, second_factor): client_for(world["users"][user], second_factor)
        for user, second_factor in {(page.user, page.second_factor) for page in listed}
    }
    for name, (cpu_ms, queries, kb) in measure_in_process(listed, clients, options.runs).items():
        print(f"{name}_cpu_ms: {cpu_ms:.1f}")
        print(f"{name}_queries: {queries}")
        print(f"{name}_html_kb: {kb:.0f}")
    print_machine_speed()  # again: the machine's speed may have moved while the pages were measured
    if not options.no_load:
        load_test(listed, clients)


if __name__ == "__main__":
    main()
