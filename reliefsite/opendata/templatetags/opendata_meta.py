"""Head tags for sharing and search: canonical URL, Open Graph/Twitter cards, hreflang, feeds, JSON-LD.

In base.html:
    {% capture page_title %}{% block title %}…{% endblock %}{% endcapture %}
    {% meta_tags page_title page_description %}
and on detail pages:
    {% block structured_data %}{% jsonld object %}{% endblock %}
"""

import html
import json
import re

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from reliefsite.opendata import jsonld as builders

register = template.Library()

OG_LOCALES = {"zh-hans": "zh_CN", "en": "en_US"}
HREFLANG = {"zh-hans": "zh-Hans", "en": "en"}
# The same escapes as django.utils.html.json_script: nothing in the data can close the <script>.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


class CaptureNode(template.Node):
    # Declared so {% block %} tags inside stay overridable by child templates.
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        text = " ".join(self.nodelist.render(context).split())
        context[self.name] = mark_safe(text)  # already escaped by the template engine
        return ""


@register.tag
def capture(parser, token):
    """{% capture name %}…{% endcapture %}: render once, use as {{ name }} (e.g. a block's output)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("Usage: {% capture name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])


def plain(value):
    """Captured, escaped HTML -> plain text (the include escapes it again for the attribute)."""
    return html.unescape(strip_tags(str(value or ""))).strip()


def canonical_path(request):
    """The path plus a meaningful page number; filters, sorting and tracking parameters are dropped."""
    page = request.GET.get("page", "")
    if re.fullmatch(r"[1-9]\d{0,5}", page) and page != "1":
        return f"{request.path}?page={page}"
    return request.path


@register.inclusion_tag("includes/meta_tags.html", takes_context=True)
def meta_tags(context, title, description="", og_type="website"):
    request = context.get("request")
    if request is None or request.resolver_match is None:
        return {}  # no request (a bare error page) or no such address: nothing is canonical
    language = get_language() or settings.LANGUAGE_CODE
    path = canonical_path(request)
    # translate_url() resolves and reverses the path (~70 µs): once per language, x-default included.
    urls = {code: request.build_absolute_uri(translate_url(path, code)) for code, _name in settings.LANGUAGES}
    return {
        "canonical": request.build_absolute_uri(path),
        "title": plain(title),
        "description": plain(description),
        "og_type": og_type,
        "og_locale": OG_LOCALES.get(language, "zh_CN"),
        "og_locale_alternates": [v for k, v in OG_LOCALES.items() if k != language],
        "alternates": [{"hreflang": HREFLANG.get(code, code), "url": url} for code, url in urls.items()],
        "x_default": urls[settings.LANGUAGE_CODE],
    }


@register.simple_tag(takes_context=True)
def jsonld(context, obj):
    """A <script type="application/ld+json"> for an Organization, Hotline(s) or Campaign; else nothing."""
    request = context.get("request")
    data = builders.build(obj, request.build_absolute_uri) if request is not None and obj else None
    if not data:
        return ""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_SCRIPT_ESCAPES)
    return render_to_string(
        "includes/jsonld_script.html",
        {"payload": mark_safe(payload), "nonce": getattr(request, "csp_nonce", "")},
    )
