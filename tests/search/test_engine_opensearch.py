"""The OpenSearch 3 backend (search.engines.opensearch3) against the real node of ops/with-opensearch.sh.

French as people type it: without accents, with elisions, singular for plural, with a typo, a
word found only in an NQI issue's PDF, autocomplete with and without accents. `update_index`
rebuilds atomically, and publishing while the engine is unreachable succeeds quickly and leaves
a queued task that brings the index up to date once the engine is back.

Every index of this run is named `test_<random>_…` and deleted at the end; each test starts with
empty indexes (the database rolls back between tests, the engine does not).
"""

import os
import secrets
import socket
import time

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Fuzzy

from search.backends import search_backends
from search.indexing import forget_engine_failures
from tests.core.pdfs import run_background_worker
from tests.home.factories import StandardPageFactory
from tests.newsletter.factories import NQIIssuePageFactory
from tests.organisation.factories import InternationalSecretariatPageFactory

PREFIX = f"test_{secrets.token_hex(4)}_"
PAGE_INDEX = f"{PREFIX}wagtailcore_page"


@pytest.fixture(scope="module")
def engine_backends():
    """WAGTAILSEARCH_BACKENDS for this run's indexes on the node, created empty (schema only)."""
    search_url = os.environ.get("SEARCH_URL", "")
    if not search_url.startswith("opensearch://"):
        pytest.fail("SEARCH_URL=opensearch://… manquant : lancez ces tests avec ops/with-opensearch.sh (make test)")
    backends = search_backends(search_url, django_settings.DATABASES["default"]["ENGINE"], PREFIX)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        client = get_search_backend().es
        try:
            call_command("update_index", "--backend", "default", "--schema-only", verbosity=0)
            yield backends
        finally:
            for name in client.indices.get(index=f"{PREFIX}*", expand_wildcards="all"):
                client.indices.delete(index=name)


@pytest.fixture
def engine(engine_backends, db):
    """The engine backend, its indexes emptied of what earlier tests put in them."""
    forget_engine_failures()
    backend = get_search_backend()
    backend.es.delete_by_query(index=f"{PREFIX}*", body={"query": {"match_all": {}}}, refresh=True, conflicts="proceed")
    yield backend
    forget_engine_failures()


@pytest.fixture
def site_content(engine, home_page):
    """A few pages in French, indexed by Wagtail's signals as editors publish them."""
    content = {
        "secretariat": InternationalSecretariatPageFactory(),  # "Secrétariat international"
        "assembly": StandardPageFactory(
            title="Les travaux de l'Assemblée générale", intro="Chaque été, l'Assemblée réunit les sections."
        ),
        "offices": StandardPageFactory(
            title="Nos implantations", intro="Trois bureaux régionaux ont fermé leurs portes en 2022."
        ),
        "issue": NQIIssuePageFactory(pdf__words="Le rapporteur s'est rendu à Tombouctou en mission"),
    }
    engine.refresh_indexes()
    return content


def search(query, **kwargs):
    return [page.specific for page in Page.objects.live().search(query, **kwargs)]


def autocomplete(query):
    return [page.specific for page in Page.objects.live().autocomplete(query)]


# --- French as people type it ---------------------------------------------------------------------


def test_a_query_without_accents_finds_the_accented_title_first(site_content):
    assert search("secretariat international")[0] == site_content["secretariat"]
    assert search("SECRETARIAT")[0] == site_content["secretariat"]


def test_a_word_after_an_elision_is_found_with_or_without_it(site_content):
    for query in ("assemblee", "l'assemblee", "L’Assemblée", "d'assemblee"):
        assert site_content["assembly"] in search(query), query
    assert site_content["secretariat"] not in search("assemblee")


def test_singular_and_plural_find_each_other(site_content):
    assert site_content["offices"] in search("bureau regional")
    assert site_content["offices"] in search("ferme")
    assert site_content["secretariat"] in search("secretariats")
    assert site_content["assembly"] in search("assemblees generales")


def test_a_typo_is_forgiven_with_fuzzy_queries(site_content):
    assert search(Fuzzy("secretarait"))[0] == site_content["secretariat"]
    assert site_content["issue"] in search(Fuzzy("Tombouktou"))
    assert search("secretarait") == [], "plain queries stay exact: Fuzzy is the search service's choice"


def test_a_word_found_only_in_the_pdf_finds_its_nqi_issue(site_content):
    issue = site_content["issue"]
    assert "Tombouctou" not in f"{issue.title} {issue.summary}"

    assert search("tombouctou") == [issue]


@pytest.mark.parametrize("prefix", ["secre", "secré", "Secré", "SECRE"])
def test_autocomplete_completes_with_and_without_accents(site_content, prefix):
    assert autocomplete(prefix)[0] == site_content["secretariat"]


def test_autocomplete_completes_a_word_after_an_elision(site_content):
    assert site_content["assembly"] in autocomplete("l'assem")
    assert site_content["assembly"] in autocomplete("assem")


def test_the_node_analyses_french_as_configured(engine):
    def tokens(analyzer, text):
        answer = engine.es.indices.analyze(index=PAGE_INDEX, body={"analyzer": analyzer, "text": text})
        return [token["token"] for token in answer["tokens"]]

    assert tokens("default", "l'Assemblée") == tokens("default", "assemblees") == tokens("default", "Assemblée")
    assert tokens("default", "le secrétariat et les bureaux") == tokens("default", "secretariat bureau")
    assert tokens("autocomplete_search", "L'Été") == ["ete"]
    assert tokens("edgengram_analyzer", "l'Été") == ["e", "et", "ete"]


# --- update_index ---------------------------------------------------------------------------------


def test_update_index_rebuilds_into_a_new_index_and_swaps_the_alias(site_content, engine):
    before = set(engine.es.indices.get_alias(index=PAGE_INDEX))

    call_command("update_index", "--backend", "default", verbosity=0)

    after = set(engine.es.indices.get_alias(index=PAGE_INDEX))
    assert len(after) == 1 and after.isdisjoint(before), "a new index behind the alias"
    assert not engine.es.indices.exists(index=",".join(before)), "the old index is deleted"
    assert search("secretariat international")[0] == site_content["secretariat"]
    assert search("tombouctou") == [site_content["issue"]]


# --- The engine down while editors publish --------------------------------------------------------


@pytest.fixture
def unreachable(engine_backends):
    """WAGTAILSEARCH_BACKENDS with the engine on a port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return search_backends(f"opensearch://127.0.0.1:{port}", django_settings.DATABASES["default"]["ENGINE"], PREFIX)


def reindex_tasks():
    return DBTaskResult.objects.filter(task_path="search.indexing.reindex_object")


def run_queued_reindexing_now() -> int:
    """What the background worker does once the retry delay has passed."""
    reindex_tasks().filter(status="READY").update(run_after=timezone.now())
    return run_background_worker()


def test_publishing_while_the_engine_is_unreachable_succeeds_fast_and_is_caught_up_later(
    engine, engine_backends, home_page, settings, unreachable
):
    settings.WAGTAILSEARCH_BACKENDS = unreachable
    started = time.monotonic()
    page = StandardPageFactory(title="Observation du procès à Ankara")
    elapsed = time.monotonic() - started

    assert elapsed < 5
    page.refresh_from_db()
    assert page.live
    assert reindex_tasks().filter(status="READY").exists()

    settings.WAGTAILSEARCH_BACKENDS = engine_backends  # the engine is back
    engine.refresh_indexes()
    assert search("Ankara") == [], "not indexed while the engine was down"

    assert run_queued_reindexing_now() >= 1

    assert set(reindex_tasks().values_list("status", flat=True)) == {"SUCCESSFUL"}
    engine.refresh_indexes()
    assert search("ankara") == [page]


def test_a_page_deleted_while_the_engine_is_unreachable_leaves_the_index_once_it_is_back(
    site_content, engine, engine_backends, settings, unreachable
):
    offices = site_content["offices"]
    assert engine.es.exists(index=PAGE_INDEX, id=str(offices.pk))

    settings.WAGTAILSEARCH_BACKENDS = unreachable
    offices.delete()
    settings.WAGTAILSEARCH_BACKENDS = engine_backends
    assert engine.es.exists(index=PAGE_INDEX, id=str(offices.pk)), "still there while the engine was down"

    assert run_queued_reindexing_now() >= 1

    assert set(reindex_tasks().values_list("return_value", flat=True)) == {"removed"}
    engine.refresh_indexes()
    assert not engine.es.exists(index=PAGE_INDEX, id=str(offices.pk))
