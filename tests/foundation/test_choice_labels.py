"""The models' own get_FOO_display() methods say exactly what Django's generic ones say."""

import pytest
from django.db import models
from django.utils import translation

from reliefsite.actions.models import Action
from reliefsite.hotlines.models import Hotline
from reliefsite.organizations.models import Organization

OVERRIDDEN = [
    (Action, "district"),
    (Action, "category"),
    (Organization, "kind"),
    (Organization, "district"),
    (Hotline, "need"),
    (Hotline, "mode"),
    (Hotline, "cost"),
]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize(("model", "name"), OVERRIDDEN, ids=lambda value: getattr(value, "__name__", value))
def test_display_matches_djangos_for_every_choice_and_an_unknown_value(model, name, language):
    field = model._meta.get_field(name)
    # The override is the model's own method, not the one Field.contribute_to_class() adds.
    assert f"get_{name}_display" in vars(model)
    values = [value for value, _label in field.flatchoices] + ["no-such-choice", ""]
    with translation.override(language):
        for value in values:
            instance = model(**{name: value})
            shown = getattr(instance, f"get_{name}_display")()
            assert shown == models.Model._get_FIELD_display(instance, field)
            assert type(shown) is str


def test_labels_follow_the_interface_language():
    action = Action(category="funds", district="citywide")
    with translation.override("zh-hans"):
        assert (action.get_category_display(), action.get_district_display()) == ("资金与慰问金", "全市")
    with translation.override("en"):
        assert (action.get_category_display(), action.get_district_display()) == (
            "Funds and hardship grants",
            "Citywide",
        )
