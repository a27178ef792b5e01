"""Browser tests: Playwright drives Debian's Chromium (never a downloaded browser) against Django's live server.

Loaded by tests/conftest.py for the tests in files named test_*_browser.py.
"""

import shutil

import pytest
from playwright.sync_api import expect

# The 2-core CI machine also runs the live server: give assertions more than Playwright's 5 s.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR"}


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker):
    """A live server on 127.0.0.1 serving the demo site, started once for every browser test.

    pytest-django's own `live_server` makes each test transactional and flushes the database after
    it, which would also wipe what migrations created (root page, groups). Browser tests only talk
    to the server, so they share one committed demo site instead; they request no `db` fixture,
    which makes pytest-django run them after the database tests. The SQLite test database is a
    file (website/settings/test.py), so the server thread reads it through its own connection.
    """
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import connection
    from django.test.testcases import LiveServerThread
    from django.test.utils import setup_databases, teardown_databases

    from tests.conftest import load_demo

    with django_db_blocker.unblock():
        # pytest-django creates the test database only when some collected test asks for `db`;
        # a session of browser tests alone must not fall back to the developer's database.
        created = None
        if connection.settings_dict["NAME"] != connection.settings_dict["TEST"]["NAME"]:
            created = setup_databases(verbosity=0, interactive=False)
        load_demo()
        server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait(timeout=30)
        if server.error:
            raise server.error
        yield f"http://127.0.0.1:{server.port}"
        server.terminate()
        if created is not None:
            teardown_databases(created, verbosity=0)
