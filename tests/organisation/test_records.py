"""The organisation records: validation an editor meets, and facts that live in one place."""

import pytest
from django.core.exceptions import ValidationError

from organisation.chart import regional_offices_context
from organisation.models import GoverningBody, Person, RegionalOffice, Role


def office(**fields) -> RegionalOffice:
    values = {"city": "Tunis", "region": "moyen-orient", "opened_year": 2010, "status": "open", "closed_year": None}
    values.update(fields)
    return RegionalOffice(**values)


def errors_of(instance) -> dict:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


@pytest.mark.django_db
def test_a_closed_office_needs_its_closed_year():
    errors = errors_of(office(status="closed"))
    assert errors == {"closed_year": ["Un bureau fermé doit avoir une année de fermeture."]}


@pytest.mark.django_db
def test_an_office_cannot_close_before_it_opened():
    errors = errors_of(office(status="closed", opened_year=2015, closed_year=2012))
    assert errors == {"closed_year": ["Un bureau ne peut pas fermer (2012) avant d'avoir ouvert (2015)."]}


@pytest.mark.django_db
def test_an_open_office_has_no_closed_year():
    errors = errors_of(office(closed_year=2020))
    assert list(errors) == ["closed_year"]
    assert "Un bureau ouvert n'a pas d'année de fermeture" in errors["closed_year"][0]


@pytest.mark.django_db
def test_offices_open_from_1994_and_not_in_the_future():
    assert errors_of(office(opened_year=1990)) == {
        "opened_year": ["Les bureaux régionaux ont ouvert à partir de 1994."]
    }
    assert errors_of(office(opened_year=2999)) == {
        "opened_year": ["L'année d'ouverture ne peut pas être dans le futur."]
    }
    assert "region" in errors_of(office(region="antarctique"))


@pytest.mark.django_db
def test_valid_offices_pass_validation():
    office(opened_year=1994).full_clean()
    office(city="Moscou", status="closed", opened_year=2003, closed_year=2022).full_clean()
    office(city="Kyiv", status="closed", opened_year=2003, closed_year=2003).full_clean()


@pytest.mark.django_db
def test_public_list_groups_open_offices_by_region_in_order_and_sets_closed_apart():
    for city, region in [("Nairobi", "afrique"), ("Beyrouth", "moyen-orient"), ("Dakar", "afrique")]:
        office(city=city, region=region).save()
    office(
        city="Moscou", region="europe-centrale-orientale", status="closed", opened_year=2003, closed_year=2022
    ).save()
    office(city="Hong Kong", region="asie-pacifique", status="closed", opened_year=2013, closed_year=2021).save()

    context = regional_offices_context()
    assert [(group["label"], [o.city for o in group["offices"]]) for group in context["open_regions"]] == [
        ("Afrique", ["Dakar", "Nairobi"]),
        ("Moyen-Orient", ["Beyrouth"]),
    ]
    assert [o.city for o in context["closed_offices"]] == ["Hong Kong", "Moscou"]
    assert [o.city for o in context["open_offices"]] == ["Dakar", "Nairobi", "Beyrouth"]


@pytest.mark.django_db
def test_a_governing_body_cannot_answer_to_itself():
    assembly = GoverningBody.objects.create(name="Assemblée mondiale", role="<p>Instance suprême.</p>")
    board = GoverningBody.objects.create(name="Bureau exécutif international", acronym="BEI", role="<p>…</p>")
    board.parent = assembly
    board.save()
    assembly.parent = board
    assert errors_of(assembly) == {"parent": ["Une instance ne peut pas rendre compte à elle-même."]}
    assert str(board) == "Bureau exécutif international (BEI)"
    assert board.anchor == "instance-bei"


@pytest.mark.django_db
def test_changing_the_secretary_general_is_one_edit_on_the_role():
    first = Person.objects.create(name="Première Personne", role="Secrétaire générale")
    second = Person.objects.create(name="Seconde Personne", role="Secrétaire général")
    role = Role.objects.create(code=Role.SECRETARY_GENERAL, title="Secrétaire générale", holder=first)
    assert Role.secretary_general().holder == first

    role.holder = second
    role.save()
    assert Role.secretary_general().holder == second
    assert str(Role.secretary_general()) == "Secrétaire générale : Seconde Personne"


def test_every_record_is_searchable():
    for model, fields in [
        (GoverningBody, {"name", "acronym", "role"}),
        (Person, {"name", "role", "biography"}),
        (RegionalOffice, {"city", "text"}),
        (Role, {"title", "description"}),
    ]:
        searchable = {field.field_name for field in model.search_fields if field.__class__.__name__ == "SearchField"}
        assert fields <= searchable, model
