"""Demo content: the donation settings and the "URGENCE PROCHE ORIENT" banner with its campaign page."""

from datetime import UTC, datetime

from core.demo import DemoContext, ensure_page, stream
from home.models import StandardPage

from .models import BannerTarget, DonationSettings, UrgentBanner

CAMPAIGN_SLUG = "urgence-proche-orient"
BANNER_START = datetime(2026, 10, 1, 6, 0, tzinfo=UTC)


def load(ctx: DemoContext) -> None:
    settings = DonationSettings.for_site(ctx.site)
    if settings.platform_url != "https://soutenir.amnesty.fr/" or not settings.pk:
        settings.platform_url = "https://soutenir.amnesty.fr/"
        settings.save()
        ctx.log("paramètres des dons")

    campaign = ensure_page(
        ctx,
        ctx.home,
        StandardPage,
        CAMPAIGN_SLUG,
        title="Urgence Proche-Orient : protéger les civils",
        intro=(
            "Au Proche-Orient, les populations civiles paient le prix le plus lourd des hostilités. "
            "Nous demandons qu'elles soient protégées, sans condition et sans exception."
        ),
        body=stream(
            CAMPAIGN_SLUG,
            [
                ("heading", {"text": "Ce que nous demandons", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Les règles de la guerre s'imposent à toutes les parties : ni les habitations, ni les "
                    "hôpitaux, ni les écoles ne doivent devenir des cibles. L'aide humanitaire doit pouvoir "
                    "passer.</p><p>Nos équipes documentent les attaques contre les civils et portent ces "
                    "preuves auprès des États et des juridictions internationales.</p>",
                ),
                ("heading", {"text": "Agir avec nous", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Interpellez les responsables politiques, relayez nos informations et soutenez nos "
                    "enquêtes : chaque voix compte pour exiger la protection des populations.</p>",
                ),
            ],
        ),
    )

    banner = UrgentBanner.objects.filter(label="URGENCE PROCHE ORIENT").first()
    if banner is None:
        UrgentBanner.objects.create(
            label="URGENCE PROCHE ORIENT",
            message="Exigez avec nous la protection sans condition des populations civiles",
            link_page=campaign,
            link_text="Je me mobilise",
            start=BANNER_START,
            end=None,
            active=True,
            target=BannerTarget.SITE,
        )
        ctx.log("bandeau d'urgence « URGENCE PROCHE ORIENT »")
