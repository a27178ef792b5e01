"""Demo content for the site's general pages, written from the current site's texts.

The texts are paraphrased from the two pages of the current site (see the README); the site never
reads those source files at run time.
"""

import os

from wagtail.models import Page, Site

from core.demo import DemoContext, ensure_image, ensure_menu_link, ensure_page, link_value, stream

from .models import HomePage, StandardPage

SITE_NAME = "Amnesty International France"


def paragraph(*sentences: str) -> tuple[str, str]:
    return ("paragraph", "".join(f"<p>{sentence}</p>" for sentence in sentences))


def ensure_site(ctx: DemoContext) -> None:
    """The home page in place of Wagtail's welcome page, as the default Site's root: sets ctx.home and ctx.site."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's welcome page is a bare Page at depth 2 with the slug "home".
        for page in root.get_children().filter(slug="home"):
            if page.specific_class is Page:
                page.delete()
        home = HomePage(
            title="Accueil",
            slug="accueil",
            seo_title="Amnesty International France : défendre les droits humains",
            search_description=(
                "Amnesty International France agit pour les droits humains : enquêtes, campagnes, "
                "soutien aux personnes en danger. Découvrez le mouvement et agissez avec nous."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        ctx.stdout.write("  + page d'accueil")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or site.root_page_id != home.pk or site.site_name != SITE_NAME:
        Site.objects.exclude(pk=getattr(site, "pk", None)).filter(root_page=home).delete()
        site = site or Site(is_default_site=True)
        site.hostname = os.environ.get("DEMO_SITE_HOSTNAME", "127.0.0.1")
        site.port = int(os.environ.get("DEMO_SITE_PORT", "8000"))
        site.root_page = home
        site.site_name = SITE_NAME
        site.save()
        ctx.stdout.write("  + site par défaut")
    ctx.home, ctx.site = home, site


def load(ctx: DemoContext) -> None:
    if ctx.home is None:
        ensure_site(ctx)
    home = ctx.home
    hero_image = ensure_image(
        ctx,
        "Bandeau Amnesty International France",
        alt="Motif de bandes diagonales noires sur fond jaune, aux couleurs d'Amnesty International",
        credit="© Amnesty International France",
        text="AMNESTY INTERNATIONAL",
    )

    about = ensure_page(
        ctx,
        home,
        StandardPage,
        "qui-sommes-nous",
        title="Qui sommes-nous ?",
        intro=(
            "Amnesty International est un mouvement mondial de personnes qui agissent pour que les droits "
            "humains soient respectés partout et pour tous."
        ),
        image=hero_image,
        body=stream(
            "qui-sommes-nous",
            [
                ("heading", {"text": "Un mouvement indépendant", "level": "h2"}),
                paragraph(
                    "Né en 1961, le mouvement défend les personnes dont les droits sont bafoués : prisonniers "
                    "d'opinion, défenseurs menacés, populations civiles prises dans les conflits.",
                    "Il ne reçoit aucune subvention publique pour ses recherches et ses campagnes : ce sont ses "
                    "membres et ses donateurs qui le font vivre.",
                ),
                ("heading", {"text": "Comment nous travaillons", "level": "h2"}),
                paragraph(
                    "Nos chercheurs enquêtent sur le terrain, nos campagnes mobilisent l'opinion et nos "
                    "militants interpellent les autorités, par la pétition, le courrier et le plaidoyer."
                ),
                (
                    "quote",
                    {
                        "quote": "Ne pas laisser ces personnes tomber dans l'oubli reste le socle de notre mission.",
                        "attribution": "Amnesty International France",
                    },
                ),
            ],
        ),
    )

    act = ensure_page(
        ctx,
        home,
        StandardPage,
        "agir",
        title="Agir",
        intro="Signer, écrire, rejoindre un groupe : chacun peut agir pour les droits humains, à son rythme.",
        body=stream(
            "agir",
            [
                paragraph(
                    "Chaque signature, chaque lettre, chaque heure donnée compte. Choisissez la façon d'agir "
                    "qui vous ressemble."
                ),
            ],
        ),
    )
    petitions = ensure_page(
        ctx,
        act,
        StandardPage,
        "signer-nos-petitions",
        title="Signer nos pétitions",
        intro="Les pétitions en cours pour des personnes en danger et des causes urgentes.",
        body=stream(
            "signer-nos-petitions",
            [
                paragraph(
                    "Une pétition pèse quand elle rassemble beaucoup de voix : elle est remise aux autorités "
                    "concernées, et nous faisons connaître leur réponse."
                ),
                (
                    "table",
                    {
                        "caption": "Ce que devient votre signature",
                        "table": {
                            "data": [
                                ["Étape", "Ce qui se passe"],
                                ["Collecte", "Les signatures sont réunies en ligne et lors de nos événements."],
                                ["Remise", "Elles sont portées aux autorités du pays concerné."],
                                ["Suivi", "Nous publions leur réponse et les suites données."],
                            ],
                            "first_row_is_table_header": True,
                            "first_col_is_header": False,
                        },
                    },
                ),
            ],
        ),
    )
    groups = ensure_page(
        ctx,
        act,
        StandardPage,
        "rejoindre-un-groupe-local",
        title="Rejoindre un groupe local",
        intro="Près de chez vous, des militantes et militants se retrouvent pour mener des actions ensemble.",
        body=stream(
            "rejoindre-un-groupe-local",
            [
                paragraph(
                    "Groupes locaux, antennes jeunes et cercles d'action organisent des rencontres, des "
                    "collectes de signatures et des débats. Tout le monde y est bienvenu."
                ),
            ],
        ),
    )
    volunteer = ensure_page(
        ctx,
        act,
        StandardPage,
        "devenir-benevole",
        title="Devenir bénévole",
        intro="Donner de son temps selon ses compétences : accueil, traduction, communication, suivi de dossiers.",
        body=stream(
            "devenir-benevole",
            [paragraph("Les équipes bénévoles cherchent régulièrement de nouvelles personnes. Écrivez-nous.")],
        ),
    )
    donate = ensure_page(
        ctx,
        home,
        StandardPage,
        "faire-un-don",
        title="Faire un don",
        intro="Votre don garantit l'indépendance du mouvement : nous n'acceptons aucune subvention publique pour nos recherches.",
        body=stream(
            "faire-un-don",
            [
                paragraph(
                    "Un don à Amnesty International France ouvre droit à une réduction d'impôt sur le revenu "
                    "de 66 % de son montant, dans la limite de 20 % du revenu imposable."
                ),
            ],
        ),
    )
    contact = ensure_page(
        ctx,
        home,
        StandardPage,
        "contact",
        title="Contact",
        intro="Pour toute question sur nos actions, vos dons ou l'adhésion.",
        body=stream(
            "contact",
            [
                paragraph(
                    "Amnesty International France, 76 boulevard de la Villette, 75940 Paris cedex 19.",
                    'Écrivez-nous à <a href="mailto:contact@amnesty.fr">contact@amnesty.fr</a>.',
                ),
            ],
        ),
    )
    legal = ensure_page(
        ctx,
        home,
        StandardPage,
        "mentions-legales",
        title="Mentions légales",
        intro="Éditeur du site, hébergement et propriété des contenus.",
        show_in_menus=False,
        body=stream(
            "mentions-legales",
            [paragraph("Ce site est édité par Amnesty International France, association loi de 1901.")],
        ),
    )
    privacy = ensure_page(
        ctx,
        home,
        StandardPage,
        "donnees-personnelles",
        title="Données personnelles",
        intro="Quelles données nous recueillons, pourquoi, combien de temps, et comment exercer vos droits.",
        body=stream(
            "donnees-personnelles",
            [
                paragraph(
                    "Nous ne recueillons que les données nécessaires à nos actions. Vous pouvez y accéder, les "
                    "corriger ou les faire effacer en écrivant à notre délégué à la protection des données."
                )
            ],
        ),
    )
    accessibility = ensure_page(
        ctx,
        home,
        StandardPage,
        "accessibilite",
        title="Accessibilité",
        intro="Notre engagement pour un site utilisable par toutes et tous, au clavier comme avec un lecteur d'écran.",
        body=stream(
            "accessibilite",
            [paragraph("Le site vise la conformité au niveau AA des règles WCAG 2.2. Signalez-nous tout obstacle.")],
        ),
    )

    if not home.body.raw_data:
        home.hero_title = "Défendre les droits humains, partout dans le monde"
        home.hero_text = (
            "Amnesty International France rassemble celles et ceux qui refusent l'injustice : ensemble, nous "
            "enquêtons, alertons et agissons pour les personnes en danger."
        )
        home.hero_image = hero_image
        home.hero_cta = stream(
            "home-hero", [("call_to_action", {**link_value(act, label="Agir avec nous"), "lead": ""})]
        )
        home.introduction = (
            "<p>Plus de dix millions de personnes dans le monde se mobilisent avec Amnesty International. "
            "Découvrez comment le mouvement est organisé, ce que font nos équipes bénévoles et comment "
            "vous pouvez agir.</p>"
        )
        home.body = stream(
            "home",
            [
                (
                    "page_cards",
                    {
                        "heading": "Comprendre et agir",
                        "pages": [about.pk, act.pk, petitions.pk, groups.pk, volunteer.pk, donate.pk],
                    },
                ),
                (
                    "call_to_action",
                    {
                        **link_value(donate, label="Faire un don"),
                        "lead": "Notre indépendance repose sur vos dons : aucune subvention publique pour nos enquêtes.",
                    },
                ),
            ],
        )
        home.save_revision().publish()
        ctx.log("contenu de la page d'accueil")

    ensure_menu_link(ctx, "main_menu", about)
    ensure_menu_link(ctx, "action_link", act)
    for page in (contact, legal, privacy, accessibility):
        ensure_menu_link(ctx, "footer_links", page)
