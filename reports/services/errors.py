"""Expected failures of report authoring: the view shows the message."""


class ReportError(Exception):
    """A refused action, with a message for the person who tried it."""


class SectionConflict(ReportError):
    """Someone else saved the section since this editor opened it; nothing was written."""

    def __init__(self, section, theirs_revision):
        self.section = section
        self.theirs = theirs_revision
        who = theirs_revision.created_by if theirs_revision and theirs_revision.created_by else None
        name = (who.get_full_name() or who.username) if who else "someone else"
        super().__init__(
            f"{name} saved this section while you were editing it. Your text has not been saved yet: "
            "compare both versions below, merge them, and save again."
        )
