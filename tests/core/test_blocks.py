"""Links that know their URL, and the rule that a link has exactly one target."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from core.blocks import CallToActionBlock, LinkBlock


def test_link_to_a_page_uses_the_page_url_and_title(home_page):
    block = LinkBlock()
    value = block.clean(block.to_python({"label": "", "page": home_page.pk, "external_url": ""}))
    assert value.url() == home_page.url
    assert value.text() == home_page.title


def test_external_link_needs_a_label_and_keeps_its_address(db):
    block = LinkBlock()
    value = block.clean(
        block.to_python({"label": "Rapport annuel", "page": None, "external_url": "https://www.amnesty.org/fr/"})
    )
    assert value.url() == "https://www.amnesty.org/fr/"
    assert value.text() == "Rapport annuel"
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"label": "", "page": None, "external_url": "https://www.amnesty.org/fr/"}))
    assert "libellé" in str(error.value.block_errors["label"])


@pytest.mark.parametrize("with_page,with_url", [(False, False), (True, True)])
def test_link_demands_exactly_one_of_page_or_address(home_page, with_page, with_url):
    block = CallToActionBlock()
    raw = {
        "label": "Agir",
        "lead": "",
        "page": home_page.pk if with_page else None,
        "external_url": "https://www.amnesty.org/" if with_url else "",
    }
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(raw))
    assert "une seule des deux" in str(error.value.block_errors["page"])
