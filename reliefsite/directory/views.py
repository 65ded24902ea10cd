"""The organization and source pages: what the site publishes about one organization or one article.

Every page stays bounded however much there is: the lists paginate or only count, and a detail page
shows the latest few of each kind with a link to the rest.
"""

from django.db.models import F, Q, prefetch_related_objects
from django.shortcuts import get_object_or_404, render

from reliefsite.actions.models import CARD_RELATIONS, Action
from reliefsite.campaigns.models import Campaign, Disbursement, GroupContribution, TotalReport
from reliefsite.hotlines.models import Hotline
from reliefsite.organizations.models import Organization
from reliefsite.pagination import first, paginate
from reliefsite.publishing import Status
from reliefsite.sources.models import Source

from .queries import (
    CAMPAIGNS_SHOWN,
    latest_per_campaign,
    qualified_money_sum,
    with_action_count,
    with_citation_counts,
)

ACTIONS_SHOWN = 20  # on an organization's page; the list of actions filtered by it has them all
PER_PAGE = 100  # organizations per directory page
SOURCES_PER_PAGE = 20  # like every other public list; each card carries a citation and six counts
ACTIONS_PER_PAGE = 20  # on a source's page
OTHERS_SHOWN = 50  # campaigns and hotlines citing a source, each money list on an organization's page
CHILDREN_SHOWN = 100  # member unions on an organization's page; the directory lists them all
PUBLISHED_CAMPAIGN = Q(campaign__status=Status.PUBLISHED)


def organization_list(request):
    """The directory, PER_PAGE organizations a page, grouped by kind or district within the page."""
    group_by = "district" if request.GET.get("by") == "district" else "kind"
    page, page_message = paginate(
        request, Organization.objects.for_directory(group_by), PER_PAGE, annotate=with_action_count
    )
    groups = Organization.objects.group_sizes(group_by)
    context = {
        "group_by": group_by,
        "page": page,
        "page_message": page_message,
        "query_string": "by=district" if group_by == "district" else "",
        "contents": _contents(groups),
        "sections": _sections(page, groups, "district" if group_by == "district" else "kind"),
    }
    return render(request, "directory/organization_list.html", context)


def _contents(groups):
    """Every group with the page it starts on, so a reader can jump to any kind or district."""
    contents, offset = [], 0
    for value, label, size in groups:
        contents.append({"value": value, "label": label, "size": size, "page": offset // PER_PAGE + 1})
        offset += size
    return contents


def _sections(page, groups, field):
    """The page's organizations split into their groups; a group begun on an earlier page is
    marked continued, and each heading gives the group's full size, not just this page's part."""
    starts, offset = {}, 0
    for value, label, size in groups:
        starts[value] = (offset, label, size)
        offset += size
    first = page.start_index() - 1
    sections = []
    for organization in page.object_list:
        value = getattr(organization, field)
        if value not in starts or starts[value][1] is None:
            value = ""  # outside the choices: the last group, as in for_directory()
        if not sections or sections[-1]["value"] != value:
            start, label, size = starts.get(value, (first, None, 0))
            sections.append(
                {
                    "value": value,
                    "label": label,
                    "size": size,
                    "continued": start < first,
                    "organizations": [],
                }
            )
        sections[-1]["organizations"].append(organization)
    return sections


def organization_detail(request, slug):
    # The count of its published actions comes with it, in the same statement.
    organization = get_object_or_404(with_action_count(Organization.objects.with_parent()), slug=slug)
    # Reverse managers use each model's own QuerySet, so published() is the only way in.
    actions = organization.actions.published()
    disbursements = (
        organization.disbursements_received.published()
        .filter(PUBLISHED_CAMPAIGN)
        .select_related("campaign", "source")
    )
    # Each list shows the first few, and says so when there are more: a city federation can have
    # hundreds of member unions and actions.
    children, more_children = first(with_action_count(organization.children.all()), CHILDREN_SHOWN)
    money_in_actions, more_money_in_actions = first(actions.with_money(), OTHERS_SHOWN)
    actions_received, more_actions_received = first(organization.actions_received.published(), OTHERS_SHOWN)
    latest_actions = list(actions[:ACTIONS_SHOWN])
    # Both lists show action cards: their organizations and figures are read in one go.
    prefetch_related_objects([*latest_actions, *actions_received], *CARD_RELATIONS)
    disbursements_shown, more_disbursements = first(disbursements.order_by("-date", "-pk"), OTHERS_SHOWN)
    # Only what the list shows: the organizer is this organization, and no balance is printed.
    campaigns, more_campaigns = first(organization.campaigns.published().with_latest_total(), OTHERS_SHOWN)
    contributions, more_contributions = first(
        organization.contributions.filter(PUBLISHED_CAMPAIGN).select_related("campaign", "source"),
        OTHERS_SHOWN,
    )
    context = {
        "organization": organization,
        "children": children,
        "more_children": more_children,
        "actions": latest_actions,
        "action_count": organization.action_count,
        "money_in_actions": money_in_actions,
        "more_money_in_actions": more_money_in_actions,
        "actions_received": actions_received,
        "more_actions_received": more_actions_received,
        "disbursements": disbursements_shown,
        "more_disbursements": more_disbursements,
        "disbursed_total": qualified_money_sum(disbursements),
        "campaigns": campaigns,
        "more_campaigns": more_campaigns,
        "contributions": contributions,
        "more_contributions": more_contributions,
        "others_shown": OTHERS_SHOWN,
        "children_shown": CHILDREN_SHOWN,
    }
    return render(request, "directory/organization_detail.html", context)


def source_list(request):
    """The articles, newest first, SOURCES_PER_PAGE a page: each with six counts of what cites it."""
    page, page_message = paginate(
        request, Source.objects.all(), SOURCES_PER_PAGE, annotate=with_citation_counts
    )
    return render(request, "directory/source_list.html", {"page": page, "page_message": page_message})


def source_detail(request, key):
    source = get_object_or_404(with_citation_counts(Source.objects.all()), key=key)
    actions = Action.objects.published().filter(sources=source).order_by("-start_date", "-pk")
    actions_page, page_message = paginate(request, actions, ACTIONS_PER_PAGE)
    reports, more_report_campaigns = latest_per_campaign(
        TotalReport.objects.published().filter(PUBLISHED_CAMPAIGN, source=source),
        [F("as_of").desc()],
    )
    disbursements, more_disbursement_campaigns = latest_per_campaign(
        Disbursement.objects.published()
        .filter(PUBLISHED_CAMPAIGN, source=source)
        .select_related("recipient"),
        [F("date").desc(), F("pk").desc()],
    )
    contributions, more_contribution_campaigns = latest_per_campaign(
        GroupContribution.objects.filter(PUBLISHED_CAMPAIGN, source=source),
        [F("as_of").desc(), F("pk").desc()],
    )
    context = {
        "source": source,
        "actions": actions_page,
        "page_message": page_message,
        "campaigns": list(Campaign.objects.published().filter(sources=source)[:OTHERS_SHOWN]),
        "reports": reports,
        "more_report_campaigns": more_report_campaigns,
        "disbursements": disbursements,
        "more_disbursement_campaigns": more_disbursement_campaigns,
        "contributions": contributions,
        "more_contribution_campaigns": more_contribution_campaigns,
        "hotlines": list(Hotline.objects.published().filter(sources=source)[:OTHERS_SHOWN]),
        "others_shown": OTHERS_SHOWN,
        "campaigns_shown": CAMPAIGNS_SHOWN,
    }
    return render(request, "directory/source_detail.html", context)
