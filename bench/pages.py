"""Benchmark: server CPU, queries and HTML size of every signed-in page, and p95 under load.

Run: .venv/bin/python bench/pages.py [--runs N] [--no-load]

Builds the demo data plus a large partnership (200 metrics × 4 areas × 10 years: nine approved
rounds and a tenth with an 800-figure draft return) through the services, in a throw-away
SQLite file (or the empty database DATABASE_URL names, e.g. a PostgreSQL one). Then, for each
signed-in page, in this process with Django's test client and DEBUG off:

- `<page>_cpu_ms`: server CPU per request (`time.process_time` around the client call, median
  of several; on SQLite that includes the database's work, on PostgreSQL it does not),
- `<page>_queries`: queries per request,
- `<page>_html_kb`: size of the page.

Then it starts gunicorn (5 sync workers, DEBUG off) on the first free port of 127.0.0.1:8160-8169,
sends the small pages from 8 concurrent clients (a bounded number of requests, at most a few
seconds per page) and prints `<page>_p95_ms_at_8`, then stops gunicorn. Prints `name: value` lines.
"""

import argparse
import datetime as dt
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

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

from metrics import services  # noqa: E402
from metrics.models import CollectionRound, Metric, MetricValue, Return  # noqa: E402
from partners import services as partners  # noqa: E402
from partners.models import Partnership, Role, User  # noqa: E402
from partners.years import ReportingYear  # noqa: E402
from partnership_portal.demo import loader  # noqa: E402

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
        report, section = demo_report(hsscp)
    return {
        "users": {**users, "large-submitter": submitter, "large-editor": editor},
        "hsscp": hsscp,
        "large": large,
        "demo_round": demo_round,
        "police_return": police_return,
        "demo_value": demo_value,
        "large_return": large_return,
        "large_round": large_round,
        "large_value": large_value,
        "report": report,
        "section": section,
    }


def demo_report(hsscp):
    """The demo's largest report and its longest section, once report authoring exists."""
    try:
        from reports.models import Report
    except ImportError:
        return None, None
    reports = list(Report.objects.filter(partnership=hsscp))
    if not reports:
        return None, None
    report = max(reports, key=lambda r: r.sections.count())
    sections = list(report.sections.all())
    return report, max(sections, key=lambda section: len(str(section.body)), default=None)


def pages(world):
    """(name, user, url, small): `small` pages also go through the load test."""
    hsscp, large = world["hsscp"].slug, world["large"].slug
    listed = [
        ("dashboard", "partner", reverse("dashboard"), True),
        ("dashboard_editor", "editor", reverse("dashboard"), True),
        ("partnership_home", "editor", reverse("partnership_home", args=[hsscp]), True),
        ("partnership_home_partner", "partner", reverse("partnership_home", args=[hsscp]), True),
        ("return_form_small", "partner", reverse("metrics:return", args=[hsscp, world["police_return"].pk]), True),
        ("explorer", "editor", reverse("metrics:explorer", args=[hsscp]) + "?metric=referrals", True),
        ("explorer_empty", "editor", reverse("metrics:explorer", args=[hsscp]), True),
        ("completeness", "editor", reverse("metrics:round", args=[hsscp, world["demo_round"].year]), True),
        ("figure_history", "editor", reverse("metrics:value_history", args=[hsscp, world["demo_value"].pk]), True),
        ("return_history", "editor", reverse("metrics:return_history", args=[hsscp, world["police_return"].pk]), True),
        ("catalogue", "editor", reverse("metrics:catalogue", args=[hsscp]), True),
        ("comparators", "editor", reverse("metrics:comparators", args=[hsscp]), True),
        ("export", "editor", reverse("metrics:export", args=[hsscp]), True),
        ("open_round", "editor", reverse("metrics:round_new", args=[hsscp]), True),
        (
            "large_return_form_800",
            "large-submitter",
            reverse("metrics:return", args=[large, world["large_return"].pk]),
            False,
        ),
        (
            "large_return_form_800_editor",
            "large-editor",
            reverse("metrics:return", args=[large, world["large_return"].pk]),
            False,
        ),
        ("large_explorer", "large-editor", reverse("metrics:explorer", args=[large]) + "?metric=m000", False),
        (
            "large_completeness",
            "large-editor",
            reverse("metrics:round", args=[large, world["large_round"].year]),
            False,
        ),
        (
            "large_figure_history",
            "large-editor",
            reverse("metrics:value_history", args=[large, world["large_value"].pk]),
            False,
        ),
        (
            "large_return_history",
            "large-editor",
            reverse("metrics:return_history", args=[large, world["large_return"].pk]),
            False,
        ),
        ("large_partnership_home", "large-editor", reverse("partnership_home", args=[large]), False),
    ]
    report = world["report"]
    if report is not None:  # report authoring (issue 12): the editor's pages and the preview
        year = report.year
        listed += [
            ("report_list", "editor", reverse("reports:list", args=[hsscp]), True),
            ("report_editor", "editor", reverse("reports:report", args=[hsscp, year]), True),
            (
                "report_section_editor",
                "editor",
                reverse("reports:section", args=[hsscp, year, world["section"].pk]),
                True,
            ),
            ("report_preview", "editor", reverse("reports:preview", args=[hsscp, year]), True),
        ]
    return listed


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


def client_for(user):
    """Signed in; one who must use two-factor sign-in (administrator, approver) has given a code."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from partnership_portal.two_factor import requires_two_factor

    client = Client()
    client.force_login(user)
    if requires_two_factor(user):
        with scopes_disabled():
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
                user=user, name="Authenticator app", confirmed=True
            )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def measure_in_process(client, url, runs):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    client.get(url)  # warm caches (templates, URL resolvers) before timing
    timings = []
    for _ in range(runs):
        started = time.process_time()
        client.get(url)
        timings.append((time.process_time() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return statistics.median(timings), len(captured), len(response.content) / 1024


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


def p95_under_load(port, url, cookie):
    """Latency of each request with 8 clients sending at once; bounded in count and time."""
    deadline = time.monotonic() + LOAD_SECONDS
    per_client = LOAD_REQUESTS // CLIENTS

    def one_client(_):
        latencies = []
        for _ in range(per_client):
            if time.monotonic() > deadline:
                break
            started = time.perf_counter()
            get(port, url, cookie)
            latencies.append((time.perf_counter() - started) * 1000)
        return latencies

    for _ in range(CLIENTS):  # every worker has the page's templates loaded
        get(port, url, cookie)
    with ThreadPoolExecutor(CLIENTS) as pool:
        latencies = sorted(ms for batch in pool.map(one_client, range(CLIENTS)) for ms in batch)
    return latencies[max(0, int(len(latencies) * 0.95) - 1)], len(latencies)


def load_test(listed, clients):
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
        for name, user, url, small in listed:
            if not small:
                continue
            cookie = f"{settings.SESSION_COOKIE_NAME}={clients[user].cookies[settings.SESSION_COOKIE_NAME].value}"
            p95, count = p95_under_load(port, url, cookie)
            print(f"{name}_p95_ms_at_{CLIENTS}: {p95:.0f}  ({count} requests)", flush=True)
    finally:
        print(f"load_average_after_load_test: {os.getloadavg()[0]:.1f}")
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed requests per page (median)")
    parser.add_argument("--no-load", action="store_true", help="skip the gunicorn load test")
    parser.add_argument("--only", default="", help="measure only pages whose name contains this")
    options = parser.parse_args()
    started = time.perf_counter()
    world = build()
    print(f"database: {connection.vendor}")
    print(f"build_seconds: {time.perf_counter() - started:.1f}")
    chart_costs(world)
    listed = [page for page in pages(world) if options.only in page[0]]
    clients = {user: client_for(world["users"][user]) for user in {user for _, user, _, _ in listed}}
    for name, user, url, small in listed:
        runs = options.runs if small else max(3, options.runs // 3)
        cpu_ms, queries, kb = measure_in_process(clients[user], url, runs)
        print(f"{name}_cpu_ms: {cpu_ms:.1f}", flush=True)
        print(f"{name}_queries: {queries}")
        print(f"{name}_html_kb: {kb:.0f}")
    if not options.no_load:
        load_test(listed, clients)


if __name__ == "__main__":
    main()
