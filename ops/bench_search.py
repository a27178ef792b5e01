"""`make bench`, second part: the site search on every backend, side by side.

For each backend the site supports, in a throwaway database (a SQLite file in a mktemp directory;
a new database on the PostgreSQL server of DATABASE_URL when it is set, dropped afterwards):

1. the demo (`load_demo_content --skip-index`), plus PAGES (10,000) generated standard pages and
   ISSUES (500) generated NQI issues, each with a SiteDocument whose extracted text is set directly
   (as the PDF worker would have stored it: no PDF is rendered); the text is French generated from
   a fixed vocabulary with a seeded random (themes, countries, accents, elisions), and a few
   planted pages and one planted PDF word give known answers;
2. `update_index` on that backend, timed: throughput in indexed objects per second;
3. p50/p95 latency of `/recherche/?q=…` and of `/recherche/suggestions/?q=…` through Django's test
   client (in process, 127.0.0.1 only for the engine), interleaved with the floor (below);
4. result quality: 20 French queries with known answers (unaccented, elided, plural, a typo, words
   found only inside a PDF, people's names…); an answer counts when it is in the top 3.

Columns: SQLite (database backend, FTS5), PostgreSQL (database backend, `french_unaccent`) when
DATABASE_URL is set, OpenSearch when SEARCH_URL is set (on the PostgreSQL database when there is
one, as in production, else on the SQLite file). Each column runs in its own process, since the
settings read DATABASE_URL and SEARCH_URL once.

The floor: an ordinary content page of the site (the demo's « Contact » standard page) rendered
through the same client, middleware and base template (header and its search form), requested
right after each search so that both see the same machine load. A search page is that page plus
the search; `view p95 / floor p95` is how many ordinary pages one search costs, which does not
depend on the speed of the machine the way milliseconds do. The autocomplete endpoint is not the
floor: it queries the very engine being measured.

Targets (exit 1 when missed), on OpenSearch: view p95 <= 50 ms, view p95 <= RATIO (4) x floor p95,
and 20/20 answers in the top 3. The database backends are reported, not judged (SQLite has neither
stemming nor typo tolerance, by design). Env: ROUNDS (default 5: each query ROUNDS times per
endpoint), PAGES, ISSUES, BENCH_SEARCH_TARGET_P95_MS, BENCH_SEARCH_TARGET_RATIO.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROUNDS = int(os.environ.get("ROUNDS", "5"))
PAGES = int(os.environ.get("PAGES", "10000"))
ISSUES = int(os.environ.get("ISSUES", "500"))
TARGET_P95_MS = float(os.environ.get("BENCH_SEARCH_TARGET_P95_MS", "50"))
TARGET_RATIO = float(os.environ.get("BENCH_SEARCH_TARGET_RATIO", "4"))
TOP = 3
SLOW_MS = 2000
SEED = 20260
SECTIONS = 100  # generated pages: SECTIONS section pages under the home page, the rest below them

# --- The queries and their known answers ------------------------------------------------------------
# (query, what it tests, expected kind, expected title). Demo content, and the pages planted below.
PLANTED_PDF_WORD = "Tombouctou"
QUERIES = [
    ("secretariat international", "sans accents", "page", "Secrétariat international"),
    ("Callamard", "nom de personne", "personne", "Agnès Callamard"),
    ("Calamard", "faute de frappe", "personne", "Agnès Callamard"),
    ("Ouagadougou", "mot du PDF seul (démo)", "nqi", "NQI n° 31 : Le Conseil international adopte sa stratégie"),
    (PLANTED_PDF_WORD, "mot du PDF seul (généré)", "nqi", "NQI n° 900 : Patrimoine et liberté de création"),
    ("devenir benevole", "sans accents", "page", "Devenir bénévole"),
    ("mentions legales", "sans accents", "page", "Mentions légales"),
    ("donnees personnelles", "sans accents", "page", "Données personnelles"),
    ("pétition", "singulier / pluriel", "page", "Signer nos pétitions"),
    ("mangrove", "singulier / pluriel", "page", "Les défenseurs des mangroves du delta"),
    ("l'Eswatini", "élision", "page", "Eswatini : la répression des syndicats"),
    ("registre des dossiers d'intervention", "élision", "page", "Registre des dossiers d’intervention"),
    ("Tsvetkova", "nom de personne", "dossier", "Ioulia Tsvetkova (Russie)"),
    ("Atena Daemi", "nom de personne", "dossier", "Atena Daemi (Iran)"),
    ("Nairobi", "bureau régional", "bureau", "Nairobi (Afrique)"),
    ("sections nationales", "pluriel", "page", "Les sections nationales"),
    ("membres internationaux", "pluriel", "page", "Les membres internationaux"),
    ("urgence proche-orient", "trait d'union", "page", "Urgence Proche-Orient : protéger les civils"),
    ("accessibilite", "sans accents", "page", "Accessibilité"),
    ("Faire un don", "mots vides", "page", "Faire un don"),
]

PLANTED_PAGES = [
    (
        "Les défenseurs des mangroves du delta",
        "Des pêcheurs et des militantes protègent les mangroves contre l'accaparement des terres.",
        "Les mangroves du delta abritent des villages entiers. Ceux qui s'opposent aux projets "
        "industriels y sont menacés, arrêtés ou poursuivis devant les tribunaux.",
    ),
    (
        "Eswatini : la répression des syndicats",
        "En Eswatini, des syndicalistes et des étudiants sont arrêtés pour avoir manifesté.",
        "Depuis les manifestations, les autorités d'Eswatini interdisent les rassemblements ; "
        "nous demandons la libération des syndicalistes détenus et la fin de l'état d'urgence.",
    ),
]

# --- The vocabulary of the generated text ---------------------------------------------------------
COUNTRIES = [
    "Afghanistan",
    "Algérie",
    "Arabie saoudite",
    "Azerbaïdjan",
    "Bahreïn",
    "Bélarus",
    "Brésil",
    "Burundi",
    "Cameroun",
    "Chine",
    "Colombie",
    "Cuba",
    "Égypte",
    "Érythrée",
    "Éthiopie",
    "Inde",
    "Indonésie",
    "Irak",
    "Israël",
    "Kazakhstan",
    "Mali",
    "Maroc",
    "Mexique",
    "Myanmar",
    "Nicaragua",
    "Nigeria",
    "Ouganda",
    "Pakistan",
    "Philippines",
    "Russie",
    "Rwanda",
    "Sri Lanka",
    "Soudan",
    "Syrie",
    "Tchad",
    "Tunisie",
    "Turquie",
    "Ukraine",
    "Venezuela",
    "Viêt Nam",
    "Yémen",
    "Zimbabwe",
]
THEMES = [
    "liberté d'expression",
    "peine de mort",
    "torture",
    "disparitions forcées",
    "droits des femmes",
    "droits des enfants",
    "réfugiés et migrants",
    "discriminations",
    "justice internationale",
    "conflits armés",
    "surveillance numérique",
    "liberté de réunion",
    "droits des personnes LGBTI",
    "justice climatique",
    "peuples autochtones",
    "prisonniers d'opinion",
    "commerce des armes",
    "violences policières",
    "détention arbitraire",
    "procès inéquitables",
]
SUBJECTS = [
    "Les autorités",
    "Le gouvernement",
    "Les forces de sécurité",
    "Un tribunal militaire",
    "La police",
    "Les groupes armés",
    "Le parquet",
    "L'armée",
    "Une milice",
    "Le ministère de l'Intérieur",
]
VERBS = [
    "ont arrêté",
    "ont condamné",
    "ont menacé",
    "ont harcelé",
    "ont expulsé",
    "ont placé en détention",
    "ont interdit de sortie du territoire",
    "ont poursuivi",
    "surveillent",
    "intimident",
]
VICTIMS = [
    "des journalistes indépendants",
    "des avocates",
    "des défenseurs de l'environnement",
    "des syndicalistes",
    "des étudiantes",
    "des manifestants pacifiques",
    "des militants associatifs",
    "des opposants politiques",
    "des familles de disparus",
    "des membres de minorités religieuses",
    "des blogueuses",
    "des médecins",
]
CLAUSES = [
    "au mépris du droit international",
    "sans mandat ni explication",
    "à l'issue d'un procès expéditif",
    "pendant la campagne électorale",
    "après une manifestation contre la vie chère",
    "en invoquant la sécurité nationale",
    "sur la base d'une loi antiterroriste",
    "malgré les appels de l'ONU",
    "loin de leurs proches",
    "dans une prison surpeuplée",
]
CALLS = [
    "Nous demandons leur libération immédiate et sans condition.",
    "Écrivez aux autorités pour exiger une enquête indépendante et impartiale.",
    "Signez la pétition : chaque voix compte pour obtenir justice.",
    "Les sections relaient l'appel auprès des ambassades concernées.",
    "Nos chercheurs ont recueilli des témoignages concordants sur le terrain.",
    "L'équipe régionale suit la situation en lien avec les groupes locaux.",
    "Les familles attendent toujours des réponses sur le sort de leurs proches.",
    "Le mouvement interpelle les États membres du Conseil des droits de l'homme.",
    "Les rapports du mouvement sont transmis au Secrétariat international pour le plaidoyer.",
    "Les sections nationales coordonnent les actions urgentes de leurs membres.",
]
HEADLINES = [
    "Liberté de création en danger",
    "Mobilisation pour les prisonniers d'opinion",
    "Justice pour les victimes",
    "Protéger celles et ceux qui défendent les droits",
    "Stopper les exécutions",
    "Un rapport accablant",
    "Les militants ne se taisent pas",
    "Accès à la justice",
]
MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(VICTIMS)} "
        f"en {rng.choice(COUNTRIES)} {rng.choice(CLAUSES)}."
    )


def paragraph(rng: random.Random, sentences: int) -> str:
    parts = [sentence(rng) if rng.random() < 0.7 else rng.choice(CALLS) for _ in range(sentences)]
    return " ".join(parts)


def page_title(rng: random.Random, number: int) -> str:
    theme = rng.choice(THEMES)
    return f"{theme[0].upper()}{theme[1:]} : {rng.choice(VICTIMS)} en {rng.choice(COUNTRIES)} ({number})"


# --- Building the content (in the worker process, Django set up) --------------------------------------


def build_content(log) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Collection, Page

    from core.models import SiteDocument
    from home.models import HomePage, StandardPage
    from newsletter.models import NQIIndexPage, NQIIssuePage

    start = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", "--skip-index", stdout=open(os.devnull, "w"))  # noqa: SIM115
    log(f"migrate + demo: {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    rng = random.Random(SEED)
    now = timezone.now()
    home = HomePage.objects.get()
    nqi_index = NQIIndexPage.objects.get()

    def insert_children(parent, model, rows):
        """Bulk-insert live pages of `model` under `parent` (treebeard paths computed here): `rows`
        are dicts of the model's own fields plus title and slug. Returns the created pages' ids."""
        parent = Page.objects.get(pk=parent.pk)
        last = parent.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        content_type = ContentType.objects.get_for_model(model)
        depth = parent.depth + 1
        bases, own = [], []
        for offset, row in enumerate(rows, start=1):
            row = dict(row)
            title, slug = row.pop("title"), row.pop("slug")
            published = row.pop("published", now)
            bases.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=Page._get_path(parent.path, depth, step + offset),
                    depth=depth,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    content_type=content_type,
                    locale_id=parent.locale_id,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    translation_key=uuid.uuid4(),
                )
            )
            own.append(row)
        Page.objects.bulk_create(bases, batch_size=500)
        children = [model(page_ptr_id=base.pk, **row) for base, row in zip(bases, own, strict=True)]
        fields = list(model._meta.local_concrete_fields)
        for index in range(0, len(children), 200):
            model._base_manager._insert(children[index : index + 200], fields=fields, raw=True)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(rows))
        return [base.pk for base in bases]

    def body(paragraphs):
        return [
            {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.UUID(int=rng.getrandbits(128)))}
            for text in paragraphs
        ]

    def standard_row(number, title=None, intro=None, paragraphs=None):
        title = title or page_title(rng, number)
        return {
            "title": title,
            "slug": f"page-{number}",
            "published": now - datetime.timedelta(days=rng.randrange(3650)),
            "intro": intro or paragraph(rng, 1),
            "body": body(paragraphs or [paragraph(rng, rng.randint(3, 6)) for _ in range(rng.randint(2, 4))]),
        }

    with transaction.atomic():
        section_rows = [standard_row(number) for number in range(SECTIONS)]
        section_ids = insert_children(home, StandardPage, section_rows)
        remaining = PAGES - SECTIONS
        number = SECTIONS
        for position, section_id in enumerate(section_ids):
            count = remaining // SECTIONS + (1 if position < remaining % SECTIONS else 0)
            rows = [standard_row(number + index) for index in range(count)]
            if position < len(PLANTED_PAGES):  # the planted pages replace a generated one each
                title, intro, text = PLANTED_PAGES[position]
                rows[0] = standard_row(number, title=title, intro=intro, paragraphs=[text, paragraph(rng, 3)])
            number += count
            insert_children(Page.objects.get(pk=section_id), StandardPage, rows)

        # NQI issues, one a month before the demo's first (September 2025), each with its document.
        root_collection = Collection.get_first_root_node()
        first_demo = NQIIssuePage.objects.order_by("month").values_list("month", flat=True).first()
        documents, issue_rows = [], []
        for index in range(ISSUES):
            months = first_demo.year * 12 + first_demo.month - 2 - index
            month = datetime.date(months // 12, months % 12 + 1, 1)
            issue_number = 900 - index
            label = f"{MONTHS_FR[month.month - 1]} {month.year}"
            headlines = rng.sample(HEADLINES, 3)
            if issue_number == 900:
                headlines[0] = "Patrimoine et liberté de création"
            articles = [
                (headline, rng.choice(THEMES), paragraph(rng, 2)) for headline in headlines[: rng.randint(2, 3)]
            ]
            text_parts = [
                f"Nouvelles des Questions Internationales N° {issue_number} - {label}",
                "Dans ce numéro : " + " - ".join(headline for headline, _theme, _text in articles),
                "AMNESTY INTERNATIONAL Résumés de documents internes du mouvement, à l'intention des membres.",
            ]
            for headline, theme, text in articles:
                text_parts.append(f"{theme.upper()} | NQI n° {issue_number}, {label} {headline} {text}")
                text_parts.append(paragraph(rng, rng.randint(8, 14)))
                text_parts.append(f"Source : document interne NQI-{month:%Y-%m}-{rng.randint(1, 9)}.")
            if issue_number == 900:
                text_parts.append(
                    f"Les manuscrits de {PLANTED_PDF_WORD} ont été mis à l'abri par des bibliothécaires "
                    "menacés ; le mouvement soutient leur travail."
                )
            extracted = "\n".join(text_parts)
            file_hash = hashlib.sha1(extracted.encode()).hexdigest()
            documents.append(
                SiteDocument(
                    title=f"NQI n° {issue_number} – {label}",
                    file=f"documents/bench/nqi-{month:%Y-%m}.pdf",
                    file_size=len(extracted) * 3,
                    file_hash=file_hash,
                    collection=root_collection,
                    page_count=4,
                    extracted_text=extracted,
                    extraction_status="done",
                    processed_at=now,
                    processed_hash=file_hash,
                )
            )
            issue_rows.append(
                {
                    "title": f"NQI n° {issue_number} : {articles[0][0]}",
                    "slug": f"nqi-{month:%Y-%m}",
                    "published": timezone.make_aware(datetime.datetime(month.year, month.month, 1, 9)),
                    "issue_number": issue_number,
                    "month": month,
                    "summary": f"Au sommaire ({label}) : " + " ; ".join(h.lower() for h, _t, _x in articles) + ".",
                    "articles": [
                        {
                            "type": "article",
                            "value": {"title": headline, "region": theme, "text": text},
                            "id": str(uuid.UUID(int=rng.getrandbits(128))),
                        }
                        for headline, theme, text in articles
                    ],
                }
            )
        SiteDocument.objects.bulk_create(documents, batch_size=200)
        for row, document in zip(issue_rows, documents, strict=True):
            row["pdf_id"] = document.pk
        insert_children(nqi_index, NQIIssuePage, issue_rows)
    log(f"{PAGES} pages + {ISSUES} NQI issues generated: {time.perf_counter() - start:.1f} s")


def indexed_object_count(backend_name: str) -> int:
    from wagtail.search.index import get_indexed_models

    return sum(model.get_indexed_objects().count() for model in get_indexed_models())


# --- Measuring (worker) ---------------------------------------------------------------------------------


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))]


def measure(column: str, build: bool, log) -> dict:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from home.models import StandardPage
    from search.query import run_search

    setup_test_environment()
    if build:
        build_content(log)

    engine = column == "OpenSearch"
    backend_name = "default"
    objects = indexed_object_count(backend_name)
    logging.getLogger("opensearch").setLevel(logging.ERROR)  # the atomic rebuild's 404s on absent indexes
    start = time.perf_counter()
    call_command("update_index", backend_name=backend_name, stdout=open(os.devnull, "w"))  # noqa: SIM115
    index_seconds = time.perf_counter() - start
    log(f"update_index: {objects} objects in {index_seconds:.1f} s")
    if engine:
        from wagtail.search.backends import get_search_backend

        backend = get_search_backend(backend_name)
        backend.es.indices.refresh(index=settings.WAGTAILSEARCH_BACKENDS[backend_name]["INDEX_PREFIX"] + "*")

    client = Client()
    floor_url = StandardPage.objects.get(slug="contact").url

    def url_of(path, query):
        return f"{path}?{urlencode({'q': query})}"

    def typed(query):  # what the header's box sends while the visitor is still typing
        return query[: max(3, len(query) - 2)]

    def timed(url):
        start = time.perf_counter()
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        return (time.perf_counter() - start) * 1000

    # Warm up: every URL once (templates, caches, the engine's caches). A request slower than
    # SLOW_MS is not repeated: its warm time stands for its ROUNDS samples (flagged in the report).
    slow = {}
    for query, *_rest in QUERIES:
        for path, value in (("/recherche/", query), ("/recherche/suggestions/", typed(query))):
            elapsed = timed(url_of(path, value))
            if elapsed > SLOW_MS:
                slow[url_of(path, value)] = elapsed
    timed(floor_url)

    view, suggestions, floor, per_query = [], [], [], {}
    for _round in range(ROUNDS):
        for query, *_rest in QUERIES:
            for samples, url in (
                (view, url_of("/recherche/", query)),
                (floor, floor_url),
                (suggestions, url_of("/recherche/suggestions/", typed(query))),
            ):
                elapsed = slow[url] if url in slow else timed(url)
                samples.append(elapsed)
                if samples is view:
                    per_query.setdefault(query, []).append(elapsed)
    slowest = sorted(per_query.items(), key=lambda item: -statistics.median(item[1]))[:3]

    found, misses, fallback = 0, [], False
    for query, what, kind, title in QUERIES:
        results = run_search(query, backend_name=backend_name)
        fallback = fallback or results.used_fallback
        top = [(item.kind, item.title) for item in results.items[:TOP]]
        if (kind, title) in top:
            found += 1
        else:
            first = [f"{item_title} [{item_kind}]" for item_kind, item_title in top] or ["(aucun résultat)"]
            misses.append({"query": query, "what": what, "expected": f"{title} [{kind}]", "top": first})

    if engine:
        prefix = settings.WAGTAILSEARCH_BACKENDS[backend_name]["INDEX_PREFIX"]
        get_search_backend(backend_name).es.indices.delete(index=prefix + "*")

    return {
        "column": column,
        "objects": objects,
        "index_seconds": index_seconds,
        "throughput": objects / index_seconds,
        "view_p50": statistics.median(view),
        "view_p95": percentile(view, 0.95),
        "suggest_p50": statistics.median(suggestions),
        "suggest_p95": percentile(suggestions, 0.95),
        "floor_p50": statistics.median(floor),
        "floor_p95": percentile(floor, 0.95),
        "ratio": percentile(view, 0.95) / percentile(floor, 0.95),
        "found": found,
        "misses": misses,
        "fallback": fallback,
        "samples": len(view),
        "slowest": [(query, statistics.median(samples)) for query, samples in slowest],
        "not_repeated": sorted(slow),
    }


def worker(config: dict) -> int:
    def log(message):
        print(f"  [{config['column']}] {message}", file=sys.stderr, flush=True)

    result = measure(config["column"], config["build"], log)
    Path(config["out"]).write_text(json.dumps(result))
    return 0


# --- Orchestration (parent process: no Django) ----------------------------------------------------------


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def postgres_admin(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)


def run_column(column: str, env: dict, build: bool, workdir: Path) -> dict | None:
    out = workdir / f"{column}.json"
    config = {"column": column, "build": build, "out": str(out)}
    print(f"{column}: {'building and ' if build else ''}indexing…", file=sys.stderr, flush=True)
    completed = subprocess.run([sys.executable, __file__, "--worker", json.dumps(config)], env=env, check=False)
    if completed.returncode != 0 or not out.exists():
        print(f"{column}: the worker failed (exit {completed.returncode})", file=sys.stderr)
        return None
    return json.loads(out.read_text())


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="amnesty-bench-search-"))
    base_env = dict(os.environ, DJANGO_SETTINGS_MODULE="website.settings.test")
    base_env.pop("SEARCH_URL", None)
    search_url = os.environ.get("SEARCH_URL", "")
    postgres_url = os.environ.get("DATABASE_URL", "")
    if search_url and urlsplit(search_url).hostname not in {"127.0.0.1", "localhost"}:
        print(f"SEARCH_URL must point at 127.0.0.1 (a private node), not {search_url}", file=sys.stderr)
        return 2

    sqlite_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    pg_name = f"bench_search_{os.getpid()}"
    results, failed = [], []
    started = time.perf_counter()
    try:
        columns = [("SQLite", {"DATABASE_URL": sqlite_url}, True)]
        if postgres_url:
            postgres_admin(postgres_url, f'CREATE DATABASE "{pg_name}"')
            columns.append(("PostgreSQL", {"DATABASE_URL": with_database(postgres_url, pg_name)}, True))
        if search_url:
            # The engine's column reuses a database built above (its "database" backend, the
            # fallback, is already indexed there): PostgreSQL as in production, else SQLite.
            columns.append(
                (
                    "OpenSearch",
                    {
                        "DATABASE_URL": columns[-1][1]["DATABASE_URL"],
                        "SEARCH_URL": search_url,
                        "SEARCH_INDEX_PREFIX": f"bench{os.getpid()}_",
                    },
                    False,
                )
            )
        for column, env, build in columns:
            result = run_column(column, {**base_env, **env}, build, workdir)
            if result is None:
                failed.append(column)
            else:
                results.append(result)
    finally:
        if postgres_url:
            try:
                postgres_admin(postgres_url, f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
            except Exception as error:  # report it: the server is throwaway anyway
                print(f"could not drop {pg_name}: {error}", file=sys.stderr)

    report(results)
    print(
        f"{PAGES} generated pages + {ISSUES} NQI issues (+ the demo), {ROUNDS} rounds x {len(QUERIES)} queries, "
        f"top {TOP}; total {time.perf_counter() - started:.0f} s"
    )
    return judge(results, failed, bool(search_url))


def report(results: list[dict]) -> None:
    if not results:
        return
    rows = [
        ("indexed objects", lambda r: f"{r['objects']}"),
        ("update_index (s)", lambda r: f"{r['index_seconds']:.1f}"),
        ("indexing (objects/s)", lambda r: f"{r['throughput']:.0f}"),
        ("view p50 (ms)", lambda r: f"{r['view_p50']:.1f}"),
        ("view p95 (ms)", lambda r: f"{r['view_p95']:.1f}"),
        ("suggestions p50 (ms)", lambda r: f"{r['suggest_p50']:.1f}"),
        ("suggestions p95 (ms)", lambda r: f"{r['suggest_p95']:.1f}"),
        ("floor page p50 (ms)", lambda r: f"{r['floor_p50']:.1f}"),
        ("floor page p95 (ms)", lambda r: f"{r['floor_p95']:.1f}"),
        ("view p95 / floor p95", lambda r: f"{r['ratio']:.2f}"),
        (f"answers in top {TOP}", lambda r: f"{r['found']}/{len(QUERIES)}"),
    ]
    width = 22
    print()
    print(f"{'search benchmark':<{width}}" + "".join(f"{r['column']:>14}" for r in results))
    for label, value in rows:
        print(f"{label:<{width}}" + "".join(f"{value(r):>14}" for r in results))
    for result in results:
        slowest = ", ".join(f"« {query} » {ms:.0f} ms" for query, ms in result["slowest"])
        print(f"  {result['column']}: slowest queries through the view (p50): {slowest}")
        if result["not_repeated"]:
            print(f"  {result['column']}: over {SLOW_MS} ms, timed once: {', '.join(result['not_repeated'])}")
        for miss in result["misses"]:
            print(
                f"  {result['column']}: « {miss['query']} » ({miss['what']}) expected {miss['expected']}; "
                f"top {TOP}: {' | '.join(miss['top'])}"
            )


def judge(results: list[dict], failed: list[str], engine_expected: bool) -> int:
    problems = [f"{column} did not run" for column in failed]
    engine = next((r for r in results if r["column"] == "OpenSearch"), None)
    if engine is None:
        problems.append("OpenSearch not measured (SEARCH_URL unset: run through ops/with-opensearch.sh)")
    else:
        if engine["fallback"]:
            problems.append("OpenSearch answered through the database fallback")
        if engine["view_p95"] > TARGET_P95_MS:
            problems.append(f"OpenSearch view p95 {engine['view_p95']:.1f} ms > {TARGET_P95_MS:.0f} ms")
        if engine["ratio"] > TARGET_RATIO:
            problems.append(f"OpenSearch view p95 / floor p95 {engine['ratio']:.2f} > {TARGET_RATIO:.1f}")
        if engine["found"] < len(QUERIES):
            problems.append(f"OpenSearch: {engine['found']}/{len(QUERIES)} answers in the top {TOP}")
    print(
        f"targets (OpenSearch): view p95 <= {TARGET_P95_MS:.0f} ms, view p95 <= {TARGET_RATIO:.1f} x floor p95, "
        f"{len(QUERIES)}/{len(QUERIES)} answers in the top {TOP}"
    )
    if problems:
        print("MISSED: " + "; ".join(problems))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        sys.exit(worker(json.loads(sys.argv[2])))
    sys.exit(main())
