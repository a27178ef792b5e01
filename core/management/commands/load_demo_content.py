"""Build the demo site: the page tree, images, settings and accounts. Idempotent.

Like bakerydemo's `load_initial_data`, it replaces Wagtail's welcome page and default Site (the
home app's step), writes media through the default storage, then rebuilds the search and reference
indexes. Each app adds its content through a `demo.load(ctx)` function listed, in order, in the
DEMO_STEPS setting (website/settings/base.py): core knows none of them.
"""

import os
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.demo import DemoContext

DEMO_ACCOUNTS = [
    # (username, group or None for the superuser, description)
    ("admin", None, "administrateur (tous les droits)"),
    ("redactrice", "Rédacteurs", "rédactrice (crée, modifie, soumet à modération)"),
    ("moderateur", "Modérateurs", "modérateur (valide et publie)"),
]


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD", "amnesty-demo-2026")


class Command(BaseCommand):
    help = "Charge le contenu de démonstration (idempotent : le relancer ne change rien)."

    def add_arguments(self, parser):
        parser.add_argument("--skip-index", action="store_true", help="Ne pas reconstruire les index.")

    def handle(self, *args, **options):
        with transaction.atomic():
            ctx = DemoContext(stdout=self.stdout)
            for module_path in settings.DEMO_STEPS:
                import_module(module_path).load(ctx)
            if ctx.site is None:
                raise CommandError("Aucune étape de DEMO_STEPS n'a créé le site : la première doit être home.demo.")
            accounts = self.ensure_accounts()
        if not options["skip_index"]:
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
        if not ctx.created:
            self.stdout.write("Contenu de démonstration déjà présent : rien à changer.")
        self.print_accounts(accounts, ctx.site)

    def ensure_accounts(self) -> list[tuple[str, str, bool]]:
        user_model = get_user_model()
        accounts = []
        for username, group_name, description in DEMO_ACCOUNTS:
            user = user_model.objects.filter(username=username).first()
            created = user is None
            if created:
                user = user_model(username=username, email=f"{username}@example.org", first_name=username.capitalize())
                user.is_superuser = user.is_staff = group_name is None
                user.set_password(demo_password())
                user.save()
                if group_name:
                    user.groups.add(Group.objects.get(name=group_name))
            accounts.append((username, description, created))
        return accounts

    def print_accounts(self, accounts, site) -> None:
        password = demo_password()
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Comptes de démonstration (administration : {site.root_url}/admin/) :"))
        for username, description, created in accounts:
            state = "" if created else " (compte existant : mot de passe inchangé s'il a été modifié)"
            self.stdout.write(f"  {username} / {password} : {description}{state}")
