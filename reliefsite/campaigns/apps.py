from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "reliefsite.campaigns"
    verbose_name = _("募捐项目")
