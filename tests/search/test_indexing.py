"""Publishing while the search engine is down (search.indexing), on SQLite, without a node.

The engine is a closed port (connections refused at once) or a socket that accepts and never
answers (the request runs into the 3 s timeout). Either way the page is published, the database
fallback backend has it, one warning is logged, and `reindex_object` waits in the "background"
queue to index it once the engine is back (tests/search/test_engine_opensearch.py shows that part
against the real node).
"""

import logging
import socket
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from search.backends import search_backends
from search.indexing import (
    MAX_ATTEMPTS,
    forget_engine_failures,
    queue_reindex,
    retry_delay,
)
from tests.core.pdfs import run_background_worker
from tests.home.factories import StandardPageFactory

TASK_PATH = "search.indexing.reindex_object"


@pytest.fixture(autouse=True)
def fresh_engine_state():
    forget_engine_failures()
    yield
    forget_engine_failures()


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def silent_port():
    """A port that accepts connections (the kernel completes them) and never answers a request."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield server.getsockname()[1]


def use_engine_at(settings, port: int):
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        f"opensearch://127.0.0.1:{port}", settings.DATABASES["default"]["ENGINE"], "test_indexing_"
    )


def queued(**filters):
    return list(DBTaskResult.objects.filter(task_path=TASK_PATH, **filters).order_by("enqueued_at"))


def queued_for(page):
    return [
        task
        for task in queued()
        if task.args_kwargs["args"] == [page._meta.app_label, page._meta.model_name, str(page.pk)]
    ]


def test_publishing_while_the_engine_refuses_connections_succeeds_and_queues_a_reindex(
    home_page, settings, closed_port, caplog
):
    use_engine_at(settings, closed_port)
    caplog.set_level(logging.WARNING, logger="search.indexing")

    started = time.monotonic()
    page = StandardPageFactory(title="Rapport annuel sur les prisons")
    elapsed = time.monotonic() - started

    assert elapsed < 5
    page.refresh_from_db()
    assert page.live
    (task,) = queued_for(page)
    assert task.backend_name == "background" and task.status == "READY"
    assert task.args_kwargs["kwargs"] == {"attempt": 0}
    assert timezone.now() + timedelta(seconds=20) < task.run_after <= timezone.now() + timedelta(seconds=30)
    assert any("Search engine unavailable" in record.getMessage() for record in caplog.records)
    # The database fallback backend was updated all the same.
    assert list(Page.objects.live().search("prisons", backend="database")) == [page.page_ptr]


def test_publishing_against_an_engine_that_never_answers_waits_one_timeout_only(home_page, settings, silent_port):
    page = StandardPageFactory(title="Les bureaux régionaux", live=False)
    use_engine_at(settings, silent_port)

    started = time.monotonic()
    page.save_revision().publish()
    elapsed = time.monotonic() - started

    assert 2.5 < elapsed < 5, "one 3 s timeout, no retry, then the engine is not tried again for a while"
    page.refresh_from_db()
    assert page.live
    assert queued_for(page)


def test_after_a_failure_the_engine_is_not_tried_again_for_a_while(home_page, settings, silent_port):
    first, second = StandardPageFactory(live=False), StandardPageFactory(live=False)
    use_engine_at(settings, silent_port)
    first.save()

    started = time.monotonic()
    second.save()

    assert time.monotonic() - started < 1
    assert queued_for(first) and queued_for(second)


def test_deleting_while_the_engine_is_down_queues_the_removal_of_its_document(home_page, settings, closed_port):
    page = StandardPageFactory(title="Page retirée")
    use_engine_at(settings, closed_port)
    app_label, model_name, pk = page._meta.app_label, page._meta.model_name, str(page.pk)

    page.delete()

    # Once per deleted row (the page and its specific part): the task is idempotent.
    assert {tuple(task.args_kwargs["args"]) for task in queued()} == {(app_label, model_name, pk)}


def test_a_queued_reindex_that_finds_the_engine_still_down_fails_and_queues_the_next_attempt_later(
    home_page, settings, closed_port
):
    use_engine_at(settings, closed_port)
    page = StandardPageFactory(title="Toujours en attente")
    (first,) = queued_for(page)
    DBTaskResult.objects.filter(pk=first.pk).update(run_after=timezone.now())  # its time has come

    assert run_background_worker() == 1

    first.refresh_from_db()
    assert first.status == "FAILED"
    assert "unavailable, retry queued" in first.traceback
    (second,) = [task for task in queued_for(page) if task.status == "READY"]
    assert second.args_kwargs["kwargs"] == {"attempt": 1}
    assert timezone.now() + timedelta(seconds=50) < second.run_after <= timezone.now() + timedelta(seconds=60)


def test_retries_back_off_to_one_hour():
    delays = [retry_delay(attempt).total_seconds() for attempt in range(9)]

    assert delays == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]


def test_after_the_last_attempt_the_error_log_says_to_rebuild_the_index(db, caplog):
    caplog.set_level(logging.ERROR, logger="search.indexing")

    assert queue_reindex("home", "standardpage", 42, attempt=MAX_ATTEMPTS) is None

    assert queued() == []
    (record,) = caplog.records
    assert "home.standardpage 42" in record.getMessage() and "manage.py update_index" in record.getMessage()


def test_without_a_queue_that_can_wait_the_publish_still_succeeds_and_the_error_is_logged(
    home_page, settings, closed_port, caplog
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }
    use_engine_at(settings, closed_port)
    caplog.set_level(logging.ERROR, logger="search.indexing")

    page = StandardPageFactory(title="Sans file d'attente")

    page.refresh_from_db()
    assert page.live
    assert any("cannot retry later" in record.getMessage() for record in caplog.records)
