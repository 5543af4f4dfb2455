"""Writes for the figures: one module per job, one transaction each, the acting user passed as `by=`.

Views, management commands, the demo loader and tests all change figures through these
functions, so validation, locking and the audit trail cannot be bypassed. Callers use the
names re-exported here (`from metrics import services; services.save_return(...)`); reads
live in `metrics.cells` and `metrics.selectors`, which import nothing from this package.

- `checks`: validation of a return's cells
- `writer`: the bulk value writer (with its audit events)
- `workflow`: save, submit, send back, approve, re-open a return
- `rounds`: open or extend a collection round
- `imports`: an administrator's import of figures and comparators
- `comparators`: England and regional comparators
- `statement`: how one figure is stated (period, precision, rank, share, publisher)
"""

from ..cells import (
    CellCheck,
    CellInput,
    ImportRow,
    cell_input_from,
    cell_key,
    expected_cells,
    normalised,
    return_scope,
    stored_cells,
)
from ..errors import FigureError, StaleReturn
from .checks import check_cells, differences_from_saved
from .comparators import set_comparator
from .imports import import_figures
from .rounds import open_planned_round, open_round
from .statement import restate_value
from .workflow import approve_return, reopen_return, save_return, send_back_return, submit_return

__all__ = [
    "CellCheck",
    "CellInput",
    "FigureError",
    "ImportRow",
    "StaleReturn",
    "approve_return",
    "cell_input_from",
    "cell_key",
    "check_cells",
    "differences_from_saved",
    "expected_cells",
    "import_figures",
    "normalised",
    "open_planned_round",
    "open_round",
    "reopen_return",
    "restate_value",
    "return_scope",
    "save_return",
    "send_back_return",
    "set_comparator",
    "stored_cells",
    "submit_return",
]
