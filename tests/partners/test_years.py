import datetime as dt

import pytest

from partners.years import InvalidReportingYear, ReportingYear, year_range


@pytest.mark.parametrize("text", ["2024-25", "2024/25", "2024-2025", " 2024 - 25 ", "2024–25"])
def test_it_reads_the_usual_spellings_of_a_year(text):
    assert ReportingYear.parse(text) == ReportingYear(2024)
    assert str(ReportingYear.parse(text)) == "2024-25"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2024-26", 'write "2024-25"'),
        ("2024", "is not a reporting year"),
        ("24-25", "is not a reporting year"),
        ("twenty-four", "is not a reporting year"),
        ("", "Enter a reporting year"),
        ("1999-00", "between 2000 and 2099"),
        ("2100-01", "between 2000 and 2099"),
        ("2024-25-26", "is not a reporting year"),
    ],
)
def test_it_refuses_what_is_not_a_year_with_a_message_a_person_understands(text, fragment):
    with pytest.raises(InvalidReportingYear) as error:
        ReportingYear.parse(text)
    assert fragment in str(error.value)


def test_the_year_that_crosses_a_century_is_written_with_two_digits():
    assert str(ReportingYear(2099)) == "2099-00"
    assert ReportingYear.parse("2099-00") == ReportingYear(2099)
    assert ReportingYear.parse("2099-2100") == ReportingYear(2099)


def test_it_runs_from_april_to_march():
    year = ReportingYear(2024)
    assert year.starts_on == dt.date(2024, 4, 1)
    assert year.ends_on == dt.date(2025, 3, 31)
    assert year.label == "April 2024 to March 2025"


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2025, 3, 31), "2024-25"), (dt.date(2025, 4, 1), "2025-26"), (dt.date(2026, 1, 15), "2025-26")],
)
def test_a_date_belongs_to_the_year_that_contains_it(day, expected):
    assert str(ReportingYear.containing(day)) == expected


def test_years_order_and_step():
    assert ReportingYear(2021) < ReportingYear(2024)
    assert sorted([ReportingYear(2024), ReportingYear(2021)]) == [ReportingYear(2021), ReportingYear(2024)]
    assert str(ReportingYear(2024).previous()) == "2023-24"
    assert str(ReportingYear(2024).next()) == "2025-26"
    assert [str(y) for y in year_range(ReportingYear(2021), ReportingYear(2024))] == [
        "2021-22",
        "2022-23",
        "2023-24",
        "2024-25",
    ]


def test_the_model_field_stores_and_returns_a_year(world):
    from django_scopes import scopes_disabled

    from partners.models import AgencyMembership

    with scopes_disabled():
        membership = AgencyMembership.objects.create(
            partnership=world.partnership, agency=world.police, year="2023-24", role="lead"
        )
        membership.refresh_from_db()
        assert membership.year == ReportingYear(2023)
        assert AgencyMembership.objects.filter(year=ReportingYear(2023)).count() == 1
        assert AgencyMembership.objects.filter(year__gte="2023-24").count() == 1


def test_the_form_field_shows_the_error_at_the_field():
    from partners.fields import ReportingYearFormField

    field = ReportingYearFormField()
    with pytest.raises(Exception) as error:
        field.clean("2024-26")
    assert 'write "2024-25"' in str(error.value)
    assert field.clean("2024/25") == ReportingYear(2024)
