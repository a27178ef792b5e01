"""The donation calculator: what a gift really costs after the French tax reduction.

One pure function computes it with `Decimal`, rounding half-up to the cent; a second one formats an
amount the French way ("1 234,56 €"). `website/static/js/donation.js` is their JavaScript twin: both
are tested against the same table (campaigns/donation_cases.json), so they always agree.

The reduction is rounded, then subtracted: reduction = round(amount × rate / 100), capped when a cap
applies (the IFI reduction is capped at 50 000 €), and cost = amount − reduction.
"""

import re
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
THOUSANDS_SEPARATOR = "\u202f"  # narrow no-break space
CURRENCY_SEPARATOR = "\u00a0"  # no-break space before "€"

INCOME_TAX_RATE = Decimal(66)
IFI_RATE = Decimal(75)
IFI_CAP = Decimal(50_000)
AMOUNT_PATTERN = re.compile(r"[0-9]+(\.[0-9]*)?|\.[0-9]+")


def cost_after_tax_reduction(amount: Decimal, rate: Decimal, cap: Decimal | None = None) -> Decimal:
    """What a gift of `amount` euros costs once `rate` % of it comes back as a tax reduction.

    The reduction is rounded half-up to the cent and limited to `cap` euros when a cap is given.
    """
    amount = Decimal(amount)
    rate = Decimal(rate)
    if amount < 0:
        raise ValueError("amount must not be negative")
    if not 0 <= rate <= 100:
        raise ValueError("rate must be a percentage between 0 and 100")
    reduction = (amount * rate / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    if cap is not None:
        reduction = min(reduction, Decimal(cap))
    return (amount - reduction).quantize(CENT, rounding=ROUND_HALF_UP)


def format_euros(amount: Decimal) -> str:
    """'1 234,56 €': two decimals, comma, narrow no-break spaces between thousands, no-break space before €."""
    amount = Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    units, cents = f"{abs(amount):.2f}".split(".")
    groups = []
    while len(units) > 3:
        groups.insert(0, units[-3:])
        units = units[:-3]
    groups.insert(0, units)
    return f"{sign}{THOUSANDS_SEPARATOR.join(groups)},{cents}{CURRENCY_SEPARATOR}€"


def format_rate(rate: Decimal) -> str:
    """'66 %' with a narrow no-break space, as French typography wants."""
    rate = Decimal(rate)
    text = f"{rate.normalize():f}".replace(".", ",")
    return f"{text}{THOUSANDS_SEPARATOR}%"


def parse_amount(text: str | None, maximum: Decimal) -> tuple[Decimal | None, str]:
    """A visitor's free amount ("12", "12,50", "1 200") as Decimal, or None with a French message."""
    raw = re.sub(r"\s", "", text or "").replace(",", ".")
    if not raw:
        return None, "Indiquez un montant en euros."
    if raw.startswith("-") and AMOUNT_PATTERN.fullmatch(raw[1:]):
        return None, "Le montant doit être supérieur à zéro."
    if not AMOUNT_PATTERN.fullmatch(raw):
        return None, "Saisissez un montant en chiffres, par exemple 20 ou 12,50."
    if "." in raw and len(raw.split(".")[1]) > 2:
        return None, "Le montant ne peut pas avoir plus de deux décimales."
    amount = Decimal(raw)
    if amount <= 0:
        return None, "Le montant doit être supérieur à zéro."
    if amount > maximum:
        return None, f"Le montant libre ne peut pas dépasser {format_euros(maximum)}."
    return amount.quantize(CENT), ""
