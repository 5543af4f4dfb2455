"""The block registry: every kind of content a report section holds.

A block is stored in a section's body as `{"type": name, "id": <uuid4>, "value": {…}}`. Each
block type is a small contract (after Wagtail's StreamField blocks):

- `name`, `label`, `template = "reports/blocks/<name>.html"` (one template per type, shared by
  the editor preview, web HTML and print HTML; templates run no queries);
- `form_class`: the editor's form; `initial(value)` fills it, `value_from(cleaned_data)` stores it;
- `references(value)`: the figure references it needs, and `series(value, year)` the chart series,
  so the document builder reads every figure of a report in a fixed number of queries;
- `context(value, figures)`: the plain template context from the stored value and the resolved
  figures (a `FigureResolver`, see `reports/selectors.py`);
- `text(value)`: plain text lines for revision diffs.

Forms validate what editors type; `normalise(value)` (run by every save) checks the stored shape
and cleans rich text, whatever wrote it (editor, demo loader, "start from last year").
"""

import uuid
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe

from partners.widgets import PlainSelect, PlainSelectMultiple
from partners.years import InvalidReportingYear, ReportingYear

from .figure_refs import PERIODS, FigureRef, InvalidReference, refs_in_html, replace_refs_in_html
from .sanitize import clean_html, text_of_html

RAG = {"red": "Red: off track", "amber": "Amber: at risk", "green": "Green: on track", "complete": "Complete"}
COMPARISONS = {"": "No comparison", "last_year": "Last year", "england": "England", "target": "A target"}
CHART_KINDS = {"trend": "Trend over years", "areas": "Areas compared this year", "england": "Against England"}
MAX_IMAGE_BYTES = 5 * 1024 * 1024


class InvalidBlock(ValueError):
    pass


def new_block_id() -> str:
    return str(uuid.uuid4())


# --- Form pieces -------------------------------------------------------------------------------


class FigureRefWidget(forms.MultiWidget):
    """Metric, area, period and fixed year: four labelled controls for one reference."""

    def __init__(self, metric_choices=(), area_choices=(), attrs=None):
        widgets = [
            PlainSelect(choices=metric_choices, attrs={"aria-label": "Figure"}),
            PlainSelect(choices=area_choices, attrs={"aria-label": "Area"}),
            PlainSelect(choices=list(PERIODS.items()), attrs={"aria-label": "Period"}),
            forms.TextInput(attrs={"aria-label": "Fixed year, e.g. 2023-24", "size": 8, "placeholder": "2023-24"}),
        ]
        super().__init__(widgets, attrs)

    def render(self, name, value, attrs=None, renderer=None):
        """The four controls side by side, without a template per control and per <option>."""
        context = self.get_context(name, value, attrs)["widget"]
        controls = "".join(
            str(widget.render(sub["name"], sub["value"], sub["attrs"]))
            for widget, sub in zip(self.widgets, context["subwidgets"], strict=True)
        )
        return mark_safe(f'<span class="figure-ref-widget">{controls}</span>')

    def decompress(self, value):
        if not value:
            return ["", "", "this", ""]
        return [value.get("metric") or "", value.get("area") or "", value.get("period") or "this", value.get("year")]


class FigureRefField(forms.MultiValueField):
    def __init__(self, *, metric_choices=(), area_choices=(), **kwargs):
        fields = [forms.CharField(required=False) for _ in range(4)]
        kwargs.setdefault("required", False)
        super().__init__(
            fields,
            widget=FigureRefWidget(metric_choices, area_choices),
            require_all_fields=False,
            **kwargs,
        )
        self.metric_ids = {str(k) for k, _ in metric_choices if k}
        self.area_ids = {str(k) for k, _ in area_choices if k}

    def compress(self, data_list):
        metric, area, period, year = (list(data_list) + ["", "", "", ""])[:4]
        if not metric:
            return None
        if self.metric_ids and str(metric) not in self.metric_ids:
            raise ValidationError("Choose a figure from the list.")
        if area and self.area_ids and str(area) not in self.area_ids:
            raise ValidationError("Choose an area from the list.")
        if period == "fixed" and not year:
            raise ValidationError('Give the fixed year, e.g. "2023-24".')
        try:
            if period == "fixed":
                year = str(ReportingYear.parse(year))
            ref = FigureRef.from_json({"metric": metric, "area": area, "period": period, "year": year})
        except (InvalidReference, InvalidReportingYear) as error:
            raise ValidationError(str(error)) from error
        return ref.to_json()


def _rows_field(label, columns, help_extra=""):
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"One row per line; separate the columns ({', '.join(columns)}) with a vertical bar |. {help_extra}",
    )


def split_rows(text, width=None):
    rows = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("|")]
        if width is not None:
            cells = (cells + [""] * width)[:width] if len(cells) <= width else cells
        rows.append(cells)
    return rows


def join_rows(rows):
    return "\n".join(" | ".join(cells) for cells in rows or [])


class BlockForm(forms.Form):
    """Base form: knows the partnership's metrics and areas for figure pickers."""

    def __init__(self, *args, metric_choices=(), area_choices=(), **kwargs):
        self.metric_choices = [("", "— choose a figure —"), *metric_choices]
        self.area_choices = [("", "Whole partnership"), *area_choices]
        self.metric_ids = {str(k) for k, _ in self.metric_choices if k}
        self.area_ids = {str(k) for k, _ in self.area_choices if k}
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            self.prepare(field)

    def prepare(self, field):
        """Point figure pickers at this partnership's metrics and areas; style every control."""
        if isinstance(field, FigureRefField):
            metric, area = field.widget.widgets[:2]
            metric.choices, area.choices = self.metric_choices, self.area_choices
            field.metric_ids, field.area_ids = self.metric_ids, self.area_ids
        elif isinstance(field, forms.MultipleChoiceField) and getattr(field, "choices_from", "") == "metrics":
            field.choices = [c for c in self.metric_choices if c[0]]
        elif isinstance(field, forms.MultipleChoiceField) and getattr(field, "choices_from", "") == "areas":
            field.choices = [c for c in self.area_choices if c[0]]
        style_widget(field.widget)


def style_widget(widget):
    """Bootstrap's classes on every control (the block templates do not style forms)."""
    for sub in getattr(widget, "widgets", [widget]):
        if isinstance(sub, forms.CheckboxInput | forms.CheckboxSelectMultiple):
            sub.attrs.setdefault("class", "form-check-input")
        elif isinstance(sub, forms.Select | forms.SelectMultiple):
            sub.attrs.setdefault("class", "form-select")
        else:
            sub.attrs.setdefault("class", "form-control")


def _metric_multi(label, help_text=""):
    field = forms.TypedMultipleChoiceField(
        label=label, coerce=int, required=True, help_text=help_text, widget=PlainSelectMultiple
    )
    field.choices_from = "metrics"
    return field


def _area_multi(label, help_text=""):
    field = forms.TypedMultipleChoiceField(
        label=label, coerce=int, required=False, help_text=help_text, widget=PlainSelectMultiple
    )
    field.choices_from = "areas"
    return field


# --- Resolved figures in templates ------------------------------------------------------------


@dataclass(frozen=True)
class Tile:
    parts: list  # [(ResolvedFigure, words)]
    comparison: str  # sentence, e.g. "Last year: 1,100 (up 9%)"


# --- Block types -------------------------------------------------------------------------------


class BlockType:
    name = ""
    label = ""
    description = ""
    form_class = BlockForm
    states_figures = False  # its context resolves figure references (a missing one blocks approval)

    @property
    def template(self):
        return f"reports/blocks/{self.name}.html"

    def initial(self, value):
        return dict(value)

    def value_from(self, cleaned):
        return dict(cleaned)

    def normalise(self, value):
        if not isinstance(value, dict):
            raise InvalidBlock(f"A {self.label} block's value must be an object.")
        for key in self.text_fields():
            if key in value and not isinstance(value[key], str):
                raise InvalidBlock(f"{self.label}: {key} must be text.")
        return value

    def text_fields(self):
        return [name for name, field in self.form_class.base_fields.items() if isinstance(field, forms.CharField)]

    def references(self, value) -> list[FigureRef]:
        return []

    def series(self, value, report_year) -> list:
        """[(metric_id, [years])] the block's charts need."""
        return []

    def context(self, value, figures) -> dict:
        return {"value": value}

    def text(self, value) -> list[tuple[str, str]]:
        fields = self.form_class.base_fields
        return [(fields[k].label or k, str(value.get(k, ""))) for k in self.text_fields() if value.get(k)]


# Rich text ------------------------------------------------------------------------------------


class RichTextForm(BlockForm):
    html = forms.CharField(
        label="Text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "data-rich-text": "1"}),
        help_text="Headings, lists, links and live figures. Use the figure picker to insert a figure.",
    )

    def clean_html(self):
        return clean_html(self.cleaned_data["html"])


class RichTextBlock(BlockType):
    name = "rich_text"
    label = "Rich text"
    description = "Paragraphs, headings, lists and links, with live figures in the text."
    states_figures = True
    form_class = RichTextForm

    def normalise(self, value):
        value = super().normalise(value)
        return {"html": clean_html(value.get("html", ""))}

    def references(self, value):
        return refs_in_html(value.get("html", ""))

    def context(self, value, figures):
        html = clean_html(value.get("html", ""))  # again at render: stored data is never trusted
        return {"html": replace_refs_in_html(html, figures.inline_text)}

    def text(self, value):
        html = replace_refs_in_html(value.get("html", ""), lambda ref: ("[figure]", False))
        return [("Text", text_of_html(html))]


def replace_refs_for_diff(html, figures):
    return text_of_html(replace_refs_in_html(html, figures.inline_text))


# Key-figure tiles -----------------------------------------------------------------------------

TILES, PARTS = 3, 3


class KeyFiguresForm(BlockForm):
    heading = forms.CharField(label="Heading", required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for t in range(1, TILES + 1):
            for p in range(1, PARTS + 1):
                self.fields[f"t{t}_figure{p}"] = FigureRefField(label=f"Tile {t}, figure {p}")
                self.fields[f"t{t}_words{p}"] = forms.CharField(
                    label=f"Tile {t}, words after figure {p}", required=False, max_length=200
                )
            self.fields[f"t{t}_compare"] = forms.ChoiceField(
                label=f"Tile {t}, compare with",
                choices=list(COMPARISONS.items()),
                required=False,
                widget=PlainSelect,
            )
            self.fields[f"t{t}_target"] = forms.DecimalField(label=f"Tile {t}, target", required=False)
        for name, field in self.fields.items():
            if name != "heading":
                self.prepare(field)

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"t{t}_figure1") for t in range(1, TILES + 1)):
            raise ValidationError("Give at least one tile a first figure.")
        for t in range(1, TILES + 1):
            if cleaned.get(f"t{t}_compare") == "target" and cleaned.get(f"t{t}_target") is None:
                self.add_error(f"t{t}_target", "Give the target to compare with.")
            if any(cleaned.get(f"t{t}_figure{p}") for p in (2, 3)) and not cleaned.get(f"t{t}_figure1"):
                self.add_error(f"t{t}_figure1", "Start the tile with its first figure.")
        return cleaned


class KeyFiguresBlock(BlockType):
    name = "key_figures"
    label = "Key-figure tiles"
    description = "One to three tiles, each one to three figures joined by your words."
    states_figures = True
    form_class = KeyFiguresForm

    def initial(self, value):
        data = {"heading": value.get("heading", "")}
        for t, tile in enumerate(value.get("tiles", [])[:TILES], start=1):
            for p, part in enumerate(tile.get("parts", [])[:PARTS], start=1):
                data[f"t{t}_figure{p}"] = part.get("figure")
                data[f"t{t}_words{p}"] = part.get("words", "")
            data[f"t{t}_compare"] = tile.get("compare", "")
            data[f"t{t}_target"] = tile.get("target")
        return data

    def value_from(self, cleaned):
        tiles = []
        for t in range(1, TILES + 1):
            parts = [
                {"figure": cleaned[f"t{t}_figure{p}"], "words": cleaned.get(f"t{t}_words{p}", "")}
                for p in range(1, PARTS + 1)
                if cleaned.get(f"t{t}_figure{p}")
            ]
            if parts:
                target = cleaned.get(f"t{t}_target")
                tiles.append(
                    {
                        "parts": parts,
                        "compare": cleaned.get(f"t{t}_compare") or "",
                        "target": str(target) if target is not None else None,
                    }
                )
        return {"heading": cleaned.get("heading", ""), "tiles": tiles}

    def normalise(self, value):
        if not isinstance(value, dict) or not isinstance(value.get("tiles", []), list):
            raise InvalidBlock("Key-figure tiles need a list of tiles.")
        for tile in value.get("tiles", []):
            for part in tile.get("parts", []):
                FigureRef.from_json(part.get("figure"))
                if not isinstance(part.get("words", ""), str):
                    raise InvalidBlock("Tile words must be text.")
        return value

    def text_fields(self):
        return ["heading"]

    def references(self, value):
        refs = [FigureRef.from_json(p.get("figure")) for t in value.get("tiles", []) for p in t.get("parts", [])]
        return [r for r in refs if r]

    def context(self, value, figures):
        tiles = []
        for tile in value.get("tiles", []):
            parts = [(figures.resolve(FigureRef.from_json(p["figure"])), p.get("words", "")) for p in tile["parts"]]
            first = parts[0][0] if parts else None
            tiles.append(Tile(parts, figures.comparison(first, tile.get("compare", ""), tile.get("target"))))
        return {"heading": value.get("heading", ""), "tiles": tiles}

    def text(self, value):
        return [("Heading", value.get("heading", ""))] if value.get("heading") else []


# Chart ---------------------------------------------------------------------------------------


class ChartForm(BlockForm):
    title = forms.CharField(label="Title", max_length=200)
    kind = forms.ChoiceField(label="Kind of chart", choices=list(CHART_KINDS.items()), widget=PlainSelect)
    metrics = _metric_multi("Figures", "One or more; a trend draws each in its own chart.")
    areas = _area_multi("Areas", "None chosen: every area.")
    years = forms.IntegerField(label="Years shown", min_value=1, max_value=10, initial=5)
    alt = forms.CharField(
        label="Text alternative",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Left empty, it is written from the data (and kept up to date with it).",
    )


class ChartBlock(BlockType):
    name = "chart"
    label = "Chart"
    description = "A trend, an area comparison or a comparison with England, with its text alternative."
    form_class = ChartForm

    def normalise(self, value):
        value = super().normalise(value)
        if value.get("kind") not in CHART_KINDS:
            raise InvalidBlock("Unknown chart kind.")
        if not value.get("metrics"):
            raise InvalidBlock("A chart needs at least one figure.")
        value["metrics"] = [int(m) for m in value["metrics"]]
        value["areas"] = [int(a) for a in value.get("areas") or []]
        value["years"] = int(value.get("years") or 5)
        return value

    def _years(self, value, report_year):
        last = ReportingYear.parse(report_year)
        count = 1 if value.get("kind") == "areas" else int(value.get("years") or 5)
        years = [last]
        for _ in range(count - 1):
            years.insert(0, years[0].previous())
        return years

    def series(self, value, report_year):
        years = self._years(value, report_year)
        return [(metric_id, years) for metric_id in value.get("metrics", [])]

    def context(self, value, figures):
        charts = figures.charts(value, self._years(value, figures.report_year))
        generated = " ".join(chart.description for chart in charts)
        return {
            "title": value.get("title", ""),
            "charts": charts,
            "alt": value.get("alt") or generated,
            "generated_alt": generated,
        }


# Tables ----------------------------------------------------------------------------------------


class FreeTableForm(BlockForm):
    caption = forms.CharField(label="Caption", max_length=300)
    header = forms.CharField(label="Column headings", help_text="Separate with a vertical bar |.", max_length=1000)
    rows = _rows_field("Rows", ["as the headings"])

    def clean(self):
        cleaned = super().clean()
        width = len(split_rows(cleaned.get("header", ""))[0]) if cleaned.get("header") else 0
        for number, row in enumerate(split_rows(cleaned.get("rows", "")), start=1):
            if len(row) > width:
                self.add_error("rows", f"Row {number} has {len(row)} cells; the table has {width} columns.")
        return cleaned


class FreeTableBlock(BlockType):
    name = "free_table"
    label = "Table"
    description = "A table you type: caption, headings and rows."
    form_class = FreeTableForm

    def initial(self, value):
        return {
            "caption": value.get("caption", ""),
            "header": " | ".join(value.get("header", [])),
            "rows": join_rows(value.get("rows")),
        }

    def value_from(self, cleaned):
        header = split_rows(cleaned["header"])[0] if cleaned.get("header") else []
        return {"caption": cleaned["caption"], "header": header, "rows": split_rows(cleaned.get("rows"), len(header))}

    def normalise(self, value):
        if not isinstance(value.get("header", []), list) or not isinstance(value.get("rows", []), list):
            raise InvalidBlock("A table needs a list of headings and a list of rows.")
        return value

    def context(self, value, figures):
        return {"caption": value.get("caption", ""), "header": value.get("header", []), "rows": value.get("rows", [])}

    def text(self, value):
        return [("Caption", value.get("caption", "")), ("Rows", join_rows([value.get("header", [])] + value["rows"]))]


class FundingTableForm(BlockForm):
    caption = forms.CharField(label="Caption", max_length=300, initial="How the partnership is funded")
    period = forms.ChoiceField(
        label="Year", choices=[("this", "This year"), ("last", "Last year")], initial="this", widget=PlainSelect
    )
    show_expenditure = forms.BooleanField(label="Show expenditure and reserves", required=False, initial=True)


class FundingTableBlock(BlockType):
    name = "funding_table"
    label = "Funding table"
    description = "Contributions, income, expenditure and reserves from the partnership's funding data."
    form_class = FundingTableForm

    def context(self, value, figures):
        year = figures.report_year if value.get("period", "this") == "this" else figures.report_year.previous()
        return {
            "caption": value.get("caption", ""),
            "funding": figures.funding(year),
            "year": year,
            "show_expenditure": value.get("show_expenditure", True),
        }


class PeopleTableForm(BlockForm):
    caption = forms.CharField(label="Caption", max_length=300, initial="Who leads the partnership")
    show = forms.ChoiceField(
        label="Show",
        choices=[("posts", "People and their posts"), ("groups", "Governance groups"), ("both", "Both")],
        initial="both",
        widget=PlainSelect,
    )


class PeopleTableBlock(BlockType):
    name = "people_table"
    label = "People and governance table"
    description = "Posts held this year and the governance groups, from the partnership's records."
    form_class = PeopleTableForm

    def context(self, value, figures):
        show = value.get("show", "both")
        return {
            "caption": value.get("caption", ""),
            "posts": figures.posts() if show in ("posts", "both") else [],
            "groups": figures.groups() if show in ("groups", "both") else [],
        }


class FiguresTableForm(BlockForm):
    caption = forms.CharField(label="Caption", max_length=300)
    metrics = _metric_multi("Figures (rows)")
    areas = _area_multi("Areas (columns)", "None chosen: every area.")
    years = forms.IntegerField(label="Years (columns)", min_value=1, max_value=5, initial=2)


class FiguresTableBlock(BlockType):
    name = "figures_table"
    label = "Figures table"
    description = "Figures as rows, areas and years as columns, with the change and its direction in words."
    states_figures = True
    form_class = FiguresTableForm

    def normalise(self, value):
        value = super().normalise(value)
        value["metrics"] = [int(m) for m in value.get("metrics") or []]
        value["areas"] = [int(a) for a in value.get("areas") or []]
        value["years"] = int(value.get("years") or 2)
        return value

    def series(self, value, report_year):
        years = [ReportingYear.parse(report_year)]
        for _ in range(int(value.get("years") or 2) - 1):
            years.insert(0, years[0].previous())
        return [(metric_id, years) for metric_id in value.get("metrics", [])]

    def context(self, value, figures):
        years = self.series(value, figures.report_year)[0][1] if value.get("metrics") else []
        return {"caption": value.get("caption", ""), "table": figures.table(value, years)}


class ActionPlanForm(BlockForm):
    caption = forms.CharField(label="Caption", max_length=300, initial="Business plan")
    rows = _rows_field(
        "Actions",
        ["phase", "what", "how", "who", "when", "progress", "RAG"],
        "RAG is red, amber, green or complete.",
    )

    def clean_rows(self):
        rows = split_rows(self.cleaned_data["rows"], 7)
        for number, row in enumerate(rows, start=1):
            if len(row) > 7:
                raise ValidationError(f"Row {number} has {len(row)} columns; an action has 7.")
            if row[6].lower() not in RAG:
                raise ValidationError(f"Row {number}: the RAG status must be red, amber, green or complete.")
        return self.cleaned_data["rows"]


ACTION_KEYS = ["phase", "what", "how", "who", "when", "progress", "rag"]


class ActionPlanBlock(BlockType):
    name = "action_plan"
    label = "Action plan"
    description = "Phase, what, how, who, when and progress, with a RAG status in words and colour."
    form_class = ActionPlanForm

    def initial(self, value):
        rows = [[row.get(k, "") for k in ACTION_KEYS] for row in value.get("rows", [])]
        return {"caption": value.get("caption", ""), "rows": join_rows(rows)}

    def value_from(self, cleaned):
        rows = [dict(zip(ACTION_KEYS, row, strict=True)) for row in split_rows(cleaned.get("rows"), 7)]
        for row in rows:
            row["rag"] = row["rag"].lower()
        return {"caption": cleaned["caption"], "rows": rows}

    def normalise(self, value):
        for row in value.get("rows", []):
            if row.get("rag") not in RAG:
                raise InvalidBlock("Each action needs a RAG status: red, amber, green or complete.")
        return value

    def context(self, value, figures):
        rows = [{**row, "rag_label": RAG[row["rag"]]} for row in value.get("rows", [])]
        return {"caption": value.get("caption", ""), "rows": rows}

    def text(self, value):
        rows = [[row.get(k, "") for k in ACTION_KEYS] for row in value.get("rows", [])]
        return [("Caption", value.get("caption", "")), ("Actions", join_rows(rows))]


# Narrative blocks ----------------------------------------------------------------------------


def _long(label, required=True, rows=4, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


class QuoteForm(BlockForm):
    text = _long("Quote")
    role = forms.CharField(label="Speaker's role", max_length=200, help_text='e.g. "Social worker, Hartlepool".')
    name = forms.CharField(label="Speaker's name (optional)", max_length=200, required=False)


class QuoteBlock(BlockType):
    name = "quote"
    label = "Quote"
    description = "Words of a practitioner, a child or a parent, with the speaker's role."
    form_class = QuoteForm


class PriorityForm(BlockForm):
    priority = forms.CharField(label="Priority", max_length=300)
    what_we_did = _long("What we did", rows=5)
    impact = _long("Impact and evidence of impact", rows=5)
    next_steps = _long("What next", rows=3)


class PriorityBlock(BlockType):
    name = "priority_report"
    label = "Priority report"
    description = "One priority: what we did, its impact and the evidence, and what comes next."
    form_class = PriorityForm


class CaseReviewForm(BlockForm):
    title = forms.CharField(label="Review", max_length=200, help_text='Children only by letter, e.g. "Child Q".')
    context = _long("Context")
    themes = _long("Learning themes", help_text="One theme per line.")
    changes = _long("What changed as a result")


class CaseReviewBlock(BlockType):
    name = "case_review"
    label = "Case review summary"
    description = "A rapid review or practice review: context, learning themes and what changed."
    form_class = CaseReviewForm

    def context(self, value, figures):
        themes = [line.strip() for line in value.get("themes", "").splitlines() if line.strip()]
        return {"value": value, "themes": themes}


class LearningEventForm(BlockForm):
    what = forms.CharField(label="What", max_length=300)
    when = forms.CharField(label="When", max_length=100, help_text='As printed, e.g. "March 2025".')
    attendance = forms.CharField(label="Attendance", max_length=200, required=False, help_text='e.g. "112 people".')
    description = _long("About the event", required=False)
    evaluation1 = FigureRefField(label="Evaluation figure 1")
    evaluation1_words = forms.CharField(label="Words after evaluation figure 1", max_length=200, required=False)
    evaluation2 = FigureRefField(label="Evaluation figure 2")
    evaluation2_words = forms.CharField(label="Words after evaluation figure 2", max_length=200, required=False)
    quotes = _rows_field("Participants' quotes", ["quote", "role"])


class LearningEventBlock(BlockType):
    name = "learning_event"
    label = "Learning event"
    description = "A learning event: what, when, attendance, evaluation figures and participants' quotes."
    states_figures = True
    form_class = LearningEventForm

    def initial(self, value):
        data = {k: value.get(k, "") for k in ("what", "when", "attendance", "description")}
        for i, item in enumerate(value.get("evaluation", [])[:2], start=1):
            data[f"evaluation{i}"] = item.get("figure")
            data[f"evaluation{i}_words"] = item.get("words", "")
        data["quotes"] = join_rows([[q.get("text", ""), q.get("role", "")] for q in value.get("quotes", [])])
        return data

    def value_from(self, cleaned):
        evaluation = [
            {"figure": cleaned[f"evaluation{i}"], "words": cleaned.get(f"evaluation{i}_words", "")}
            for i in (1, 2)
            if cleaned.get(f"evaluation{i}")
        ]
        quotes = [{"text": row[0], "role": row[1]} for row in split_rows(cleaned.get("quotes"), 2)]
        return {
            **{k: cleaned.get(k, "") for k in ("what", "when", "attendance", "description")},
            "evaluation": evaluation,
            "quotes": quotes,
        }

    def text_fields(self):
        return ["what", "when", "attendance", "description"]

    def references(self, value):
        return [r for r in (FigureRef.from_json(e.get("figure")) for e in value.get("evaluation", [])) if r]

    def context(self, value, figures):
        evaluation = [
            (figures.resolve(FigureRef.from_json(e["figure"])), e.get("words", "")) for e in value["evaluation"]
        ]
        return {"value": value, "evaluation": evaluation, "quotes": value.get("quotes", [])}

    def text(self, value):
        lines = super().text(value)
        lines += [("Quote", f"{q.get('text', '')} ({q.get('role', '')})") for q in value.get("quotes", [])]
        return lines


class StatementForm(BlockForm):
    heading = forms.CharField(label="Heading", max_length=200, help_text='e.g. "Independent scrutineer\'s statement".')
    text = _long("Statement", rows=8)
    signatory = forms.CharField(label="Signed by", max_length=200)
    post = forms.CharField(label="Post", max_length=200)
    date = forms.DateField(label="Date", help_text="e.g. 2025-09-30")

    def clean_date(self):
        return self.cleaned_data["date"].isoformat()


class StatementBlock(BlockType):
    name = "statement"
    label = "Statement"
    description = "A signed statement, e.g. the independent scrutineer's assurance."
    form_class = StatementForm


class ImageForm(BlockForm):
    image = forms.FileField(label="Image file", required=False, help_text="PNG or JPEG, at most 5 MB.")
    alt = forms.CharField(
        label="Text alternative", max_length=500, help_text="What the image shows, for those who cannot see it."
    )
    caption = forms.CharField(label="Caption", max_length=300, required=False)

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload is None:
            return None
        if upload.size > MAX_IMAGE_BYTES:
            raise ValidationError("The image is larger than 5 MB; make it smaller and try again.")
        head = upload.read(8)
        upload.seek(0)
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            upload.image_type = "png"
        elif head.startswith(b"\xff\xd8\xff"):
            upload.image_type = "jpg"
        else:
            raise ValidationError("Only PNG and JPEG images can be used (this file is neither).")
        return upload


class ImageBlock(BlockType):
    name = "image"
    label = "Image"
    description = "A PNG or JPEG image with its text alternative."
    form_class = ImageForm

    def text_fields(self):
        return ["alt", "caption"]

    def initial(self, value):
        return {"alt": value.get("alt", ""), "caption": value.get("caption", "")}

    def value_from(self, cleaned):
        # The stored file name is set by the service that saves the upload.
        return {"alt": cleaned["alt"], "caption": cleaned.get("caption", ""), "upload": cleaned.get("image")}

    def context(self, value, figures):
        return {"value": value, "url": figures.media_url(value.get("file", ""))}


class PageBreakForm(BlockForm):
    pass


class PageBreakBlock(BlockType):
    name = "page_break"
    label = "Page break (print)"
    description = "Starts a new page in the printed report; the web page ignores it."
    form_class = PageBreakForm


REGISTRY = {
    block.name: block
    for block in (
        RichTextBlock(),
        KeyFiguresBlock(),
        ChartBlock(),
        FreeTableBlock(),
        FundingTableBlock(),
        PeopleTableBlock(),
        FiguresTableBlock(),
        ActionPlanBlock(),
        QuoteBlock(),
        PriorityBlock(),
        CaseReviewBlock(),
        LearningEventBlock(),
        StatementBlock(),
        ImageBlock(),
        PageBreakBlock(),
    )
}


def block_type(name) -> BlockType:
    try:
        return REGISTRY[name]
    except KeyError:
        raise InvalidBlock(f"Unknown block type {name!r}.") from None


def normalise_body(body) -> list:
    """The stored shape of a section body: typed blocks with ids, values checked and cleaned."""
    if not isinstance(body, list):
        raise InvalidBlock("A section body is a list of blocks.")
    seen, result = set(), []
    for block in body:
        if not isinstance(block, dict):
            raise InvalidBlock("Each block is an object with a type, an id and a value.")
        kind = block_type(block.get("type"))
        block_id = block.get("id") or new_block_id()
        try:
            block_id = str(uuid.UUID(str(block_id)))
        except ValueError:
            raise InvalidBlock(f"Block id {block_id!r} is not a UUID.") from None
        if block_id in seen:
            raise InvalidBlock("Two blocks share one id.")
        seen.add(block_id)
        try:
            value = kind.normalise(dict(block.get("value") or {}))
        except InvalidReference as error:
            raise InvalidBlock(str(error)) from error
        result.append({"type": kind.name, "id": block_id, "value": value})
    return result


def references_in_body(body) -> list[FigureRef]:
    return [ref for block in body for ref in block_type(block["type"]).references(block["value"])]
