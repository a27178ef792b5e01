"""RSS 2.0 and Atom feeds of the issues, served by NQIIndexPage's routes (flux/rss/, flux/atom/)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from wagtail.models import Site

FEED_LENGTH = 20


class NQIRssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "fr"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        # Every absolute URL in the feed starts with the site's own address, as the page links do.
        site = Site.find_for_request(request)
        self.root_url = site.root_url if site is not None else request.build_absolute_uri("/").rstrip("/")
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index_page

    def title(self, index_page):
        return f"{index_page.title} – Amnesty International France"

    def link(self, index_page):
        return index_page.get_full_url(self.request)

    def feed_url(self, index_page):
        return self.root_url + self.request.path

    def description(self, index_page):
        return index_page.get_meta_description() or "Les numéros des Nouvelles des Questions Internationales."

    def items(self, index_page):
        return index_page.issues()[:FEED_LENGTH]

    def item_title(self, issue):
        return issue.title

    def item_description(self, issue):
        return issue.summary

    def item_link(self, issue):
        return issue.get_full_url(self.request)

    def item_guid(self, issue):
        return issue.get_full_url(self.request)

    def item_pubdate(self, issue):
        # The issue's month, at midnight Paris time: what a reader expects to sort by.
        return timezone.make_aware(datetime.combine(issue.month, time.min))

    def item_updateddate(self, issue):
        return issue.last_published_at or self.item_pubdate(issue)

    def item_enclosure_url(self, issue):
        if issue.pdf is None:
            return None
        return self.root_url + issue.pdf.url

    def item_enclosure_length(self, issue):
        return issue.pdf.file_size if issue.pdf is not None else None

    def item_enclosure_mime_type(self, issue):
        return "application/pdf"


class NQIAtomFeed(NQIRssFeed):
    feed_type = Atom1Feed
    subtitle = NQIRssFeed.description
