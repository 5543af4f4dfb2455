"""Tagging content with the statutory requirements it meets; loading the requirements."""

import json
from pathlib import Path

from django.db import transaction

from partners import audit, versions

from ..models import Requirement, RequirementTag
from .errors import ReportError


@transaction.atomic
def set_requirement_tags(section, *, requirement_ids, by, block_id=""):
    """The section (or one block) meets exactly these requirements of the report's edition."""
    report = section.report
    wanted = set(
        Requirement.objects.filter(edition=report.edition, pk__in=list(requirement_ids)).values_list("pk", flat=True)
    )
    if len(wanted) != len(set(requirement_ids)):
        raise ReportError("Choose requirements of this report's edition.")
    if block_id and block_id not in {b["id"] for b in section.body}:
        raise ReportError("That block is not in this section.")
    current = set(
        RequirementTag.objects.filter(section=section, block_id=block_id).values_list("requirement_id", flat=True)
    )
    RequirementTag.objects.filter(section=section, block_id=block_id, requirement_id__in=current - wanted).delete()
    RequirementTag.objects.bulk_create(
        [
            RequirementTag(partnership=section.partnership, section=section, block_id=block_id, requirement_id=pk)
            for pk in wanted - current
        ]
    )
    versions.changed(section.partnership_id)  # bulk_create sends no signals
    if wanted != current:
        codes = dict(Requirement.objects.filter(pk__in=wanted | current).values_list("pk", "code"))
        audit.record(
            "reports.requirements.tagged",
            partnership=section.partnership,
            by=by,
            subject=section,
            within=report,
            added=sorted(codes[pk] for pk in wanted - current),
            removed=sorted(codes[pk] for pk in current - wanted),
            block=block_id,
        )


FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "requirements.json"


def load_requirements():
    """Each edition's requirements from `reports/fixtures/requirements.json` (also loaded by migration 0002).

    Idempotent; the demo loader calls it so a flushed test database has them too.
    """
    for row in json.loads(FIXTURE.read_text(encoding="utf-8")):
        Requirement.objects.update_or_create(edition=row["edition"], code=row["code"], defaults=row)
