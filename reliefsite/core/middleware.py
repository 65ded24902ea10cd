"""Site-wide middleware: Permissions-Policy, the admin's CSP exception, and the public page cache.

The page cache is Django's per-site cache (UpdateCacheMiddleware / FetchFromCacheMiddleware, built
from the same django.utils.cache helpers) with these changes, mostly about what may be shared:

- only anonymous GET/HEAD requests of public pages use it (core.cache.is_cacheable_request): a
  request with a session cookie may come from an editor who sees drafts, so it neither reads nor
  fills the cache, and its response is marked `Cache-Control: private` for caches downstream;
- a response that sets a cookie is never stored, whatever it varies on;
- keys carry the cache generation (core.cache), which an editor's save moves on;
- the fetch half runs early in MIDDLEWARE (see settings.py), so a hit skips the rest.

A view's `Cache-Control: max-age` still sets the entry's lifetime (capped at CACHE_SECONDS): the
hotline pages use it to expire exactly when a line opens or closes.
"""

import base64
import hashlib
import time

from csp.constants import UNSAFE_HASHES
from django.conf import settings
from django.core.cache import caches
from django.utils.cache import (
    get_cache_key,
    get_max_age,
    has_vary_header,
    learn_cache_key,
    patch_cache_control,
    patch_response_headers,
)
from django.utils.http import parse_http_date_safe

from . import cache as page_cache


class PermissionsPolicyMiddleware:
    """Adds Permissions-Policy, which Django's SecurityMiddleware does not set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def _sha256(source):
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


# Inline attributes in third-party admin templates, which the strict policy would block:
# django-import-export's export form ("select all" checkbox handler, two style attributes) and
# django-simple-history's history list (one style attribute). 'unsafe-hashes' with their hashes
# allows exactly these values and nothing else; public pages keep the strict policy.
ADMIN_INLINE_SCRIPTS = ("onSelectToggleChange(event)",)
ADMIN_INLINE_STYLES = ("border-top: 0", "padding: 0;", "font-weight: bold;")
ADMIN_CSP_UPDATE = {
    "script-src": [UNSAFE_HASHES, *map(_sha256, ADMIN_INLINE_SCRIPTS)],
    "style-src": [UNSAFE_HASHES, *map(_sha256, ADMIN_INLINE_STYLES)],
}


class AdminCSPMiddleware:
    """Relaxes the Content-Security-Policy for the admin only. Goes right after CSPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(f"/{settings.ADMIN_URL}"):
            response._csp_update = {**ADMIN_CSP_UPDATE, **(getattr(response, "_csp_update", None) or {})}
        return response


class PageCacheUpdateMiddleware:
    """Stores cacheable public responses. Goes first in MIDDLEWARE, so it sees the final response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        prefix = getattr(request, "_page_cache_prefix", None)
        if prefix is None:
            if request.COOKIES.get(settings.SESSION_COOKIE_NAME):
                # Possibly an editor's view of drafts: no shared cache downstream may keep it.
                patch_cache_control(response, private=True)
            return response
        if getattr(request, "_page_cache_hit", False) or not self._storable(response):
            return response
        timeout = get_max_age(response)
        timeout = (
            settings.CACHE_MIDDLEWARE_SECONDS
            if timeout is None
            else min(timeout, settings.CACHE_MIDDLEWARE_SECONDS)
        )
        if timeout <= 0:
            return response
        _drop_vary(response, "Accept-Language")
        patch_response_headers(response, timeout)
        cache = caches[settings.CACHE_MIDDLEWARE_ALIAS]
        key = learn_cache_key(request, response, timeout, prefix, cache=cache)
        if hasattr(response, "render") and callable(response.render):
            response.add_post_render_callback(lambda r: cache.set(key, r, timeout))
        else:
            cache.set(key, response, timeout)
        return response

    @staticmethod
    def _storable(response):
        if response.streaming or response.status_code != 200 or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-cache", "no-store")):
            return False
        return not has_vary_header(response, "*")


class PageCacheFetchMiddleware:
    """Answers cacheable requests from the page cache. Goes right after PageCacheUpdateMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.fetch(request)
        return response if response is not None else self.get_response(request)

    def fetch(self, request):
        if not page_cache.is_cacheable_request(request):
            return None
        # The key includes the language; take it from the URL, as LocaleMiddleware does.
        request.LANGUAGE_CODE = page_cache.request_language(request)
        prefix = page_cache.key_prefix(page_cache.page_generation())
        request._page_cache_prefix = prefix
        cache = caches[settings.CACHE_MIDDLEWARE_ALIAS]
        response = None
        for method in ("GET", "HEAD") if request.method == "HEAD" else ("GET",):
            key = get_cache_key(request, prefix, method, cache=cache)
            if key is None:
                return None
            response = cache.get(key)
            if response is not None:
                break
        if response is None:
            return None
        max_age = get_max_age(response)
        expires = parse_http_date_safe(response.get("Expires", ""))
        if max_age is not None and expires is not None:
            response["Age"] = max(0, max_age - (expires - int(time.time())))
        request._page_cache_hit = True
        return response


def _drop_vary(response, header):
    """LocaleMiddleware adds Vary: Accept-Language, but here the URL alone decides the language."""
    if not response.has_header("Vary"):
        return
    kept = [h.strip() for h in response["Vary"].split(",") if h.strip().lower() != header.lower()]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]
