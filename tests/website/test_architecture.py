"""The layout the README describes: arrows point down only, and each app holds what it says.

The import graph is read from the source (every `import`, at module level or inside a function:
a deferred import is still an arrow), so a cycle hidden behind a lazy import fails here too.
"""

import ast
from pathlib import Path

from wagtail.models import get_page_models

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["website", "core", "home", "organisation", "commissions", "newsletter", "campaigns", "search"]
DOMAIN_APPS = {"home", "organisation", "commissions", "newsletter", "campaigns", "search"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def first_party_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    }


def imported_names(module: str, path: Path):
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            yield target
            yield from (f"{target}.{alias.name}" for alias in node.names)


def import_graph() -> dict[str, set[str]]:
    """module -> the first-party modules it imports (a name resolves to the longest known module)."""
    modules = first_party_modules()
    graph = {module: set() for module in modules}
    for module, path in modules.items():
        for name in imported_names(module, path):
            parts = name.split(".")
            for length in range(len(parts), 0, -1):
                candidate = ".".join(parts[:length])
                if candidate in modules:
                    if candidate != module:
                        graph[module].add(candidate)
                    break
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan's algorithm, iterative)."""
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def app_graph(graph) -> dict[str, set[str]]:
    apps = {}
    for module, targets in graph.items():
        app = module.split(".")[0]
        apps.setdefault(app, set()).update(target.split(".")[0] for target in targets if target.split(".")[0] != app)
    return apps


def test_the_import_graph_has_no_cycle_between_modules_or_apps():
    graph = import_graph()
    assert len(graph) > 50  # the walk found the code
    assert cycles(graph) == []
    assert cycles(app_graph(graph)) == []


def test_the_cycle_finder_finds_a_cycle_hidden_behind_a_deferred_import():
    assert cycles({"a.models": {"a.blocks"}, "a.blocks": {"a.models"}, "b": {"a.models"}}) == [["a.blocks", "a.models"]]


def test_core_imports_no_domain_app_and_no_project_module():
    imported = app_graph(import_graph())["core"]
    assert imported.isdisjoint(DOMAIN_APPS | {"website"}), imported


def test_domain_apps_stand_on_core():
    apps = app_graph(import_graph())
    for app in DOMAIN_APPS - {"search"}:
        assert "core" in apps[app], app


def test_home_holds_the_home_page_and_the_standard_page_only():
    home_pages = {model.__name__ for model in get_page_models() if model._meta.app_label == "home"}
    assert home_pages == {"HomePage", "StandardPage"}


def test_the_organisation_pages_and_records_live_in_their_own_app():
    organisation = {model.__name__ for model in get_page_models() if model._meta.app_label == "organisation"}
    assert organisation == {
        "OrganisationIndexPage",
        "InternationalSecretariatPage",
        "NationalSectionsPage",
        "InternationalMembershipPage",
    }
    from organisation.records import GoverningBody, Person, RegionalOffice, Role

    assert {model._meta.app_label for model in (GoverningBody, Person, RegionalOffice, Role)} == {"organisation"}
