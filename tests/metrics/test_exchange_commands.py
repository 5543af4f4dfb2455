"""`manage.py export_figures` and `import_figures`: the administrator's route, all rows or none."""

import io

import pytest
from django.core.management import CommandError, call_command
from django_scopes import scopes_disabled

from metrics import tabular
from metrics.models import Comparator, MetricValue
from partners.models import AuditEvent

from .test_exchange_tabular import HEADER, copy_of_catalogue, fill_and_approve, snapshot


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def counts():
    with scopes_disabled():
        return MetricValue.objects.count(), Comparator.objects.count(), AuditEvent.objects.count()


def test_export_writes_every_figure_and_comparator_to_the_file(world, tmp_path):
    fill_and_approve(world)
    path = tmp_path / "figures.csv"
    out, _ = run("export_figures", "hsscp", "--format", "csv", "--output", str(path))
    assert out.strip() == f"Wrote 11 figures and 3 comparators of HSSCP to {path}."
    assert path.read_bytes().decode("utf-8-sig").startswith(HEADER + ",approved\r\n")
    assert len(tabular.read_upload(path.read_bytes(), "csv")) == 11 + 3  # one explanation spans two lines


def test_export_writes_an_excel_workbook_and_can_take_a_slice(world, tmp_path):
    fill_and_approve(world)
    path = tmp_path / "rate.xlsx"
    run("export_figures", "hsscp", "--format", "xlsx", "--output", str(path), "--metric", "re-referral-rate")
    rows = tabular.read_upload(path.read_bytes(), "xlsx").dict
    assert {row["metric_code"] for row in rows} == {"re-referral-rate"}
    assert len(rows) == 3 + 3


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_round_trip_through_the_commands_changes_nothing(world, tmp_path, fmt):
    fill_and_approve(world)
    path = tmp_path / f"figures.{fmt}"
    run("export_figures", "hsscp", "--format", fmt, "--output", str(path))
    before, audit_before = snapshot(world.partnership), counts()
    out, err = run("import_figures", "hsscp", str(path))
    assert out.strip() == (f"Imported {path} into HSSCP: 11 figures and 3 comparators; 0 new or changed, 14 unchanged.")
    assert err == ""
    assert snapshot(world.partnership) == before
    assert counts() == audit_before  # not even an audit event


def test_a_csv_export_of_all_hsscp_figures_imported_into_an_empty_copy_reproduces_identical_values(world, tmp_path):
    fill_and_approve(world)
    copy = copy_of_catalogue(world)
    path, again = tmp_path / "hsscp.csv", tmp_path / "copy.csv"
    run("export_figures", "hsscp", "--format", "csv", "--output", str(path))
    out, _ = run("import_figures", "hsscp-copy", str(path))
    assert "14 new or changed" in out
    assert snapshot(copy) == snapshot(world.partnership)
    run("export_figures", "hsscp-copy", "--format", "csv", "--output", str(again))
    assert again.read_bytes() == path.read_bytes()


def test_import_rejects_the_whole_file_and_lists_each_rejected_row(world, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(
        "\n".join(
            [
                HEADER,
                "referrals,,E06000001,,2024-25,100,,,,",
                "re-referral-rate,,E06000001,,2024-25,101,,,,",
                "referrals,,E06000004,,2024-25,ten,,,,",
                "re-referrals,,E06000001,,2024-25,120,,,,",
            ]
        )
    )
    before = counts()
    with pytest.raises(CommandError, match=f"3 rows of 4 rejected: nothing was imported from {path}."):
        err = io.StringIO()
        call_command("import_figures", "hsscp", str(path), stdout=io.StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert lines[0] == "row 3: A percentage must be between 0 and 100."
    assert lines[1].startswith('row 4: "ten" is not a number.')
    assert lines[2] == "row 5: This cannot be more than “Referrals” for the same area and year (100)."
    assert counts() == before


def test_import_dry_run_checks_the_file_and_writes_nothing(world, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(HEADER + "\nreferrals,,E06000001,,2024-25,100,,,,\nre-referral-rate,,E92000001,,2024-25,21,DfE,,,")
    out, _ = run("import_figures", "hsscp", str(path), "--dry-run")
    assert "1 figure and 1 comparator would be imported (dry run: nothing was)" in out
    assert counts()[:2] == (0, 0)


def test_imported_figures_arrive_approved(world, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(HEADER + "\nreferrals,,E06000001,,2024-25,100,,,,")
    run("import_figures", "hsscp", str(path))
    with scopes_disabled():
        value = MetricValue.objects.get()
    assert value.is_approved and value.value == 100
    with scopes_disabled():
        event = AuditEvent.objects.get(action="metrics.figures.imported")
    assert (event.via, event.actor) == ("command", None)


def test_an_unknown_partnership_slug_is_a_clear_error(world, tmp_path):
    with pytest.raises(CommandError, match='No partnership has the slug "nope". Known slugs: hsscp, stscp.'):
        run("export_figures", "nope", "--output", str(tmp_path / "x.csv"))
    with pytest.raises(CommandError, match='No partnership has the slug "nope"'):
        run("import_figures", "nope", str(tmp_path / "x.csv"))


def test_an_unreadable_or_missing_file_is_a_clear_error(world, tmp_path):
    with pytest.raises(CommandError, match="Could not read"):
        run("import_figures", "hsscp", str(tmp_path / "missing.csv"))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(CommandError, match="could not be read as an Excel workbook"):
        run("import_figures", "hsscp", str(broken))


def test_a_figure_of_one_partnership_never_lands_in_another(world, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(HEADER + "\nreferrals,,E06000001,,2024-25,100,,,,")
    with pytest.raises(CommandError, match="1 row of 1 rejected"):
        run("import_figures", "stscp", str(path))
    assert counts()[0] == 0
