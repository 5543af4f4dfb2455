"""The report's body as stored in its HTML artefact, to place inside the public page.

The stored document is what was signed off and published (its sha256 is recorded); the page
shows its body unchanged, never re-rendered from live data. Artefacts never change, so each
worker keeps the bodies it has read (bounded).
"""

import re
from functools import lru_cache

BODY = re.compile(rb"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)


def report_body(storage, name) -> str:
    return _read_body(storage, name)


@lru_cache(maxsize=64)
def _read_body(storage, name):
    with storage.open(name, "rb") as handle:
        document = handle.read()
    match = BODY.search(document)
    return (match.group(1) if match else document).decode("utf-8")
