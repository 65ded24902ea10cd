"""axe-core finds no violations on any public page type (phone and desktop) or the editors' admin pages.

One test per width walks through every page and reports all violations at once, with the rule,
the element and axe's advice, so one run shows everything that needs fixing.
"""

import pytest

from reliefsite.actions.models import Action
from reliefsite.campaigns.models import Campaign
from tools.chromium import DESKTOP, PHONE

from .axe_check import describe, violations
from .pages import ACTION, CAMPAIGN, MISSING, admin_path, public_pages
from .staff import EDITORS, log_in, staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check_pages(page, paths):
    """{path: report} for every page with violations; each page must also load as expected."""
    problems = {}
    for path, status in paths:
        response = page.goto(path)
        assert response.status == status, f"{path} answered {response.status}"
        found = violations(page)
        if found:
            problems[path] = describe(path, found)
        if page.viewport_size["width"] == PHONE["width"]:
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                # WCAG 1.4.10 (reflow): nobody should have to scroll a whole page sideways.
                problems[path] = f"{problems.get(path, path)}\n- reflow: the page is {width}px wide"
    return problems


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_public_pages_have_no_axe_violations(site, page, width):
    page.set_viewport_size(PHONE if width == "phone" else DESKTOP)
    paths = [(path, 404 if path == MISSING else 200) for _name, path in public_pages()]
    problems = check_pages(page, paths)
    assert not problems, f"axe violations at {width} width on {len(problems)} page(s):\n" + "\n".join(
        problems.values()
    )


def test_editors_admin_pages_have_no_axe_violations(site, page):
    staff_user("editor", EDITORS)
    campaign = Campaign.objects.get(slug=CAMPAIGN)
    action = Action.objects.get(slug=ACTION)
    page.set_viewport_size(DESKTOP)

    login = admin_path("login")
    problems = check_pages(page, [(login, 200)])
    log_in(page, "editor")

    problems |= check_pages(
        page,
        [
            (admin_path("index"), 200),
            (admin_path("actions_action_changelist"), 200),
            (admin_path("actions_action_change", action.pk), 200),
            (admin_path("campaigns_campaign_changelist"), 200),
            (admin_path("campaigns_campaign_change", campaign.pk), 200),
            (admin_path("campaigns_campaign_record_total", campaign.pk), 200),
            (admin_path("campaigns_totalreport_changelist"), 200),
        ],
    )
    assert not problems, f"axe violations on {len(problems)} admin page(s):\n" + "\n".join(problems.values())
