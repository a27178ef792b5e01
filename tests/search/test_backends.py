"""Which search backends SEARCH_URL selects, and what the engine backends send, without a node.

`search.backends.search_backends()` turns SEARCH_URL into WAGTAILSEARCH_BACKENDS; every form an
operator may write is here, and the errors say what was expected. The Elasticsearch 9 backend is
checked through the bytes its client would put on the wire (a recording transport node in place of
the HTTP one): the French analysis, the accent-folding autocomplete field, the index names.
"""

import base64
import json
from copy import deepcopy
from importlib import import_module

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse  # the return type BaseNode.perform_request must give
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.models import SiteDocument
from search.backends import (
    DEFAULT_INDEX_PREFIX,
    ENGINE_ERRORS,
    POSTGRES_SEARCH_CONFIG,
    is_postgresql,
    search_backends,
)
from tests.home.factories import StandardPageFactory

SQLITE = "django.db.backends.sqlite3"
POSTGRESQL = "django.db.backends.postgresql"
DATABASE = {"BACKEND": "wagtail.search.backends.database"}
DATABASE_FRENCH = {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "french_unaccent"}


def engine(backend: str, url: str, prefix: str = "amnesty_") -> dict:
    return {
        "BACKEND": backend,
        "URLS": [url],
        "INDEX_PREFIX": prefix,
        "TIMEOUT": 3,
        "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        "ATOMIC_REBUILD": True,
    }


# --- SEARCH_URL -> WAGTAILSEARCH_BACKENDS ----------------------------------------------------------


@pytest.mark.parametrize("search_url", ["", "   "])
def test_without_search_url_sqlite_uses_the_embedded_database_backend(search_url):
    assert search_backends(search_url, SQLITE, "amnesty_") == {"default": DATABASE}


@pytest.mark.parametrize("database_engine", [POSTGRESQL, "django.contrib.gis.db.backends.postgis"])
def test_without_search_url_postgresql_uses_french_full_text_without_accents(database_engine):
    assert search_backends("", database_engine, "amnesty_") == {"default": DATABASE_FRENCH}


@pytest.mark.parametrize(
    ("search_url", "backend", "url"),
    [
        ("opensearch://127.0.0.1:9200", "search.engines.opensearch3", "http://127.0.0.1:9200"),
        ("opensearch://search.internal", "search.engines.opensearch3", "http://search.internal:9200"),
        ("opensearchs://search.example.org:443", "search.engines.opensearch3", "https://search.example.org:443"),
        (
            "opensearchs://site:s%40cret@search.example.org/cluster/",
            "search.engines.opensearch3",
            "https://site:s%40cret@search.example.org:9200/cluster",
        ),
        ("elasticsearch://localhost:9201", "search.engines.elasticsearch9", "http://localhost:9201"),
        (
            "elasticsearchs://elastic:changeme@es.example.org:9243",
            "search.engines.elasticsearch9",
            "https://elastic:changeme@es.example.org:9243",
        ),
        ("OpenSearch://[::1]:9200", "search.engines.opensearch3", "http://[::1]:9200"),
    ],
)
def test_an_engine_url_selects_that_engine_with_the_database_backend_as_fallback(search_url, backend, url):
    assert search_backends(search_url, SQLITE, "amnesty_") == {"default": engine(backend, url), "database": DATABASE}


def test_on_postgresql_the_engine_fallback_is_the_french_full_text():
    backends = search_backends("opensearch://127.0.0.1:9200", POSTGRESQL, "amnesty_")

    assert backends["database"] == DATABASE_FRENCH


def test_the_index_prefix_names_every_index_of_the_engine():
    backends = search_backends("opensearch://127.0.0.1:9200", SQLITE, "preprod-2_")
    backend = get_search_backend("search.engines.opensearch3", **deepcopy(backends["default"]))

    assert backend.get_index_for_model(Page).name == "preprod-2_wagtailcore_page"
    assert backend.get_index_for_model(SiteDocument).name == "preprod-2_core_sitedocument"


@pytest.mark.parametrize("search_url", ["solr://127.0.0.1:8983", "http://127.0.0.1:9200", "opensearch2://h:9200"])
def test_an_unknown_scheme_is_refused_with_the_schemes_expected(search_url):
    with pytest.raises(ImproperlyConfigured) as error:
        search_backends(search_url, SQLITE, "amnesty_")

    message = str(error.value)
    assert "SEARCH_URL" in message and "unknown scheme" in message
    for scheme in ("opensearch://", "opensearchs://", "elasticsearch://", "elasticsearchs://"):
        assert scheme in message


@pytest.mark.parametrize(
    ("search_url", "expected"),
    [
        ("opensearch://", "no host"),
        ("opensearch://user:hunter2@:9200", "no host"),
        ("opensearch://127.0.0.1:port", "invalid port"),
        ("opensearch://127.0.0.1:9200/?verify=0", "no query string"),
    ],
)
def test_a_malformed_engine_url_is_refused_without_showing_its_password(search_url, expected):
    with pytest.raises(ImproperlyConfigured, match=expected) as error:
        search_backends(search_url, SQLITE, "amnesty_")

    assert "hunter2" not in str(error.value)


@pytest.mark.parametrize("prefix", ["", "Amnesty_", "_amnesty", "-x", "a b", "a*"])
def test_an_index_prefix_the_engine_would_refuse_is_refused_at_startup(prefix):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_INDEX_PREFIX"):
        search_backends("opensearch://127.0.0.1:9200", SQLITE, prefix)


def test_the_settings_build_the_backends_from_the_environment():
    engine_name = settings.DATABASES["default"]["ENGINE"]

    configured = settings.WAGTAILSEARCH_BACKENDS

    assert configured == search_backends(settings.SEARCH_URL, engine_name, settings.SEARCH_INDEX_PREFIX)
    assert DEFAULT_INDEX_PREFIX == "amnesty_"
    assert ("django.contrib.postgres" in settings.INSTALLED_APPS) == is_postgresql(engine_name)


def test_the_migration_creates_the_configuration_the_postgresql_backend_uses():
    migration = import_module("search.migrations.0001_french_text_search")

    assert migration.CONFIG == POSTGRES_SEARCH_CONFIG == DATABASE_FRENCH["SEARCH_CONFIG"]
    assert "unaccent, french_stem" in migration.CREATE
    assert "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent" in migration.DROP


# --- The engine clients: one short try, credentials decoded ---------------------------------------


def test_the_opensearch_client_tries_once_for_three_seconds_and_decodes_the_password():
    config = search_backends("opensearchs://site:s%40cret@127.0.0.1:1", SQLITE, "amnesty_")["default"]
    backend = get_search_backend("search.engines.opensearch3", **deepcopy(config))

    transport = backend.es.transport
    assert (transport.max_retries, transport.retry_on_timeout, transport.kwargs["timeout"]) == (0, False, 3)
    assert backend.hosts[0]["http_auth"] == ("site", "s@cret")
    assert backend.hosts[0]["use_ssl"] is True


def test_the_elasticsearch_client_tries_once_for_three_seconds_and_decodes_the_password():
    config = search_backends("elasticsearch://elastic:s%40cret@127.0.0.1:1", SQLITE, "amnesty_")["default"]
    backend = get_search_backend("search.engines.elasticsearch9", **deepcopy(config))

    client = backend.es
    assert (client._max_retries, client._retry_on_timeout, client._request_timeout) == (0, False, 3)
    assert base64.b64decode(client._headers["authorization"].removeprefix("Basic ")) == b"elastic:s@cret"


def test_engine_errors_cover_unreachable_nodes_of_both_clients():
    import elastic_transport
    import elasticsearch
    import opensearchpy

    for error in (
        opensearchpy.ConnectionError,
        opensearchpy.ConnectionTimeout,
        opensearchpy.NotFoundError,
        elastic_transport.ConnectionError,
        elastic_transport.ConnectionTimeout,
        elasticsearch.NotFoundError,
    ):
        assert issubclass(error, ENGINE_ERRORS), error


# --- What the Elasticsearch 9 backend sends -------------------------------------------------------


class RecordingNode(BaseNode):
    """A transport node that records each request and answers as an empty Elasticsearch 9 would."""

    sent: list[dict] = []

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        self.sent.append(
            {
                "method": method,
                "target": target,
                "body": json.loads(body) if body else None,
                "headers": dict(headers or {}),
                "timeout": request_timeout,
            }
        )
        # HEAD (does this alias exist?) -> no; everything else is acknowledged.
        status = 404 if method == "HEAD" else 200
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders({"x-elastic-product": "Elasticsearch", "content-type": "application/json"}),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, b'{"acknowledged": true, "result": "created", "_id": "1"}')


@pytest.fixture
def elasticsearch9(settings):
    """The Elasticsearch 9 backend as SEARCH_URL=elasticsearch://… configures it, on a recording node."""
    config = search_backends("elasticsearch://127.0.0.1:9200", SQLITE, "test_es9_")["default"]
    config["OPTIONS"]["node_class"] = RecordingNode
    settings.WAGTAILSEARCH_BACKENDS = {"default": config}
    RecordingNode.sent = []
    return RecordingNode.sent


def sent_to(sent, method, target_start):
    return [request for request in sent if request["method"] == method and request["target"].startswith(target_start)]


def test_the_rebuild_creates_a_french_index_then_points_the_alias_at_it(elasticsearch9):
    call_command("update_index", "--backend", "default", "--schema-only", verbosity=0)

    (created,) = [
        request
        for request in sent_to(elasticsearch9, "PUT", "/test_es9_wagtailcore_page_")
        if request["target"].count("/") == 1
    ]
    analysis = created["body"]["settings"]["analysis"]
    analyzers = analysis["analyzer"]
    assert analyzers["default"]["filter"] == ["fr_elision", "lowercase", "asciifolding", "fr_stop", "fr_stem"]
    assert analyzers["edgengram_analyzer"]["filter"] == ["fr_elision", "lowercase", "asciifolding", "edgengram"]
    assert analyzers["ngram_analyzer"]["filter"] == ["fr_elision", "lowercase", "asciifolding", "ngram"]
    assert analyzers["autocomplete_search"]["filter"] == ["fr_elision", "lowercase", "asciifolding"]
    assert analysis["filter"]["fr_elision"]["articles_case"] is True
    assert {"l", "d", "qu", "jusqu"} <= set(analysis["filter"]["fr_elision"]["articles"])
    assert analysis["filter"]["fr_stem"] == {"type": "stemmer", "language": "light_french"}
    assert analysis["filter"]["fr_stop"] == {"type": "stop", "stopwords": "_french_"}
    assert analysis["filter"]["edgengram"] == {"type": "edge_ngram", "min_gram": 1, "max_gram": 15}
    assert created["body"]["settings"]["index"] == {
        "max_ngram_diff": 12,
        "number_of_shards": 1,
        "auto_expand_replicas": "0-1",
    }

    new_index = created["target"].lstrip("/")
    assert sent_to(elasticsearch9, "PUT", f"/{new_index}/_alias/test_es9_wagtailcore_page")
    assert sent_to(elasticsearch9, "PUT", "/test_es9_core_sitedocument_")


def test_every_autocomplete_field_folds_accents_at_query_time(elasticsearch9):
    call_command("update_index", "--backend", "default", "--schema-only", verbosity=0)

    mappings = [request["body"]["properties"] for request in elasticsearch9 if request["target"].endswith("/_mapping")]
    assert mappings
    folding = {"type": "text", "analyzer": "edgengram_analyzer", "search_analyzer": "autocomplete_search"}
    autocomplete_fields = [
        (name, field) for properties in mappings for name, field in properties.items() if name.endswith("_edgengrams")
    ]
    assert ("_edgengrams", folding) in autocomplete_fields
    assert ("title_edgengrams", folding) in autocomplete_fields
    for name, field in autocomplete_fields:
        assert field["search_analyzer"] == "autocomplete_search", name
        assert field["analyzer"] == "edgengram_analyzer", name


def test_the_text_of_an_nqi_pdf_is_mapped_to_the_searched_text(elasticsearch9):
    call_command("update_index", "--backend", "default", "--schema-only", verbosity=0)

    properties = {}
    for request in elasticsearch9:
        if request["target"].endswith("/_mapping"):
            properties.update(request["body"]["properties"])
    assert properties["newsletter_nqiissuepage__pdf_text"] == {"type": "text", "copy_to": "_all_text"}
    assert properties["_all_text"] == {"type": "text"}  # the French `default` analyzer


def test_every_request_asks_for_elasticsearch_9_and_waits_three_seconds_at_most(elasticsearch9):
    call_command("update_index", "--backend", "default", "--schema-only", verbosity=0)

    assert elasticsearch9
    for request in elasticsearch9:
        assert request["headers"]["accept"] == "application/vnd.elasticsearch+json; compatible-with=9"
        assert request["timeout"] == 3


def test_a_page_document_carries_its_text_and_autocomplete_words(db, elasticsearch9):
    page = StandardPageFactory(title="Secrétariat international", intro="Le siège, à Londres.")
    elasticsearch9.clear()

    get_search_backend().add_now(page)

    (indexed,) = sent_to(elasticsearch9, "PUT", "/test_es9_wagtailcore_page/_doc/")
    assert indexed["target"] == f"/test_es9_wagtailcore_page/_doc/{page.pk}"
    document = indexed["body"]
    assert document["title"] == "Secrétariat international"
    assert document["home_standardpage__intro"] == "Le siège, à Londres."
    assert "Secrétariat international" in document["_edgengrams"]
    content_types = document["_django_content_type"]
    assert content_types[0] == "home.StandardPage" and "wagtailcore.Page" in content_types
