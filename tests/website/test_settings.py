"""Settings are safe by default: production refuses to start without its secrets; the site runs
on its own apps, image and document models and a database queue for background work."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.models import SiteDocument, SiteImage
from core.tasks import BACKGROUND, process_pdf

ROOT = Path(__file__).resolve().parents[2]


def run_with_settings(module: str, **env) -> subprocess.CompletedProcess:
    clean_env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    clean_env.update(env, DJANGO_SETTINGS_MODULE=module)
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG, settings.LANGUAGE_CODE, settings.TIME_ZONE)"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean_env, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_with_settings("website.settings.production", ALLOWED_HOSTS="www.amnesty.fr")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_with_settings("website.settings.production", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_its_secrets_and_debug_off():
    result = run_with_settings("website.settings.production", SECRET_KEY="x" * 60, ALLOWED_HOSTS="www.amnesty.fr")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "fr", "Europe/Paris"]


@pytest.mark.parametrize(
    "module,debug",
    [("website.settings.base", "False"), ("website.settings.test", "False"), ("website.settings.dev", "True")],
)
def test_debug_is_on_only_in_dev(module, debug):
    result = run_with_settings(module)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == debug


def test_production_passes_django_deploy_checks():
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY="k" * 64 + "-Zq9#",
        ALLOWED_HOSTS="www.amnesty.fr",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_site_runs_on_its_own_apps_without_django_admin_or_wagtail_forms():
    for app in ("core", "home", "organisation"):
        assert apps.is_installed(app), app
    for app in ("django.contrib.admin", "wagtail.contrib.forms"):
        assert app not in settings.INSTALLED_APPS, app
        assert not apps.is_installed(app), app


def test_images_and_documents_use_core_models():
    assert settings.WAGTAILIMAGES_IMAGE_MODEL == "core.SiteImage"
    assert get_image_model() is SiteImage
    assert settings.WAGTAILDOCS_DOCUMENT_MODEL == "core.SiteDocument"
    assert get_document_model() is SiteDocument


def test_background_tasks_go_to_a_database_queue():
    assert BACKGROUND == "background"
    assert settings.TASKS[BACKGROUND]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert isinstance(task_backends[BACKGROUND], DatabaseBackend)
    assert process_pdf.backend == BACKGROUND
