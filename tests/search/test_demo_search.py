"""What the issue promises, on the demo site and `make run`'s embedded backend (SQLite): from the
header's form, "secretariat international" finds the International Secretariat, "Callamard" the
Secretary General's profile, and a word found only inside a PDF finds its NQI issue."""

import re
import shutil
import tempfile

from django.test import TestCase, override_settings

from newsletter.demo import PDF_ONLY_WORDS
from newsletter.models import NQIIssuePage
from organisation.models import InternationalSecretariatPage
from tests.conftest import load_demo

MEDIA_ROOT = tempfile.mkdtemp(prefix="amnesty-demo-search-media-")

RESULT_LINKS = re.compile(r'<h2 class="search-result__title"><a href="([^"]+)">')


@override_settings(MEDIA_ROOT=MEDIA_ROOT)
class DemoSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()  # the database backend indexes on save, as `make run` does

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)

    def result_urls(self, query: str) -> list[str]:
        response = self.client.get("/recherche/", {"q": query})
        self.assertEqual(response.status_code, 200)
        return RESULT_LINKS.findall(response.content.decode())

    def test_the_header_form_sends_the_query_to_the_search_page(self):
        html = self.client.get("/").content.decode()
        self.assertIn('<form class="site-search" role="search" method="get" action="/recherche/"', html)

    def test_secretariat_international_without_accents_finds_the_secretariat_first(self):
        secretariat = InternationalSecretariatPage.objects.get()
        self.assertEqual(self.result_urls("secretariat international")[0], secretariat.url)

    def test_callamard_finds_the_secretary_generals_profile(self):
        secretariat = InternationalSecretariatPage.objects.get()
        self.assertIn(f"{secretariat.url}#secretaire-generale", self.result_urls("Callamard")[:3])

    def test_a_word_only_in_a_pdf_finds_its_issue(self):
        word = PDF_ONLY_WORDS[0]
        issues = [issue for issue in NQIIssuePage.objects.live() if word in issue.pdf.extracted_text]
        self.assertTrue(issues, "the demo puts the word in a PDF")
        self.assertFalse(any(word in (issue.summary + issue.title) for issue in issues), "only in the PDF")
        urls = self.result_urls(word)
        self.assertTrue(urls)
        self.assertLessEqual(set(urls), {issue.url for issue in issues})
