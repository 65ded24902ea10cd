"""What backup_data writes and restore_data checks: every model's rows but a few rebuilt ones.

The file is a Django fixture (what dumpdata writes, so loaddata reads it) with natural keys for
users, groups, permissions and content types, written with full microsecond precision: Django's
own JSON encoder cuts times to milliseconds, and a restored site must show exactly the same times.
"""

import datetime
import gzip
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management.base import CommandError
from django.core.serializers.json import DjangoJSONEncoder

# Rebuilt by migrate (content types, permissions) or short-lived (sessions, login-failure records).
EXCLUDED = ("contenttypes", "auth.permission", "sessions", "axes")
SUFFIXES = (".json", ".json.gz")


def check_backup_name(path: Path):
    if not path.name.endswith(SUFFIXES):
        raise CommandError(f"{path}: the file name must end in .json or .json.gz.")


class PreciseJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def write_backup(path: Path):
    """Every backed-up row, models in dependency order (natural keys need their targets first)."""
    ordered = serializers.sort_dependencies(
        [(config, None) for config in apps.get_app_configs()], allow_cycles=True
    )
    included = set(backed_up_models())

    def rows():
        for model in ordered:
            if model in included:
                yield from model._base_manager.order_by(model._meta.pk.name).iterator()

    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as stream:
        serializers.serialize(
            "json",
            rows(),
            stream=stream,
            cls=PreciseJSONEncoder,
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
        )


def backed_up_models():
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        if meta.app_label in EXCLUDED or meta.label_lower in EXCLUDED:
            continue
        yield model


# Rows that `migrate` itself creates (the editor roles of core/migrations/0001_roles.py): present in
# a new database, so they do not make it "not empty". A backup's groups replace them by name.
CREATED_BY_MIGRATE = ("auth.Group",)


def backed_up_counts():
    return {model._meta.label: model._base_manager.count() for model in backed_up_models()}


def existing_data():
    """{model label: row count} of what a restore would collide with."""
    return {
        label: count
        for label, count in backed_up_counts().items()
        if count and label not in CREATED_BY_MIGRATE
    }
