from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Source(models.Model):
    """A newspaper article that public facts cite."""

    key = models.SlugField(_("标识"), max_length=80, unique=True)
    publication = models.CharField(_("报刊"), max_length=60)
    published_on = models.DateField(_("刊发日期"))
    page = models.CharField(_("版面"), max_length=40, blank=True, help_text=_("剪报未印版面时留空。"))
    headline = models.CharField(_("标题"), max_length=200)
    subheadline = models.CharField(_("副标题"), max_length=200, blank=True)
    headline_supplied = models.BooleanField(
        _("标题为编者所加"), default=False, help_text=_("剪报中该稿件没有印出标题时勾选。")
    )
    reporters = models.CharField(_("记者"), max_length=120, blank=True)
    correspondents = models.CharField(_("通讯员"), max_length=120, blank=True)
    photographers = models.CharField(_("摄影"), max_length=120, blank=True)
    seed_file = models.CharField(_("剪报文件"), max_length=120, blank=True)
    url = models.URLField(_("网址"), blank=True)
    note = models.TextField(_("编辑说明"), blank=True, help_text=_("日期如何推定、剪报缺少什么等。"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("信息来源")
        verbose_name_plural = _("信息来源")
        ordering = ["-published_on", "headline", "publication"]  # unique together: a total order
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "published_on", "headline"], name="source_unique_article"
            ),
        ]

    def __str__(self):
        return f"{self.publication} {self.published_on:%Y-%m-%d}《{self.headline}》"

    def get_absolute_url(self):
        return reverse("sources:detail", kwargs={"key": self.key})

    @property
    def byline(self):
        parts = []
        if self.reporters:
            parts.append(f"记者 {self.reporters}")
        if self.correspondents:
            parts.append(f"通讯员 {self.correspondents}")
        if self.photographers:
            parts.append(f"{self.photographers} 摄")
        return " ".join(parts)
