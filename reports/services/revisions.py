"""Section revisions: a full snapshot on every save; restoring appends a new one."""

from django.db import transaction
from django.db.models import Max

from partners import audit

from ..blocks import normalise_body
from ..models import Revision, Section


def section_snapshot(section) -> dict:
    return {
        "title": section.title,
        "number_label": section.number_label,
        "state": section.state,
        "owner": section.owner_id,
        "body": section.body,
    }


def append_revision(section, *, by, note="") -> Revision:
    """A new snapshot of the section as it stands, numbered after the last one."""
    last = Revision.objects.filter(section=section).aggregate(n=Max("number"))["n"] or 0
    revision = Revision.objects.create(
        partnership=section.partnership,
        report=section.report,
        section=section,
        number=last + 1,
        snapshot=section_snapshot(section),
        created_by=by,
        note=note,
    )
    Section.objects.filter(pk=section.pk).update(latest_revision=revision)
    section.latest_revision = revision
    return revision


def report_snapshot(report, *, by, note) -> Revision:
    """The whole report as it stands (what a sign-off pins, and publication will print)."""
    sections = list(Section.objects.filter(report=report).order_by("parent_id", "position", "id"))
    snapshot = {
        "title": report.title,
        "subtitle": report.subtitle,
        "year": str(report.year),
        "edition": report.edition,
        "sections": [
            {
                "id": s.pk,
                "parent": s.parent_id,
                "position": s.position,
                "revision": s.latest_revision_id,
                **section_snapshot(s),
            }
            for s in sections
        ],
    }
    last = Revision.objects.filter(report=report, section__isnull=True).aggregate(n=Max("number"))["n"] or 0
    return Revision.objects.create(
        partnership=report.partnership,
        report=report,
        section=None,
        number=last + 1,
        snapshot=snapshot,
        created_by=by,
        note=note,
    )


@transaction.atomic
def restore_revision(revision, *, by, expected_version=None):
    """Bring back an old revision's content; it becomes the newest revision (nothing is lost)."""
    from .sections import save_section  # one save path: conflicts, approval fallback, audit

    snapshot = revision.snapshot
    section = revision.section
    return save_section(
        section,
        body=snapshot.get("body", []),
        title=snapshot.get("title", section.title),
        number_label=snapshot.get("number_label", section.number_label),
        by=by,
        expected_version=expected_version if expected_version is not None else section.version,
        note=f"Restored revision {revision.number}",
        action="reports.revision.restored",
        restored=revision.number,
    )


def keep_refused_save(section, *, body, by) -> Revision:
    """A save refused by a conflict is kept as a revision (not the section's latest), so nothing is lost."""
    last = Revision.objects.filter(section=section).aggregate(n=Max("number"))["n"] or 0
    snapshot = {**section_snapshot(section), "body": normalise_body(body)}
    kept = Revision.objects.create(
        partnership=section.partnership,
        report=section.report,
        section=section,
        number=last + 1,
        snapshot=snapshot,
        created_by=by,
        note="Not applied: saved while someone else's save came first (kept for merging)",
    )
    audit.record(
        "reports.section.conflict",
        partnership=section.partnership,
        by=by,
        subject=section,
        within=section.report,
        revision=kept.number,
    )
    return kept
