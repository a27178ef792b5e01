"""Elasticsearch 9 with French analysis, selected by `SEARCH_URL=elasticsearch://…`.

The same changes as search.engines.opensearch3, on Wagtail's elasticsearch9 backend (modelsearch):
French index settings, accent-folding autocomplete, indexing that survives an outage. `make test`
checks the settings and mappings this backend sends without a node: no Elasticsearch 8/9 node with
its analysis module can be assembled from the registries the tests use (see README.md).
"""

from copy import deepcopy
from urllib.parse import unquote

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.utils import deep_update

from search.backends import EDGENGRAM_ANALYZER_CONFIG, FRENCH_INDEX_SETTINGS
from search.indexing import ResilientIndexingMixin


class FrenchElasticsearch9Mapping(Elasticsearch9Mapping):
    edgengram_analyzer_config = EDGENGRAM_ANALYZER_CONFIG


class FrenchElasticsearch9SearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = FrenchElasticsearch9Mapping


class FrenchElasticsearch9AutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = FrenchElasticsearch9Mapping


class SearchBackend(ResilientIndexingMixin, Elasticsearch9SearchBackend):
    mapping_class = FrenchElasticsearch9Mapping
    query_compiler_class = FrenchElasticsearch9SearchQueryCompiler
    autocomplete_query_compiler_class = FrenchElasticsearch9AutocompleteQueryCompiler
    settings = deep_update(deepcopy(Elasticsearch9SearchBackend.settings), deepcopy(FRENCH_INDEX_SETTINGS))

    def _get_options_from_host_urls(self, urls):
        # modelsearch passes `user:password` as written in the URL; decode percent-encoded characters.
        options = super()._get_options_from_host_urls(urls)
        if "basic_auth" in options:
            options["basic_auth"] = tuple(unquote(part) for part in options["basic_auth"])
        return options
