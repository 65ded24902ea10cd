"""Table statistics for the query planner, refreshed after migrate and after bulk loads.

SQLite picks indexes from the statistics ANALYZE last stored and has no autovacuum to refresh them:
without them it chose the wrong index for the action facets (15 ms instead of 1.6 ms at 20,000
actions, bench/RESULTS.md). `migrate` runs on every deploy and every `make run`, so statistics
follow the data's growth; load_seeds and restore_data refresh them after writing many rows.
PostgreSQL's autovacuum analyzes on its own; running ANALYZE there too just makes it immediate.
"""

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections


def analyze(using=DEFAULT_DB_ALIAS):
    with connections[using].cursor() as cursor:
        cursor.execute("ANALYZE")


def analyze_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate is sent once for each app with models, in INSTALLED_APPS order: act on the last."""
    if sender is [config for config in apps.get_app_configs() if config.models_module][-1]:
        analyze(using)
