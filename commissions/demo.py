"""Demo content: « Commissions et régions mondiales », the « Protégeons les personnes » commission,
its intervention dossiers (one of them not public) and three testimonials. Idempotent.

Written in our own words from the seed page of the current site; the short quotes are kept as
quotes and attributed. The opening dates of the dossiers and the consent dates are illustrative.
"""

import datetime

from core.demo import DemoContext, block_id, ensure_menu_link, ensure_page, link_value, stream

from .models import (
    CommissionIndexPage,
    CommissionKind,
    CommissionPage,
    DossierRegisterPage,
    DossierStatus,
    InterventionDossier,
    Testimonial,
)

CONTACT_EMAIL = "protegeonslespersonnes@amnesty.fr"

FAQ = [
    (
        "Qu'est-ce qu'un dossier d'intervention ?",
        "<p>Un dossier d'intervention (DI) est une action de longue haleine confiée aux structures militantes et "
        "aux membres d'Amnesty International France : il s'agit de faire pression, sans relâche, sur les autorités "
        "d'un pays en faveur d'une personne ou d'un groupe de personnes en danger.</p>"
        "<p>Soutenir les victimes de violations des droits humains est la raison d'être du mouvement depuis sa "
        "création en 1961. Les façons d'agir ont changé, mais ne pas laisser ces personnes tomber dans l'oubli "
        "reste au cœur de notre action.</p>",
    ),
    (
        "Quels sont les objectifs d'un dossier d'intervention ?",
        "<ul><li>obtenir la libération de la personne, ou au moins que sa situation s'améliore ;</li>"
        "<li>soutenir moralement la personne, le groupe et leurs proches, pour rompre l'isolement physique ou "
        "psychologique qu'ils subissent ;</li>"
        "<li>faire connaître toutes les personnes qui vivent la même situation, et agir ainsi pour elles aussi.</li>"
        "</ul>",
    ),
    (
        "Qui en a la charge ?",
        "<ul><li>les structures militantes à qui le dossier est confié (groupes locaux, cercles d'action, "
        "antennes jeunes, membres individuels), qui travaillent pour la personne dans la durée ;</li>"
        "<li>le ou la référente du dossier, qui anime et suit le travail ;</li>"
        "<li>l'équipe bénévole « Protégeons les personnes » (EPP), qui coordonne au niveau national tout le "
        "soutien aux personnes en danger.</li></ul>",
    ),
    (
        "Quelles actions mène-t-on pour un dossier ?",
        "<ul><li>des pétitions ;</li><li>des lettres aux autorités du pays ;</li>"
        "<li>des courriers de soutien à la personne ou à sa famille ;</li>"
        "<li>du plaidoyer auprès des élus français (maires, députés, sénateurs…) pour faire connaître la situation "
        "et obtenir leur appui ;</li>"
        "<li>des actions de sensibilisation : débats, conférences, événements, information de la presse locale ;</li>"
        "<li>un travail commun avec d'autres ONG et d'autres sections d'Amnesty International.</li></ul>",
    ),
    (
        "Avec qui l'équipe travaille-t-elle au sein d'Amnesty International ?",
        "<ul><li>les référents pays et les autres commissions d'Amnesty International France ;</li>"
        "<li>les équipes Programmes du Pôle Action ;</li>"
        "<li>l'équipe internationale « Individuals at risk » (personnes en danger), les chercheurs et les équipes "
        "régionales ;</li>"
        "<li>le service Relations extérieures (Relex) ;</li>"
        "<li>le service Engagement du Pôle Éducation et Engagement.</li></ul>",
    ),
]

# (person, country, theme, status, opened_on, outcome_on, local groups, summary, is_public)
DOSSIERS = [
    (
        "Ioulia Tsvetkova",
        "Russie",
        "Liberté d'expression",
        DossierStatus.ACQUITTED,
        datetime.date(2020, 1, 15),
        datetime.date(2022, 7, 15),
        "Groupe local de démonstration (Lyon)",
        "Artiste et militante féministe poursuivie pour ses dessins. Des milliers de lettres et de signatures "
        "l'ont soutenue jusqu'à son acquittement.",
        True,
    ),
    (
        "Bernardo Caal",
        "Guatemala",
        "Défense de l'environnement",
        DossierStatus.RELEASED,
        datetime.date(2019, 3, 1),
        datetime.date(2022, 3, 22),
        "Groupe local de démonstration (Rennes)",
        "Défenseur des rivières de sa région, emprisonné pendant plus de quatre ans et reconnu prisonnier "
        "d'opinion par Amnesty International. Il a été libéré.",
        True,
    ),
    (
        "Atena Daemi",
        "Iran",
        "Défense des droits humains",
        DossierStatus.RELEASED,
        datetime.date(2017, 2, 1),
        datetime.date(2022, 2, 7),
        "Groupe local de démonstration (Paris)",
        "Militante opposée à la peine de mort, emprisonnée pour son engagement pacifique. Elle a été libérée.",
        True,
    ),
    (
        # Not public: the person's safety requires discretion. Visible only in the admin.
        "Défenseure des terres communautaires (identité protégée)",
        "Honduras",
        "Défense de l'environnement",
        DossierStatus.ONGOING,
        datetime.date(2024, 5, 6),
        None,
        "Groupe local de démonstration (Marseille)",
        "Dossier confidentiel : menaces répétées contre une défenseure et sa famille.",
        False,
    ),
]

# (person, speaker, country, outcome, outcome_date, quote)
TESTIMONIALS = [
    (
        "Ioulia Tsvetkova",
        "Mère de Ioulia Tsvetkova",
        "Russie",
        "acquittée",
        datetime.date(2022, 7, 15),
        "Je veux dire un grand merci à celles et ceux qui ont écrit des lettres, qui ont signé des pétitions, qui "
        "ont parlé du cas de ma fille Ioulia… Je vous remercie du fond du cœur !",
    ),
    (
        "Bernardo Caal",
        "Bernardo Caal",
        "Guatemala",
        "libéré",
        datetime.date(2022, 3, 22),
        "Vous, Amnesty International, m'avez donné l'espoir de la liberté et maintenant je suis libre. Merci à "
        "chacun d'entre vous d'avoir diffusé et partagé mes lettres.",
    ),
    (
        "Atena Daemi",
        "Atena Daemi",
        "Iran",
        "libérée",
        datetime.date(2022, 2, 7),
        "Je tiens à vous remercier pour votre empathie, votre solidarité, votre soutien et vos combats durant "
        "toutes ces années.",
    ),
]
CONSENT_DATE = datetime.date(2022, 9, 1)


def ensure_dossiers(ctx: DemoContext) -> dict[str, InterventionDossier]:
    dossiers = {}
    for person, country, theme, status, opened_on, outcome_on, groups, summary, is_public in DOSSIERS:
        dossier, created = InterventionDossier.objects.get_or_create(
            person=person,
            country=country,
            defaults={
                "theme": theme,
                "status": status,
                "opened_on": opened_on,
                "outcome_on": outcome_on,
                "local_groups": groups,
                "summary": summary,
                "is_public": is_public,
            },
        )
        if created:
            ctx.log(f"dossier d'intervention « {person} »")
        dossiers[person] = dossier
    return dossiers


def ensure_testimonials(ctx: DemoContext, dossiers) -> list[Testimonial]:
    testimonials = []
    for person, speaker, country, outcome, outcome_date, quote in TESTIMONIALS:
        testimonial = Testimonial.objects.filter(person=person, speaker=speaker).first()
        if testimonial is None:
            testimonial = Testimonial(
                person=person,
                speaker=speaker,
                country=country,
                outcome=outcome,
                outcome_date=outcome_date,
                quote=quote,
                dossier=dossiers.get(person),
                consent_date=CONSENT_DATE,
                live=False,
            )
            testimonial.save()
            testimonial.save_revision().publish()
            ctx.log(f"témoignage « {speaker} »")
        testimonials.append(testimonial)
    return testimonials


def list_items(key: str, values: list) -> list[dict]:
    return [{"type": "item", "value": value, "id": block_id(key, "item", str(i))} for i, value in enumerate(values)]


def load(ctx: DemoContext) -> None:
    index = ensure_page(
        ctx,
        ctx.home,
        CommissionIndexPage,
        "commissions-et-regions-mondiales",
        title="Commissions et régions mondiales",
        intro=(
            "Des équipes de bénévoles font vivre l'action d'Amnesty International France, par thème ou par région "
            "du monde. Découvrez-les et rejoignez-les."
        ),
    )
    dossiers = ensure_dossiers(ctx)
    testimonials = ensure_testimonials(ctx, dossiers)
    act = ctx.home.get_children().filter(slug="agir").first()

    commission = ensure_page(
        ctx,
        index,
        CommissionPage,
        "protegeons-les-personnes",
        title="Commission Protégeons les personnes",
        kind=CommissionKind.THEMATIC,
        summary=(
            "L'équipe suit et gère les dossiers d'intervention (DI) et les rend visibles dans l'action de la section "
            "française. Elle préside aussi le Comité Fonds d'aide aux victimes et aux défenseurs."
        ),
        meeting_rhythm="Une réunion par trimestre",
        publications="Un bulletin trois fois par an",
        contact_email=CONTACT_EMAIL,
        committee_name="Comité Fonds d'aide aux victimes et aux défenseurs",
        committee_description=(
            "<p>Ce fonds dédié apporte une aide financière ponctuelle à des personnes en danger.</p>"
            "<p>Il est alimenté par les dons des groupes locaux et fonctionne selon des directives "
            "internationales du mouvement.</p>"
        ),
        volunteer_cta=stream(
            "protegeons-les-personnes-cta",
            [
                (
                    "call_to_action",
                    {
                        "lead": (
                            "Vous voulez suivre un dossier d'intervention, rejoindre l'équipe ou proposer votre aide ?"
                        ),
                        **link_value(page=act, label="Agir avec nous"),
                    },
                )
            ]
            if act is not None
            else [],
        ),
        body=stream(
            "protegeons-les-personnes",
            [
                (
                    "faq",
                    {
                        "heading": "Les dossiers d'intervention en questions",
                        "items": list_items(
                            "protegeons-les-personnes-faq",
                            [{"question": question, "answer": answer} for question, answer in FAQ],
                        ),
                    },
                ),
                (
                    "testimonials",
                    {
                        "heading": "Ils et elles témoignent",
                        "testimonials": list_items(
                            "protegeons-les-personnes-temoignages", [testimonial.pk for testimonial in testimonials]
                        ),
                    },
                ),
            ],
        ),
    )
    InterventionDossier.objects.filter(
        pk__in=[dossier.pk for dossier in dossiers.values()], responsible_commission__isnull=True
    ).update(responsible_commission=commission)

    ensure_page(
        ctx,
        commission,
        DossierRegisterPage,
        "dossiers-d-intervention",
        title="Registre des dossiers d’intervention",
        intro=(
            "Les dossiers d'intervention que nous pouvons rendre publics. D'autres, pour la sécurité des personnes, "
            "restent confidentiels."
        ),
    )
    ensure_page(
        ctx,
        index,
        CommissionPage,
        "equipe-europe-asie-centrale",
        title="Équipe Europe et Asie centrale",
        kind=CommissionKind.REGION,
        summary=(
            "L'équipe régionale suit la situation des droits humains dans les pays d'Europe et d'Asie centrale et "
            "appuie les militants qui agissent pour eux."
        ),
        meeting_rhythm="Une réunion par mois",
        body=stream(
            "equipe-europe-asie-centrale",
            [
                (
                    "paragraph",
                    "<p>Ses bénévoles informent les groupes locaux, préparent des actions et relaient les campagnes "
                    "du mouvement pour la région.</p>",
                ),
            ],
        ),
    )
    ensure_menu_link(ctx, "main_menu", index)
