"""A return's template and import (upload → preview → confirm), and the business unit's export."""

import io
import re

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from metrics import services, tabular
from metrics.models import MetricValue, ReturnStatus
from partners.models import AuditEvent
from tests.conftest import login

from .test_exchange_tabular import HEADER, fill_and_approve


def template_url(world, fmt="csv", ret=None):
    return reverse("metrics:return_template", args=["hsscp", (ret or world.police_return).pk, fmt])


def import_url(world, ret=None):
    return reverse("metrics:return_import", args=["hsscp", (ret or world.police_return).pk])


def export_url():
    return reverse("metrics:export", args=["hsscp"])


def upload(client, world, content, name="figures.csv", ret=None):
    if isinstance(content, str):
        content = content.encode()
    return client.post(import_url(world, ret), {"file": SimpleUploadedFile(name, content)})


def payload_of(response):
    match = re.search(r'name="payload" value="([^"]+)"', response.content.decode())
    assert match, "the preview offers no confirmation"
    return match.group(1)


def stored(world):
    with scopes_disabled():
        return sorted(
            (v.metric.code, v.area_id or 0, str(v.year), v.value, v.status, v.note)
            for v in MetricValue.objects.filter(partnership=world.partnership).select_related("metric")
        )


GOOD_FILE = "\n".join(
    [
        HEADER,
        "referrals,Referrals,E06000001,Hartlepool,2025-26,120,as at 31 March,,,",
        "referrals,Referrals,E06000004,Stockton-on-Tees,2025-26,N/K,,,,",
        "training-sessions,Training sessions,,,2025-26,14,,,,",
    ]
)


# --- Who may use them ---------------------------------------------------------------------


@pytest.mark.parametrize("url", [template_url, import_url, lambda world: export_url()])
def test_anonymous_visitors_are_sent_to_log_in(client, world, url):
    response = client.get(url(world))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("url", [template_url, import_url, lambda world: export_url()])
def test_a_user_of_another_partnership_gets_not_found(client, world, url):
    login(client, world.outsider)
    assert client.get(url(world)).status_code == 404


def test_another_partnerships_submitter_for_the_same_agency_gets_not_found(client, world):
    login(client, world.outsider_submitter)
    assert client.get(template_url(world)).status_code == 404
    assert upload(client, world, GOOD_FILE).status_code == 404
    assert stored(world) == []


def test_another_agencys_submitter_gets_not_found_for_the_template_and_the_import(client, world):
    login(client, world.council_submitter)
    assert client.get(template_url(world)).status_code == 404
    assert client.get(import_url(world)).status_code == 404
    assert upload(client, world, GOOD_FILE).status_code == 404
    assert stored(world) == []


def test_a_submitter_cannot_export_the_partnerships_figures(client, world):
    login(client, world.submitter)
    assert client.get(export_url()).status_code == 403
    assert client.get(export_url(), {"format": "csv"}).status_code == 403


def test_the_business_unit_can_check_a_file_against_a_return_but_not_import_it(client, world):
    login(client, world.editor)
    assert client.get(template_url(world)).status_code == 200
    assert client.get(import_url(world)).status_code == 200
    preview = upload(client, world, GOOD_FILE)
    assert preview.status_code == 200
    assert "Only Cleveland Police's submitters can import it" in preview.content.decode()
    assert 'name="payload"' not in preview.content.decode()
    data = {"file": "x.csv", "rows": []}
    forged = signing.dumps(data, salt=f"metrics.return_import:{world.police_return.pk}:{world.editor.pk}")
    assert client.post(import_url(world), {"payload": forged}).status_code == 403
    assert stored(world) == []


def test_an_approved_return_cannot_be_imported_into(client, world):
    fill_and_approve(world)
    before = stored(world)
    login(client, world.submitter)
    response = upload(client, world, GOOD_FILE.replace(",120,", ",121,"))
    assert response.status_code == 302
    assert response.url == world.police_return.get_absolute_url()
    assert stored(world) == before
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["This return is approved, so its figures cannot be changed: ask an approver to re-open it."]


def test_a_preview_made_before_approval_cannot_be_confirmed_after_it(client, world):
    login(client, world.submitter)
    payload = payload_of(upload(client, world, GOOD_FILE))
    fill_and_approve(world)
    before = stored(world)
    response = client.post(import_url(world), {"payload": payload})
    assert response.status_code == 302
    assert stored(world) == before


# --- The template -------------------------------------------------------------------------


def test_the_template_lists_every_cell_of_the_return_with_what_is_saved(client, world):
    with scopes_disabled():
        services.save_return(
            world.police_return,
            {(world.metrics["referrals"].pk, world.areas[0].pk): services.CellInput(raw="120", note="provisional")},
            by=world.submitter,
        )
    login(client, world.submitter)
    response = client.get(template_url(world))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="hsscp-cleveland-police-2025-26.csv"'
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == HEADER
    assert len(lines) == 1 + 3 * 2 + 1  # three per-area metrics in two areas, one whole-partnership metric
    assert "referrals,Referrals,E06000001,Hartlepool,2025-26,120,provisional,,,,0" + "," * 10 in lines


def test_the_template_comes_as_an_excel_workbook_too(client, world):
    login(client, world.submitter)
    response = client.get(template_url(world, "xlsx"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="hsscp-cleveland-police-2025-26.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert [cell.value for cell in sheet[1]] == list(tabular.COLUMNS)
    assert sheet.max_row == 8


def test_a_template_in_another_format_is_not_found(client, world):
    login(client, world.submitter)
    assert client.get(template_url(world, "pdf")).status_code == 404


# --- Upload and preview -------------------------------------------------------------------


def test_the_upload_form_has_a_labelled_file_field_for_csv_and_xlsx(client, world):
    login(client, world.submitter)
    response = client.get(import_url(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<label\s+for="id_file"', html)
    assert 'accept=".csv,.xlsx"' in html
    assert 'enctype="multipart/form-data"' in html
    assert template_url(world, "xlsx") in html


def test_a_file_of_the_wrong_kind_gets_a_message_at_the_field(client, world):
    login(client, world.submitter)
    response = upload(client, world, b"%PDF-1.4", name="figures.pdf")
    assert response.status_code == 422
    html = response.content.decode()
    assert "Upload a .csv or .xlsx file, such as the template." in html
    assert re.search(r'<input[^>]*aria-describedby="[^"]*id_file_error', html)
    assert 'id="id_file_error"' in html


def test_a_file_over_two_megabytes_is_refused_at_the_field(client, world):
    login(client, world.submitter)
    response = upload(client, world, HEADER + "\n" + "x" * (2 * 1024 * 1024))
    assert response.status_code == 422
    assert "the limit is 2 MB" in response.content.decode()


def test_a_file_without_the_required_columns_is_refused_at_the_field(client, world):
    login(client, world.submitter)
    response = upload(client, world, "metric,figure\nreferrals,12\n")
    assert response.status_code == 422
    assert "The file has no metric_code, area_code, year, value columns." in response.content.decode()


def test_a_file_with_no_figures_says_so(client, world):
    login(client, world.submitter)
    response = upload(client, world, HEADER + "\nreferrals,,E06000001,,2025-26,,,,,\n")
    assert response.status_code == 422
    assert "There are no figures in this file" in response.content.decode()


def test_the_preview_shows_each_row_with_its_errors_and_nothing_is_saved(client, world):
    login(client, world.submitter)
    bad = GOOD_FILE + "\nre-referral-rate,,E06000001,,2025-26,120,,,,\nreferals,,E06000001,,2025-26,3,,,,"
    response = upload(client, world, bad)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Nothing has been imported: 2 rows of figures.csv need correcting" in html
    assert '<a href="#row-5" class="alert-link">Row 5</a>: A percentage must be between 0 and 100.' in html
    assert "“referals” is not a metric code of HSSCP. Did you mean “referrals”?" in html
    assert 'aria-describedby="row-5-check"' in html and 'id="row-5-check"' in html
    assert 'name="payload"' not in html
    assert stored(world) == []


def test_the_preview_of_a_good_file_counts_new_changed_and_unchanged_figures_and_saves_nothing(client, world):
    login(client, world.submitter)
    response = upload(client, world, GOOD_FILE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing is saved yet." in html
    assert "3 new, 0 changed, 0 unchanged" in html
    assert '<th scope="row"><span class="visually-hidden">Row </span>2</th>' not in html  # no table of good rows
    assert stored(world) == []


def test_a_file_longer_than_the_return_is_refused_without_reading_it_and_the_page_stays_small(client, world):
    login(client, world.submitter)
    row = "referrals,,E06000001,,2025-26,1,,,,"  # 50,000 rows in 1.8 MB, under the 2 MB limit
    response = upload(client, world, "\n".join([HEADER] + [row] * 50_000))
    html = response.content.decode()
    assert response.status_code == 422
    assert "This return asks for" in html and "the file has more rows than that" in html
    assert len(html) < 40_000
    assert stored(world) == []


def test_the_preview_lists_only_the_rows_with_errors_and_a_duplicate_is_one(client, world):
    login(client, world.submitter)
    duplicate = GOOD_FILE + "\nreferrals,Referrals,E06000001,Hartlepool,2025-26,121,,,,"
    html = upload(client, world, duplicate).content.decode()
    assert "Row 2 has the same metric, area and year" in html
    assert '<th scope="row"><span class="visually-hidden">Row </span>5</th>' in html
    assert '<th scope="row"><span class="visually-hidden">Row </span>3</th>' not in html


def test_confirming_the_preview_saves_every_row_as_a_draft_through_the_import(client, world):
    login(client, world.submitter)
    response = client.post(import_url(world), {"payload": payload_of(upload(client, world, GOOD_FILE))})
    assert response.status_code == 302
    assert response.url == world.police_return.get_absolute_url()
    referrals, training = world.metrics["referrals"].pk, world.metrics["training-sessions"].pk
    assert [(code, value, status) for code, _, _, value, status, _ in stored(world)] == [
        ("referrals", 120, "reported"),
        ("referrals", None, "not_known"),
        ("training-sessions", 14, "reported"),
    ]
    with scopes_disabled():
        world.police_return.refresh_from_db()
        assert world.police_return.status == ReturnStatus.DRAFT
        assert AuditEvent.objects.filter(action="metrics.return.saved", via="import").count() == 1
        assert MetricValue.objects.filter(metric_id__in=[referrals, training], approved_at__isnull=True).count() == 3


def test_an_xlsx_file_is_imported_as_well(client, world):
    login(client, world.submitter)
    content = tabular.dataset_bytes(tabular.read_upload(GOOD_FILE.encode(), "csv"), "xlsx")
    preview = upload(client, world, content, name="figures.xlsx")
    assert preview.status_code == 200
    client.post(import_url(world), {"payload": payload_of(preview)})
    assert len(stored(world)) == 3


def test_an_altered_payload_is_refused_and_nothing_is_saved(client, world):
    login(client, world.submitter)
    payload = payload_of(upload(client, world, GOOD_FILE))
    response = client.post(import_url(world), {"payload": payload[:-2] + "xx"})
    assert response.status_code == 400
    assert stored(world) == []


def test_a_payload_signed_for_another_return_is_refused(client, world):
    login(client, world.submitter)
    data = {"file": "x.csv", "rows": []}
    payload = signing.dumps(data, salt=f"metrics.return_import:{world.council_return.pk}:{world.submitter.pk}")
    assert client.post(import_url(world), {"payload": payload}).status_code == 400


def test_rows_outside_the_return_are_errors_at_their_row(client, world):
    login(client, world.council_submitter)
    one_row = "\n".join(GOOD_FILE.split("\n")[:2])
    response = upload(client, world, one_row, ret=world.council_return)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Row 2</a>: “Referrals” is not part of this return: delete this row." in html
    assert stored(world) == []


def test_a_downloaded_template_uploaded_unchanged_changes_nothing(client, world):
    login(client, world.submitter)
    with scopes_disabled():
        services.save_return(
            world.police_return,
            {
                (world.metrics["referrals"].pk, world.areas[0].pk): services.CellInput(raw="120", note="=1+1"),
                (world.metrics["training-sessions"].pk, 0): services.CellInput(raw="N/K", qualifier="Q4"),
            },
            by=world.submitter,
        )
    before = stored(world)
    for fmt in ("csv", "xlsx"):
        template = client.get(template_url(world, fmt)).content
        preview = upload(client, world, template, name=f"template.{fmt}")
        assert "0 new, 0 changed, 2 unchanged" in preview.content.decode()
        assert "5 rows without a figure were left out" in preview.content.decode()
        client.post(import_url(world), {"payload": payload_of(preview)})
        assert stored(world) == before


# --- Export -------------------------------------------------------------------------------


def test_the_export_page_offers_years_areas_metrics_and_formats_all_chosen_to_begin_with(client, world):
    fill_and_approve(world)
    login(client, world.editor)
    response = client.get(export_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert all("<legend" in html and f'name="{name}"' in html for name in ("years", "areas", "metrics"))
    assert re.search(
        r'<input type="checkbox" name="years" value="2025-26" class="form-check-input"[^>]* checked>', html
    )
    assert re.search(r'name="areas" value="E92000001"[^>]* checked>', html)
    assert "England comparator (E92000001)</label>" in html
    # metrics in sections by catalogue group, each with its "select all"
    assert "Select all in other" in html and "Select all in years" in html
    assert 'type="search" id="metric-filter"' in html


def test_the_export_downloads_every_figure_by_default(client, world):
    fill_and_approve(world)
    login(client, world.editor)
    response = client.get(export_url(), {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="hsscp-figures-all-years.csv"'
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == HEADER + ",approved"
    assert len(tabular.read_upload(response.content, "csv")) == 14


def test_the_export_downloads_a_slice_of_years_areas_and_metrics_as_xlsx(client, world):
    fill_and_approve(world)
    login(client, world.approver)
    response = client.get(
        export_url(),
        {"format": "xlsx", "years": ["2025-26"], "areas": ["E06000001", "E92000001"], "metrics": ["re-referral-rate"]},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="hsscp-figures-2025-26.xlsx"'
    rows = tabular.read_upload(response.content, "xlsx").dict
    assert [(r["area_code"], r["value"]) for r in rows] == [("E06000001", "25.5"), ("E92000001", "22.4")]


def test_the_export_can_keep_whole_partnership_figures_without_any_area(client, world):
    fill_and_approve(world)
    login(client, world.editor)
    response = client.get(export_url(), {"format": "csv", "years": ["2025-26"], "areas": ["whole"]})
    rows = tabular.read_upload(response.content, "csv").dict
    assert sorted(r["metric_code"] for r in rows) == ["ofsted-rank", "training-sessions"]


def test_the_export_can_leave_out_figures_not_yet_approved(client, world):
    login(client, world.editor)
    with scopes_disabled():
        services.save_return(
            world.police_return,
            {(world.metrics["referrals"].pk, world.areas[0].pk): services.CellInput(raw="120")},
            by=world.submitter,
        )
    everything = client.get(export_url(), {"format": "csv"})
    approved = client.get(export_url(), {"format": "csv", "approved_only": "on"})
    assert tabular.read_upload(everything.content, "csv").dict[0]["approved"] == "no"
    assert approved.content.decode("utf-8-sig").strip() == HEADER + ",approved"


def test_an_export_choice_that_does_not_exist_is_an_error_at_the_field(client, world):
    login(client, world.editor)
    response = client.get(export_url(), {"format": "csv", "metrics": ["nonsense"]})
    assert response.status_code == 422
    assert "Select a valid choice. nonsense is not one of the available choices." in response.content.decode()


def test_a_confirmed_import_says_how_many_figures_were_new_changed_or_unchanged(client, world):
    referrals = world.metrics["referrals"]
    hartlepool, stockton = world.areas
    with scopes_disabled():
        services.save_return(
            world.police_return,
            {(referrals.pk, hartlepool.pk): services.CellInput(raw="100")},
            by=world.submitter,
        )
    login(client, world.submitter)
    content = "\n".join(
        [
            HEADER,
            "referrals,Referrals,E06000001,Hartlepool,2025-26,100,,,,",
            "referrals,Referrals,E06000004,Stockton-on-Tees,2025-26,250,,,,",
            "training-sessions,Training sessions,,,2025-26,14,,,,",
        ]
    )
    preview = upload(client, world, content, name="police.csv")
    response = client.post(import_url(world), {"payload": payload_of(preview)}, follow=True)
    page = response.content.decode()
    # three rows, counted by what they do to the stored figures (not "Imported 3 figures")
    counts = re.search(r"Imported police.csv: (\d+) new, (\d+) changed, (\d+) unchanged.", page)
    assert counts and int(counts.group(1)) == 2 and int(counts.group(2)) + int(counts.group(3)) == 1


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_template_downloaded_again_after_a_save_holds_the_new_figure(world, fmt):
    client = login(None, world.submitter)
    referrals, area = world.metrics["referrals"], world.areas[0]

    def figures_in_download():
        content = client.get(template_url(world, fmt)).content
        if fmt == "csv":
            return content.decode("utf-8-sig")
        sheet = load_workbook(io.BytesIO(content)).active
        return " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)

    assert "4321" not in figures_in_download()
    with scopes_disabled():
        services.save_return(
            world.police_return, {(referrals.pk, area.pk): services.CellInput(raw="4321")}, by=world.submitter
        )
    assert "4321" in figures_in_download()
