"""What the donation box and the urgent banner templates show, prepared in Python (no logic in templates)."""

from dataclasses import dataclass, field
from datetime import UTC
from decimal import Decimal

from .donation import cost_after_tax_reduction, format_euros
from .models import DonationSettings, Frequency, UrgentBanner

MONTHLY_SUFFIX = "/mois"


@dataclass
class Choice:
    id: str
    value: str
    label: str
    checked: bool


@dataclass
class FrequencyChoice(Choice):
    presets: list[Choice] = field(default_factory=list)


@dataclass
class DonationBox:
    prefix: str
    heading: str
    frequencies: list[FrequencyChoice]
    free_amount: str
    result: str
    error: str
    note: str
    button_label: str
    data: dict[str, str]
    first_on_page: bool


def next_prefix(request) -> tuple[str, bool]:
    """'don', then 'don-2', 'don-3'… so that a page showing the box twice never repeats an id."""
    count = getattr(request, "_donation_box_count", 0) + 1 if request is not None else 1
    if request is not None:
        request._donation_box_count = count
    return ("don" if count == 1 else f"don-{count}"), count == 1


def result_sentence(settings: DonationSettings, amount: Decimal, frequency: str) -> str:
    cost = cost_after_tax_reduction(amount, settings.rate, settings.cap(frequency))
    suffix = MONTHLY_SUFFIX if frequency == Frequency.REGULAR else ""
    return f"{settings.sentence_text()} {format_euros(cost)}{suffix}"


def build_box(
    settings: DonationSettings,
    request=None,
    *,
    frequency: str | None = None,
    amount: str | None = None,
    free_amount: str = "",
    error: str = "",
) -> DonationBox:
    """The box's content; by default the preselected frequency and amount, or what a visitor submitted."""
    prefix, first = next_prefix(request)
    frequency = frequency if frequency in Frequency.values else settings.default_frequency
    frequencies = []
    for value, label in Frequency.choices:
        presets = settings.presets(value)
        selected = settings.preselected(value)
        if value == frequency and amount is not None and not free_amount:
            selected = int(amount) if str(amount).isdigit() else selected
        frequencies.append(
            FrequencyChoice(
                id=f"{prefix}-{value}",
                value=value,
                label=label,
                checked=value == frequency,
                presets=[
                    Choice(
                        id=f"{prefix}-{value}-{preset}",
                        value=str(preset),
                        label=format_euros(Decimal(preset)).replace(",00", ""),
                        checked=preset == selected and not (free_amount and value == frequency),
                    )
                    for preset in presets
                ],
            )
        )
    shown_amount = Decimal(settings.preselected(frequency))
    if amount is not None and str(amount).isdigit():
        shown_amount = Decimal(amount)
    cap_regular, cap_once = settings.cap(Frequency.REGULAR), settings.cap(Frequency.ONCE)
    return DonationBox(
        prefix=prefix,
        heading=settings.heading,
        frequencies=frequencies,
        free_amount=free_amount,
        result=error or result_sentence(settings, shown_amount, frequency),
        error=error,
        note=settings.note,
        button_label=settings.button_label,
        data={
            "rate": str(settings.rate),
            "cap-regular": "" if cap_regular is None else str(cap_regular),
            "cap-once": "" if cap_once is None else str(cap_once),
            "maximum": str(settings.max_free_amount),
            "sentence": settings.sentence_text(),
            "suffix-regular": MONTHLY_SUFFIX,
        },
        first_on_page=first,
    )


def iso_utc(moment) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat() if moment else ""


@dataclass
class BannerView:
    id: int
    label: str
    message: str
    url: str
    link_text: str
    start: str
    end: str
    shown: bool


def banner_views(current: UrgentBanner | None, following: UrgentBanner | None) -> list[BannerView]:
    """The banner showing now (visible) and the one due next (hidden until banner.js sees its start)."""
    views = []
    for banner, shown in [(current, True), (following, False)]:
        if banner is None:
            continue
        views.append(
            BannerView(
                id=banner.pk,
                label=banner.label,
                message=banner.message,
                url=banner.url,
                link_text=banner.link_text,
                start=iso_utc(banner.start),
                end=iso_utc(banner.end),
                shown=shown,
            )
        )
    return views
