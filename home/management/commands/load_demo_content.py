"""Build the demo site: the page tree, images, settings and accounts. Idempotent.

Like bakerydemo's `load_initial_data`, it replaces Wagtail's welcome page and default Site, writes
media through the default storage, then rebuilds the search and reference indexes. Each app adds
its content through a `demo.load(ctx)` function listed in DEMO_STEPS, in order.
"""

import os
from importlib import import_module

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from home.demo_utils import DemoContext
from home.models import HomePage

DEMO_STEPS = [
    "home.demo",
    "home.demo_organisation",
    "commissions.demo",
    "campaigns.demo",
    "newsletter.demo",
]

DEMO_ACCOUNTS = [
    # (username, group or None for the superuser, description)
    ("admin", None, "administrateur (tous les droits)"),
    ("redactrice", "Rédacteurs", "rédactrice (crée, modifie, soumet à modération)"),
    ("moderateur", "Modérateurs", "modérateur (valide et publie)"),
]


class Command(BaseCommand):
    help = "Charge le contenu de démonstration (idempotent : le relancer ne change rien)."

    def add_arguments(self, parser):
        parser.add_argument("--skip-index", action="store_true", help="Ne pas reconstruire les index.")

    def handle(self, *args, **options):
        with transaction.atomic():
            site, home = self.ensure_site()
            ctx = DemoContext(site=site, home=home, stdout=self.stdout)
            for module_path in DEMO_STEPS:
                import_module(module_path).load(ctx)
            accounts = self.ensure_accounts()
        if not options["skip_index"]:
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
        if not ctx.created:
            self.stdout.write("Contenu de démonstration déjà présent : rien à changer.")
        self.print_accounts(accounts, site)

    def ensure_site(self) -> tuple[Site, HomePage]:
        root = Page.get_first_root_node()
        home = HomePage.objects.first()
        if home is None:
            # Wagtail's welcome page is a bare Page at depth 2 with the slug "home".
            for page in root.get_children().filter(slug="home"):
                if page.specific_class is Page:
                    page.delete()
            home = HomePage(
                title="Accueil",
                slug="accueil",
                seo_title="Amnesty International France : défendre les droits humains",
                search_description=(
                    "Amnesty International France agit pour les droits humains : enquêtes, campagnes, "
                    "soutien aux personnes en danger. Découvrez le mouvement et agissez avec nous."
                ),
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.stdout.write("  + page d'accueil")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None or site.root_page_id != home.pk or site.site_name != "Amnesty International France":
            Site.objects.exclude(pk=getattr(site, "pk", None)).filter(root_page=home).delete()
            site = site or Site(is_default_site=True)
            site.hostname = os.environ.get("DEMO_SITE_HOSTNAME", "127.0.0.1")
            site.port = int(os.environ.get("DEMO_SITE_PORT", "8000"))
            site.root_page = home
            site.site_name = "Amnesty International France"
            site.save()
            self.stdout.write("  + site par défaut")
        return site, home

    def ensure_accounts(self) -> list[tuple[str, str, bool]]:
        password = os.environ.get("DEMO_PASSWORD", "amnesty-demo-2026")
        user_model = get_user_model()
        accounts = []
        for username, group_name, description in DEMO_ACCOUNTS:
            user = user_model.objects.filter(username=username).first()
            created = user is None
            if created:
                user = user_model(username=username, email=f"{username}@example.org", first_name=username.capitalize())
                user.is_superuser = user.is_staff = group_name is None
                user.set_password(password)
                user.save()
                if group_name:
                    user.groups.add(Group.objects.get(name=group_name))
            accounts.append((username, description, created))
        return accounts

    def print_accounts(self, accounts, site) -> None:
        password = os.environ.get("DEMO_PASSWORD", "amnesty-demo-2026")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Comptes de démonstration (administration : {site.root_url}/admin/) :"))
        for username, description, created in accounts:
            state = "" if created else " (compte existant : mot de passe inchangé s'il a été modifié)"
            self.stdout.write(f"  {username} / {password} : {description}{state}")
