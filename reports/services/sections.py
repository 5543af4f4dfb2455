"""Writing sections: the tree (add, move, delete), their details and their blocks.

Every save names the version it started from; a newer version refuses it (`SectionConflict`)
and nothing is written, so the editor can show both versions and merge. Every save appends a
revision. An edit to an approved or in-review report returns it to draft and says so.
"""

from django.db import transaction
from django.db.models import F, Max

from partners import audit, versions

from ..blocks import InvalidBlock, normalise_body
from ..models import Section, SectionState
from .errors import ReportError, SectionConflict
from .revisions import append_revision
from .workflow import reopen_after_edit


def _next_position(report, parent):
    last = Section.objects.filter(report=report, parent=parent).aggregate(n=Max("position"))["n"]
    return 0 if last is None else last + 1


def _check_parent(report, parent):
    if parent is None:
        return
    if parent.report_id != report.pk:
        raise ReportError("That section belongs to another report.")
    if parent.parent_id is not None:
        raise ReportError("Sections have two levels: a sub-section cannot have sub-sections.")


@transaction.atomic
def add_section(report, *, title, by, parent=None, number_label="", owner=None, body=None) -> Section:
    title = (title or "").strip()
    if not title:
        raise ReportError("Give the section a title.")
    _check_parent(report, parent)
    try:
        body = normalise_body(body or [])
    except InvalidBlock as error:
        raise ReportError(str(error)) from error
    section = Section.objects.create(
        partnership=report.partnership,
        report=report,
        parent=parent,
        position=_next_position(report, parent),
        title=title,
        number_label=number_label.strip(),
        owner=owner,
        body=body,
        state=SectionState.DRAFTING if body else SectionState.NOT_STARTED,
    )
    append_revision(section, by=by, note="Section added")
    reopen_after_edit(report, by=by, what=f"section “{section.heading}” was added")
    audit.record("reports.section.added", partnership=report.partnership, by=by, subject=section, within=report)
    return section


@transaction.atomic
def save_section(
    section,
    *,
    body,
    by,
    expected_version,
    title=None,
    number_label=None,
    note="",
    action="reports.section.saved",
    **audit_data,
) -> Section:
    """Store the section's blocks (and title) as a new revision, if nobody saved it meanwhile."""
    locked = Section.objects.select_for_update().get(pk=section.pk)
    if expected_version is None or int(expected_version) != locked.version:
        raise SectionConflict(locked, locked.latest_revision)
    try:
        body = normalise_body(body)
    except InvalidBlock as error:
        raise ReportError(str(error)) from error
    if title is not None:
        if not title.strip():
            raise ReportError("Give the section a title.")
        locked.title = title.strip()
    if number_label is not None:
        locked.number_label = number_label.strip()
    changed_blocks = _changed_block_count(locked.body, body)
    locked.body = body
    locked.version = F("version") + 1
    if locked.state == SectionState.NOT_STARTED and body:
        locked.state = SectionState.DRAFTING
    locked.save()
    locked.refresh_from_db()
    revision = append_revision(locked, by=by, note=note)
    reopen_after_edit(locked.report, by=by, what=f"section “{locked.heading}” was edited")
    audit.record(
        action,
        partnership=locked.partnership,
        by=by,
        subject=locked,
        within=locked.report,
        revision=revision.number,
        blocks_changed=changed_blocks,
        **audit_data,
    )
    return locked


def _changed_block_count(before, after):
    old = {b["id"]: b for b in before or []}
    new = {b["id"]: b for b in after or []}
    return sum(1 for i in old.keys() | new.keys() if old.get(i) != new.get(i))


@transaction.atomic
def update_section(section, *, by, owner=None, state=None, title=None, number_label=None) -> Section:
    """The section's details (no blocks): owner, state, title, number label."""
    changes = {}
    if title is not None and title.strip() != section.title:
        if not title.strip():
            raise ReportError("Give the section a title.")
        changes["title"] = title.strip()
    if number_label is not None and number_label.strip() != section.number_label:
        changes["number_label"] = number_label.strip()
    if owner is not False and (owner.pk if owner else None) != section.owner_id:
        changes["owner"] = owner
    if state is not None and state != section.state:
        if state not in SectionState.values:
            raise ReportError("Unknown section state.")
        changes["state"] = state
    if not changes:
        return section
    for name, value in changes.items():
        setattr(section, name, value)
    section.version = F("version") + 1
    section.save()
    section.refresh_from_db()
    append_revision(section, by=by, note="Details changed")
    if set(changes) - {"owner", "state"}:
        reopen_after_edit(section.report, by=by, what=f"section “{section.heading}” was renamed")
    audit.record(
        "reports.section.updated",
        partnership=section.partnership,
        by=by,
        subject=section,
        within=section.report,
        changed=sorted(changes),
        state=section.state,
    )
    return section


@transaction.atomic
def move_section(section, *, by, direction=None, parent=False) -> Section:
    """Up or down among its siblings, or under another top-level section (parent=None: to the top)."""
    report = section.report
    if parent is not False:
        if parent is not None and (parent.pk == section.pk or section.children.exists()):
            raise ReportError("A section with sub-sections stays at the top level.")
        _check_parent(report, parent)
        section.parent = parent
        section.position = _next_position(report, parent)
        section.save(update_fields=["parent", "position", "updated_at"])
    elif direction in ("up", "down"):
        siblings = list(Section.objects.filter(report=report, parent_id=section.parent_id).order_by("position", "id"))
        index = next(i for i, s in enumerate(siblings) if s.pk == section.pk)
        other = index - 1 if direction == "up" else index + 1
        if 0 <= other < len(siblings):
            siblings[index], siblings[other] = siblings[other], siblings[index]
            for position, sibling in enumerate(siblings):
                if sibling.position != position:
                    Section.objects.filter(pk=sibling.pk).update(position=position)
            versions.changed(report.partnership_id)  # update() sends no signals
    else:
        raise ReportError("Say where to move the section.")
    reopen_after_edit(report, by=by, what="the sections were reordered")
    audit.record(
        "reports.section.moved",
        partnership=report.partnership,
        by=by,
        subject=section,
        within=report,
        direction=direction or "",
        parent=section.parent.heading if section.parent_id else "",
    )
    section.refresh_from_db()
    return section


@transaction.atomic
def delete_section(section, *, by):
    report = section.report
    heading = section.heading
    if section.children.exists():
        raise ReportError("Delete or move this section's sub-sections first.")
    audit.record(
        "reports.section.deleted",
        partnership=report.partnership,
        by=by,
        subject=section,
        within=report,
        body=section.body,
    )
    section.delete()
    reopen_after_edit(report, by=by, what=f"section “{heading}” was deleted")
