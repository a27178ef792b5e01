"""Settings are safe by default: production refuses to start without its secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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
