"""Invalidate the public page cache whenever content changes.

Every model of the site's own apps (reliefsite.*) counts as content, including ones added later;
any save, delete or many-to-many change moves the page cache to a new generation. Invalidation is
cheap (one cache write or one small file), so it is not worth working out which pages a change
touches: the trade-off is that one edit makes every page miss once, which at this site's size costs
a few milliseconds per page.

It runs at once and again when the transaction commits: at once so a page rendered in the same
transaction (tests, the shell) is fresh, at commit so a page rendered by another request between the
save and the commit, from the old data, is not kept.
"""

import contextlib
import contextvars

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .cache import invalidate_pages

DISPATCH_PREFIX = "reliefsite.core.page-cache"
_paused = contextvars.ContextVar("pages_invalidation_paused", default=False)


@contextlib.contextmanager
def pages_invalidation_paused():
    """For bulk writes (restore, imports): no invalidation per row; invalidate once afterwards."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)
        invalidate_pages()


def content_changed(sender, **kwargs):
    if _paused.get():
        return
    invalidate_pages()
    using = kwargs.get("using")
    connection = transaction.get_connection(using) if using else None
    if connection is None or not connection.in_atomic_block:
        return
    # Once per transaction is enough, however many rows it writes.
    if not any(func is invalidate_pages for _sids, func, _robust in connection.run_on_commit):
        transaction.on_commit(invalidate_pages, using=using)


def content_models():
    """Concrete models of the site's apps, without django-simple-history's shadow tables."""
    for model in apps.get_models():
        if not model.__module__.startswith("reliefsite.") or model._meta.abstract:
            continue
        if hasattr(model, "instance_type") and model.__name__.startswith("Historical"):
            continue
        yield model


def connect():
    for model in content_models():
        label = model._meta.label
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{DISPATCH_PREFIX}.save.{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{DISPATCH_PREFIX}.delete.{label}")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                content_changed,
                sender=through,
                dispatch_uid=f"{DISPATCH_PREFIX}.m2m.{through._meta.label}",
            )
