from django import forms

from partners.fields import ReportingYearFormField
from partners.widgets import PlainCheckboxSelectMultiple, PlainSelect

from .blocks import style_widget
from .models import Section, SectionState


class StyledForm(forms.Form):
    """Bootstrap classes on every control, like the block forms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            style_widget(field.widget)


class NewReportForm(StyledForm):
    year = ReportingYearFormField(label="Reporting year")
    title = forms.CharField(label="Title", max_length=300, initial="Annual report")
    subtitle = forms.CharField(label="Subtitle", max_length=300, required=False)


class NewSectionForm(StyledForm):
    title = forms.CharField(label="Title", max_length=300)
    number_label = forms.CharField(
        label="Number label", max_length=20, required=False, help_text='As printed, e.g. "3" or "3.2"; optional.'
    )
    parent = forms.ModelChoiceField(
        label="Place", queryset=Section.objects.none(), required=False, empty_label="Top level", widget=PlainSelect
    )

    def __init__(self, *args, report, top_level=None, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.fields["parent"]
        parent.queryset = Section.objects.filter(report=report, parent__isnull=True).defer("body")
        parent.label_from_instance = lambda s: f"Under {s.heading}"
        if top_level is not None:  # the page has read them already: no query while it renders
            parent.widget.choices = [("", parent.empty_label), *((s.pk, f"Under {s.heading}") for s in top_level)]


class SectionDetailsForm(StyledForm):
    title = forms.CharField(label="Title", max_length=300)
    number_label = forms.CharField(label="Number label", max_length=20, required=False)
    owner = forms.TypedChoiceField(label="Owner", required=False, coerce=int, empty_value=None, widget=PlainSelect)
    state = forms.ChoiceField(label="State", choices=SectionState.choices, widget=PlainSelect)
    requirements = forms.TypedMultipleChoiceField(
        label="Statutory requirements this section meets",
        required=False,
        coerce=int,
        widget=PlainCheckboxSelectMultiple,
    )

    def __init__(self, *args, owners=(), requirements=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "Nobody yet"), *owners]
        self.fields["requirements"].choices = [(r.pk, f"{r.title} ({r.paragraph})") for r in requirements]


class CommentForm(StyledForm):
    text = forms.CharField(label="Comment", max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReasonForm(StyledForm):
    reason = forms.CharField(label="Why it goes back", max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class SignOffForm(StyledForm):
    name = forms.CharField(label="Name", max_length=200)
    post = forms.CharField(label="Post", max_length=200, help_text='e.g. "Chief Constable, Cleveland Police".')
    signed_on = forms.DateField(
        label="Date", help_text="For example 2025-09-30.", widget=forms.DateInput(attrs={"type": "date"})
    )
    statement = forms.CharField(
        label="Statement (optional, printed in the report)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, missing=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.missing = list(missing)
        for requirement in self.missing:
            self.fields[f"ack_{requirement.code}"] = forms.CharField(
                label=f"Acknowledge: {requirement.title} ({requirement.paragraph})",
                max_length=1000,
                help_text="Why the report goes ahead without it.",
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
            )

    def acknowledgements(self):
        return {r.code: self.cleaned_data.get(f"ack_{r.code}", "") for r in self.missing}
