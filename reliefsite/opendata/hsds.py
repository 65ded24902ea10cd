"""Hotlines as Open Referral HSDS 3 service objects (https://docs.openreferral.org/en/latest/hsds/).

HSDS wants UUIDs: they are derived from the site's primary keys (uuid5), so they stay the same
across requests and reloads and never expose anything but the record's identity.
"""

import datetime
import uuid
from itertools import groupby

from django.utils import timezone

from .serializers import iso

# A fixed namespace for this site's identifiers; never change it or every id changes.
NAMESPACE = uuid.UUID("0d6c7f1e-5b0a-4f43-9a57-2b1f3c0e8a11")
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]  # iCal codes; our Weekday 0 is Monday
CHINESE = {"name": "中文", "code": "zh"}  # every line is answered in Chinese
NEEDS_TAXONOMY = "reliefsite hotline needs"


def hsds_id(kind, pk):
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{pk}"))


def utc_offset_hours():
    """The site's offset from UTC (Beijing: 8; no daylight saving)."""
    zone = timezone.get_default_timezone()
    offset = datetime.datetime(2020, 1, 1, tzinfo=zone).utcoffset()
    return offset.total_seconds() / 3600


def clock(value, offset):
    """09:00 with the site's offset, as HSDS asks for: "09:00+08:00"."""
    hours, minutes = divmod(int(offset * 60), 60)
    return f"{value:%H:%M}{'+' if offset >= 0 else '-'}{abs(hours):02d}:{minutes:02d}"


def organization(org, absolute):
    return {
        "id": hsds_id("organization", org.pk),
        "name": org.name,
        "alternate_name": org.short_name or None,
        "description": org.description,
        "website": absolute(org.get_absolute_url()),
        "parent_organization_id": hsds_id("organization", org.parent_id) if org.parent_id else None,
    }


def phone(number, service_id):
    dialled = f"{number.area_code}-{number.number}" if number.area_code else number.number
    return {
        "id": hsds_id("phone", number.pk),
        "service_id": service_id,
        "number": dialled,
        "type": "voice",
        "description": number.label or None,
        "languages": [language(f"phone:{number.pk}", service_id)],
    }


def language(owner, service_id):
    return {"id": hsds_id("language", owner), "service_id": service_id, **CHINESE}


def need_attribute(hotline, service_id):
    """The kind of help (psychological, legal…) as an HSDS attribute, so consumers can filter on it."""
    return {
        "id": hsds_id("attribute", f"need:{hotline.pk}"),
        "link_id": service_id,
        "link_type": "need",
        "link_entity": "service",
        "value": hotline.need,
        "taxonomy_term": {
            "id": hsds_id("taxonomy_term", f"need:{hotline.need}"),
            "code": hotline.need,
            "name": str(hotline.get_need_display()),
            "taxonomy": NEEDS_TAXONOMY,
        },
    }


def schedules(hotline, service_id):
    """One weekly RRULE per opening period, with the days that share it: WE,TH 09:00-17:00."""
    offset = utc_offset_hours()
    holidays = "法定节假日除外" if hotline.closed_on_public_holidays else None
    common = {
        "service_id": service_id,
        "freq": "WEEKLY",
        "interval": 1,
        "timezone": offset,
        "description": hotline.hours_note or None,
        "notes": holidays,
        "attending_type": str(hotline.get_mode_display()),
        "valid_from": iso(hotline.starts_on),
    }
    if hotline.round_the_clock:
        return [
            {
                "id": hsds_id("schedule", f"{hotline.pk}:24h"),
                "byday": ",".join(BYDAY),
                "opens_at": clock(datetime.time(0, 0), offset),
                "closes_at": clock(datetime.time(23, 59), offset),
                **common,
            }
        ]
    periods = sorted(hotline.hours.all(), key=lambda h: (h.opens, h.closes, h.weekday))
    result = []
    for (opens, closes), group in groupby(periods, key=lambda h: (h.opens, h.closes)):
        days = sorted(h.weekday for h in group)
        result.append(
            {
                "id": hsds_id("schedule", f"{hotline.pk}:{opens}:{closes}"),
                "byday": ",".join(BYDAY[d] for d in days),
                "opens_at": clock(opens, offset),
                "closes_at": clock(closes, offset),
                **common,
            }
        )
    return sorted(result, key=lambda s: BYDAY.index(s["byday"][:2]))


def fees(hotline):
    label = str(hotline.get_cost_display())
    if hotline.cost == hotline.Cost.UNKNOWN:
        return hotline.cost_note or label
    return f"{label}。{hotline.cost_note}" if hotline.cost_note else label


def service(hotline, absolute):
    service_id = hsds_id("service", hotline.pk)
    documents = []
    if hotline.what_to_have_ready:
        documents.append(
            {
                "id": hsds_id("required_document", hotline.pk),
                "service_id": service_id,
                "document": hotline.what_to_have_ready,
            }
        )
    return {
        "id": service_id,
        "organization_id": hsds_id("organization", hotline.provider_id),
        "name": hotline.name,
        "alternate_name": None,
        "description": "\n\n".join(filter(None, [hotline.offers, hotline.operator_note])),
        "url": absolute(hotline.get_absolute_url()),
        "status": "active",
        "application_process": hotline.how_it_works or None,
        "fees_description": fees(hotline),
        "eligibility_description": hotline.eligibility,
        "last_modified": iso(hotline.updated_at),
        "organization": organization(hotline.provider, absolute),
        "phones": [phone(n, service_id) for n in hotline.numbers.all()],
        "schedules": schedules(hotline, service_id),
        "languages": [language(f"service:{hotline.pk}", service_id)],
        "required_documents": documents,
        "attributes": [need_attribute(hotline, service_id)],
        "service_at_locations": [],
    }
