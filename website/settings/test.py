"""`make test`: SQLite by default; DATABASE_URL points the integration run at PostgreSQL."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="amnesty-test-media-"))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: the live server used by browser tests then reads the database through
    # its own connection, as a real server would.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"amnesty-test-{os.getpid()}.sqlite3")}  # noqa: F405

# Tests search with the database backend of their database (SQLite, or PostgreSQL's French full
# text). The engine tests (test_*_opensearch.py) point their own settings at SEARCH_URL, which
# ops/with-opensearch.sh exports for the same run as the PostgreSQL tests.
WAGTAILSEARCH_BACKENDS = search_backends("", DATABASES["default"]["ENGINE"], SEARCH_INDEX_PREFIX)  # noqa: F405
