"""The block registry: each type's form refuses bad input at the field; stored bodies are checked."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import get_template

from reports.blocks import REGISTRY, InvalidBlock, normalise_body
from reports.models import Edition

METRICS = [(1, "Referrals"), (2, "Training sessions")]
AREAS = [(10, "Hartlepool")]


def form(kind, data, files=None):
    return REGISTRY[kind].form_class(data, files, metric_choices=METRICS, area_choices=AREAS)


@pytest.mark.parametrize("kind", list(REGISTRY))
def test_every_block_type_has_its_template(kind):
    assert get_template(REGISTRY[kind].template)


def test_an_action_plan_needs_a_rag_status_in_words():
    bad = form("action_plan", {"caption": "Plan", "rows": "1 | Do | How | Who | May | Started | purple"})
    assert not bad.is_valid() and "red, amber, green or complete" in bad.errors["rows"][0]
    good = form("action_plan", {"caption": "Plan", "rows": "1 | Do | How | Who | May | Started | Amber"})
    assert good.is_valid()
    assert REGISTRY["action_plan"].value_from(good.cleaned_data)["rows"][0]["rag"] == "amber"


def test_a_table_row_cannot_have_more_cells_than_headings():
    bad = form("free_table", {"caption": "T", "header": "A | B", "rows": "1 | 2 | 3"})
    assert not bad.is_valid() and "Row 1 has 3 cells; the table has 2 columns." in bad.errors["rows"]


def test_an_image_must_really_be_a_png_or_jpeg():
    fake = SimpleUploadedFile("photo.png", b"<svg onload=alert(1)>", content_type="image/png")
    bad = form("image", {"alt": "A photo"}, {"image": fake})
    assert not bad.is_valid() and "Only PNG and JPEG" in bad.errors["image"][0]
    png = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, content_type="image/png")
    assert form("image", {"alt": "A photo"}, {"image": png}).is_valid()


def test_a_fixed_year_reference_needs_its_year_and_a_listed_metric():
    data = {"what": "Event", "when": "May", "evaluation1_0": "1", "evaluation1_1": "", "evaluation1_2": "fixed"}
    bad = form("learning_event", data)
    assert not bad.is_valid() and "Give the fixed year" in bad.errors["evaluation1"][0]
    unknown = form("learning_event", {**data, "evaluation1_0": "99", "evaluation1_2": "this"})
    assert not unknown.is_valid() and "Choose a figure from the list." in unknown.errors["evaluation1"]


def test_key_figure_tiles_store_metric_identity_and_the_editors_words():
    data = {"heading": "At a glance", "t1_figure1_0": "1", "t1_figure1_1": "10", "t1_figure1_2": "last"}
    data |= {"t1_words1": "referrals", "t1_compare": "last_year"}
    bound = form("key_figures", data)
    assert bound.is_valid(), bound.errors
    value = REGISTRY["key_figures"].value_from(bound.cleaned_data)
    assert value["tiles"][0]["parts"][0] == {
        "figure": {"metric": 1, "area": 10, "period": "last", "year": ""},
        "words": "referrals",
    }
    assert not form("key_figures", {"heading": "Empty"}).is_valid()


def test_stored_bodies_are_checked_whatever_wrote_them():
    block_id = str(uuid.uuid4())
    with pytest.raises(InvalidBlock, match="Unknown block type"):
        normalise_body([{"type": "marquee", "value": {}}])
    with pytest.raises(InvalidBlock, match="share one id"):
        normalise_body([{"type": "page_break", "id": block_id, "value": {}}] * 2)
    with pytest.raises(InvalidBlock, match="not a UUID"):
        normalise_body([{"type": "page_break", "id": "1", "value": {}}])
    body = normalise_body([{"type": "page_break", "value": {}}])
    assert uuid.UUID(body[0]["id"])


@pytest.mark.parametrize(
    "year, edition", [("2019-20", "wt2018"), ("2022-23", "wt2018"), ("2023-24", "wt2023"), ("2025-26", "wt2023")]
)
def test_the_edition_follows_the_year(year, edition):
    assert Edition.for_year(year) == edition
