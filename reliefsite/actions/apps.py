from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "reliefsite.actions"
    verbose_name = _("救助行动")
