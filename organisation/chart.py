"""The organisation chart and the regional offices, read from the records in a fixed number of queries.

The pages call these from `get_context`; templates only loop over what they return.
"""

from .records import GoverningBody, Region, RegionalOffice, Role


def regional_offices_context() -> dict:
    """Open offices grouped by region (in the regions' order) and the closed ones: one query."""
    offices = list(RegionalOffice.objects.all())
    by_region = {value: [] for value in Region.values}
    closed = []
    for office in offices:
        if office.is_closed:
            closed.append(office)
        else:
            by_region.setdefault(office.region, []).append(office)
    labels = dict(Region.choices)
    open_regions = [
        {"label": labels.get(region, region), "slug": region, "offices": items}
        for region, items in by_region.items()
        if items
    ]
    return {
        "open_regions": open_regions,
        "open_offices": [office for region in open_regions for office in region["offices"]],
        "closed_offices": sorted(closed, key=lambda office: (office.closed_year or 0, office.city)),
    }


def _body_tree(bodies, secretariat):
    """Nest the governing bodies under their parents; the secretariat hangs under the leaf bodies.

    The secretariat sits under the bodies that supervise it and have no supervising child among
    them (with the demo records: under the BEI, itself under the Assemblée mondiale).
    """
    by_parent = {}
    for body in bodies:
        by_parent.setdefault(body.parent_id, []).append(body)
    supervising = {body.pk for body in secretariat.supervised_by.all()} if secretariat else set()
    known = {body.pk for body in bodies}

    def node(body, level):
        children = [node(child, level + 1) for child in by_parent.get(body.pk, [])]
        hosts_secretariat = body.pk in supervising and not any(
            child.pk in supervising for child in by_parent.get(body.pk, [])
        )
        return {"body": body, "level": min(level, 6), "children": children, "secretariat": hosts_secretariat}

    roots = [body for body in bodies if body.parent_id is None or body.parent_id not in known]
    return [node(body, 3) for body in roots]


def _max_level(nodes) -> int:
    level = 2
    for item in nodes:
        level = max(level, item["level"], _max_level(item["children"]))
    return level


def org_chart_context(secretariat=None, sections=None, offices=None) -> dict:
    """Everything the organisation chart shows, in a fixed number of queries.

    `secretariat` and `sections`: the live Secretariat and national sections pages, when there are;
    `offices`: a `regional_offices_context()`, when the caller already holds it.
    """
    bodies = list(GoverningBody.objects.select_related("parent"))
    if offices is None:
        offices = regional_offices_context()
    tree = _body_tree(bodies, secretariat)

    def hosts(nodes):
        return any(item["secretariat"] or hosts(item["children"]) for item in nodes)

    # Without a supervising body recorded, the secretariat still shows, at the top.
    secretariat_level = min(_max_level(tree) + 1, 6)
    return {
        "bodies": bodies,
        "tree": tree,
        "secretariat": secretariat,
        "secretariat_orphan": secretariat is not None and not hosts(tree),
        "secretariat_level": secretariat_level,
        "inner_level": min(secretariat_level + 1, 6),
        "secretary_general": Role.secretary_general(),
        "offices": offices["open_offices"],
        "sections": sections,
    }
