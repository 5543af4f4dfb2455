"""Expected refusals of the figures services; their messages are shown to the user as they are."""


class FigureError(Exception):
    """An expected refusal; its message is shown to the user as it is."""


class StaleReturn(FigureError):
    """The user's page was built from an older version of the return."""
