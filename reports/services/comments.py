"""Comments on sections: threaded, resolvable, never part of any output."""

from django.db import transaction
from django.utils import timezone

from partners import audit

from ..models import Comment
from .errors import ReportError

MAX_COMMENT = 5000


@transaction.atomic
def add_comment(section, *, text, by, parent=None, block_id="") -> Comment:
    text = (text or "").strip()
    if not text:
        raise ReportError("Write the comment first.")
    if len(text) > MAX_COMMENT:
        raise ReportError(f"A comment has at most {MAX_COMMENT:,} characters; this one has {len(text):,}.")
    if parent is not None:
        if parent.section_id != section.pk:
            raise ReportError("That comment belongs to another section.")
        parent = parent.parent or parent  # replies stay one level deep: a thread
    comment = Comment.objects.create(
        partnership=section.partnership, section=section, parent=parent, author=by, text=text, block_id=block_id
    )
    audit.record(
        "reports.comment.added",
        partnership=section.partnership,
        by=by,
        subject=section,
        within=section.report,
        reply=parent is not None,
    )
    return comment


@transaction.atomic
def resolve_comment(comment, *, by, resolved=True) -> Comment:
    thread = comment.parent or comment
    thread.resolved_at = timezone.now() if resolved else None
    thread.resolved_by = by if resolved else None
    thread.save(update_fields=["resolved_at", "resolved_by"])
    audit.record(
        "reports.comment.resolved" if resolved else "reports.comment.reopened",
        partnership=thread.partnership,
        by=by,
        subject=thread.section,
        within=thread.section.report,
    )
    return thread
