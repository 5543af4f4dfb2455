"""Reads for report pages: plain data, a fixed number of queries each.

`build_document(report)` is the one place a report becomes something templates can show: the
report, its section tree and every block's template context, with every figure resolved through
`metrics.selectors` (approved values only). Templates receive plain dataclasses and dicts and run
no queries. Rendering (web, print, PDF) builds on the same document.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db.models import Count
from django.utils.html import escape

from metrics import charts as metric_charts
from metrics.formatting import format_value, plain_text
from metrics.models import Level, Metric
from metrics.selectors import approved_figures
from partners import selectors as partner_selectors
from partners.models import Area, PartnershipRole, Role
from partners.prepared import NO_ID, PreparedQuery
from partners.years import ReportingYear

from .blocks import REGISTRY, InvalidBlock, block_type
from .figure_refs import FigureRef, replace_refs_in_html
from .models import Comment, Report, Requirement, RequirementTag, Revision, Section, SectionState, SignOff
from .sanitize import clean_html

MISSING_TEXT = "[no approved figure]"


# --- Resolved figures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ResolvedFigure:
    ref: FigureRef
    label: str  # "Referrals, Hartlepool, 2024-25"
    text: str  # the formatted value, or MISSING_TEXT
    missing: bool
    figure: object = None  # metrics.selectors.Figure when found

    @property
    def change_text(self):
        return self.figure.change_text if self.figure else ""

    @property
    def direction(self):
        return self.figure.direction if self.figure else ""


@dataclass(frozen=True)
class ChartView:
    id: str
    title: str
    spec: dict  # Plotly figure specification (plain dict)
    description: str  # text alternative written from the data
    header: list
    rows: list  # [[label, cell, cell…]]
    metric: object = None  # the metric charted (its supplier is the chart's source)


@dataclass
class FiguresTable:
    header: list
    rows: list  # [{"label", "cells": [text], "change": text, "direction": text}]
    metrics: list = field(default_factory=list)  # the metrics shown (their suppliers are the table's source)


class FigureResolver:
    """Everything block contexts need, read beforehand; answers without queries."""

    def __init__(self, *, report_year, figure_set, funding_years, posts, groups, public=False):
        self.report_year = ReportingYear.parse(report_year)
        self.figure_set = figure_set
        self._funding = {str(f.year): f for f in funding_years}
        self._posts = posts
        self._groups = groups
        self.public = public
        self.used = []  # every ResolvedFigure asked for, in document order

    def _label(self, ref, year):
        metric = self.figure_set.metrics_by_id.get(ref.metric)
        area = self.figure_set.areas_by_id.get(ref.area) if ref.area else None
        name = metric.name if metric else "An unknown figure"
        place = area.name if area else "whole partnership"
        return f"{name}, {place}, {year}"

    def resolve(self, ref: FigureRef) -> ResolvedFigure:
        year = ref.year_for(self.report_year)
        figure = self.figure_set.get_by_id(ref.metric, ref.area, year)
        if figure is None:
            resolved = ResolvedFigure(ref, self._label(ref, year), MISSING_TEXT, True)
        else:
            resolved = ResolvedFigure(ref, self._label(ref, year), figure.formatted(public=self.public), False, figure)
        self.used.append(resolved)
        return resolved

    def inline_text(self, ref):
        resolved = self.resolve(ref)
        return escape(resolved.text), resolved.missing

    def comparison(self, resolved, compare, target=None) -> str:
        if resolved is None or resolved.missing or not compare:
            return ""
        figure, metric = resolved.figure, resolved.figure.metric
        if compare == "last_year":
            if figure.previous is None:
                return "No figure for last year"
            previous = figure.previous.formatted(public=self.public)
            return f"Last year: {previous}" + (f" ({figure.change_text})" if figure.change_text else "")
        if compare == "england":
            england = figure.england
            if england is None:
                return "No England figure"
            return "England: " + format_value(england, unit=metric.unit, decimals=metric.decimals)
        if compare == "target" and target not in (None, ""):
            try:
                goal = Decimal(str(target))
            except InvalidOperation:
                return ""
            return "Target: " + format_value(goal, unit=metric.unit, decimals=metric.decimals)
        return ""

    def charts(self, value, years) -> list[ChartView]:
        views = []
        area_ids = value.get("areas") or None
        for index, metric_id in enumerate(value.get("metrics", [])):
            series = self.figure_set.series(metric_id, years, area_ids)
            if series is None:
                continue
            if value.get("kind") == "trend":
                series.comparators = {}
            elif value.get("kind") == "england":
                series.comparators = {k: v for k, v in series.comparators.items() if k == "E92000001"}
            # Readers outside the business unit: suppressed values are not drawn (the table says "fewer than 5").
            spec = (
                _area_bar_spec(series, self.public)
                if value.get("kind") == "areas"
                else metric_charts.metric_trend_figure(series, public=self.public)
            )
            header = ["", *[str(y) for y in series.years]]
            rows = [
                [
                    metric_charts.area_label(area),
                    *[p.figure.formatted(public=self.public) if p.figure else "–" for p in points],
                ]
                for area, points in series.by_area
            ]
            for code in metric_charts.ordered_geographies(series.comparators):
                metric = series.metric
                rows.append(
                    [
                        metric_charts.geography_label(code),
                        *[
                            "–" if v is None else format_value(v, unit=metric.unit, decimals=metric.decimals)
                            for v in series.comparators[code]
                        ],
                    ]
                )
            views.append(
                ChartView(
                    id=f"m{metric_id}-{index}",
                    title=metric_charts.trend_title(series),
                    spec=spec,
                    description=metric_charts.describe_series(series, public=self.public),
                    header=header,
                    rows=rows,
                    metric=series.metric,
                )
            )
        return views

    def table(self, value, years) -> FiguresTable:
        areas = [a for a in sorted(self.figure_set.areas_by_id.values(), key=lambda a: a.name)]
        if value.get("areas"):
            areas = [a for a in areas if a.pk in set(value["areas"])]
        header = ["Figure"]
        columns = []
        for area in areas:
            for year in years:
                header.append(f"{area.name} {year}")
                columns.append((area, year))
        header += ["Change on last year", "Direction"]
        rows, metrics = [], []
        for metric_id in value.get("metrics", []):
            metric = self.figure_set.metrics_by_id.get(metric_id)
            if metric is None:
                continue
            metrics.append(metric)
            cols = columns if metric.is_per_area else [(None, y) for y in years]
            cells, changes, directions = [], [], []
            for area, year in cols:
                ref = FigureRef(metric=metric.pk, area=area.pk if area else None, period="fixed", year=str(year))
                resolved = self.resolve(ref)
                place = area.name if area else "Whole partnership"
                cells.append(resolved.text if metric.is_per_area else f"{place} {year}: {resolved.text}")
                if year == years[-1] and resolved.figure is not None:
                    prefix = f"{place}: " if metric.is_per_area and len(areas) > 1 else ""
                    changes.append(prefix + (resolved.change_text or f"no figure for {year.previous()}"))
                    if resolved.direction:
                        directions.append(prefix + resolved.direction)
            while len(cells) < len(columns):
                cells.append("")
            rows.append(
                {
                    "label": metric.name,
                    "cells": cells,
                    "change": "; ".join(changes),
                    "direction": "; ".join(directions) or "–",
                }
            )
        return FiguresTable(header, rows, metrics)

    def funding(self, year):
        return self._funding.get(str(year))

    def posts(self):
        year = self.report_year
        held = []
        for person in self._posts:
            for post in person.posts.all():
                if post.from_year <= year and (post.to_year is None or year <= post.to_year):
                    held.append({"name": person.name, "post": post.get_kind_display(), "title": post.title})
        return sorted(held, key=lambda row: (row["post"], row["name"]))

    def groups(self):
        return [{"name": g.name, "chair": g.chair.name if g.chair else "", "purpose": g.purpose} for g in self._groups]

    def media_url(self, name):
        return f"{settings.MEDIA_URL}{name}" if name else ""


def _area_bar_spec(series, public):
    metric = series.metric
    names, values, texts = [], [], []
    for area, points in series.by_area:
        figure = points[-1].figure if points else None
        names.append(plain_text(metric_charts.area_label(area)))
        shown = figure is not None and figure.value is not None and not figure.suppressed(public=public)
        values.append(float(figure.value) if shown else None)  # a suppressed figure plots no bar
        texts.append(figure.formatted(public=public) if figure else "no figure")
    for code in metric_charts.ordered_geographies(series.comparators):
        value = series.comparators[code][-1]
        names.append(plain_text(metric_charts.geography_label(code)))
        values.append(float(value) if value is not None else None)
        texts.append("–" if value is None else format_value(value, unit=metric.unit, decimals=metric.decimals))
    return {
        "data": [
            {
                "type": "bar",
                "x": names,
                "y": values,
                "text": texts,
                "textposition": "outside",
                "marker": {"color": metric_charts.AREA_COLOURS[0]},
                "hovertemplate": "%{x}: %{text}<extra></extra>",
            }
        ],
        "layout": {
            "template": "none",
            "title": {"text": plain_text(metric_charts.trend_title(series)), "x": 0, "xanchor": "left"},
            "font": {"family": metric_charts.FONT, "size": 13, "color": "#212529"},
            "height": 400,
            "yaxis": {"title": {"text": metric_charts.unit_title(metric)}, "rangemode": "tozero", "automargin": True},
            "xaxis": {"type": "category", "automargin": True},
            "margin": {"l": 20, "r": 20, "t": 60, "b": 20},
        },
    }


# --- The document -------------------------------------------------------------------------------


@dataclass
class DocumentBlock:
    id: str
    type: str
    label: str
    template: str
    context: dict
    error: str = ""


@dataclass
class DocumentSection:
    id: int
    title: str
    number_label: str
    level: int
    state: str
    state_label: str
    owner: str
    blocks: list = field(default_factory=list)
    children: list = field(default_factory=list)
    version: int = 1

    @property
    def heading(self):
        return f"{self.number_label} {self.title}".strip()

    @property
    def anchor(self):
        return f"section-{self.id}"


@dataclass
class MissingFigure:
    section: str
    section_id: int
    label: str


@dataclass
class Document:
    report: Report
    partnership: object
    year: ReportingYear
    title: str
    subtitle: str
    edition: str
    sections: list  # top-level DocumentSection, children inside
    missing_figures: list  # MissingFigure
    sign_off: SignOff | None = None

    def all_sections(self):
        for section in self.sections:
            yield section
            yield from section.children


def _years_needed(sections, report_year, *, figures_only=False):
    years = {ReportingYear.parse(report_year)}
    metric_ids = set()
    for section in sections:
        for block in section.body or []:
            try:
                kind = block_type(block.get("type"))
                if figures_only and not kind.states_figures:
                    continue
                for ref in kind.references(block.get("value") or {}):
                    years.add(ref.year_for(report_year))
                    metric_ids.add(ref.metric)
                for metric_id, series_years in kind.series(block.get("value") or {}, report_year):
                    years.update(series_years)
                    metric_ids.add(metric_id)
            except (InvalidBlock, ValueError):
                continue
    return years, metric_ids


def resolver_for(report, sections, *, public=False, figures_only=False, with_partners_data=True) -> FigureResolver:
    """Reads every figure and partners row the sections' blocks need: a fixed number of queries.

    `figures_only`: only what blocks that state figures need (`BlockType.states_figures`: no chart
    series). Without `with_partners_data` (or with `figures_only`), funding and people are not read.
    """
    years, metric_ids = _years_needed(sections, report.year, figures_only=figures_only)
    figure_set = approved_figures(report.partnership, years, metric_ids=metric_ids)
    with_partners_data = with_partners_data and not figures_only
    types = {b.get("type") for s in sections for b in s.body or []} if with_partners_data else set()
    funding = partner_selectors.funding_years(report.partnership) if "funding_table" in types else []
    posts = partner_selectors.people_with_posts(report.partnership) if "people_table" in types else []
    groups = partner_selectors.groups_for(report.partnership) if "people_table" in types else []
    return FigureResolver(
        report_year=report.year,
        figure_set=figure_set,
        funding_years=funding,
        posts=posts,
        groups=groups,
        public=public,
    )


def _document_blocks(section, resolver, *, figures_only=False):
    blocks = []
    for block in section.body or []:
        kind = REGISTRY.get(block.get("type"))
        if kind is None or (figures_only and not kind.states_figures):
            continue
        try:
            context = kind.context(block.get("value") or {}, resolver)
            error = ""
        except (InvalidBlock, KeyError, TypeError, ValueError) as exc:
            context, error = {}, f"This {kind.label.lower()} block cannot be shown: {exc}"
        blocks.append(DocumentBlock(block.get("id", ""), kind.name, kind.label, kind.template, context, error))
    return blocks


def build_document(report, *, section_ids=None, public=False) -> Document:
    """The report (or some of its sections) with every block's context: a fixed number of queries.

    Queries: sections (1), figures (4: metrics, areas, values, comparators), plus funding (2)
    or people (3) only when a block shows them; none per section, block or figure.
    """
    sections = list(
        Section.objects.filter(report=report).select_related("owner").order_by("parent_id", "position", "id")
    )
    if section_ids is not None:
        wanted = set(section_ids)
        sections = [s for s in sections if s.pk in wanted or s.parent_id in wanted]
    resolver = resolver_for(report, sections, public=public)
    by_id, top, missing = {}, [], []
    for section in _in_order(sections):
        before = len(resolver.used)
        doc_section = DocumentSection(
            id=section.pk,
            title=section.title,
            number_label=section.number_label,
            level=2 if section.parent_id else 1,
            state=section.state,
            state_label=SectionState(section.state).label,
            owner=(section.owner.get_full_name() or section.owner.username) if section.owner else "",
            blocks=_document_blocks(section, resolver),
            version=section.version,
        )
        missing += _missing(section, resolver.used[before:])
        by_id[section.pk] = doc_section
        parent = by_id.get(section.parent_id)
        if parent is not None:
            parent.children.append(doc_section)
        else:
            top.append(doc_section)
    return Document(
        report=report,
        partnership=report.partnership,
        year=report.year,
        title=report.title,
        subtitle=report.subtitle,
        edition=report.get_edition_display(),
        sections=top,
        missing_figures=_unique(missing),
    )


def missing_figures(report) -> list[MissingFigure]:
    """What `build_document(report).missing_figures` lists, found by resolving only the blocks that
    state figures: no chart drawn, no funding or people read."""
    sections = list(Section.objects.filter(report=report).order_by("parent_id", "position", "id"))
    resolver = resolver_for(report, sections, figures_only=True)
    missing = []
    for section in _in_order(sections):
        before = len(resolver.used)
        _document_blocks(section, resolver, figures_only=True)
        missing += _missing(section, resolver.used[before:])
    return _unique(missing)


def _in_order(sections):
    return sorted(sections, key=lambda s: (s.parent_id is not None, s.position, s.pk))


def _missing(section, resolved_figures):
    return [MissingFigure(section.heading, section.pk, r.label) for r in resolved_figures if r.missing]


def _unique(missing):
    seen, result = set(), []
    for item in missing:
        key = (item.section_id, item.label)
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result


# --- Editor pages ------------------------------------------------------------------------------


def editor_extras(report, section) -> dict:
    """What the editor shows beside the stored blocks: rich text with today's approved values in
    its figure references, and each chart's text alternative as written from the data."""
    resolver = resolver_for(report, [section], with_partners_data=False)
    extras = {}
    for block in section.body or []:
        if block["type"] == "rich_text":
            html = clean_html(block["value"].get("html", ""))
            extras[block["id"]] = {"html": replace_refs_in_html(html, resolver.inline_text)}
        elif block["type"] == "chart":
            context = REGISTRY["chart"].context(block["value"], resolver)
            extras[block["id"]] = {"generated_alt": context["generated_alt"]}
    return extras


def reports_of(partnership):
    """Every report with its section count and its partnership (each links to itself): one query."""
    return list(
        Report.objects.filter(partnership=partnership)
        .select_related("partnership")
        .annotate(section_count=Count("sections"))
        .order_by("-year")
    )


def section_tree(report):
    """Top-level sections with their children, in order (one query; bodies are not read)."""
    sections = list(
        Section.objects.filter(report=report).select_related("owner").defer("body").order_by("position", "id")
    )
    children = defaultdict(list)
    for section in sections:
        if section.parent_id:
            children[section.parent_id].append(section)
    top = [s for s in sections if s.parent_id is None]
    for section in top:
        section.child_list = children[section.pk]
    return top


def revisions_of(section):
    return list(Revision.objects.filter(section=section).select_related("created_by").order_by("-number"))


# The section editor's reads, on every view of it: by SQL built once.
_comments_of = PreparedQuery(
    lambda section_id: (
        Comment.objects.filter(section_id=section_id)
        .select_related("author", "resolved_by")
        .order_by("created_at", "id")
    ),
    section_id=NO_ID,
)
_requirement_tags = PreparedQuery(
    lambda section_id: RequirementTag.objects.filter(section_id=section_id).select_related("requirement"),
    section_id=NO_ID,
)
_editors_of = PreparedQuery(
    lambda partnership_id: (
        PartnershipRole.objects.filter(partnership_id=partnership_id, role__in=[Role.EDITOR, Role.APPROVER])
        .select_related("user")
        .order_by("user__username")
    ),
    partnership_id=NO_ID,
)


def comments_of(section):
    """Threads: top-level comments with their replies, oldest first (one query)."""
    comments = _comments_of(section_id=section.pk)
    replies = defaultdict(list)
    for comment in comments:
        if comment.parent_id:
            replies[comment.parent_id].append(comment)
    threads = [c for c in comments if c.parent_id is None]
    for thread in threads:
        thread.reply_list = replies[thread.pk]
    return threads


def open_comment_count(report):
    return Comment.objects.filter(section__report=report, parent__isnull=True, resolved_at__isnull=True).count()


# --- Statutory coverage -------------------------------------------------------------------------


@dataclass
class CoverageRow:
    requirement: Requirement
    status: str  # "met", "thin", "missing"
    places: list  # [(section_id, heading, block_id)]

    @property
    def status_label(self):
        return {"met": "Met", "thin": "Thin", "missing": "Missing"}[self.status]


def coverage(report) -> list[CoverageRow]:
    """Each requirement of the report's edition: met (tagged on content), thin or missing.

    Thin: tagged only on sections that are empty or not started, or on one short block.
    Two queries.
    """
    requirements = list(Requirement.objects.filter(edition=report.edition).order_by("position"))
    tags = list(
        RequirementTag.objects.filter(section__report=report).select_related("section").order_by("section__position")
    )
    by_requirement = defaultdict(list)
    for tag in tags:
        by_requirement[tag.requirement_id].append(tag)
    rows = []
    for requirement in requirements:
        found = by_requirement.get(requirement.pk, [])
        places = [(t.section_id, t.section.heading, t.block_id) for t in found]
        if not found:
            status = "missing"
        elif any(_substantial(t) for t in found):
            status = "met"
        else:
            status = "thin"
        rows.append(CoverageRow(requirement, status, places))
    return rows


THIN_WORDS = 60


def _substantial(tag):
    """Tagged content that says something: at least THIN_WORDS words, or a chart, table or tiles."""
    body = tag.section.body or []
    blocks = [b for b in body if not tag.block_id or b.get("id") == tag.block_id]
    words = 0
    for block in blocks:
        if block.get("type") not in {"rich_text", "quote", "page_break", "image"}:
            return True
        kind = REGISTRY.get(block.get("type"))
        words += sum(len(text.split()) for _, text in kind.text(block.get("value") or {})) if kind else 0
    return words >= THIN_WORDS


def requirement_tags(section):
    return _requirement_tags(section_id=section.pk)


def requirements_for(report):
    return list(Requirement.objects.filter(edition=report.edition).order_by("position"))


_active_sign_off = PreparedQuery(
    lambda report_id: SignOff.objects.filter(report_id=report_id, withdrawn_at__isnull=True).select_related("revision")[
        :1
    ],
    report_id=NO_ID,
)


def active_sign_off(report):
    """The sign-off in force (newest first, the model's order), or None. By SQL built once: the
    report page asks on every view."""
    return next(iter(_active_sign_off(report_id=report.pk)), None)


def sign_offs_of(report):
    return list(SignOff.objects.filter(report=report).select_related("signed_by", "revision"))


def metric_choices(partnership):
    """(id, label) for every metric the figure pickers offer, and (id, name) per area."""
    levels = {level.value: level.label.lower() for level in Level}
    metrics = [
        (pk, f"{name} ({levels.get(level, level)})")
        for pk, name, level in Metric.objects.filter(partnership=partnership).values_list("pk", "name", "level")
    ]
    areas = list(Area.objects.filter(partnership=partnership).values_list("pk", "name"))
    return metrics, areas


def all_requirements():
    return list(Requirement.objects.order_by("edition", "position"))


def editors_of(partnership):
    """(user id, name) of the people who may own a section: the business unit and approvers."""
    seen = {}
    for row in _editors_of(partnership_id=partnership.pk):
        seen[row.user_id] = row.user.get_full_name() or row.user.username
    return list(seen.items())


def resolve_one(partnership, ref, report_year) -> ResolvedFigure:
    figure_set = approved_figures(partnership, [ref.year_for(report_year)], metric_ids=[ref.metric])
    resolver = FigureResolver(report_year=report_year, figure_set=figure_set, funding_years=[], posts=[], groups=[])
    return resolver.resolve(ref)


def current_report(partnership):
    """The latest year's report and its sections' count per state, for the dashboard. Two queries."""
    return current_reports_in([partnership])[partnership.pk]


def current_reports_in(partnerships):
    """current_report for each partnership, by id (None without a report): two queries for any
    number, none for no partnership."""
    latest = {partnership.pk: None for partnership in partnerships}
    if not latest:
        return {}
    for report in Report.objects.filter(partnership__in=list(latest)).order_by("partnership_id", "-year"):
        latest[report.partnership_id] = latest[report.partnership_id] or report
    reports = [report for report in latest.values() if report is not None]
    counted = {report.pk: Counter() for report in reports}
    if reports:  # none: building the query that matches nothing costs as much as running one
        for report_id, state in Section.objects.filter(report__in=reports).order_by().values_list("report_id", "state"):
            counted[report_id][state] += 1
    return {pk: report and _summary(report, counted[report.pk]) for pk, report in latest.items()}


def _summary(report, counted):
    states = [(state.label, counted[state.value]) for state in SectionState if counted[state.value]]
    return {"report": report, "states": states, "total": sum(counted.values())}
