"""Arbitrary query strings and path parameters, sent to every public URL pattern: never a 500.

The patterns come from the URL resolver (both languages), so a page added later is fuzzed too.
"""

from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from .content import make_site
from .public_urls import public_patterns

PATTERNS = public_patterns()
# Parameter names the views read, so the fuzzing reaches their parsing, plus anything at all.
KNOWN_PARAMETERS = [
    "page",
    "per_page",
    "q",
    "district",
    "category",
    "organization",
    "date_from",
    "date_to",
    "campaign",
    "need",
    "by",
    "since",
    "until",
    "format",
]
EXISTING = ["production-test-campaign", "production-test-hotline", "production-test-source", "dongcheng"]

text = st.text(max_size=40)
values = st.one_of(
    text,
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(["", "0", "-1", "1e9", "2020-02-31", "2020-13-01", "9999-12-31", "nan", "%00", "\x00"]),
    st.sampled_from(EXISTING),
)
query_strings = st.one_of(
    st.lists(st.tuples(st.one_of(st.sampled_from(KNOWN_PARAMETERS), text), values), max_size=6).map(
        urlencode
    ),
    st.text(max_size=60).map(lambda raw: quote(raw, safe="=&;%+")),
)


def segment(converter):
    """A value the converter accepts (reaching the view) or any text at all (mostly a 404)."""
    return st.one_of(
        st.from_regex(f"\\A{converter.regex}\\Z"),
        st.sampled_from(EXISTING),
        text.filter(lambda s: s not in {".", ".."}),
    ).map(lambda value: quote(value, safe=""))


def urls(pattern):
    pieces = [st.just(p) if isinstance(p, str) else segment(p[1]) for p in pattern.parts]
    return st.tuples(st.tuples(*pieces), query_strings).map(lambda t: "/" + "".join(t[0]) + "?" + t[1])


def test_every_public_pattern_is_fuzzed():
    labels = {p.label for p in PATTERNS}
    assert {"/", "/en/", "/actions/<slug>/", "/en/hotlines/<slug>/", "/sitemap.xml"} <= labels


@pytest.fixture
def site(db, settings):
    settings.PAGE_CACHE = False  # every request reaches the view
    make_site()


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.label)
def test_never_a_server_error(site, pattern):
    client = Client(raise_request_exception=True)

    @hypothesis_settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        derandomize=True,
    )
    @given(urls(pattern))
    def check(url):
        response = client.get(url)
        assert response.status_code < 500, (url, response.status_code)

    check()
