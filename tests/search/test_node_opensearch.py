"""The OpenSearch node that ops/with-opensearch.sh starts for the tests (and `make run-search`).

These tests talk to the node through the same client the site uses (opensearch-py 3.x) and check
what the search tests take for granted: a single OpenSearch 3 node, reachable on the loopback
interface only, with the analysis-common module that the French analysis needs, a 512 MB heap,
not running as root.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from opensearchpy import OpenSearch

MIB = 1024 * 1024


@pytest.fixture(scope="module")
def search_url() -> str:
    url = os.environ.get("SEARCH_URL", "")
    if not url.startswith("opensearch://"):
        pytest.fail("SEARCH_URL=opensearch://… manquant : lancez ces tests avec ops/with-opensearch.sh")
    return url


@pytest.fixture(scope="module")
def client(search_url) -> OpenSearch:
    parts = urlsplit(search_url)
    client = OpenSearch(hosts=[{"host": parts.hostname, "port": parts.port, "scheme": "http"}], timeout=10)
    yield client
    client.close()


def test_the_node_answers_as_opensearch_3(client):
    info = client.info()

    assert info["version"]["distribution"] == "opensearch"
    assert info["version"]["number"].startswith("3."), info["version"]


def test_the_node_is_a_healthy_single_node_cluster(client):
    health = client.cluster.health(wait_for_status="yellow")

    assert health["status"] in ("yellow", "green")
    assert health["number_of_nodes"] == 1


def test_the_analysis_common_module_is_loaded(client):
    (node,) = client.nodes.info(metric="plugins")["nodes"].values()

    assert "analysis-common" in {module["name"] for module in node["modules"]}


def test_the_french_chain_folds_an_elided_accented_word_into_one_stem(client):
    # The filters of search.backends' French analysis, inline: elision (articles_case), lowercase,
    # asciifolding, then the light French stemmer. All but lowercase come from analysis-common.
    response = client.indices.analyze(
        body={
            "tokenizer": "standard",
            "filter": [
                {"type": "elision", "articles_case": True, "articles": ["l", "d", "qu"]},
                "lowercase",
                "asciifolding",
                {"type": "stemmer", "language": "light_french"},
            ],
            "text": "l'Assemblée",
        }
    )

    tokens = [token["token"] for token in response["tokens"]]
    assert len(tokens) == 1, tokens
    assert tokens[0].startswith("asembl"), tokens


def test_the_node_listens_on_127_0_0_1_only(client, search_url):
    (node,) = client.nodes.info(metric="http,transport")["nodes"].values()

    for layer in ("http", "transport"):
        bound = node[layer]["bound_address"]
        assert bound, layer
        assert all(address.startswith("127.0.0.1:") for address in bound), (layer, bound)
        assert node[layer]["publish_address"].startswith("127.0.0.1:"), (layer, node[layer])
    assert node["http"]["publish_address"] == f"127.0.0.1:{urlsplit(search_url).port}"


def test_the_node_has_a_512_mb_heap(client):
    (node,) = client.nodes.info(metric="jvm")["nodes"].values()

    assert node["jvm"]["mem"]["heap_max_in_bytes"] == 512 * MIB


def test_the_node_ignores_disk_usage_for_shard_allocation(client):
    settings = client.cluster.get_settings(include_defaults=True, flat_settings=True)
    merged = {**settings["defaults"], **settings["persistent"], **settings["transient"]}

    assert merged["cluster.routing.allocation.disk.threshold_enabled"] == "false"


def test_the_node_does_not_run_as_root(client):
    (node,) = client.nodes.info(metric="process")["nodes"].values()
    pid = node["process"]["id"]
    assert str(pid) == os.environ.get("OPENSEARCH_PID"), "the pid ops/opensearch-up.sh recorded"

    status = Path(f"/proc/{pid}/status").read_text()
    real_uid = next(line.split()[1] for line in status.splitlines() if line.startswith("Uid:"))
    assert real_uid != "0"
