"""Search stays right as the data changes. On SQLite, words of three or more characters are found
through a trigram index that database triggers keep current; these tests change each thing that
feeds it and search again. They pass on PostgreSQL too, where search reads the tables directly."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reliefsite.actions.models import Action, Figure
from reliefsite.organizations.models import District
from reliefsite.quantities import Qualifier
from tests.factories import make_action, make_organization

pytestmark = pytest.mark.django_db


def found(word):
    return set(Action.objects.search(word).values_list("slug", flat=True))


@pytest.fixture
def action():
    union = make_organization(name="石景山区总工会", short_name="石景山总工会", slug="sjs")
    return make_action(
        organizations=[union],
        slug="warm",
        title="为环卫工人送暖手宝",
        summary="区总工会走访一线。",
        beneficiaries="环卫工人",
        figures=[("300", "个", "暖手宝发放", Qualifier.EXACT)],
    )


def test_every_field_of_a_new_action_is_searchable(action):
    for word in ["环卫工人送", "走访一线", "石景山区总工会", "石景山总工会", "暖手宝发放"]:
        assert found(word) == {"warm"}, word


def test_an_edited_title_is_found_by_its_new_words_only(action):
    action.title = "为快递小哥送口罩"
    action.save()
    assert found("快递小哥") == {"warm"}
    assert found("环卫工人送") == set()


def test_a_renamed_organization_finds_its_actions_under_the_new_name(action):
    union = action.organizations.get()
    union.name = "石景山区职工服务中心"
    union.save()
    assert found("职工服务中心") == {"warm"}
    assert found("石景山区总工会") == set()


def test_organizations_added_and_removed(action):
    other = make_organization(name="首钢集团工会", slug="shougang")
    action.organizations.add(other)
    assert found("首钢集团") == {"warm"}
    action.organizations.remove(other)
    assert found("首钢集团") == set()


def test_figures_added_changed_and_deleted(action):
    figure = Figure.objects.create(
        action=action, value=Decimal("5"), unit="吨", counts="消毒液捐赠", position=1
    )
    assert found("消毒液捐赠") == {"warm"}
    figure.counts = "口罩捐赠数"
    figure.save()
    assert found("口罩捐赠数") == {"warm"} and found("消毒液捐赠") == set()
    figure.delete()
    assert found("口罩捐赠数") == set()


def test_a_deleted_action_is_no_longer_found(action):
    action.delete()
    assert found("暖手宝") == set()


def test_short_words_and_wildcards_are_matched_literally(action):
    assert found("暖手") == {"warm"}  # two characters: below the trigram index's reach
    make_action(slug="percent", title="捐款到账率100%以上")
    assert found("100%以") == {"percent"}  # % is a LIKE wildcard: matched as itself


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the trigram index exists on SQLite only")
def test_on_sqlite_long_words_use_the_index_short_words_the_tables(action):
    with CaptureQueriesContext(connection) as long_word:
        found("暖手宝")
    with CaptureQueriesContext(connection) as short_word:
        found("暖手")
    assert "actions_search" in long_word.captured_queries[0]["sql"]
    assert "actions_search" not in short_word.captured_queries[0]["sql"]


# Texts with characters that mean something to LIKE (% _ \\) or to FTS5's query syntax (" * ( ) - : ^ +,
# AND OR NOT NEAR), in Chinese and in mixed-case ASCII.
TEXTS = {
    "syntax": '口罩"KN95"标准*(医用)-一次性:^+号 NOT AND OR NEAR',
    "percent": "捐款到账率100%以上_全部\\到位",
    "mixed": "Wuhan Relief 热线 open 24h 心理援助",
}


@pytest.fixture
def texts(db):
    return {
        slug: make_action(slug=slug, title=title, summary="", beneficiaries="")
        for slug, title in TEXTS.items()
    }


def expected(word, actions):
    """What search() promises: the word in the action's text (ASCII case aside) or its district's or
    category's name."""
    return {
        slug
        for slug, action in actions.items()
        if word.lower() in " ".join([action.title, *(o.name for o in action.organizations.all())]).lower()
        or word in str(District(action.district).label)
        or word in str(action.get_category_display())
    }


def test_query_syntax_characters_are_matched_literally(texts):
    for word in [
        '"KN95"',
        'KN95"标',
        "标准*(医",
        "(医用)-",
        "-一次性:^+",
        "NOT",
        "NEAR",
        "100%以",
        "_全部\\",
        '"""',
    ]:
        assert found(word) == expected(word, texts), word
    assert found('"KN95"') == {"syntax"}
    assert found("wuhan RELIEF") == {"mixed"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_piece_of_a_text_finds_exactly_the_actions_containing_it(texts, data):
    """The trigram index gives what reading every text would: every substring of every text, any case,
    with a character or two of noise around it."""
    text = data.draw(st.sampled_from(list(TEXTS.values())))
    start = data.draw(st.integers(0, len(text) - 1))
    word = text[start : start + data.draw(st.integers(1, 8))].strip()
    word = data.draw(st.sampled_from([word, word.upper(), word.lower(), word + "缺", "X" + word]))
    if word and " " not in word:
        assert found(word) == expected(word, texts), word
