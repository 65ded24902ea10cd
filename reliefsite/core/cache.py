"""The public page cache: which requests may use it, its key generation, and invalidation.

Pages live in the cache alias settings.CACHE_MIDDLEWARE_ALIAS ("pages"). Instead of deleting
entries, an editor's save moves the cache to a new *generation*: the generation is part of every
page key, so all old entries stop being found at once and age out by their timeout (cache key
versioning). The generation is a key in that same cache, so every app process sharing the cache
(Redis across servers, Django's file-based cache across the workers of one host) sees it.
"""

import uuid

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import get_language_from_path

GENERATION_KEY = "generation"
# Besides the session cookie (a signed-in editor may see drafts), a request carrying a one-time
# message (the messages framework's cookie) must neither read nor fill the shared page cache.
MESSAGES_COOKIE = "messages"


def page_cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def page_generation():
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # First request after the cache was emptied or restarted: agree on one value (add is atomic).
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY) or "0"
    return generation


def invalidate_pages():
    """Make every cached page stale, in every app process that shares this cache."""
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def is_cacheable_request(request):
    """Anonymous GET/HEAD of a public page: not the admin, health check or static files."""
    if request.method not in ("GET", "HEAD") or not getattr(settings, "PAGE_CACHE", True):
        return False
    if any(name in request.COOKIES for name in (settings.SESSION_COOKIE_NAME, MESSAGES_COOKIE)):
        return False
    if request.headers.get("Authorization"):
        return False
    path = request.path_info
    return not path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)


def request_language(request):
    """The page's language as the URL decides it (i18n_patterns, Chinese unprefixed), for the key."""
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def key_prefix(generation):
    return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}.{generation}"
