"""Intervention dossiers: validation, the public register and its filters, and the non-public rule.

A non-public dossier concerns a person whose safety requires discretion: it must never appear on
the site, in search or in the sitemap, whatever the path.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import Page

from commissions.models import DossierRegisterPage, DossierStatus, InterventionDossier
from commissions.models import Testimonial as Temoignage
from tests.commissions.support import (
    CONFIDENTIAL_COUNTRY,
    CONFIDENTIAL_PERSON,
    add_dossiers,
    add_testimonials,
    commission,
    confidential_dossier,
    load_commissions,
    register,
)

OUTCOME_MESSAGE = "La date de l'issue ne peut pas précéder la date d'ouverture du dossier."


@pytest.fixture
def section(home_page):
    load_commissions(home_page)
    return home_page


def html_of(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def listed_people(html: str) -> list[str]:
    people = []
    for chunk in html.split('<h2 class="card__title"><a href="')[1:]:
        people.append(chunk.split(">", 1)[1].split("</a>", 1)[0])
    return people


# --- Validation ---------------------------------------------------------------------------------


def test_outcome_date_before_opened_date_is_refused_with_a_french_message(db):
    dossier = InterventionDossier(
        person="X", country="Chili", opened_on=datetime.date(2023, 5, 1), outcome_on=datetime.date(2023, 4, 30)
    )
    with pytest.raises(ValidationError) as error:
        dossier.full_clean()
    assert error.value.message_dict["outcome_on"] == [OUTCOME_MESSAGE]
    dossier.outcome_on = datetime.date(2023, 5, 1)
    dossier.full_clean()  # the same day is allowed


def test_database_refuses_an_outcome_before_opening_even_without_the_form(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        InterventionDossier.objects.create(
            person="X", country="Chili", opened_on=datetime.date(2023, 5, 1), outcome_on=datetime.date(2020, 1, 1)
        )


def test_editor_adding_a_dossier_in_the_admin_sees_the_french_message(client, section, django_user_model):
    editor = django_user_model.objects.create_user("redac", password="x")
    editor.groups.add(Group.objects.get(name="Rédacteurs"))
    client.force_login(editor)
    url = reverse("wagtailsnippets_commissions_interventiondossier:add")
    data = {
        "person": "Nouvelle personne",
        "country": "Chili",
        "theme": "",
        "status": "en_cours",
        "opened_on": "2024-03-10",
        "outcome_on": "2024-03-01",
        "responsible_commission": str(commission().pk),
        "local_groups": "Groupe 12",
        "summary": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert OUTCOME_MESSAGE.replace("'", "&#x27;") in response.content.decode()
    assert not InterventionDossier.objects.filter(person="Nouvelle personne").exists()

    response = client.post(url, {**data, "outcome_on": "2024-04-01"})
    assert response.status_code == 302
    created = InterventionDossier.objects.get(person="Nouvelle personne")
    assert created.is_public is False, "a new dossier must stay private until an editor ticks the box"


# --- The non-public dossier is invisible everywhere -----------------------------------------------


def test_register_lists_public_dossiers_only_and_hides_the_confidential_country(client, section):
    html = html_of(client, register().url)
    assert listed_people(html) == ["Ioulia Tsvetkova", "Bernardo Caal", "Atena Daemi"]
    assert CONFIDENTIAL_PERSON not in html and "identité protégée" not in html
    assert CONFIDENTIAL_COUNTRY not in html, "the country filter must not reveal a non-public dossier's country"
    assert "3 dossiers publics" in html


def test_confidential_dossier_detail_url_is_a_404_even_filtered_by_its_country(client, section):
    dossier = confidential_dossier()
    response = client.get(register().dossier_url(dossier))
    assert response.status_code == 404
    assert CONFIDENTIAL_PERSON not in response.content.decode()
    public = InterventionDossier.objects.get(person="Bernardo Caal")
    assert "Bernardo Caal" in html_of(client, register().dossier_url(public))
    html = html_of(client, register().url + f"?pays={CONFIDENTIAL_COUNTRY}")
    assert CONFIDENTIAL_PERSON not in html
    assert listed_people(html) == ["Ioulia Tsvetkova", "Bernardo Caal", "Atena Daemi"], "unknown country ignored"


def test_confidential_dossier_is_not_in_the_sitemap_but_public_ones_are(client, section):
    xml = html_of(client, "/sitemap.xml")
    reg = register()
    for dossier in InterventionDossier.objects.all():
        location = reg.dossier_url(dossier)
        if dossier.is_public:
            assert location in xml
        else:
            assert location not in xml
    assert CONFIDENTIAL_PERSON not in xml


def test_confidential_dossier_is_not_found_by_search(section):
    # Wagtail's database search backend (SQLite FTS here), as the site search will query it.
    results = list(InterventionDossier.objects.search("communautaires"))
    assert results == []
    assert list(InterventionDossier.objects.search("Honduras")) == []
    assert [d.person for d in InterventionDossier.objects.search("Tsvetkova")] == ["Ioulia Tsvetkova"]
    pages = Page.objects.live().public().search("communautaires")
    assert list(pages) == []
    # The same search does find public content, so the empty results above are not a broken index.
    assert "Commission Protégeons les personnes" in [page.title for page in Page.objects.live().search("Protégeons")]


def test_a_dossier_made_private_leaves_the_search_index_and_the_register(client, section):
    dossier = InterventionDossier.objects.get(person="Atena Daemi")
    assert [d.pk for d in InterventionDossier.objects.search("Daemi")] == [dossier.pk]
    dossier.is_public = False
    dossier.save()
    assert list(InterventionDossier.objects.search("Daemi")) == []
    assert "Atena Daemi" not in listed_people(html_of(client, register().url))
    assert client.get(register().dossier_url(dossier)).status_code == 404
    dossier.is_public = True
    dossier.save()
    assert [d.pk for d in InterventionDossier.objects.search("Daemi")] == [dossier.pk]


def test_testimonial_linked_to_a_confidential_dossier_does_not_link_it(client, section):
    (testimonial,) = add_testimonials(1, dossier=confidential_dossier())
    page = commission()
    page.body = [
        {
            "type": "testimonials",
            "value": {"heading": "", "testimonials": [testimonial.pk]},
        }
    ]
    page.save_revision().publish()
    html = html_of(client, page.url)
    assert testimonial.quote in html
    assert "dossier/" not in html and CONFIDENTIAL_PERSON not in html
    assert Temoignage.objects.filter(dossier__is_public=False).count() == 1


# --- Filters and bad parameters ----------------------------------------------------------------


def test_register_filters_by_country_and_by_status(client, section):
    url = register().url
    assert listed_people(html_of(client, url + "?pays=Iran")) == ["Atena Daemi"]
    assert listed_people(html_of(client, url + "?statut=libere")) == ["Bernardo Caal", "Atena Daemi"]
    assert listed_people(html_of(client, url + "?statut=acquitte&pays=Russie")) == ["Ioulia Tsvetkova"]
    html = html_of(client, url + "?statut=acquitte&pays=Iran")
    assert listed_people(html) == []
    assert "Aucun dossier ne correspond à ces filtres." in html
    selected = html_of(client, url + "?pays=Iran&statut=libere")
    assert '<option value="Iran" selected>Iran</option>' in selected
    assert '<option value="libere" selected>Libéré·e</option>' in selected


@pytest.mark.parametrize(
    "query",
    [
        "?statut=<script>alert(1)</script>",
        "?pays=<script>alert(1)</script>",
        "?page=999",
        "?page=abc",
        "?page=-1",
        "?statut=libere&page=0",
        "?pays=&statut=",
        "?pays=Iran&pays=Russie",
    ],
)
def test_register_ignores_unknown_filter_values_and_bad_pages(client, section, query):
    response = client.get(register().url + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert listed_people(html), query


def test_register_paginates_and_keeps_the_filters_in_page_links(client, section):
    add_dossiers(25, country="Chili", status=DossierStatus.CLOSED)
    url = register().url
    first = html_of(client, url + "?pays=Chili&statut=clos")
    assert len(listed_people(first)) == DossierRegisterPage.per_page
    assert "Page 1 sur 2" in first
    assert 'href="?pays=Chili&amp;statut=clos&amp;page=2" rel="next"' in first
    second = html_of(client, url + "?pays=Chili&statut=clos&page=2")
    assert len(listed_people(second)) == 5
    assert not set(listed_people(first)) & set(listed_people(second))
    # Past the last page: the last page, never an error.
    assert listed_people(html_of(client, url + "?pays=Chili&statut=clos&page=999")) == listed_people(second)
    # Non-public dossiers in the same country never count.
    add_dossiers(3, country="Chili", status=DossierStatus.CLOSED, is_public=False, start=100)
    assert "25 dossiers publics" in html_of(client, url + "?pays=Chili&statut=clos")


def test_register_form_is_a_plain_get_form_with_labels(client, section):
    html = html_of(client, register().url)
    form = html.split('<form class="filters"')[1].split("</form>")[0]
    assert 'method="get"' in form
    assert '<label for="filtre-pays">Pays</label>' in form and 'id="filtre-pays" name="pays"' in form
    assert '<label for="filtre-statut">Statut</label>' in form and 'id="filtre-statut" name="statut"' in form
    assert '<button class="button button--primary" type="submit">Filtrer</button>' in form
