"""Promoted results: what an editor recommends for a query shows first, matched whatever the case
and accents; only the Modérateurs manage them in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from search.promotions import promoted_for
from tests.home.factories import StandardPageFactory
from tests.organisation.factories import InternationalSecretariatPageFactory

pytestmark = pytest.mark.django_db
ADD_URL = reverse("wagtailsearchpromotions:add")
INDEX_URL = reverse("wagtailsearchpromotions:index")


def promote(query_string, *targets, description=""):
    query = Query.get(query_string)
    for order, target in enumerate(targets):
        if isinstance(target, str):
            SearchPromotion.objects.create(
                query=query, external_link_url=target, external_link_text="Lien externe", sort_order=order
            )
        else:
            SearchPromotion.objects.create(query=query, page=target, description=description, sort_order=order)
    return query


def user_in(django_user_model, group_name):
    user = django_user_model.objects.create_user(f"user-{group_name}", password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_a_promotion_matches_the_query_whatever_its_case_accents_and_spaces():
    report = StandardPageFactory(title="Rapport annuel du Secrétariat")
    promote("Secrétariat International", report)
    for typed in ["secretariat international", "SECRÉTARIAT   international", " Secretariat International "]:
        assert [promotion.page.pk for promotion in promoted_for(typed)] == [report.pk], typed
    assert promoted_for("secretariat") == []
    assert promoted_for("") == [] and promoted_for("   ") == []


def test_promotions_keep_the_editors_order_and_give_each_its_link():
    first = StandardPageFactory(title="Agir pour les réfugiés")
    second = StandardPageFactory(title="Nos actions")
    promote("refugies", first, "https://www.amnesty.org/fr/what-we-do/refugees-asylum-seekers-and-migrants/", second)
    promotions = promoted_for("Réfugiés")
    assert [promotion.url for promotion in promotions] == [
        first.url,
        "https://www.amnesty.org/fr/what-we-do/refugees-asylum-seekers-and-migrants/",
        second.url,
    ]
    assert [promotion.title for promotion in promotions] == [first.title, "Lien externe", second.title]


def test_a_draft_or_private_page_is_never_promoted():
    public = StandardPageFactory(title="La page publique")
    draft = StandardPageFactory(title="Le brouillon", live=False)
    private = StandardPageFactory(title="La page réservée")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    below_private = StandardPageFactory(title="Sous la page réservée", parent=private)
    promote("peine de mort", draft, private, below_private, public)
    assert [promotion.page.pk for promotion in promoted_for("peine de mort")] == [public.pk]


def test_a_query_nobody_promoted_costs_one_sql_query(django_assert_num_queries):
    promote("autre chose", StandardPageFactory())
    with django_assert_num_queries(1):
        assert promoted_for("torture") == []


def test_an_editors_promotion_shows_first_on_the_search_page(client):
    secretariat = InternationalSecretariatPageFactory()
    recommended = StandardPageFactory(title="Travailler au siège", intro="Offres d'emploi à Londres.")
    promote("Secrétariat", recommended, description="Les postes ouverts au siège de Londres.")

    html = client.get(reverse("search"), {"q": "secretariat"}).content.decode()
    main = html[html.index("<main") :]
    assert f'href="{recommended.url}"' in main and f'href="{secretariat.url}"' in main
    assert main.index(f'href="{recommended.url}"') < main.index(f'href="{secretariat.url}"')
    assert "Les postes ouverts au siège de Londres." in main


def test_a_promotion_shows_on_the_no_results_page_too(client):
    """Promoting a page is how an editor answers a query that finds nothing (the zero-result report)."""
    recommended = StandardPageFactory(title="Faire un legs", intro="Transmettre à Amnesty.")
    promote("testament", recommended, description="Legs, donations et assurances-vie.")

    html = client.get(reverse("search"), {"q": "testament"}).content.decode()
    main = html[html.index("<main") :]
    assert "Aucun résultat" in main or "aucun résultat" in main
    assert f'href="{recommended.url}"' in main
    assert "Legs, donations et assurances-vie." in main


def test_moderators_create_a_promotion_in_the_admin(client, django_user_model):
    page = StandardPageFactory(title="Nos rapports")
    client.force_login(user_in(django_user_model, "Modérateurs"))
    assert client.get(INDEX_URL).status_code == 200
    assert client.get(ADD_URL).status_code == 200
    response = client.post(
        ADD_URL,
        {
            "query_string": "Rapports",
            "editors_picks-TOTAL_FORMS": 1,
            "editors_picks-INITIAL_FORMS": 0,
            "editors_picks-MAX_NUM_FORMS": 1000,
            "editors_picks-0-DELETE": "",
            "editors_picks-0-ORDER": 0,
            "editors_picks-0-page": page.pk,
            "editors_picks-0-description": "Tous nos rapports.",
        },
    )
    assert response.status_code == 302
    assert [promotion.page.pk for promotion in promoted_for("rapports")] == [page.pk]


def test_moderators_find_promotions_in_the_settings_menu_and_editors_do_not(client, django_user_model):
    client.force_login(user_in(django_user_model, "Modérateurs"))
    assert INDEX_URL in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(user_in(django_user_model, "Rédacteurs"))
    assert INDEX_URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_editors_cannot_create_a_promotion(client, django_user_model):
    page = StandardPageFactory(title="Nos rapports")
    editor = user_in(django_user_model, "Rédacteurs")
    assert not editor.has_perm("wagtailsearchpromotions.add_searchpromotion")
    client.force_login(editor)
    assert client.get(ADD_URL).status_code == 302  # Wagtail's "permission denied": back to the dashboard
    response = client.post(
        ADD_URL,
        {
            "query_string": "Rapports",
            "editors_picks-TOTAL_FORMS": 1,
            "editors_picks-INITIAL_FORMS": 0,
            "editors_picks-MAX_NUM_FORMS": 1000,
            "editors_picks-0-DELETE": "",
            "editors_picks-0-ORDER": 0,
            "editors_picks-0-page": page.pk,
        },
    )
    assert response.status_code == 302
    assert not SearchPromotion.objects.exists()
