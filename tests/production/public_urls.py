"""Every public URL pattern, found through the URL resolver (so new pages are covered by themselves)."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern

_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
NOT_PUBLIC = ("healthz",)


@dataclass(frozen=True)
class PublicPattern:
    parts: tuple  # literal strings and (name, converter) pairs

    @property
    def label(self):
        return "/" + "".join(p if isinstance(p, str) else f"<{p[0]}>" for p in self.parts)


def _route_parts(pattern):
    route, converters, parts, position = pattern._route, pattern.converters, [], 0
    for match in _PARAMETER.finditer(route):
        parts.append(route[position : match.start()])
        parts.append((match["name"], converters[match["name"]]))
        position = match.end()
    parts.append(route[position:])
    return [p for p in parts if p != ""]


def _walk(patterns, prefix):
    for entry in patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern):
            heads = [[], ["en/"]]
        elif isinstance(pattern, RoutePattern):
            heads = [_route_parts(pattern)]
        else:  # a regex pattern: none on the public site
            continue
        for head in heads:
            parts = [*prefix, *head]
            if isinstance(entry, URLResolver):
                yield from _walk(entry.url_patterns, parts)
            elif isinstance(entry, URLPattern):
                yield PublicPattern(tuple(parts))


def public_patterns():
    found = []
    for pattern in _walk(get_resolver().url_patterns, []):
        first = pattern.parts[0] if pattern.parts else ""
        if isinstance(first, str) and (first.startswith(settings.ADMIN_URL) or first in NOT_PUBLIC):
            continue
        if pattern not in found:
            found.append(pattern)
    return found
