"""Demo content for the movement's organisation (issue 4), from the seed « Amnesty International dans le monde ».

The facts come from the seed and are written in our own words. The regional offices' cities and
opening years are demo data: plausible, not a statement of record. Records are found by a natural
key (a body's name, a person's name, a role's code, an office's city) and created only when
missing; a record an editor has changed since is left alone.
"""

import datetime

from core.demo import DemoContext, ensure_image, ensure_menu_link, ensure_page, link_value, stream

from .models import (
    GoverningBody,
    InternationalMembershipPage,
    InternationalSecretariatPage,
    NationalSectionsPage,
    OrganisationIndexPage,
    Person,
    Region,
    RegionalOffice,
    Role,
)

ORGANISATION_SLUG = "amnesty-international-dans-le-monde"

# (city, region, opened year, closed year or None, short text): demo data, see the module docstring.
OFFICES = [
    ("Dakar", Region.AFRICA, 2014, None, "Suit la situation des droits humains en Afrique de l'Ouest et du Centre."),
    ("Nairobi", Region.AFRICA, 2013, None, "Couvre l'Afrique de l'Est, la Corne de l'Afrique et les Grands Lacs."),
    ("Bangkok", Region.ASIA_PACIFIC, 2016, None, "Enquête et fait campagne en Asie du Sud-Est et dans le Pacifique."),
    ("Mexico", Region.LATIN_AMERICA, 2014, None, "Appuie les recherches et les campagnes sur les Amériques."),
    ("Beyrouth", Region.MIDDLE_EAST, 2013, None, "Documente les violations au Moyen-Orient et en Afrique du Nord."),
    ("Hong Kong", Region.ASIA_PACIFIC, 2013, 2021, "Couvrait l'Asie de l'Est jusqu'à sa fermeture forcée."),
    ("Moscou", Region.CENTRAL_EASTERN_EUROPE, 2003, 2022, "Travaillait sur la Russie et l'Asie centrale."),
]


def rich(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def item(title: str, text: str = "") -> dict:
    return {"title": title, "text": rich(text) if text else ""}


def ensure_record(ctx: DemoContext, model, lookup: dict, **defaults):
    record, created = model.objects.get_or_create(**lookup, defaults=defaults)
    if created:
        record.full_clean()
        ctx.log(f"{model._meta.verbose_name} « {record} »")
    return record


def load(ctx: DemoContext) -> None:
    assembly = ensure_record(
        ctx,
        GoverningBody,
        {"name": "Assemblée mondiale"},
        sort_order=0,
        role=rich(
            "Instance suprême du mouvement, elle réunit les représentantes et représentants des sections. "
            "Elle fixe le cap stratégique d'Amnesty International et élit le Bureau exécutif international."
        ),
    )
    board = ensure_record(
        ctx,
        GoverningBody,
        {"name": "Bureau exécutif international"},
        acronym="BEI",
        parent=assembly,
        sort_order=1,
        role=rich(
            "Il veille à la mise en œuvre du plan stratégique adopté par l'Assemblée mondiale, supervise le "
            "Secrétariat international et nomme sa ou son secrétaire général·e. Il approuve aussi les "
            "recherches que les sections mènent dans leur propre pays."
        ),
    )

    portrait = ensure_image(
        ctx,
        "Agnès Callamard (illustration)",
        alt="Carré jaune rayé de noir portant le nom « Callamard » en lettres jaunes",
        credit="Illustration de démonstration",
        text="CALLAMARD",
        size=(800, 800),
    )
    callamard = ensure_record(
        ctx,
        Person,
        {"name": "Agnès Callamard"},
        role="Secrétaire générale d'Amnesty International",
        photo=portrait,
        start_date=datetime.date(2021, 4, 1),
        biography=rich(
            "Voilà plusieurs décennies qu'Agnès Callamard défend les droits humains. À partir de 2016, elle "
            "est rapporteuse spéciale des Nations unies sur les exécutions extrajudiciaires, sommaires ou "
            "arbitraires ; dans le même temps, elle dirige à New York l'initiative de l'université Columbia "
            "consacrée à la liberté d'expression dans le monde.",
            "Auparavant directrice exécutive d'ARTICLE 19, organisation qui défend la liberté d'expression, "
            "elle avait été cheffe de cabinet de Pierre Sané, secrétaire général d'Amnesty International de "
            "1992 à 2001. Elle revient au mouvement vingt ans plus tard.",
            "Défenseure de la liberté d'expression, engagée contre le sexisme et le racisme, elle met son "
            "expertise et son plaidoyer au service de nouveaux droits.",
        ),
    )
    ensure_record(
        ctx,
        Role,
        {"code": Role.SECRETARY_GENERAL},
        title="Secrétaire générale",
        holder=callamard,
        appointed_by=board,
        description=rich(
            "À la tête du Secrétariat international, la ou le secrétaire général·e est nommé·e par le BEI. "
            "Principale voix publique du mouvement, elle ou il dirige son travail de défense des droits "
            "humains, contribue à en fixer l'orientation stratégique et entretient les relations avec les "
            "sections nationales."
        ),
    )

    for city, region, opened, closed, text in OFFICES:
        ensure_record(
            ctx,
            RegionalOffice,
            {"city": city},
            region=region,
            opened_year=opened,
            status=RegionalOffice.Status.CLOSED if closed else RegionalOffice.Status.OPEN,
            closed_year=closed,
            text=text,
        )

    hero = ensure_image(
        ctx,
        "Secrétariat international, Londres (illustration)",
        alt="Bandes diagonales noires sur fond jaune avec l'inscription « Londres »",
        credit="Illustration de démonstration",
        text="LONDRES",
    )
    act = ctx.home.get_children().filter(slug="agir").first()
    body = [
        ("heading", {"text": "Agir avec le mouvement", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Du siège de Londres aux groupes locaux, chaque structure contribue à la même mission : "
                "enquêter, alerter et mobiliser pour les droits humains."
            ),
        ),
    ]
    if act is not None:
        body.append(
            (
                "call_to_action",
                {**link_value(page=act, label="Agir avec nous"), "lead": "Chacun peut agir, à son rythme."},
            )
        )
    organisation = ensure_page(
        ctx,
        ctx.home,
        OrganisationIndexPage,
        ORGANISATION_SLUG,
        title="Amnesty International dans le monde",
        intro=(
            "Un mouvement mondial organisé en instances élues, un secrétariat international, des bureaux "
            "régionaux et des sections nationales : voici qui fait quoi."
        ),
        image=hero,
        offices_intro=rich(
            "D'abord installé à Londres, le mouvement ouvre depuis 1994 des bureaux régionaux en Afrique, en "
            "Asie-Pacifique, en Europe centrale et orientale, en Amérique latine et au Moyen-Orient. Proches "
            "du terrain, ils nourrissent nos recherches, nos campagnes et notre communication, et nous "
            "permettent de réagir vite aux événements."
        ),
        closed_offices_text="Ces dernières années, certains de nos bureaux ont été contraints de fermer.",
        body=stream(ORGANISATION_SLUG, body),
    )

    ensure_page(
        ctx,
        organisation,
        InternationalSecretariatPage,
        "secretariat-international",
        title="Secrétariat international",
        intro="Le siège d'Amnesty International, à Londres : c'est là que se préparent les campagnes mondiales.",
        location="Londres",
        description=rich(
            "Le Secrétariat international (SI) conçoit les campagnes mondiales que les sections adaptent et "
            "déploient ensuite dans leur pays. Il coordonne aussi nos recherches sur les violations des droits "
            "humains partout dans le monde.",
            "Son rôle est avant tout opérationnel : il met en œuvre le plan stratégique défini par "
            "l'Assemblée mondiale et le Bureau exécutif international.",
        ),
        supervised_by=[assembly, board],
        missions_intro=rich("Sous la supervision du BEI, le Secrétariat fait vivre le mouvement en :"),
        missions=stream(
            "secretariat-missions",
            [
                (
                    "mission",
                    item("Représentant le mouvement", "À l'extérieur, par la voix de la ou du secrétaire général·e."),
                ),
                (
                    "mission",
                    item(
                        "Coordonnant le travail mondial sur les droits humains",
                        "Recherche, campagnes, communication, plaidoyer, politique, action juridique, collecte "
                        "de fonds et éducation, notamment.",
                    ),
                ),
                (
                    "mission",
                    item(
                        "Élaborant la stratégie, les politiques et les normes mondiales",
                        "Il en assure aussi la coordination, la mise en œuvre, le suivi, l'évaluation et le "
                        "compte rendu.",
                    ),
                ),
                (
                    "mission",
                    item(
                        "Soutenant la gouvernance et la santé du mouvement",
                        "Sa croissance, son développement et sa solidité financière.",
                    ),
                ),
            ],
        ),
        annual_report=stream(
            "secretariat-rapport-annuel",
            [
                (
                    "link",
                    link_value(
                        url="https://www.amnesty.org/fr/", label="Découvrir notre rapport annuel sur amnesty.org"
                    ),
                )
            ],
        ),
    )
    ensure_page(
        ctx,
        organisation,
        NationalSectionsPage,
        "sections-nationales",
        title="Les sections nationales",
        intro=(
            "Composées de salariés et de militants, les sections portent l'action d'Amnesty International dans "
            "leur pays, en lien étroit avec le Secrétariat international."
        ),
        country_count=70,
        activities=stream(
            "sections-activites",
            [
                ("activity", item("Plaidoyer", "Interpeller les décideurs et décideuses de leur pays.")),
                (
                    "activity",
                    item("Membres et sympathisants", "Recruter et accompagner celles et ceux qui nous rejoignent."),
                ),
                ("activity", item("Vie militante", "Animer les groupes et les actions sur le terrain.")),
                ("activity", item("Relations avec les médias", "Faire connaître nos enquêtes et nos positions.")),
                ("activity", item("Campagnes", "Décliner les campagnes mondiales et mener les leurs.")),
                (
                    "activity",
                    item(
                        "Recherches nationales",
                        "Enquêter sur les atteintes aux droits humains commises dans leur pays, à partir des "
                        "travaux du Secrétariat international et avec l'accord du BEI.",
                    ),
                ),
            ],
        ),
    )
    ensure_page(
        ctx,
        organisation,
        InternationalMembershipPage,
        "membres-internationaux",
        title="Les membres internationaux",
        intro=(
            "Chacun peut adhérer à Amnesty International comme membre international, sans passer par une "
            "section ou une structure nationale."
        ),
        ways_to_act=stream(
            "membres-facons-d-agir",
            [
                ("way", item("Dans un groupe local", "Agir avec d'autres près de chez soi.")),
                ("way", item("Dans une antenne jeune", "Se mobiliser entre jeunes, au lycée ou à l'université.")),
                ("way", item("Dans un cercle d'action", "Rejoindre un collectif réuni autour d'une cause.")),
                ("way", item("À titre individuel", "Signer, écrire, relayer, à son propre rythme.")),
            ],
        ),
        body=stream(
            "membres-internationaux",
            [
                (
                    "paragraph",
                    rich(
                        "Les membres internationaux sont rattachés directement au Secrétariat international, "
                        "qui les accompagne dans leur engagement."
                    ),
                )
            ],
        ),
    )

    ensure_menu_link(ctx, "main_menu", organisation, label="Dans le monde")
