"""Creating reports: from nothing, or from last year's report."""

import copy
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from partners import audit
from partners.years import ReportingYear

from ..blocks import block_type, new_block_id, references_in_body
from ..models import Edition, Report, Requirement, RequirementTag, Section, SectionState
from .errors import ReportError
from .revisions import append_revision


@transaction.atomic
def create_report(partnership, *, year, title, by, subtitle="") -> Report:
    year = ReportingYear.parse(year)
    if not title.strip():
        raise ReportError("Give the report a title.")
    if Report.objects.filter(partnership=partnership, year=year).exists():
        raise ReportError(f"There is already a report for {year}.")
    try:
        with transaction.atomic():
            report = Report.objects.create(
                partnership=partnership,
                year=year,
                title=title.strip(),
                subtitle=subtitle.strip(),
                edition=Edition.for_year(year),
            )
    except IntegrityError as error:
        raise ReportError(f"There is already a report for {year}.") from error
    audit.record("reports.report.created", partnership=partnership, by=by, subject=report, year=str(year))
    return report


@dataclass
class MissingReference:
    section: str
    label: str


@dataclass
class StartedReport:
    report: Report
    missing: list  # MissingReference: references with no approved figure for the new year


@transaction.atomic
def start_from_last_year(previous, *, by, title=None, subtitle=None) -> StartedReport:
    """Next year's report with last year's sections and blocks: text kept as a starting point,
    relative figure references ("this year", "last year") moved on one year by themselves, fixed
    ones kept; references with no approved figure for the new year are listed."""
    from ..selectors import missing_figures  # reads after the copy, to list what does not resolve

    year = previous.year.next()
    report = create_report(
        previous.partnership,
        year=year,
        title=title or previous.title.replace(str(previous.year), str(year)),
        subtitle=previous.subtitle if subtitle is None else subtitle,
        by=by,
    )
    report.started_from = previous
    report.save(update_fields=["started_from"])
    old_sections = list(Section.objects.filter(report=previous).order_by("parent_id", "position", "id"))
    tags = list(RequirementTag.objects.filter(section__report=previous).select_related("requirement"))
    new_by_old = {}
    for old in sorted(old_sections, key=lambda s: (s.parent_id is not None, s.position, s.pk)):
        body, ids = _copy_body(old.body)
        section = Section.objects.create(
            partnership=report.partnership,
            report=report,
            parent=new_by_old.get(old.parent_id),
            position=old.position,
            title=old.title,
            number_label=old.number_label,
            owner=old.owner,
            body=body,
            state=SectionState.DRAFTING if body else SectionState.NOT_STARTED,
        )
        append_revision(section, by=by, note=f"Started from the {previous.year} report")
        new_by_old[old.pk] = section
        for tag in tags:
            if tag.section_id == old.pk:
                _copy_tag(tag, section, ids, report)
    missing = [MissingReference(m.section, m.label) for m in missing_figures(report)]
    audit.record(
        "reports.report.started_from",
        partnership=report.partnership,
        by=by,
        subject=report,
        previous=str(previous.year),
        sections=len(old_sections),
        references=sum(len(references_in_body(s.body)) for s in old_sections),
        missing=len(missing),
    )
    return StartedReport(report, missing)


def _copy_body(body):
    """Blocks with new ids (ids are never reused across reports); values copied as they are.

    Relative references need no rewriting: they are relative to the report's year.
    """
    ids, copied = {}, []
    for block in body or []:
        block_type(block["type"])
        new_id = new_block_id()
        ids[block["id"]] = new_id
        copied.append({"type": block["type"], "id": new_id, "value": copy.deepcopy(block["value"])})
    return copied, ids


def _copy_tag(tag, section, ids, report):
    """The same requirement in the new report's edition (matched by code), if it has one."""
    requirement = tag.requirement
    if requirement.edition != report.edition:
        requirement = Requirement.objects.filter(edition=report.edition, code=requirement.code).first()
        if requirement is None:
            return
    RequirementTag.objects.get_or_create(
        partnership=report.partnership,
        section=section,
        block_id=ids.get(tag.block_id, "") if tag.block_id else "",
        requirement=requirement,
    )
