"""Search stays right as the data changes. On SQLite, words of three or more characters are found
through a trigram index that database triggers keep current; these tests change each thing that
feeds it and search again. They pass on PostgreSQL too, where search reads the tables directly."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reliefsite.actions.models import Action, Figure
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
