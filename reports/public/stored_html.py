"""The public report page: the stored, published HTML document with the public site's notes added.

The document is what was signed off and published (its sha256 is recorded and it downloads
unchanged); the page is never re-rendered from live data. Two additions go in around it: the
public page's meta tags (Open Graph, canonical, robots, the public stylesheet) before `</head>`,
and the publication bar (version, downloads, sha256, superseded note) after the report's
masthead, or at the top of the body when it has none. Artefacts never change, so each worker
keeps the split documents it has read (bounded).
"""

import re
from functools import lru_cache

BODY_OPEN = re.compile(r"<body[^>]*>", re.IGNORECASE)


def compose(storage, name, *, head, bar) -> str:
    before_head_end, after_head, rest = _parts(storage, name)
    return before_head_end + head + after_head + bar + rest


@lru_cache(maxsize=64)
def _parts(storage, name):
    with storage.open(name, "rb") as handle:
        document = handle.read().decode("utf-8")
    head_end = document.find("</head>")
    if head_end < 0:
        head_end = 0
    masthead_end = document.find("</header>", head_end)
    if masthead_end >= 0:
        insert_at = masthead_end + len("</header>")
    else:
        body = BODY_OPEN.search(document, head_end)
        insert_at = body.end() if body else head_end
    return document[:head_end], document[head_end:insert_at], document[insert_at:]
