from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "reliefsite.core"
    verbose_name = _("站点")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import planner, signals

        signals.connect()
        post_migrate.connect(planner.analyze_after_migrate)
