"""Every public page type, as (name, path) on the seed data: shared by the axe, HTML and screenshot runs.

Paths come from reverse() and from the seed records the journeys use, so a renamed route or a
missing seed record fails loudly instead of silently checking fewer pages.
"""

from django.urls import reverse
from django.utils.translation import override

# Seed records with the most on their pages (figures, a chart, a ledger, opening hours).
ACTION = "hepingli-hand-warmers"
CAMPAIGN = "warm-wuhan"
HOTLINE = "bjftu-psychological-hotline"
ORGANIZATION = "beijing-ftu"
SOURCE = "004-hepingli"
FILTERED_ACTIONS = "?district=dongcheng&category=goods&q=暖手宝"
MISSING = "/no-such-page/"


def public_pages():
    """[(name, path)] of every public page type, Chinese, plus English versions of two of them."""
    pages = [
        ("home", reverse("core:home")),
        ("actions-list", reverse("actions:list")),
        ("actions-filtered", reverse("actions:list") + FILTERED_ACTIONS),
        ("action-detail", reverse("actions:detail", kwargs={"slug": ACTION})),
        ("organizations-list", reverse("organizations:list")),
        ("organizations-by-district", reverse("organizations:list") + "?by=district"),
        ("organization-detail", reverse("organizations:detail", kwargs={"slug": ORGANIZATION})),
        ("campaigns-list", reverse("campaigns:list")),
        ("campaign-detail", reverse("campaigns:detail", kwargs={"slug": CAMPAIGN})),
        ("campaign-reports", reverse("campaigns:reports", kwargs={"slug": CAMPAIGN})),
        ("hotlines-list", reverse("hotlines:list")),
        ("hotline-detail", reverse("hotlines:detail", kwargs={"slug": HOTLINE})),
        ("sources-list", reverse("sources:list")),
        ("source-detail", reverse("sources:detail", kwargs={"key": SOURCE})),
        ("open-data", reverse("opendata_docs:index")),
        ("open-data-endpoint", reverse("opendata_docs:campaigns")),
        ("not-found", MISSING),
    ]
    with override("en"):
        pages += [("en-home", reverse("core:home")), ("en-actions-list", reverse("actions:list"))]
    return pages


def admin_path(name="index", *args):
    return reverse(f"admin:{name}", args=args)
