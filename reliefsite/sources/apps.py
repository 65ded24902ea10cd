from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "reliefsite.sources"
    verbose_name = _("信息来源")
