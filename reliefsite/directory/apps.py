from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """The organization and source pages: each gathers what the other apps publish about one
    organization or one article, so it sits above them (organizations and sources depend on nothing)."""

    name = "reliefsite.directory"
    verbose_name = _("组织与来源页面")
