"""Indexing that survives a search engine outage.

Wagtail indexes an object on every save (modelsearch's post_save handler, run inline by the
"default" immediate task backend) and removes it on delete. Against an engine that does not
answer, modelsearch logs the error and goes on, and the engine keeps a stale document until the
next save or `update_index`. Here the engine backends (search.engines.*) catch what the engine
raises (search.backends.ENGINE_ERRORS) in their own `add()` and `delete()`, log one warning and
queue `reindex_object` on the "background" task backend (the database queue that
`manage.py db_worker --backend background` runs), which retries with a growing delay until the
engine takes the change. The request waits at most one timeout (TIMEOUT 3 s, no retries); after a
failure the backend does not try the engine again for COOL_DOWN seconds and queues directly, so
a publish that saves the page twice does not wait twice.
"""

import logging
import time
from datetime import timedelta

from django.apps import apps
from django.utils import timezone
from django_tasks import task
from modelsearch import index
from modelsearch.backends import get_search_backends_with_name

from core.tasks import BACKGROUND
from search.backends import ENGINE_ERRORS

logger = logging.getLogger(__name__)

FIRST_RETRY_DELAY = 30  # seconds; doubled at each attempt
MAX_RETRY_DELAY = 3600
MAX_ATTEMPTS = 30  # about a day of retries once the delay has reached an hour
COOL_DOWN = 30  # seconds during which a failed engine is not tried again by this process

_engine_down_until: dict[str, float] = {}


class EngineUnavailable(Exception):
    """The engine did not take a queued change; another attempt is queued."""


class ResilientIndexingMixin:
    """For an engine backend: a change the engine did not take is queued for later, not lost.

    `add()` and `delete()` are what modelsearch's signal handlers call; `add_now()` and
    `delete_now()` raise instead, for the task and for anything that must know.
    """

    catch_indexing_errors = True

    def add(self, obj):
        self._guarded(super().add, obj, "add")

    def delete(self, obj):
        self._guarded(super().delete, obj, "delete")

    def add_now(self, obj):
        super().add(obj)

    def delete_now(self, obj):
        super().delete(obj)

    def engine_key(self) -> str:
        return repr(self.hosts)

    def _guarded(self, method, obj, action):
        key = self.engine_key()
        if _engine_down_until.get(key, 0.0) > time.monotonic():
            logger.warning("Search engine unavailable (recent failure): %s of %r queued for later", action, obj)
        else:
            try:
                method(obj)
                return
            except ENGINE_ERRORS as exc:
                _engine_down_until[key] = time.monotonic() + COOL_DOWN
                logger.warning("Search engine unavailable: %s of %r failed (%s), queued for later", action, obj, exc)
        queue_reindex(obj._meta.app_label, obj._meta.model_name, obj.pk)


def forget_engine_failures():
    """Try every engine again on the next change (tests, and after an operator fixed the engine)."""
    _engine_down_until.clear()


def retry_delay(attempt: int) -> timedelta:
    return timedelta(seconds=min(FIRST_RETRY_DELAY * 2**attempt, MAX_RETRY_DELAY))


def queue_reindex(app_label: str, model_name: str, pk, attempt: int = 0):
    """Queue `reindex_object` after `retry_delay(attempt)`; returns the task result, or None when
    given up (then `manage.py update_index` is the way to catch up, and the error log says so)."""
    label = f"{app_label}.{model_name} {pk}"
    if attempt >= MAX_ATTEMPTS:
        logger.error("Search index of %s still stale after %d attempts: run manage.py update_index", label, attempt)
        return None
    if not reindex_object.get_backend().supports_defer:
        # An immediate backend would retry inline, in the request that just waited on the engine.
        logger.error("Search index of %s is stale: the %r task backend cannot retry later", label, BACKGROUND)
        return None
    run_after = timezone.now() + retry_delay(attempt)
    return reindex_object.using(run_after=run_after).enqueue(app_label, model_name, str(pk), attempt=attempt)


def engine_backends():
    """The configured, auto-updated engine backends, by name."""
    return [
        (name, backend)
        for name, backend in get_search_backends_with_name(with_auto_update=True)
        if isinstance(backend, ResilientIndexingMixin)
    ]


@task(backend=BACKGROUND)
def reindex_object(app_label: str, model_name: str, pk: str, attempt: int = 0) -> str:
    """Bring the engines' document for one object in line with the database: index the object again,
    or remove its document when the object is gone or no longer indexed (a draft dossier, say).

    When an engine still does not answer, the next attempt is queued and this one fails (its result
    records the error)."""
    model = apps.get_model(app_label, model_name)
    instance = model._default_manager.filter(pk=pk).first()
    indexed = index.get_indexed_instance(instance) if instance is not None else None
    failed = []
    for name, backend in engine_backends():
        try:
            if indexed is not None:
                backend.add_now(indexed)
            else:
                backend.delete_now(model(pk=pk))
        except ENGINE_ERRORS as exc:
            logger.warning("Search engine %r still unavailable for %s.%s %s (%s)", name, app_label, model_name, pk, exc)
            failed.append(name)
    if failed:
        queue_reindex(app_label, model_name, pk, attempt + 1)
        raise EngineUnavailable(f"{app_label}.{model_name} {pk}: {', '.join(failed)} unavailable, retry queued")
    return "indexed" if indexed is not None else "removed"
