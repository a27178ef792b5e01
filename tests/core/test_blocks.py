"""The shared blocks: links that know their URL, one target per link, the lean StreamField, and the
stylesheets a page's blocks bring into <head>."""

from django.db.migrations.loader import MigrationLoader
from django.test import SimpleTestCase, TestCase
from wagtail.blocks.struct_block import StructBlockValidationError

from core.blocks import CallToActionBlock, LinkBlock, page_or_url_error
from core.blocks.links import EXTERNAL_LABEL_MESSAGE, PAGE_OR_URL_MESSAGE
from core.demo import stream
from core.fields import StreamField
from core.templatetags.core_tags import block_stylesheets
from home.models import HomePage, StandardPage
from tests.home.factories import StandardPageFactory

AMNESTY = "https://www.amnesty.org/fr/"


def messages(error: StructBlockValidationError, field: str) -> list[str]:
    return list(error.block_errors[field])


class LinkBlockTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page = StandardPageFactory(title="Agir", slug="agir")

    def clean(self, block, **raw):
        return block.clean(block.to_python({"label": "", "page": None, "external_url": "", **raw}))

    def test_link_to_a_page_uses_the_page_url_and_title(self):
        value = self.clean(LinkBlock(), page=self.page.pk)
        self.assertEqual(value.url(), "/agir/")
        self.assertEqual(value.text(), "Agir")
        self.assertFalse(value.is_external())

    def test_a_label_replaces_the_page_title(self):
        value = self.clean(LinkBlock(), page=self.page.pk, label="Passer à l'action")
        self.assertEqual(value.text(), "Passer à l'action")

    def test_external_link_keeps_its_address_and_label(self):
        value = self.clean(LinkBlock(), label="Rapport annuel", external_url=AMNESTY)
        self.assertEqual(value.url(), AMNESTY)
        self.assertEqual(value.text(), "Rapport annuel")
        self.assertTrue(value.is_external())

    def test_external_link_needs_a_label(self):
        with self.assertRaises(StructBlockValidationError) as caught:
            self.clean(LinkBlock(), external_url=AMNESTY)
        self.assertEqual(messages(caught.exception, "label"), [EXTERNAL_LABEL_MESSAGE])

    def test_link_demands_exactly_one_of_page_or_address(self):
        cases = {"a page and an address": {"page": self.page.pk, "external_url": AMNESTY}, "neither": {}}
        for block in (LinkBlock(), CallToActionBlock()):
            for case, raw in cases.items():
                with self.subTest(block=type(block).__name__, case=case):
                    with self.assertRaises(StructBlockValidationError) as caught:
                        self.clean(block, label="Agir", **raw)
                    self.assertEqual(messages(caught.exception, "page"), [PAGE_OR_URL_MESSAGE])
                    self.assertEqual(messages(caught.exception, "external_url"), [PAGE_OR_URL_MESSAGE])

    def test_the_rule_is_one_function_shared_by_every_link(self):
        self.assertEqual(page_or_url_error(has_page=True, has_url=True), PAGE_OR_URL_MESSAGE)
        self.assertEqual(page_or_url_error(has_page=False, has_url=False), PAGE_OR_URL_MESSAGE)
        self.assertEqual(page_or_url_error(has_page=True, has_url=False), "")
        self.assertEqual(page_or_url_error(has_page=False, has_url=True), "")


class LeanStreamFieldTests(SimpleTestCase):
    """Migrations record a StreamField's column only, not its blocks nor its label."""

    def test_deconstruct_carries_no_block_definitions_and_no_label(self):
        field = HomePage._meta.get_field("body")
        self.assertIsInstance(field, StreamField)
        self.assertTrue(field.stream_block.child_blocks, "the live model's field has its blocks")
        name, path, args, kwargs = field.deconstruct()
        self.assertEqual((name, path, args), ("body", "core.fields.StreamField", []))
        self.assertEqual(kwargs, {"blank": True})

    def test_field_rebuilt_from_its_deconstruction_has_no_blocks(self):
        _name, _path, args, kwargs = StandardPage._meta.get_field("body").deconstruct()
        field = StreamField(*args, **kwargs)
        self.assertEqual(dict(field.stream_block.child_blocks), {})
        self.assertTrue(field.blank)

    def test_historical_model_of_a_migration_can_be_instantiated(self):
        historical_apps = MigrationLoader(None, ignore_no_migrations=True).project_state().apps
        HistoricalStandardPage = historical_apps.get_model("home", "StandardPage")
        body = HistoricalStandardPage._meta.get_field("body")
        self.assertIsInstance(body, StreamField)
        self.assertEqual(dict(body.stream_block.child_blocks), {})
        page = HistoricalStandardPage(title="Ancienne page", slug="ancienne-page", intro="Chapô")
        self.assertEqual((page.title, page.intro, len(page.body)), ("Ancienne page", "Chapô", 0))


class HistoricalStreamContentTests(TestCase):
    """In a data migration the field has no blocks: what it reads, it keeps, and saves back as it was."""

    def test_a_historical_model_reads_and_saves_the_stored_items_unchanged(self):
        body = stream("ancienne", [("heading", {"text": "Un titre", "level": "h2"}), ("paragraph", "<p>Un texte.</p>")])
        page = StandardPageFactory(title="Page migrée", slug="page-migree", body=body)
        stored = StandardPage.objects.get(pk=page.pk).body.raw_data
        self.assertEqual(len(stored), 2)

        historical_apps = MigrationLoader(None, ignore_no_migrations=True).project_state().apps
        historical = historical_apps.get_model("home", "StandardPage").objects.get(pk=page.pk)
        self.assertEqual([item["type"] for item in historical.body.raw_data], ["heading", "paragraph"])
        historical.intro = "Chapô réécrit par une migration"
        historical.save()

        page.refresh_from_db()
        self.assertEqual(page.intro, "Chapô réécrit par une migration")
        self.assertEqual(list(page.body.raw_data), list(stored))
        self.assertEqual(page.body[0].value["text"], "Un titre")


class BlockStylesheetsTests(TestCase):
    """A block that shows a domain's content (« Dernières NQI ») brings its stylesheet into <head>."""

    NQI_SHEET = '<link rel="stylesheet" href="/static/css/nqi.css">'

    @classmethod
    def setUpTestData(cls):
        paragraph = ("paragraph", "<p>Texte</p>")
        latest = ("latest_nqi", {"heading": "Dernières NQI"})
        cls.with_nqi = StandardPageFactory(slug="avec-nqi", body=stream("avec-nqi", [latest, paragraph, latest]))
        cls.without_nqi = StandardPageFactory(slug="sans-nqi", body=stream("sans-nqi", [paragraph]))

    def test_page_with_latest_nqi_blocks_gets_the_nqi_stylesheet_once(self):
        self.assertEqual(block_stylesheets(self.with_nqi), ["css/nqi.css"])
        html = self.client.get("/avec-nqi/").content.decode()
        head = html.split("</head>")[0]
        self.assertEqual(html.count(self.NQI_SHEET), 1)
        self.assertIn(self.NQI_SHEET, head)

    def test_page_without_such_blocks_gets_no_block_stylesheet(self):
        self.assertEqual(block_stylesheets(self.without_nqi), [])
        response = self.client.get("/sans-nqi/")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("css/nqi.css", response.content.decode())
