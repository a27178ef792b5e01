"""Which search backends the site runs, chosen by the environment, and the French analysis of the engines.

`search_backends()` is a pure function of three strings (no Django import at module level: the
settings call it), so every form of SEARCH_URL is tested without starting anything:

- empty, SQLite: Wagtail's database backend (SQLite FTS5), the embedded default of `make run`;
- empty, PostgreSQL: the database backend on PostgreSQL's full text, with the `french_unaccent`
  text search configuration that search/migrations/0001_french_text_search.py creates;
- `opensearch://host:port` (HTTP) or `opensearchs://user:password@host:port` (HTTPS): OpenSearch 3
  (search.engines.opensearch3), what `make test` and production run;
- `elasticsearch://…` / `elasticsearchs://…`: Elasticsearch 9 (search.engines.elasticsearch9).

With an engine, a second backend named "database" stays in sync through Wagtail's signals; the
search service falls back on it when the engine does not answer (`ENGINE_ERRORS`).
"""

import re
from urllib.parse import urlsplit, urlunsplit

DATABASE_BACKEND = "wagtail.search.backends.database"
ENGINE_BACKENDS = {
    "opensearch": "search.engines.opensearch3",
    "elasticsearch": "search.engines.elasticsearch9",
}
DEFAULT_ENGINE_PORT = 9200
DEFAULT_INDEX_PREFIX = "amnesty_"

# PostgreSQL text search configuration: `french` with `unaccent` before `french_stem`.
POSTGRES_SEARCH_CONFIG = "french_unaccent"

# A publish must not wait on a sick engine: one try, three seconds at most (search.indexing queues
# what failed for later).
ENGINE_TIMEOUT = 3
ENGINE_OPTIONS = {"max_retries": 0, "retry_on_timeout": False}

# Index names are lowercase and cannot start with "_", "-" or "+".
INDEX_PREFIX_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

# French analysis, for indexing and for queries: elision first (the standard tokenizer keeps
# "l'Assemblée" as one token), then lowercase and accent folding before the light French stemmer,
# so that "assemblee", "Assemblées" and "l'Assemblée" meet on one stem.
FRENCH_CHAIN = ["fr_elision", "lowercase", "asciifolding"]
FRENCH_ARTICLES = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]
FRENCH_INDEX_SETTINGS = {
    "settings": {
        "index": {
            "number_of_shards": 1,
            # One copy on a single node (no yellow health for nothing), a replica once a second node joins.
            "auto_expand_replicas": "0-1",
        },
        "analysis": {
            "filter": {
                "fr_elision": {"type": "elision", "articles_case": True, "articles": FRENCH_ARTICLES},
                "fr_stop": {"type": "stop", "stopwords": "_french_"},
                "fr_stem": {"type": "stemmer", "language": "light_french"},
            },
            "analyzer": {
                # Every text field, `_all_text` and its boosted copies, at index and query time.
                "default": {"type": "custom", "tokenizer": "standard", "filter": [*FRENCH_CHAIN, "fr_stop", "fr_stem"]},
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [*FRENCH_CHAIN, "edgengram"],
                },
                "ngram_analyzer": {"type": "custom", "tokenizer": "standard", "filter": [*FRENCH_CHAIN, "ngram"]},
                # What an autocomplete query goes through: folded like the edge n-grams, not cut.
                "autocomplete_search": {"type": "custom", "tokenizer": "standard", "filter": FRENCH_CHAIN},
            },
        },
    }
}
# `_edgengrams` (the autocomplete field) is searched with Wagtail's `standard` analyzer by default,
# which does not fold accents (wagtail/wagtail#13005); the engines' mapping classes use this instead.
EDGENGRAM_ANALYZER_CONFIG = {"analyzer": "edgengram_analyzer", "search_analyzer": "autocomplete_search"}


def search_backends(search_url: str, database_engine: str, index_prefix: str = DEFAULT_INDEX_PREFIX) -> dict:
    """WAGTAILSEARCH_BACKENDS for a SEARCH_URL (may be empty) and the ENGINE of the default database."""
    from django.core.exceptions import ImproperlyConfigured

    database = database_backend(database_engine)
    search_url = (search_url or "").strip()
    if not search_url:
        return {"default": database}

    parts = urlsplit(search_url)
    scheme = parts.scheme.lower()
    engine, secure = scheme.removesuffix("s"), scheme.endswith("s")
    if engine not in ENGINE_BACKENDS:
        expected = ", ".join(f"{name}://, {name}s://" for name in ENGINE_BACKENDS)
        raise ImproperlyConfigured(
            f"SEARCH_URL: unknown scheme {parts.scheme!r}. Expected {expected} "
            "(or an empty SEARCH_URL for the database backend)."
        )
    try:
        port = parts.port or DEFAULT_ENGINE_PORT
    except ValueError as exc:
        raise ImproperlyConfigured(f"SEARCH_URL: invalid port in {redacted(search_url)!r}.") from exc
    if not parts.hostname:
        raise ImproperlyConfigured(f"SEARCH_URL: no host in {redacted(search_url)!r}.")
    if parts.query or parts.fragment:
        raise ImproperlyConfigured(f"SEARCH_URL: no query string or fragment allowed in {redacted(search_url)!r}.")
    if not INDEX_PREFIX_RE.match(index_prefix):
        raise ImproperlyConfigured(
            f"SEARCH_INDEX_PREFIX: {index_prefix!r} is not a valid index name prefix "
            "(lowercase letters, digits, '_' and '-', not starting with '_' or '-')."
        )

    credentials = parts.netloc.rpartition("@")[0]
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    netloc = f"{credentials}@{host}:{port}" if credentials else f"{host}:{port}"
    url = urlunsplit(("https" if secure else "http", netloc, parts.path.rstrip("/"), "", ""))
    return {
        "default": {
            "BACKEND": ENGINE_BACKENDS[engine],
            "URLS": [url],
            "INDEX_PREFIX": index_prefix,
            "TIMEOUT": ENGINE_TIMEOUT,
            "OPTIONS": dict(ENGINE_OPTIONS),
            "ATOMIC_REBUILD": True,
        },
        "database": database,
    }


def database_backend(database_engine: str) -> dict:
    if is_postgresql(database_engine):
        return {"BACKEND": DATABASE_BACKEND, "SEARCH_CONFIG": POSTGRES_SEARCH_CONFIG}
    return {"BACKEND": DATABASE_BACKEND}


def is_postgresql(database_engine: str) -> bool:
    """True for Django's PostgreSQL engine and those built on it (PostGIS)."""
    return database_engine.rsplit(".", 1)[-1] in {"postgresql", "postgis", "postgresql_psycopg2"}


def redacted(url: str) -> str:
    """The URL without its password, for error messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user, _, host = parts.netloc.rpartition("@")
    return urlunsplit(parts._replace(netloc=f"{user.partition(':')[0]}:***@{host}"))


def __getattr__(name):
    # ENGINE_ERRORS imports both engine clients: only when asked for, not when the settings load.
    if name == "ENGINE_ERRORS":
        global ENGINE_ERRORS
        ENGINE_ERRORS = _engine_errors()
        return ENGINE_ERRORS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _engine_errors() -> tuple[type[Exception], ...]:
    """What an unreachable or failing engine raises: connection errors, timeouts, HTTP errors (a
    missing index included) and unreadable answers, from opensearch-py and the elasticsearch client."""
    import elastic_transport
    import elasticsearch
    import opensearchpy

    return (opensearchpy.exceptions.OpenSearchException, elastic_transport.TransportError, elasticsearch.ApiError)
