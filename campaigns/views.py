"""/don/: the donation box's form target, so that "Donner" works without JavaScript.

It validates the visitor's choice and redirects to the donation platform with the amount in cents
and the frequency (`regular` or `once`), as the platform expects; on bad input it shows the box
again with a French message. It never fails with a 500, whatever the query string.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .box import build_box
from .donation import parse_amount
from .models import DonationSettings, Frequency


def platform_url(base: str, amount_cents: int, frequency: str) -> str:
    parts = urlsplit(base)
    query = [(key, value) for key, value in parse_qsl(parts.query) if key not in {"amount", "frequency"}]
    query += [("amount", str(amount_cents)), ("frequency", frequency)]
    return urlunsplit(parts._replace(query=urlencode(query)))


@require_GET
def donate(request):
    settings = DonationSettings.for_request(request)
    frequency = request.GET.get("frequency", "")
    free_amount = request.GET.get("free_amount", "")[:50]
    preset = request.GET.get(f"amount_{frequency}", "")[:20]
    amount, error = None, ""
    if frequency not in Frequency.values:
        error = "Choisissez un don mensuel ou ponctuel."
    elif free_amount.strip():
        amount, error = parse_amount(free_amount, settings.max_free_amount)
    elif preset.isdigit() and int(preset) in settings.presets(frequency):
        amount = int(preset)
    else:
        error = "Choisissez l'un des montants proposés ou indiquez un montant libre."
    if error:
        box = build_box(
            settings,
            request,
            frequency=frequency,
            amount=preset if preset.isdigit() else None,
            free_amount=free_amount,
            error=error,
        )
        return render(request, "campaigns/donate.html", {"box": box, "error": error}, status=400)
    return HttpResponseRedirect(platform_url(settings.platform_url, int(amount * 100), frequency))
