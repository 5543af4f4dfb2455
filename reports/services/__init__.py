"""Every authoring write, one module per job; views, commands and tests call these.

Each write runs in one transaction and records an audit event (`partners.audit`).
"""

from .comments import add_comment, resolve_comment
from .coverage import load_requirements, set_requirement_tags
from .errors import ReportError, SectionConflict
from .presence import mark_open
from .reports import StartedReport, create_report, start_from_last_year
from .revisions import keep_refused_save, restore_revision
from .sections import add_section, delete_section, move_section, save_section, update_section
from .workflow import return_to_draft, sign_off, submit_for_review

__all__ = [
    "ReportError",
    "SectionConflict",
    "StartedReport",
    "add_comment",
    "add_section",
    "create_report",
    "delete_section",
    "load_requirements",
    "mark_open",
    "keep_refused_save",
    "move_section",
    "resolve_comment",
    "restore_revision",
    "return_to_draft",
    "save_section",
    "set_requirement_tags",
    "sign_off",
    "start_from_last_year",
    "submit_for_review",
    "update_section",
]
