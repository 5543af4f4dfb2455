from decimal import Decimal

import pytest

from metrics.formatting import direction, format_change, format_value, plain_number


@pytest.mark.parametrize(
    ("value", "kwargs", "shown"),
    [
        (Decimal("1234"), {"unit": "count"}, "1,234"),
        (Decimal("38.04"), {"unit": "percentage", "decimals": 1}, "38.0%"),
        (Decimal("65620"), {"unit": "pounds"}, "£65,620"),
        (Decimal("152"), {"unit": "rank", "rank_out_of": 152}, "152 of 152"),
        (Decimal("512.5"), {"unit": "rate_per_10k", "decimals": 1}, "512.5 per 10,000"),
        (None, {"unit": "count", "not_known": True}, "N/K"),
        (None, {"unit": "count"}, "–"),
    ],
)
def test_figures_are_spelt_as_a_reader_expects(value, kwargs, shown):
    assert format_value(value, **kwargs) == shown


def test_small_numbers_are_suppressed_only_in_public_output_and_only_when_the_metric_says_so():
    assert format_value(Decimal("3"), unit="count", suppress_small=True, public=True) == "fewer than 5"
    assert format_value(Decimal("3"), unit="count", suppress_small=True) == "3"
    assert format_value(Decimal("3"), unit="count", public=True) == "3"
    assert format_value(Decimal("0"), unit="count", suppress_small=True, public=True) == "0"
    assert format_value(Decimal("5"), unit="count", suppress_small=True, public=True) == "5"


def test_change_on_last_year_is_absolute_and_relative():
    assert format_change(Decimal("1500"), Decimal("1000")) == "+500 (+50.0%)"
    assert format_change(Decimal("900"), Decimal("1000")) == "−100 (−10.0%)"
    assert format_change(Decimal("5"), Decimal("0")) == "+5"
    assert format_change(Decimal("5"), None) == ""


def test_direction_follows_the_metrics_polarity():
    assert direction(Decimal("90"), Decimal("100"), "lower_is_better") == "better"
    assert direction(Decimal("90"), Decimal("100"), "higher_is_better") == "worse"
    assert direction(Decimal("90"), Decimal("100"), "neutral") == "down"
    assert direction(Decimal("100"), Decimal("100"), "neutral") == "same"


def test_plain_numbers_round_trip_without_exponents():
    assert plain_number(Decimal("1510.0000")) == "1510"
    assert plain_number(Decimal("12.5000")) == "12.5"
    assert plain_number(Decimal("0.0000")) == "0"
