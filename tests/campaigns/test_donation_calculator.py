"""The calculator's arithmetic and French formatting, against the table its JavaScript twin also reads."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from campaigns.donation import cost_after_tax_reduction, format_euros, format_rate, parse_amount

CASES = json.loads((Path(__file__).parents[2] / "campaigns" / "donation_cases.json").read_text())


def optional_decimal(value):
    return None if value is None else Decimal(value)


@pytest.mark.parametrize("case", CASES["costs"], ids=[case["label"] for case in CASES["costs"]])
def test_cost_after_tax_reduction_matches_the_table(case):
    cost = cost_after_tax_reduction(Decimal(case["amount"]), Decimal(case["rate"]), optional_decimal(case["cap"]))
    assert cost == Decimal(case["cost"])
    assert str(cost) == case["cost"], "always two decimals"
    assert format_euros(cost) == case["formatted"]


@pytest.mark.parametrize("case", CASES["parse"], ids=[repr(case["input"]) for case in CASES["parse"]])
def test_free_amount_parsing_matches_the_table(case):
    amount, error = parse_amount(case["input"], Decimal(case["maximum"]))
    assert (None if amount is None else str(amount)) == case["amount"]
    assert error == case["error"]


def test_the_table_covers_every_preset_at_both_rates_and_the_ifi_cap():
    covered = {(case["amount"], case["rate"]) for case in CASES["costs"]}
    for amount in ["8", "10", "15", "80", "100", "250"]:
        assert (amount, "66") in covered and (amount, "75") in covered, amount
    capped = [case for case in CASES["costs"] if case["cap"] and Decimal(case["amount"]) * 75 / 100 > 50000]
    assert capped, "at least one case goes over the IFI cap"


def test_the_current_sites_bug_is_fixed_fifteen_euros_a_month_costs_five_euros_ten():
    assert format_euros(cost_after_tax_reduction(Decimal(15), Decimal(66))) == "5,10\u00a0€"
    assert format_euros(cost_after_tax_reduction(Decimal(100), Decimal(66))) == "34,00\u00a0€"


def test_french_formatting_uses_narrow_no_break_spaces_between_thousands():
    assert format_euros(Decimal("1234.56")) == "1\u202f234,56\u00a0€"
    assert format_euros(Decimal("1234567")) == "1\u202f234\u202f567,00\u00a0€"
    assert format_euros(Decimal("999")) == "999,00\u00a0€"
    assert format_euros(Decimal("0.005")) == "0,01\u00a0€", "half-up to the cent"
    assert format_rate(Decimal(66)) == "66\u202f%"
    assert format_rate(Decimal("66.5")) == "66,5\u202f%"


def test_the_reduction_is_rounded_half_up_not_to_even():
    # 0,25 × 66 % = 0,165: half-up gives 0,17 of reduction (banker's rounding would give 0,16).
    assert cost_after_tax_reduction(Decimal("0.25"), Decimal(66)) == Decimal("0.08")
    # 0,75 × 66 % = 0,495 -> 0,50 of reduction.
    assert cost_after_tax_reduction(Decimal("0.75"), Decimal(66)) == Decimal("0.25")


def test_invalid_inputs_to_the_function_are_refused():
    with pytest.raises(ValueError):
        cost_after_tax_reduction(Decimal(-1), Decimal(66))
    with pytest.raises(ValueError):
        cost_after_tax_reduction(Decimal(10), Decimal(120))
