"""Every signed-in page in one table: the permission sweep, the query counts and bench/pages.py read it.

`partnership_routes(objects)` names every route under /p/<partnership>/ with the status each role
gets from a GET; `OUTSIDE_ROUTES` says of every other route whether it is a signed-in page.
`signed_in_pages(objects)` derives from both the pages a signed-in user GETs with 200, plus the
`variants` of a page that show something else (a chosen figure, a comparison, each kind of
reference data). A new route is in no table until someone adds it, and
`test_every_partnership_route_is_in_the_table` and `test_every_route_outside_partnerships_is_classified`
fail until then; once it is in, its query count is pinned and the bench measures it.

Plain data only (no fixtures): bench/pages.py builds `PageObjects` from the demo data.
"""

from dataclasses import dataclass, field

from django.urls import get_resolver, reverse

OK, FORBIDDEN, MISSING, REDIRECT, NOT_ALLOWED, BAD_REQUEST = 200, 403, 404, 302, 405, 400

# The statuses in the table are for these roles, in this order (attributes of tests.conftest.World).
EDITOR, APPROVER, SUBMITTER, COUNCIL_SUBMITTER = ROLES = ("editor", "approver", "submitter", "council_submitter")

REFERENCE_KINDS = ("people", "posts", "groups", "funding-years", "funding-lines")


@dataclass(frozen=True)
class PageObjects:
    """The ids the partnership's routes take."""

    slug: str
    police_return: int  # the police submitter's return in the open round
    round_year: str  # that round's year
    value: int  # a figure of that return
    metric: int
    metric_code: str
    member: int  # the user id of someone with a role, whom the business unit may change or remove
    report_year: str
    section: int
    comment: int
    rendering: int  # a finished PDF of the report
    references: dict = field(default_factory=dict)  # reference kind -> the id of one of its rows
    compared: tuple = (1, 2)  # the numbers of two revisions of the section, compared side by side


def partnership_routes(o: PageObjects) -> dict:
    """Route name -> (kwargs, status of a GET for each of ROLES)."""
    staff = [OK, OK, FORBIDDEN, FORBIDDEN]
    everyone = [OK, OK, OK, MISSING]  # the police return: the council submitter cannot see it
    police = o.police_return
    person = {"kind": "people", "pk": o.references["people"]}
    member = {"user_id": o.member}
    return {
        "partnership_home": ({}, [OK, OK, OK, OK]),
        "partners:structure": ({}, staff),
        "partners:funding": ({}, staff),
        "metrics:catalogue": ({}, staff),
        "metrics:metric_new": ({}, staff),
        "metrics:metric_edit": ({"pk": o.metric}, staff),
        "metrics:round_new": ({}, staff),
        "metrics:round": ({"year": o.round_year}, staff),
        "metrics:return_remind": ({"year": o.round_year, "pk": police}, [NOT_ALLOWED] * 4),
        "metrics:return": ({"pk": police}, everyone),
        "metrics:return_submit": ({"pk": police}, [NOT_ALLOWED] * 4),
        "metrics:return_send_back": ({"pk": police}, staff),
        "metrics:return_approve": ({"pk": police}, [NOT_ALLOWED] * 4),
        "metrics:return_reopen": ({"pk": police}, [FORBIDDEN, OK, FORBIDDEN, FORBIDDEN]),
        "metrics:return_history": ({"pk": police}, everyone),
        "metrics:return_template": ({"pk": police, "fmt": "csv"}, everyone),
        "metrics:return_import": ({"pk": police}, everyone),
        "metrics:value_history": ({"pk": o.value}, everyone),
        "metrics:value_statement": ({"pk": o.value}, staff),
        "metrics:value_release": ({"pk": o.value}, [NOT_ALLOWED] * 4),
        "metrics:export": ({}, staff),
        "metrics:upload_figures": ({}, staff),
        "metrics:explorer": ({}, staff),
        "metrics:comparators": ({}, staff),
        "partners:reference": ({"kind": "people"}, staff),
        "partners:reference_new": ({"kind": "posts"}, staff),
        "partners:reference_edit": (person, staff),
        "partners:reference_delete": (person, staff),
        "partners:people": ({}, staff),
        "partners:person_invite": ({}, staff),
        "partners:person_change": (member, staff),
        "partners:person_remove": (member, staff),
        "partners:person_resend": (member, [NOT_ALLOWED] * 4),
        **_report_routes(o),
        **_rendering_routes(o),
    }


def _report_routes(o):
    year = {"year": o.report_year}
    section = {**year, "pk": o.section}
    edit_get, edit_post = [OK, OK, FORBIDDEN, FORBIDDEN], [NOT_ALLOWED, NOT_ALLOWED, FORBIDDEN, FORBIDDEN]
    decide_post = [FORBIDDEN, NOT_ALLOWED, FORBIDDEN, FORBIDDEN]
    return {
        "reports:list": ({}, edit_get),
        "reports:requirements": ({}, edit_get),
        "reports:figure_value": ({}, [BAD_REQUEST, BAD_REQUEST, FORBIDDEN, FORBIDDEN]),  # no figure asked for
        "reports:report": (year, edit_get),
        "reports:start_next": (year, edit_post),
        "reports:preview": (year, edit_get),
        "reports:section_add": (year, edit_post),
        "reports:section": (section, edit_get),
        "reports:section_details": (section, edit_post),
        "reports:section_move": (section, edit_post),
        "reports:section_delete": (section, edit_post),
        "reports:section_preview": (section, edit_get),
        "reports:presence": (section, edit_post),
        "reports:revisions": (section, edit_get),
        "reports:restore": ({**section, "number": 1}, edit_post),
        "reports:comment_add": (section, edit_post),
        "reports:comment_resolve": ({**year, "pk": o.comment}, edit_post),
        "reports:submit": (year, edit_post),
        "reports:sign_off": (year, [FORBIDDEN, OK, FORBIDDEN, FORBIDDEN]),
        "reports:send_back": (year, decide_post),
        "publishing:publication": (year, edit_get),
        "publishing:publish": (year, decide_post),
        "publishing:correct": (year, decide_post),
        "publishing:withdraw": (year, decide_post),
        "publishing:mark_sent": ({**year, "pk": 999999}, edit_post),
    }


def _rendering_routes(o):
    year = {"year": o.report_year}
    get = [OK, OK, FORBIDDEN, FORBIDDEN]
    return {
        "rendering:html": (year, get),
        "rendering:outputs": (year, get),
        "rendering:status": ({**year, "pk": o.rendering}, get),
        "rendering:pdf": ({**year, "pk": o.rendering}, get),
        "rendering:section_preview": ({**year, "section_pk": o.section, "fmt": "html"}, get),
    }


def variants(o: PageObjects) -> dict:
    """Route name -> [(label, kwargs, query string)]: more of what a page shows than its table entry."""
    year = {"year": o.report_year}
    section = {**year, "pk": o.section}
    every_kind = [(kind, {"kind": kind}, "") for kind in REFERENCE_KINDS]
    every_row = [(kind, {"kind": kind, "pk": o.references[kind]}, "") for kind in REFERENCE_KINDS]
    figure = f"?report_year={o.report_year}&metric={o.metric}&period=this"
    return {
        "metrics:explorer": [("a figure chosen", {}, f"?metric={o.metric_code}")],
        "metrics:return_template": [("xlsx", {"pk": o.police_return, "fmt": "xlsx"}, "")],
        "partners:reference": every_kind,
        "partners:reference_new": every_kind,
        "partners:reference_edit": every_row,
        "partners:reference_delete": every_row,
        "reports:figure_value": [("a figure asked for", {}, figure)],
        "reports:revisions": [("two compared", section, "?a={}&b={}".format(*o.compared))],
    }


# Every named route outside /p/<partnership>/ (other than the Django admin and the public site,
# swept by tests/reports/test_public_sweep.py): the roles that GET it as a signed-in page, or why
# it is not one.
OUTSIDE_ROUTES = {
    "dashboard": (EDITOR, SUBMITTER),
    "password_change": (EDITOR,),
    "password_change_done": (EDITOR,),
    "two_factor_setup": (SUBMITTER,),  # someone who may turn it on, and has not
    "two_factor_verify": (APPROVER,),  # signed in with a password, the code still to give
    "home": "public",
    "healthz": "for the load balancer",
    "login": "signed out",
    "logout": "POST only",
    "password_reset": "signed out",
    "password_reset_done": "signed out",
    "password_reset_confirm": "signed out",
    "password_reset_complete": "signed out",
    "invitation_accept": "signed out",
}
SECOND_FACTOR_TO_GIVE = {"two_factor_verify"}  # measured before the code is given


@dataclass(frozen=True)
class Page:
    route: str
    role: str  # one of ROLES
    url: str
    label: str  # unique: route, variant and role
    second_factor: bool = True  # the user has given their code (when they have a device)


def signed_in_pages(o: PageObjects) -> list[Page]:
    """Every page a signed-in user GETs with 200, in each of its variants.

    Each route once for the first role the table lets in, and once more for the police submitter
    when they may see it too (partners see a page of their own: their return, their dashboard).
    """
    pages, seen = [], set()
    more = variants(o)
    for route, roles in OUTSIDE_ROUTES.items():
        if isinstance(roles, tuple):
            for role in roles:
                second_factor = route not in SECOND_FACTOR_TO_GIVE
                pages.append(Page(route, role, reverse(route), f"{route} ({role})", second_factor))
    for route, (kwargs, statuses) in partnership_routes(o).items():
        # A route that answers 400 without a query (the figure picker's) is a page with one.
        answered = [i for i, status in enumerate(statuses) if status in (OK, BAD_REQUEST)]
        roles = [ROLES[i] for i in answered[:1]]
        if ROLES.index(SUBMITTER) in answered and SUBMITTER not in roles:
            roles.append(SUBMITTER)
        shown = ([("", kwargs, "")] if OK in statuses else []) + more.get(route, [])
        for role in roles:
            for variant, variant_kwargs, query in shown:
                url = reverse(route, kwargs={"partnership_slug": o.slug, **variant_kwargs}) + query
                if (url, role) in seen:  # a variant the table's entry already is
                    continue
                seen.add((url, role))
                label = f"{route}{f' {variant}' if variant else ''} ({role})"
                pages.append(Page(route, role, url, label))
    return pages


def _route_names():
    """(every route name under /p/<partnership>/, every other route name but the admin's and the public site's)."""
    inside, outside = set(), set()

    def walk(patterns, namespace, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, pattern.namespace or namespace, route)
                continue
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            if route.startswith("p/<slug:partnership_slug>/"):
                inside.add(name)
            elif namespace not in ("admin", "public"):
                outside.add(name)

    walk(get_resolver().url_patterns, None, "")
    return inside, outside


def partnership_route_names():
    return _route_names()[0]


def outside_route_names():
    return _route_names()[1]


def world_objects(world, value, *, section, comment, references=None) -> PageObjects:
    """PageObjects of a tests.conftest.World: its police return, the figure `value`, the report's
    `section` and `comment`. A finished PDF is made when the report has none, and a person when
    `references` (kind -> id) is not given."""
    from django.core.files.base import ContentFile
    from django_scopes import scopes_disabled

    from partners.models import Person
    from reports.models import Rendering, RenderState

    with scopes_disabled():
        if references is None:
            person, _ = Person.objects.get_or_create(partnership=world.partnership, name="Sam Chair")
            references = {"people": person.pk}
        report = section.report
        rendering = Rendering.objects.filter(report=report, state=RenderState.DONE).first()
        if rendering is None:
            rendering = Rendering(partnership=world.partnership, report=report, state=RenderState.DONE)
            rendering.file.save("sweep.pdf", ContentFile(b"%PDF-1.7"), save=True)
        return PageObjects(
            slug=world.partnership.slug,
            police_return=world.police_return.pk,
            round_year=str(world.round.year),
            value=value.pk,
            metric=world.metrics["referrals"].pk,
            metric_code=world.metrics["referrals"].code,
            member=world.council_submitter.pk,
            report_year=str(report.year),
            section=section.pk,
            comment=comment.pk,
            rendering=rendering.pk,
            references=references,
        )
