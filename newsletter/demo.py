"""Demo NQI: the index page, fifteen monthly issues (Sept. 2025 – Nov. 2026) with real PDFs.

Each PDF is generated with fpdf2: a title page with the month and the number, then one page per
article, longer than the summary shown on the site, so that some words exist only in the PDF (the
search finds the issue through the extracted text). Idempotent: documents are found by title,
pages by slug; PDFs are generated and processed only when missing.
"""

import datetime

from django.core.files.base import ContentFile
from wagtail.models import Page

from core.demo import DemoContext, ensure_menu_link, ensure_page, stream
from core.models import SiteDocument
from core.processing import process_document

from .models import NQIIndexPage, NQIIssuePage, format_month

INDEX_SLUG = "nouvelles-des-questions-internationales"
ORGANISATION_SLUG = "amnesty-international-dans-le-monde"
FIRST_MONTH = datetime.date(2025, 9, 1)
FIRST_NUMBER = 31
ISSUE_COUNT = 15

# (title, region or theme, summary shown on the site, longer text printed only in the PDF)
ARTICLES = [
    (
        "Le Conseil international adopte sa stratégie",
        "Gouvernance",
        "Les délégués des sections ont adopté les grandes orientations du mouvement pour les années à venir.",
        "Réunis à huis clos, les délégués ont voté un cadre stratégique qui donne la priorité à la protection "
        "des défenseurs et à la justice climatique. Le document interne POL 10/2031 détaille le calendrier.",
    ),
    (
        "Nouveaux bureaux régionaux",
        "Afrique",
        "Le Secrétariat international renforce sa présence sur le continent africain.",
        "Le bureau de Dakar coordonnera désormais la recherche en Afrique de l'Ouest, celui de Nairobi "
        "la recherche en Afrique de l'Est ; une antenne ouvre à Kinshasa pour suivre la région des Grands Lacs.",
    ),
    (
        "Financement solidaire entre sections",
        "Ressources",
        "Les sections les mieux dotées soutiennent les structures en croissance.",
        "Le mécanisme de répartition des ressources révisé prévoit une contribution proportionnelle "
        "au revenu de chaque section, versée au fonds de développement du mouvement.",
    ),
    (
        "Recherche sur la surveillance numérique",
        "Technologie",
        "Une équipe élargie documente l'usage de logiciels espions contre des militants.",
        "Le laboratoire de sécurité a analysé les téléphones de journalistes et de militants dans plusieurs "
        "pays ; la méthode d'expertise médico-légale est partagée avec les partenaires.",
    ),
    (
        "Campagne mondiale sur la peine de mort",
        "Peine de mort",
        "Le mouvement prépare la journée mondiale contre la peine de mort.",
        "Les sections coordonneront leurs actions autour des condamnations prononcées en Iran et en "
        "Arabie saoudite, avec un appel commun aux autorités et des rassemblements.",
    ),
    (
        "Protection des membres en danger",
        "Sécurité",
        "Le Secrétariat international met à jour ses procédures de protection des membres.",
        "Un protocole d'urgence permet désormais d'évacuer des militants menacés en moins de soixante-douze "
        "heures, avec l'appui des sections voisines et d'organisations partenaires.",
    ),
    (
        "Réfugiés et migrants en Méditerranée",
        "Europe",
        "Un rapport interne fait le point sur les sauvetages en mer et les retours forcés.",
        "Les observateurs du mouvement ont recueilli des témoignages à Lampedusa et sur l'île de Lesbos ; "
        "ils recommandent un plaidoyer commun auprès des institutions européennes.",
    ),
    (
        "Les droits des peuples autochtones",
        "Amériques",
        "Les sections des Amériques lancent un travail commun sur les terres autochtones.",
        "Une mission conjointe s'est rendue dans l'Amazonie brésilienne et au Guatemala pour documenter "
        "les expulsions et les menaces contre les gardiens des forêts.",
    ),
    (
        "Formation des nouveaux militants",
        "Vie du mouvement",
        "Un parcours de formation en ligne accueille les membres qui rejoignent le mouvement.",
        "Le parcours comprend six modules, traduits en quatre langues ; il sera ouvert aux membres "
        "internationaux rattachés directement au Secrétariat international.",
    ),
    (
        "Justice pour les victimes de conflits",
        "Asie-Pacifique",
        "Le mouvement soutient les enquêtes internationales sur les crimes de guerre.",
        "Les chercheurs ont transmis des éléments de preuve sur les attaques contre des civils au Myanmar "
        "et demandent la coopération des États avec la justice internationale.",
    ),
    (
        "Liberté de réunion et de manifestation",
        "Moyen-Orient et Afrique du Nord",
        "Une campagne régionale dénonce les arrestations de manifestants pacifiques.",
        "Les sections relaieront les cas de prisonniers d'opinion en Égypte et en Tunisie, avec des "
        "lettres de soutien écrites par les groupes locaux.",
    ),
    (
        "Un premier bilan pour la justice climatique",
        "Justice climatique",
        "Le mouvement dresse un premier bilan de son engagement pour la justice climatique.",
        "Les recommandations adressées aux États lors des négociations ont porté sur le financement des "
        "pertes et préjudices et la protection des défenseurs de l'environnement.",
    ),
]

# One word per issue that the site never shows: only the PDF's extracted text holds it.
PDF_ONLY_WORDS = [
    "Ouagadougou",
    "Tegucigalpa",
    "Oulan-Bator",
    "Paramaribo",
    "Antananarivo",
    "Nouakchott",
    "Bichkek",
    "Vientiane",
    "Windhoek",
    "Asuncion",
    "Katmandou",
    "Freetown",
    "Douchanbé",
    "Montevideo",
    "Lilongwe",
]


def issue_month(index: int) -> datetime.date:
    month = FIRST_MONTH.month - 1 + index
    return datetime.date(FIRST_MONTH.year + month // 12, month % 12 + 1, 1)


def issue_articles(index: int) -> list[tuple[str, str, str, str]]:
    count = 2 + index % 2
    return [ARTICLES[(index * 2 + offset) % len(ARTICLES)] for offset in range(count)]


def build_pdf(number: int, month: datetime.date, articles, secret_word: str) -> bytes:
    """A real multi-page PDF: a title page, then one page per article (core fonts: Latin-1 text)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(f"Nouvelles des Questions Internationales n° {number}")
    pdf.set_author("Amnesty International")
    pdf.set_creation_date(datetime.datetime(month.year, month.month, 1, tzinfo=datetime.UTC))
    pdf.set_auto_page_break(True, margin=20)

    pdf.add_page()
    pdf.set_fill_color(255, 255, 0)
    pdf.rect(0, 0, 210, 297, style="F")
    pdf.set_fill_color(0, 0, 0)
    pdf.rect(15, 190, 180, 70, style="F")
    pdf.set_xy(20, 40)
    pdf.set_font("Helvetica", "B", 34)
    pdf.multi_cell(170, 15, "Nouvelles des\nQuestions\nInternationales")
    pdf.set_xy(20, 110)
    pdf.set_font("Helvetica", "B", 22)
    pdf.cell(170, 12, f"N° {number} - {format_month(month)}")
    pdf.set_xy(20, 130)
    pdf.set_font("Helvetica", "", 14)
    pdf.multi_cell(170, 8, "Dans ce numéro :\n" + "\n".join(f"- {title}" for title, *_ in articles))
    pdf.set_xy(22, 200)
    pdf.set_text_color(255, 255, 0)
    pdf.set_font("Helvetica", "B", 24)
    pdf.cell(166, 14, "AMNESTY INTERNATIONAL")
    pdf.set_xy(22, 220)
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(166, 7, "Résumés de documents internes du mouvement, à l'intention des membres du monde entier.")
    pdf.set_text_color(0, 0, 0)

    for position, (title, region, summary, details) in enumerate(articles, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(0, 8, f"{region.upper()}  |  NQI n° {number}, {format_month(month)}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "B", 20)
        pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, summary, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_font("Helvetica", "", 12)
        pdf.multi_cell(0, 7, details, new_x="LMARGIN", new_y="NEXT")
        if position == 1:
            pdf.ln(3)
            pdf.multi_cell(
                0,
                7,
                f"Une réunion de suivi se tiendra à {secret_word} avec les représentants des sections de la région.",
                new_x="LMARGIN",
                new_y="NEXT",
            )
        pdf.ln(3)
        pdf.set_font("Helvetica", "I", 10)
        pdf.multi_cell(0, 6, f"Source : document interne NQI-{month:%Y-%m}-{position}.", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def ensure_document(ctx: DemoContext, number: int, month: datetime.date, articles, secret_word: str) -> SiteDocument:
    title = f"NQI n° {number} – {format_month(month)}"
    document = SiteDocument.objects.filter(title=title).first()
    if document is not None:
        return document
    document = SiteDocument(title=title)
    document.file = ContentFile(build_pdf(number, month, articles, secret_word), name=f"nqi-{month:%Y-%m}.pdf")
    document.skip_processing_task = True  # processed right below, in this process
    document.save()
    process_document(document.pk, document.file_hash)
    document.refresh_from_db()
    ctx.log(f"document « {title} » ({document.page_count} pages)")
    return document


def ensure_latest_block_on_organisation_page(ctx: DemoContext) -> None:
    """The organisation page (built by another step, when present) shows the latest issues."""
    page = Page.objects.child_of(ctx.home).filter(slug=ORGANISATION_SLUG).first()
    if page is None:
        return
    page = page.specific
    body = getattr(page, "body", None)
    if body is None or "latest_nqi" not in body.stream_block.child_blocks:
        return
    if any(block.block_type == "latest_nqi" for block in body):
        return
    raw = list(body.raw_data)
    raw.extend(stream("organisation-nqi", [("latest_nqi", {"heading": "Dernières NQI"})]))
    page.body = raw
    page.save_revision().publish()
    ctx.log(f"bloc « Dernières NQI » sur « {page.title} »")


def load(ctx: DemoContext) -> None:
    index = ensure_page(
        ctx,
        ctx.home,
        NQIIndexPage,
        INDEX_SLUG,
        title="Nouvelles des Questions Internationales",
        search_description=(
            "La publication mensuelle qui informe les membres d'Amnesty International du monde entier de la vie "
            "du mouvement au niveau international. Derniers numéros et archives en PDF."
        ),
        introduction=(
            "<p>Chaque mois, les « Nouvelles des Questions Internationales » (NQI) tiennent les membres "
            "d'Amnesty International, partout dans le monde, au courant de l'évolution du mouvement et des "
            "nouvelles orientations prises au niveau international.</p>"
            "<p>Les articles résument des documents internes du mouvement. Retrouvez ci-dessous les trois "
            "derniers numéros, puis toutes les archives, à télécharger en PDF.</p>"
        ),
    )
    for position in range(ISSUE_COUNT):
        number = FIRST_NUMBER + position
        month = issue_month(position)
        articles = issue_articles(position)
        secret_word = PDF_ONLY_WORDS[position % len(PDF_ONLY_WORDS)]
        slug = f"nqi-{month:%Y-%m}"
        if index.get_children().filter(slug=slug).exists():
            continue
        document = ensure_document(ctx, number, month, articles, secret_word)
        ensure_page(
            ctx,
            index,
            NQIIssuePage,
            slug,
            title=f"NQI n° {number} : {articles[0][0]}",
            issue_number=number,
            month=month,
            summary=(
                f"Au sommaire ({format_month(month)}) : "
                + " ; ".join(title[0].lower() + title[1:] for title, *_ in articles)
                + "."
            ),
            articles=stream(
                slug,
                [
                    ("article", {"title": title, "region": region, "text": summary})
                    for title, region, summary, _ in articles
                ],
            ),
            pdf=document,
        )
    ensure_menu_link(ctx, "main_menu", index)
    ensure_latest_block_on_organisation_page(ctx)
