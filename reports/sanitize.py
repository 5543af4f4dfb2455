"""Rich text is cleaned on the server with nh3 to one allow-list, on every save and every render.

The editor offers exactly these elements; anything else a browser or a paste brings (scripts,
event handlers, style, javascript: or data: links, SVG) is dropped.
"""

import re

import nh3

TAGS = {"p", "br", "strong", "em", "u", "s", "sub", "sup", "ul", "ol", "li", "h3", "h4", "blockquote", "a", "span"}
ATTRIBUTES = {"a": {"href", "title"}, "span": {"data-figure"}}
URL_SCHEMES = {"http", "https", "mailto"}
FIGURE_ATTRIBUTE = re.compile(r"^\d+\|\d*\|(this|last|fixed)\|(\d{4}-\d{2})?$")


def _attribute_filter(tag, attribute, value):
    if tag == "span" and attribute == "data-figure":
        return value if FIGURE_ATTRIBUTE.match(value) else None
    return value


_cleaner = nh3.Cleaner(
    tags=TAGS,
    attributes=ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
    attribute_filter=_attribute_filter,
    strip_comments=True,
)


def clean_html(html: str) -> str:
    """Allowed markup only; an editor's empty paragraph counts as empty."""
    cleaned = _cleaner.clean(html or "").strip()
    return "" if re.fullmatch(r"(<p>\s*(<br>)?\s*</p>\s*)*", cleaned) else cleaned


def text_of_html(html: str) -> str:
    """Plain text for diffs and search: tags gone, entities kept as text."""
    return nh3.clean(html or "", tags=set()).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
