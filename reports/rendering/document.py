"""The plain render context: everything the report templates show, with no model behind it.

Built once per render by `context.build_document` (a fixed number of queries); the templates only
read attributes of these objects, so rendering runs no queries and the same document always
gives the same HTML.
"""

from dataclasses import dataclass, field


@dataclass
class RenderChart:
    key: str  # stable: the block's id
    number: int  # "Figure 3", counted through the report
    title: str
    kind: str
    spec: dict  # interactive (web)
    print_spec: dict  # exported to SVG for the PDF
    alt: str  # the editor's, or generated from the data
    header: list  # the data table: header row
    rows: list  # [[row header, cell, …]]
    source: str = ""
    print_height: int = 400
    svg_uri: str = ""  # filled by the pipeline for print; empty when the exporter was unavailable

    @property
    def id(self):
        return self.key

    @property
    def description(self):
        return self.alt


@dataclass
class RenderSignoff:
    name: str
    post: str
    date: object
    statement: str = ""


def contrast_text(hex_colour: str) -> str:
    """Black or white, whichever has the higher WCAG contrast on the given colour."""
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    try:
        channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    except ValueError:
        return "#ffffff"
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "#ffffff"


@dataclass
class RenderDocument:
    title: str
    subtitle: str
    year: str
    partnership_name: str
    partnership_slug: str
    brand_colour: str
    logo_url: str  # "/media/…" or ""
    logo_alt: str
    subject: str
    language: str
    is_draft: bool
    state_label: str
    created: str  # ISO dates from the report's own data, so output is deterministic
    modified: str
    sections: list = field(default_factory=list)
    charts: list = field(default_factory=list)
    tables: int = 0
    signoffs: list = field(default_factory=list)
    is_preview: bool = False  # some sections only: no cover, contents or sign-off

    @property
    def full_title(self):
        """ "Annual report 2024-25": the title, with the year unless the title already has it."""
        return self.title if self.year in self.title else f"{self.title} {self.year}"

    @property
    def period(self):
        start = int(self.year[:4])
        return f"April {start} to March {start + 1}"

    @property
    def draft_note(self):
        if not self.is_draft:
            return ""
        state = "" if self.state_label.lower() == "draft" else f" ({self.state_label.lower()})"
        return f"Draft{state}: not for publication"

    @property
    def on_brand_colour(self):
        return contrast_text(self.brand_colour)
