from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HotlinesConfig(AppConfig):
    name = "reliefsite.hotlines"
    verbose_name = _("求助热线")
