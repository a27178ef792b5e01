"""OpenSearch 3 with French analysis: what `make test` runs against a real node, and production.

Wagtail's opensearch3 backend (modelsearch) with three changes: the French index settings
(search.backends.FRENCH_INDEX_SETTINGS), a mapping whose autocomplete field folds accents at query
time too, and indexing that survives an engine outage (search.indexing). Analysis changes need
`manage.py update_index`, which rebuilds each index beside the old one and swaps an alias.
"""

from copy import deepcopy
from urllib.parse import unquote

from modelsearch.backends.opensearch3 import (
    OpenSearch3AutocompleteQueryCompiler,
    OpenSearch3Mapping,
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
)
from modelsearch.utils import deep_update

from search.backends import EDGENGRAM_ANALYZER_CONFIG, FRENCH_INDEX_SETTINGS
from search.indexing import ResilientIndexingMixin


class FrenchOpenSearch3Mapping(OpenSearch3Mapping):
    edgengram_analyzer_config = EDGENGRAM_ANALYZER_CONFIG


class FrenchOpenSearch3SearchQueryCompiler(OpenSearch3SearchQueryCompiler):
    mapping_class = FrenchOpenSearch3Mapping


class FrenchOpenSearch3AutocompleteQueryCompiler(OpenSearch3AutocompleteQueryCompiler):
    mapping_class = FrenchOpenSearch3Mapping


class SearchBackend(ResilientIndexingMixin, OpenSearch3SearchBackend):
    mapping_class = FrenchOpenSearch3Mapping
    query_compiler_class = FrenchOpenSearch3SearchQueryCompiler
    autocomplete_query_compiler_class = FrenchOpenSearch3AutocompleteQueryCompiler
    settings = deep_update(deepcopy(OpenSearch3SearchBackend.settings), deepcopy(FRENCH_INDEX_SETTINGS))

    def _get_host_config_from_url(self, url):
        # modelsearch passes `user:password` as written in the URL; a password with reserved
        # characters is percent-encoded there and must reach the engine decoded.
        config = super()._get_host_config_from_url(url)
        if config.get("http_auth"):
            config["http_auth"] = tuple(unquote(part) for part in config["http_auth"])
        return config
