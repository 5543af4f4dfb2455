"""The context builder: a report -> a `RenderDocument`, in a fixed number of queries.

It builds on `reports.selectors.build_document` (sections, blocks and every figure, resolved
through the metrics selectors) and adds what a rendered report needs besides: the partnership's
branding, the sign-off, figure numbers, print specifications and sources for every chart and data table.

Queries, whatever the report's size: the report with its partnership (1, in `report_for`), the
sections (1), the figures (4: metrics, areas, values, comparators), funding (2) and people (3)
when a block shows them, and the sign-off (1). None per section, block, chart or figure.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.shortcuts import get_object_or_404

from metrics.charts import PRINT_HEIGHT, for_print, without_title
from partners.years import ReportingYear

from ..models import Report, ReportState, SignOff
from ..selectors import build_document
from .document import RenderChart, RenderDocument, RenderSignoff


@dataclass
class RenderSection:
    anchor: str
    title: str
    number_label: str
    level: int
    blocks: list = field(default_factory=list)

    @property
    def heading(self):
        return f"{self.number_label} {self.title}".strip()


def report_for(partnership_slug, year) -> Report:
    """The report of a partnership and year with its partnership (one query); 404 if none."""
    return get_object_or_404(
        Report.objects.select_related("partnership"),
        partnership__slug=partnership_slug,
        year=str(ReportingYear.parse(year)),
    )


def _source(series_metrics, year, *, who="") -> str:
    """ "Cleveland Police, as at 31 March 2025": who supplied the figures, and when they stood.

    The one source line of every chart and data table: the supplying agencies of its metrics, or
    `who` for data that are not metrics (the partnership's funding records).
    """
    suppliers = sorted({m.agency.name for m in series_metrics if getattr(m, "agency", None)})
    end = ReportingYear.parse(year).start + 1
    who = who or (" and ".join(suppliers) if suppliers else "Partner agencies' returns")
    return f"{who}, as at 31 March {end}"


def _table_source(block, report) -> str:
    """The source line of a data table block drawn from portal data ("" for any other block)."""
    if block.error:
        return ""
    if block.type == "figures_table" and block.context.get("table") is not None:
        return _source(block.context["table"].metrics, report.year)
    if block.type == "funding_table" and block.context.get("funding") is not None:
        return _source([], block.context["year"], who=f"{report.partnership.name} funding records")
    return ""


def _charts_of(block, numbering, year):
    """Each chart of a chart block as a numbered RenderChart (the block may draw several)."""
    context = block.context
    editor_alt = (context.get("alt") or "") if context.get("alt") != context.get("generated_alt") else ""
    charts = []
    for view in context.get("charts", []):
        numbering.append(view)
        spec = without_title(view.spec)  # the numbered caption is the title
        metrics = [getattr(view, "metric", None)] if getattr(view, "metric", None) else []
        charts.append(
            RenderChart(
                key=f"{block.id}-{view.id}",
                number=len(numbering),
                title=view.title,
                kind=context.get("kind", ""),
                spec=spec,
                print_spec=for_print(spec),
                alt=editor_alt or view.description,
                header=view.header,
                rows=view.rows,
                source=_source(metrics, year),
                print_height=PRINT_HEIGHT,
            )
        )
    return charts


def _flatten(sections):
    for section in sections:
        yield section
        yield from section.children


def build_render_document(report, *, section_ids=None, public=True) -> RenderDocument:
    """Everything the web and print templates show for `report` (or some of its sections)."""
    document = build_document(report, section_ids=section_ids, public=public)
    partnership = report.partnership
    sign_off = SignOff.objects.filter(report=report, withdrawn_at__isnull=True).order_by("-signed_on", "-pk").first()
    numbering, charts, sections = [], [], []
    for section in _flatten(document.sections):
        for block in section.blocks:
            if block.type == "chart" and not block.error:
                block_charts = _charts_of(block, numbering, report.year)
                block.context = {**block.context, "charts": block_charts}
                charts.extend(block_charts)
            elif source := _table_source(block, report):
                block.context = {**block.context, "source": source}
        sections.append(
            RenderSection(
                anchor=section.anchor,
                title=section.title,
                number_label=section.number_label,
                level=section.level,
                blocks=section.blocks,
            )
        )
    changed = report.updated_at.date().isoformat() if report.updated_at else ""
    return RenderDocument(
        title=report.title,
        subtitle=report.subtitle,
        year=str(report.year),
        partnership_name=partnership.name,
        partnership_slug=partnership.slug,
        brand_colour=partnership.colour or "#1d4f91",
        logo_url=f"{settings.MEDIA_URL}{partnership.logo.name}" if partnership.logo else "",
        logo_alt=f"{partnership.name} logo",
        subject=f"The statutory annual report of {partnership.name} for {report.year}, "
        "on its multi-agency safeguarding arrangements for children.",
        language="en-GB",
        is_draft=report.state not in (ReportState.APPROVED, ReportState.PUBLISHED),
        state_label=ReportState(report.state).label,
        created=report.created_at.date().isoformat() if report.created_at else changed,
        modified=changed,
        sections=sections,
        charts=charts,
        signoffs=[RenderSignoff(sign_off.name, sign_off.post, sign_off.signed_on, sign_off.statement)]
        if sign_off and section_ids is None
        else [],
        is_preview=section_ids is not None,
    )
