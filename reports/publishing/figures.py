"""The figures a report cites, read as the report prints them, for its open data.

Uses the same resolver as the document (`reports.selectors`), in public mode, so suppression is
exactly the report's: a suppressed figure carries no value and says how the report shows it.
Figures cited in text, key-figure and table blocks, and every point of a chart, once each, with
the first section that cites them.
"""

from django.utils.html import strip_tags

from reports.blocks import REGISTRY, InvalidBlock
from reports.models import Section
from reports.selectors import _document_blocks, resolver_for

from .opendata import CitedFigure


def cited_figures(report) -> list[CitedFigure]:
    sections = list(Section.objects.filter(report=report).order_by("parent_id", "position", "id"))
    resolver = resolver_for(report, sections, public=True)
    ordered = _document_order(sections)
    rows, seen = [], set()

    def add(figure, section):
        if figure is None:
            return
        key = (figure.metric.pk, figure.area.pk if figure.area else 0, str(figure.year))
        if key not in seen:
            seen.add(key)
            rows.append(_row(figure, section, report.partnership))

    for section in ordered:
        before = len(resolver.used)
        _document_blocks(section, resolver)
        for resolved in resolver.used[before:]:
            add(resolved.figure, section)
        for block in section.body or []:
            kind = REGISTRY.get(block.get("type"))
            if kind is None:
                continue
            value = block.get("value") or {}
            try:
                wanted = list(kind.series(value, report.year))
            except (InvalidBlock, ValueError, TypeError):
                continue
            for metric_id, years in wanted:
                series = resolver.figure_set.series(metric_id, years, value.get("areas") or None)
                if series is None:
                    continue
                for _area, points in series.by_area:
                    for point in points:
                        add(point.figure, section)
    return rows


def _document_order(sections):
    children = {}
    for section in sections:
        children.setdefault(section.parent_id, []).append(section)
    ordered = []

    def walk(parent_id):
        for section in sorted(children.get(parent_id, []), key=lambda s: (s.position, s.pk)):
            ordered.append(section)
            walk(section.pk)

    walk(None)
    return ordered


def _row(figure, section, partnership) -> CitedFigure:
    metric, area = figure.metric, figure.area
    shown = strip_tags(figure.formatted(public=True))
    suppressed = figure.value is not None and shown != strip_tags(figure.formatted(public=False))
    if figure.value is None or suppressed:
        value = ""
    else:
        value = f"{figure.value:.{metric.decimals}f}"
    return CitedFigure(
        metric_code=metric.code,
        metric=metric.name,
        definition=metric.definition,
        unit=metric.get_unit_display(),
        period=str(figure.year),
        area=area.name if area else partnership.name,
        ons_code=area.ons_code if area else "",
        value=value,
        shown_in_report_as=shown,
        suppressed=suppressed,
        source=metric.agency.name if metric.agency_id else partnership.name,
        section=f"{section.number_label} {section.title}".strip(),
    )
