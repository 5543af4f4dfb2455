"""Loads the demo partnerships, figures and users from the seed facts in this package.

Idempotent: every write goes through an upsert that writes only what differs, so a
second run changes nothing. It crosses tenants (Tees-wide groups, two partnerships),
so it runs with scopes disabled.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from metrics import services as figures
from metrics.models import CollectionRound, FrameworkItem, Metric
from metrics.presentation import Publishers, read_details
from partners import services as partners
from partners.models import Role
from partners.years import ReportingYear

from ..two_factor import requires_two_factor
from . import history_data, metrics_data, partners_data, reports_data

DEMO_PASSWORD = "portal-demo"
# The demo's authenticator key for the users who must use two-factor sign-in (admin, approver):
# the RFC 6238 test key "12345678901234567890", base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ. Add it to an
# authenticator app (or compute codes with django_otp.oath.totp, as tests/e2e/helpers.py does).
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"
DEMO_TOTP_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
NEXT_ROUND_YEAR = ReportingYear(2025)

# The seeds give no police percentage, but a police return without one would not exercise
# the percentage rule; this one is collected from 2025-26 and has no past values.
EXTRA_METRICS = [
    {
        "code": "da_incidents_children_present_pct",
        "name": "Domestic abuse incidents with a child present",
        "definition": "Share of all domestic abuse incidents recorded by police at which a child was present.",
        "unit": "percentage",
        "decimals": 1,
        "polarity": "neutral",
        "level": "area",
        "agency": "cleveland-police",
        "indicator": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
]

# The seeds name no supplier for these; Cleveland Police records missing episodes and, through
# the MACE hubs, children at risk of exploitation, so the demo catalogue names it. Every other
# per-area figure without a supplier is "the area's own council" (see metrics_data.py).
POLICE_SUPPLIED = {
    "missing_episodes",
    "missing_young_people",
    "lac_missing_episodes",
    "lac_missing_young_people",
    "cse_risk",
    "cce_risk",
}

DEMO_USERS = [
    # username, first, last, role, agency key, is_staff, is_superuser
    ("admin", "Portal", "Administrator", None, None, True, True),
    ("editor", "Erin", "Editor", Role.EDITOR, None, True, False),
    ("approver", "Alex", "Approver", Role.APPROVER, None, True, False),
    ("partner", "Pat", "Analyst", Role.SUBMITTER, "cleveland-police", False, False),
]


def _date(text):
    return dt.date.fromisoformat(text) if text else None


def load(*, stdout=None):
    with scopes_disabled():
        partnerships = _load_partnerships()
        agencies = _load_agencies()
        _set_councils(partnerships, agencies)
        _load_memberships(partnerships, agencies)
        people = _load_people(partnerships, agencies)
        groups = _load_groups(partnerships, people)
        _load_unnamed_posts(partnerships["hsscp"], agencies, groups)
        _load_funding(partnerships, agencies)
        users = _load_users(partnerships["hsscp"], agencies)
        metrics = _load_catalogue(partnerships["hsscp"], agencies)
        _load_figures(partnerships["hsscp"], metrics)
        _open_next_round(partnerships["hsscp"], users["editor"])
        reports_data.load(partnerships["hsscp"], editor=users["editor"])
    return users


def _load_partnerships():
    result = {}
    for data in partners_data.PARTNERSHIPS + history_data.BOARDS:
        fields = {k: v for k, v in data.items() if k not in {"slug", "areas", "succeeded_by"}}
        fields["started_on"], fields["ended_on"] = _date(data.get("started_on")), _date(data.get("ended_on"))
        if data.get("succeeded_by"):
            fields.update(kind="board", succeeded_by=result[data["succeeded_by"]])
        partnership = partners.ensure_partnership(slug=data["slug"], **fields)
        for area in data["areas"]:
            partners.ensure_area(partnership=partnership, ons_code=area["ons_code"], name=area["name"])
        result[data["slug"]] = partnership
    return result


def _set_councils(partnerships, agencies):
    """Each area's own council: a round asks it for the area's figures that name no supplier."""
    for data in partners_data.PARTNERSHIPS:
        for area in data["areas"]:
            partners.ensure_area(
                partnership=partnerships[data["slug"]],
                ons_code=area["ons_code"],
                name=area["name"],
                council=agencies[area["council"]],
            )


def _load_agencies():
    agencies = {}
    for data in partners_data.AGENCIES:
        agencies[data["key"]] = partners.ensure_agency(
            name=data["name"],
            kind=data["kind"],
            started_on=_date(data.get("started_on")),
            ended_on=_date(data.get("ended_on")),
            replaced_by=agencies.get(data.get("replaced_by")) if data.get("replaced_by") in agencies else None,
        )
    # Successors may come later in the list than the agencies they replace.
    for data in partners_data.AGENCIES:
        if data.get("replaced_by"):
            agency = agencies[data["key"]]
            agencies[data["key"]] = partners.ensure_agency(
                name=agency.name,
                kind=agency.kind,
                started_on=agency.started_on,
                ended_on=agency.ended_on,
                replaced_by=agencies[data["replaced_by"]],
            )
    return agencies


def _load_memberships(partnerships, agencies):
    for data in partners_data.MEMBERSHIPS:
        partners.set_membership(
            partnership=partnerships[data["partnership"]],
            agency=agencies[data["agency"]],
            year=data["year"],
            role=data["role"],
        )


def _load_people(partnerships, agencies):
    people = {}
    for data in partners_data.PEOPLE:
        for post in data["posts"]:
            partnership = partnerships[post["partnership"]]
            person = partners.ensure_person(partnership=partnership, name=data["name"])
            people[(data["key"], post["partnership"])] = person
            partners.set_post(
                person=person,
                kind=post["post"],
                title=post.get("title") or "",
                agency=agencies.get(post.get("agency")),
                from_year=post["from_year"],
                to_year=post.get("to_year"),
            )
    return people


def _load_groups(partnerships, people):
    groups = {}
    for attempt in range(2):  # the second pass links groups to groups defined later
        for data in partners_data.GROUPS:
            groups[data["key"]] = partners.ensure_group(
                partnership=partnerships[data["partnership"]],
                name=data["name"],
                purpose=data.get("purpose", ""),
                chair=people.get((data.get("chair"), data["partnership"])),
                reports_to=groups.get(data.get("reports_to")) if attempt else None,
                shared_with=[partnerships[slug] for slug in data.get("shared_with", [])],
                **history_data.GROUP_ORDER_AND_YEARS.get(data["key"], {}),
            )
    return groups


def _load_unnamed_posts(hsscp, agencies, groups):
    for data in history_data.UNNAMED_POSTS:
        partners.set_post(
            partnership=hsscp,
            kind=data["kind"],
            title=data["title"],
            agency=agencies.get(data.get("agency")),
            group=groups.get(data.get("group")),
            from_year=data["from_year"],
            to_year=data.get("to_year"),
            started_on=_date(data.get("started_on")),
            ended_on=_date(data.get("ended_on")),
        )


def _load_funding(partnerships, agencies):
    data = history_data.FUNDING_2024
    partners.set_funding_year(
        partnership=partnerships[data["partnership"]],
        year=data["year"],
        notes=data["notes"],
        lines=[
            (
                line["kind"],
                agencies.get(line.get("agency")),
                line.get("label", ""),
                line["amount"],
                line.get("note", ""),
            )
            for line in data["lines"]
        ],
    )


def _load_users(hsscp, agencies):
    User = get_user_model()
    users = {}
    for username, first, last, role, agency_key, is_staff, is_superuser in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username)
            user.set_password(DEMO_PASSWORD)
        elif not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
        wanted = {
            "first_name": first,
            "last_name": last,
            "email": f"{username}@example.org",
            "is_staff": is_staff,
            "is_superuser": is_superuser,
            "is_active": True,
        }
        if user.pk is None or any(getattr(user, k) != v for k, v in wanted.items()):
            for k, v in wanted.items():
                setattr(user, k, v)
            user.save()
        if role is not None:
            partners.grant_role(user=user, partnership=hsscp, role=role, agency=agencies.get(agency_key))
        if requires_two_factor(user):
            _demo_authenticator(user)
        users[username] = user
    return users


def _demo_authenticator(user):
    """The documented demo key (DEMO_TOTP_KEY) as the user's confirmed authenticator app."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        TOTPDevice.objects.create(user=user, name="Authenticator app (demo key)", key=DEMO_TOTP_KEY, confirmed=True)
    elif device.key != DEMO_TOTP_KEY:
        device.key = DEMO_TOTP_KEY
        device.save(update_fields=["key"])


def _load_catalogue(hsscp, agencies):
    items = {}
    for data in sorted(metrics_data.FRAMEWORK, key=lambda d: d["code"].count(".")):
        items[data["code"]] = _upsert(
            FrameworkItem,
            {"partnership": hsscp, "code": data["code"]},
            {"kind": data["kind"], "title": data["title"], "parent": items.get(data.get("parent"))},
        )
    metrics = {}
    catalogue = metrics_data.METRICS + EXTRA_METRICS + history_data.HISTORY_METRICS
    for position, data in enumerate(catalogue, start=1):
        metrics[data["code"]] = _upsert(
            Metric,
            {"partnership": hsscp, "code": data["code"]},
            {
                "name": data["name"],
                "definition": data["definition"],
                "unit": data["unit"],
                "decimals": data["decimals"],
                "polarity": data["polarity"],
                "level": data["level"],
                "group": data["group"],
                "agency": agencies["cleveland-police"]
                if data["code"] in POLICE_SUPPLIED
                else agencies.get(data.get("agency")),
                "framework_item": items.get(data.get("indicator")),
                "suppress_small": data["suppress_small"],
                "position": position * 10,
                "denominator_noun": data.get("denominator_noun", ""),
            },
        )
    for data in catalogue:
        if data.get("part_of"):
            metrics[data["code"]] = _upsert(
                Metric, {"partnership": hsscp, "code": data["code"]}, {"part_of": metrics[data["part_of"]]}
            )
        if data.get("numerator_metric"):
            metrics[data["code"]] = _upsert(
                Metric,
                {"partnership": hsscp, "code": data["code"]},
                {
                    "numerator_metric": metrics[data["numerator_metric"]],
                    "denominator_metric": metrics[data["denominator_metric"]],
                },
            )
    return metrics


def _upsert(model, lookup, values):
    from partners.services import _upsert as upsert

    return upsert(model, lookup, values)


def _load_figures(hsscp, metrics):
    areas = {area.ons_code: area for area in hsscp.areas.all()}
    rows = []
    history = [
        (code, area, year, value, {"note": note, "details": details})
        for code, area, year, value, details, note in history_data.HISTORY_VALUES
    ]
    for line, (code, area_code, year, value, extra) in enumerate(metrics_data.VALUES + history, start=1):
        rows.append(
            figures.ImportRow(
                line=line,
                metric=metrics[code],
                area_id=areas[area_code].pk if area_code else None,
                geography=None,
                year=ReportingYear.parse(year),
                cell=figures.CellInput(
                    raw="N/K" if extra.get("not_known") else value,
                    note=extra.get("note", ""),
                    qualifier=extra.get("qualifier", ""),
                    rank_out_of=str(extra.get("rank_out_of") or extra.get("details", {}).get("rank_out_of") or ""),
                    details=_details(code, area_code, year, extra),
                ),
            )
        )
    geographies = {"england": "E92000001", "north_east": "E12000001"}
    for line, (code, year, geography, value) in enumerate(metrics_data.COMPARATORS, start=len(rows) + 1):
        rows.append(
            figures.ImportRow(
                line=line,
                metric=metrics[code],
                area_id=None,
                geography=geographies[geography],
                year=ReportingYear.parse(year),
                cell=figures.CellInput(raw=value),
            )
        )
    _check_details(hsscp, rows)
    figures.import_figures(hsscp, rows, by=None, via="demo")


def _details(code, area_code, year, extra):
    """How a figure is stated (presentation.DETAIL_COLUMNS), from history_data."""
    details = {k: v for k, v in extra.get("details", {}).items() if k != "rank_out_of"}
    details |= history_data.SEED_VALUE_DETAILS.get((code, area_code, year), {})
    if area_code == "E06000004" and year == "2021-22" and "Throughout 2020-21" in extra.get("note", ""):
        details |= history_data.STOCKTON_SNAPSHOT_2020_21
    return details


def _check_details(hsscp, rows):
    """The demo's details obey the rules every import does; a mistake in the data files stops the load."""
    publishers = Publishers.of(hsscp)
    for row in rows:
        if row.geography is None:
            errors = read_details(
                row.cell.details, metric=row.metric, year=row.year, raw=row.cell.raw, publishers=publishers
            )[1]
            if errors:
                raise ValueError(f"Demo figure {row.metric.code} {row.year}: {' '.join(errors)}")


def _open_next_round(hsscp, editor):
    """The 2025-26 round: police return their figures for both areas, each council for its own."""
    if CollectionRound.objects.filter(partnership=hsscp, year=NEXT_ROUND_YEAR).exists():
        return
    # The rule the open-round screen applies: named suppliers, then each area's own council.
    figures.open_planned_round(
        partnership=hsscp,
        year=NEXT_ROUND_YEAR,
        opens_on=dt.date(2026, 4, 1),
        closes_on=dt.date(2026, 12, 18),
        areas=list(hsscp.areas.all()),
        by=editor,
    )
