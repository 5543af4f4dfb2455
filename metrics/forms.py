from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from .services import CellInput

FIELD_PREFIXES = {"raw": "v", "note": "n", "qualifier": "q", "explanation": "x", "rank_out_of": "r"}


def field_name(part, key):
    return f"{FIELD_PREFIXES[part]}-{key[0]}-{key[1]}"


def cells_from_post(data, keys):
    """Read every cell of a posted return; absent boxes read as empty, nothing is dropped."""
    return {key: CellInput(**{part: data.get(field_name(part, key), "") for part in FIELD_PREFIXES}) for key in keys}


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="The agency sees this beside its return.",
    )

    def __init__(self, *args, submit_label="Confirm", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("confirm", submit_label))
