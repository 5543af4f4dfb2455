"""Acceptance: "A CSV export of all HSSCP figures imported into an empty copy reproduces identical values."

The business unit's editor downloads the export from the browser with every choice left as it
is; an administrator loads that file into an empty copy of HSSCP with `import_figures`. Both
partnerships then hold the same figures and comparators, and the copy exports the same file.

Besides the demo's figures (all approved, some with notes), HSSCP gets what a real export
carries and the demo lacks: the police's 2025-26 draft (not approved; an N/K, a note that looks
like a spreadsheet formula, a qualifier, a multi-line explanation), an approved rank "12 of 152"
and a comparator with its source.
"""

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from metrics import services
from metrics.models import Comparator, Metric, MetricValue, Return
from partners.models import Area, Partnership
from partners.years import ReportingYear

from .helpers import log_in, partnership_nav, save_download

pytestmark = pytest.mark.e2e

HSSCP = "Hartlepool and Stockton-on-Tees Safeguarding Children Partnership"
COPY_SLUG = "hsscp-copy"
METRIC_FIELDS = (
    "code",
    "name",
    "definition",
    "unit",
    "decimals",
    "polarity",
    "level",
    "group",
    "agency",
    "minimum",
    "maximum",
    "suppress_small",
    "retired_in",
    "position",
)


# --- HSSCP as a real export finds it -------------------------------------------------------


def police_keep_a_draft_of_their_2025_26_return(partner):
    with scopes_disabled():
        ret = Return.objects.select_related("round", "partnership").get(
            partnership__slug="hsscp", agency__name="Cleveland Police", round__year=ReportingYear(2025)
        )
        metrics = {m.code: m for m in ret.metrics.all()}
        areas = {a.name: a.pk for a in ret.areas.all()}
        key = services.cell_key
        cells = {
            key(metrics["missing_episodes"].pk, areas["Hartlepool"]): services.CellInput(
                raw="840", note="-19 on the quarterly report", qualifier="Q1-Q3 only"
            ),
            key(metrics["cse_risk"].pk, areas["Stockton-on-Tees"]): services.CellInput(
                raw="N/K", note="=not recorded after the system change"
            ),
            key(metrics["da_incidents_children_present_pct"].pk, areas["Hartlepool"]): services.CellInput(
                raw="37.5", explanation='First year collected, "provisional";\nconfirmed in the annual report.'
            ),
        }
        checks = services.save_return(ret, cells, by=partner, via="form")
    assert not any(check.errors for check in checks.values()), checks


def hsscp_has_an_approved_rank_and_a_sourced_comparator(hsscp, editor):
    with scopes_disabled():
        rank = Metric(
            partnership=hsscp,
            code="ofsted_rank",
            name="Ofsted rank of children's services",
            unit="rank",
            level="partnership",
            group="review",
            position=530,
        )
        rank.full_clean()
        rank.save()
        row = services.ImportRow(
            line=1,
            metric=rank,
            area_id=None,
            geography=None,
            year=ReportingYear(2024),
            cell=services.CellInput(raw="12", rank_out_of="152"),
        )
        services.import_figures(hsscp, [row], by=None, via="command")
        services.set_comparator(
            metric=Metric.objects.get(partnership=hsscp, code="re_referrals_pct"),
            year=ReportingYear(2024),
            geography="E92000001",
            value=Decimal("21.5"),
            source='DfE "Children in need 2024-25", table C1',
            by=editor,
        )


# --- The browser: the editor downloads the export ----------------------------------------


def editor_opens_the_export_from_the_partnership_navigation(page: Page):
    page.get_by_role("link", name="Check agencies' returns", exact=True).click()
    partnership_nav(page).get_by_role("link", name="Export", exact=True).click()
    expect(page.get_by_role("heading", name="Export figures")).to_be_visible()
    expect(partnership_nav(page).get_by_role("link", name="Export", exact=True)).to_have_attribute(
        "aria-current", "page"
    )


def everything_is_chosen_and_csv_is_the_format(page: Page):
    expect(page.get_by_label("CSV", exact=True)).to_be_checked()
    expect(page.get_by_label("Approved figures only")).not_to_be_checked()
    for name in ("Years", "Areas", "Metrics"):
        group = page.get_by_role("group", name=name, exact=True)
        boxes = group.get_by_role("checkbox")
        unchosen = group.locator("input[type=checkbox]:not(:checked)").count()
        assert (boxes.count(), unchosen) != (0, 0) and unchosen == 0, (
            f"{name}: {unchosen} of {boxes.count()} not ticked"
        )


def editor_downloads_the_csv(page: Page, folder: Path) -> Path:
    path = save_download(page, page.get_by_role("button", name="Download"), folder)
    assert path.name == "hsscp-figures-2021-22-to-2025-26.csv"
    return path


# --- The administrator: an empty copy, the import, the comparison ---------------------------


def an_empty_copy_of_hsscp(hsscp) -> Partnership:
    """A new partnership with HSSCP's areas and metric catalogue, and no figures or comparators."""
    with scopes_disabled():
        copy = Partnership(name=f"{HSSCP} (copy)", short_name="HSSCP copy", slug=COPY_SLUG)
        copy.full_clean()
        copy.save()
        for area in Area.objects.filter(partnership=hsscp):
            Area.objects.create(partnership=copy, name=area.name, ons_code=area.ons_code)
        copied = {}
        originals = list(Metric.objects.filter(partnership=hsscp))
        for metric in originals:
            copied[metric.pk] = Metric.objects.create(
                partnership=copy, **{name: getattr(metric, name) for name in METRIC_FIELDS}
            )
        for metric in originals:
            if metric.part_of_id:
                part = copied[metric.pk]
                part.part_of = copied[metric.part_of_id]
                part.save(update_fields=["part_of"])
        assert not MetricValue.objects.filter(partnership=copy).exists()
        assert not Comparator.objects.filter(partnership=copy).exists()
    return copy


def figures_of(partnership):
    """Every figure and comparator, keyed by codes (not ids) so two partnerships compare."""
    with scopes_disabled():
        values = {
            (v.metric.code, v.area.ons_code if v.area else None, str(v.year)): (
                v.value,
                v.status,
                v.note,
                v.qualifier,
                v.rank_out_of,
                v.explanation,
                v.is_approved,
            )
            for v in MetricValue.objects.filter(partnership=partnership).select_related("metric", "area")
        }
        comparators = {
            (c.metric.code, c.geography, str(c.year)): (c.value, c.source)
            for c in Comparator.objects.filter(partnership=partnership).select_related("metric")
        }
        part_of = {
            m.code: m.part_of.code if m.part_of else None
            for m in Metric.objects.filter(partnership=partnership).select_related("part_of")
        }
    return values, comparators, part_of


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


def test_a_csv_export_of_all_hsscp_figures_imported_into_an_empty_copy_reproduces_identical_values(
    page: Page, demo, tmp_path
):
    hsscp = Partnership.objects.get(slug="hsscp")
    police_keep_a_draft_of_their_2025_26_return(demo["partner"])
    hsscp_has_an_approved_rank_and_a_sourced_comparator(hsscp, demo["editor"])
    values, comparators, catalogue = figures_of(hsscp)
    assert {approved for *_, approved in values.values()} == {True, False}  # drafts and approved figures
    assert any(status == "not_known" for _, status, *_ in values.values())
    assert comparators

    log_in(page, "editor")
    editor_opens_the_export_from_the_partnership_navigation(page)
    everything_is_chosen_and_csv_is_the_format(page)
    downloaded = editor_downloads_the_csv(page, tmp_path)

    copy = an_empty_copy_of_hsscp(hsscp)
    out = run("import_figures", COPY_SLUG, str(downloaded))
    assert out == (
        f"Imported {downloaded} into HSSCP copy: {len(values)} figures and {len(comparators)} comparators; "
        f"{len(values) + len(comparators)} new or changed, 0 unchanged."
    )

    copy_values, copy_comparators, copy_catalogue = figures_of(copy)
    assert copy_catalogue == catalogue
    assert copy_values.keys() == values.keys()
    different = {key: (values[key], copy_values[key]) for key in values if copy_values[key] != values[key]}
    assert not different, f"figures that differ (HSSCP, copy): {different}"
    assert copy_comparators == comparators
    # The awkward ones, by name, so a silent change in both cannot pass unnoticed.
    assert copy_values[("missing_episodes", "E06000001", "2025-26")] == (
        Decimal("840"),
        "reported",
        "-19 on the quarterly report",
        "Q1-Q3 only",
        None,
        "",
        False,
    )
    assert copy_values[("cse_risk", "E06000004", "2025-26")][:3] == (
        None,
        "not_known",
        "=not recorded after the system change",
    )
    assert copy_values[("da_incidents_children_present_pct", "E06000001", "2025-26")][5] == (
        'First year collected, "provisional";\nconfirmed in the annual report.'
    )
    assert copy_values[("ofsted_rank", None, "2024-25")][4] == 152
    assert copy_comparators[("re_referrals_pct", "E92000001", "2024-25")] == (
        Decimal("21.5"),
        'DfE "Children in need 2024-25", table C1',
    )

    again = tmp_path / "copy.csv"
    out = run("export_figures", COPY_SLUG, "--format", "csv", "--output", str(again))
    assert re.fullmatch(rf"Wrote {len(values)} figures and {len(comparators)} comparators of HSSCP copy to .*", out)
    assert again.read_bytes() == downloaded.read_bytes()
