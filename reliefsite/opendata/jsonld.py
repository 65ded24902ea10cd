"""schema.org JSON-LD for the detail pages, chosen per model.

Mapping (why): an organization is an `Organization`; a hotline is a `ContactPoint` (telephone,
contactType, areaServed, availableLanguage, hoursAvailable) inside the `Organization` that runs it,
which is how search engines read helplines. schema.org has no "fundraising campaign": a campaign is a
`Project` (an Organization subtype "planned to achieve a particular aim") whose `funding` is a
`MonetaryGrant` carrying the latest reported total as a `MonetaryAmount` in CNY; each disbursement is a
`MonetaryGrant` funded by that project, with the receiving organization as `fundedItem`.
"""

from django.db.models import QuerySet

from reliefsite.campaigns.figures import raised_figures
from reliefsite.campaigns.models import Campaign
from reliefsite.hotlines.models import Hotline
from reliefsite.organizations.models import District, Organization
from reliefsite.publishing import Status

from .serializers import number

CONTEXT = "https://schema.org"
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CHINESE = {"@type": "Language", "name": "Chinese", "alternateName": "zh"}
# A campaign's most recent payments; all of them are on its page and in the open data. Listing
# every one would make the page grow without bound as payments are recorded.
GRANTS_SHOWN = 50


def area(district):
    if not district or district == District.OUTSIDE:
        return None
    if district == District.CITYWIDE:
        return {"@type": "City", "name": "北京市"}
    return {"@type": "AdministrativeArea", "name": f"北京市{District(district).label}"}


def org_node(org, absolute, **extra):
    url = absolute(org.get_absolute_url())
    node = {"@type": "Organization", "@id": f"{url}#organization", "name": org.name, "url": url}
    if org.short_name:
        node["alternateName"] = org.short_name
    return {**node, **extra}


def opening_hours(hotline):
    if hotline.round_the_clock:
        return [
            {"@type": "OpeningHoursSpecification", "dayOfWeek": DAYS, "opens": "00:00", "closes": "23:59"}
        ]
    periods = {}
    for hours in hotline.hours.all():
        periods.setdefault((hours.opens, hours.closes), []).append(DAYS[hours.weekday])
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": days,
            "opens": f"{opens:%H:%M}",
            "closes": f"{closes:%H:%M}",
        }
        for (opens, closes), days in sorted(periods.items())
    ]


def contact_points(hotline, absolute):
    """One ContactPoint per number: schema.org's telephone holds a single number."""
    common = {
        "@type": "ContactPoint",
        "contactType": str(hotline.get_need_display()),
        "availableLanguage": CHINESE,
        "url": absolute(hotline.get_absolute_url()),
    }
    if served := area(hotline.provider.district):
        common["areaServed"] = served
    if hours := opening_hours(hotline):
        common["hoursAvailable"] = hours
    if hotline.hours_note:
        common["description"] = hotline.hours_note
    return [
        {
            "name": f"{hotline.name}（{number.label}）" if number.label else hotline.name,
            "telephone": number.tel_uri.removeprefix("tel:"),
            **common,
        }
        for number in hotline.numbers.all()
    ]


def organization(org, absolute, hotlines=None):
    if hotlines is None:
        hotlines = (
            Hotline.objects.published()
            .filter(provider=org)
            .select_related("provider")
            .prefetch_related("numbers", "hours")
        )
    node = org_node(org, absolute)
    if org.description:
        node["description"] = org.description
    if org.parent_id:
        node["parentOrganization"] = org_node(org.parent, absolute)
    if served := area(org.district):
        node["areaServed"] = served
    points = [point for hotline in hotlines for point in contact_points(hotline, absolute)]
    if points:
        node["contactPoint"] = points
    return {"@context": CONTEXT, **node}


def hotlines(items, absolute):
    """Several hotlines: one Organization per provider, each with its lines as contact points."""
    by_provider = {}
    for hotline in items:
        by_provider.setdefault(hotline.provider, []).append(hotline)
    graph = [
        {k: v for k, v in organization(provider, absolute, lines).items() if k != "@context"}
        for provider, lines in by_provider.items()
    ]
    return {"@context": CONTEXT, "@graph": graph} if graph else None


def money(value):
    return {"@type": "MonetaryAmount", "currency": "CNY", "value": number(value)}


def campaign(obj, absolute):
    """obj: a campaign from CampaignQuerySet.with_latest_total() (the detail page's with_totals())."""
    url = absolute(obj.get_absolute_url())
    project = {
        "@type": "Project",
        "@id": f"{url}#campaign",
        "name": obj.name,
        "url": url,
        "description": obj.purpose,
        "foundingDate": obj.launched_at.date().isoformat(),
        "parentOrganization": org_node(obj.organizer, absolute),
    }
    if obj.registration_number:
        project["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": f"{obj.registration_platform}公开募捐备案编号",
            "value": obj.registration_number,
        }
    if obj.latest_amount is not None:
        printed = raised_figures(obj)
        description = f"截至{printed['as_of']}累计{printed['raised']}"
        if printed["donors"]:
            description += f"，{printed['donors']}捐款人"
        project["funding"] = {
            "@type": "MonetaryGrant",
            "name": f"{obj.name}累计善款",
            "description": description,
            "amount": money(obj.latest_amount),
        }
    graph = [project]
    recent = obj.disbursements.published().select_related("recipient").order_by("-date", "-pk")
    for paid in reversed(recent[:GRANTS_SHOWN]):
        grant = {
            "@type": "MonetaryGrant",
            "name": f"{obj.name}拨付（{paid.date_display}）",
            "description": str(paid.purpose or paid.recipient_display),
            "funder": {"@id": project["@id"]},
            "amount": money(paid.amount),
        }
        if paid.recipient:
            grant["fundedItem"] = org_node(paid.recipient, absolute)
        graph.append(grant)
    return {"@context": CONTEXT, "@graph": graph}


def build(obj, absolute):
    """The JSON-LD dict for a record (or a list of hotlines); None when there is nothing to say."""
    if isinstance(obj, QuerySet | list | tuple):
        items = list(obj)
        if items and all(isinstance(item, Hotline) for item in items):
            return hotlines(items, absolute)
        return None
    if isinstance(obj, Organization):
        return organization(obj, absolute)
    if isinstance(obj, Hotline):
        if obj.status != Status.PUBLISHED:
            return None
        return {
            "@context": CONTEXT,
            **org_node(obj.provider, absolute, contactPoint=contact_points(obj, absolute)),
        }
    if isinstance(obj, Campaign):
        if obj.status != Status.PUBLISHED:
            return None
        return campaign(obj, absolute)
    return None
