from django import template
from django.conf import settings
from django.urls import translate_url

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this same page in each interface language (plain links: cache- and no-JS-friendly)."""
    request = context["request"]
    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    path = request.get_full_path()
    return {
        "languages": [
            {"code": code, "name": name, "url": translate_url(path, code), "current": code == current}
            for code, name in settings.LANGUAGES
        ]
    }
