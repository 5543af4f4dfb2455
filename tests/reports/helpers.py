"""Report test helpers: approved figures and a report made through the services."""

from decimal import Decimal

from django.utils import timezone
from django_scopes import scope

from partners.years import ReportingYear
from reports import services
from tests import factories as f


def approve(world, metric_key, value, year="2024-25", area_index=0):
    metric = world.metrics[metric_key]
    area = world.areas[area_index] if metric.is_per_area else None
    return f.ValueFactory(
        metric=metric,
        area=area,
        year=ReportingYear.parse(year),
        value=Decimal(str(value)),
        approved_at=timezone.now(),
    )


def rich(html):
    return {"type": "rich_text", "value": {"html": html}}


def ref_span(metric, area=None, period="this", year="", text="…"):
    return f'<span data-figure="{metric.pk}|{area.pk if area else ""}|{period}|{year}">{text}</span>'


def make_report(world, year="2024-25", sections=()):
    """A report with sections [(title, body)], made as an editor would."""
    with scope(partnership=world.partnership):
        report = services.create_report(world.partnership, year=year, title=f"Annual report {year}", by=world.editor)
        for title, body in sections:
            services.add_section(report, title=title, body=body, by=world.editor)
    return report
