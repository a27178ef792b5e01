"""The public HTML of every demo page, compared with a snapshot (up to whitespace).

A structural change (moving code between apps, regenerating migrations, sharing a template) must
not change what visitors get. When a change to the HTML is intended, rewrite the snapshots with
`SNAPSHOT_UPDATE=1 .venv/bin/pytest tests/website/test_html_snapshots.py` and review the diff.
"""

import difflib
import os
import re
import shutil
import tempfile
from pathlib import Path

from django.test import TestCase, override_settings
from django.utils.text import slugify
from wagtail.models import Page

from commissions.models import DossierRegisterPage, InterventionDossier
from newsletter.models import NQIIndexPage
from tests.conftest import load_demo

SNAPSHOTS = Path(__file__).parent / "snapshots"
MEDIA_ROOT = tempfile.mkdtemp(prefix="amnesty-snapshot-media-")  # empty: file names get no random suffix
FEED_DATES = re.compile(r"<(lastBuildDate|updated|published)>[^<]*</\1>")


def normalise(html: str) -> str:
    """One tag per line, runs of white space folded; feed build dates (publication times) blanked."""
    html = FEED_DATES.sub(r"<\1>…</\1>", html)
    html = re.sub(r">\s+<", "><", html)
    html = re.sub(r"\s+", " ", html).strip()
    return re.sub(r" ?<(?=[^/!])", "\n<", html).strip() + "\n"


def snapshot_name(url: str) -> str:
    return (slugify(url.replace("/", " ").replace("?", " ").replace("=", " ").replace("&", " ")) or "accueil") + ".html"


@override_settings(MEDIA_ROOT=MEDIA_ROOT)
class DemoHTMLSnapshotTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # An empty media folder, whatever ran before in this process: file names get no random suffix.
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)
        os.makedirs(MEDIA_ROOT)
        load_demo()
        register = DossierRegisterPage.objects.live().get()
        feeds = NQIIndexPage.objects.get()
        cls.urls = [page.url for page in Page.objects.live().public().specific().order_by("path") if page.url]
        cls.urls += [
            f"{register.url}dossier/{pk}/" for pk in InterventionDossier.objects.public().values_list("pk", flat=True)
        ]
        cls.urls += [
            feeds.url + "flux/rss/",
            feeds.url + "flux/atom/",
            register.url + "?pays=Russie",
            "/don/?frequency=once&free_amount=abc",
            "/page-qui-n-existe-pas/",
        ]

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)

    def test_every_demo_page_serves_the_html_of_its_snapshot(self):
        update = os.environ.get("SNAPSHOT_UPDATE") == "1"
        self.assertGreater(len(self.urls), 40)
        names = set()
        for url in self.urls:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertIn(response.status_code, (200, 400, 404), url)
                html = normalise(response.content.decode())
                name = snapshot_name(url)
                names.add(name)
                path = SNAPSHOTS / name
                if update:
                    path.write_text(html)
                    continue
                self.assertTrue(path.exists(), f"no snapshot for {url}: run with SNAPSHOT_UPDATE=1")
                expected = path.read_text()
                if html != expected:
                    diff = "".join(difflib.unified_diff(expected.splitlines(True), html.splitlines(True), n=1))
                    self.fail(f"{url} differs from {path.name}:\n{diff[:4000]}")
        stale = {path.name for path in SNAPSHOTS.glob("*.html")} - names
        self.assertEqual(stale, set(), "snapshots of pages the demo no longer has")

    def test_the_normalisation_keeps_every_tag_and_text(self):
        html = '<p class="a">Un  texte\n <a href="/x">lien</a></p>\n<updated>2026-01-01</updated>'
        self.assertEqual(normalise(html), '<p class="a">Un texte\n<a href="/x">lien</a></p>\n<updated>…</updated>\n')
