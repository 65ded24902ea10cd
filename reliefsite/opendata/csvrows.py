"""CSV rows flattened from the JSON items: one row per item, lists joined with JOIN.

Column names are part of the public contract like the JSON field names (documented in fields.py).
"""

from django.utils.translation import gettext_lazy as _

JOIN = "; "


def joined(values):
    return JOIN.join(str(v) for v in values if v not in (None, ""))


def ref(value, key):
    return value[key] if value else ""


def actions(item):
    return {
        **{k: item[k] for k in ("slug", "url", "title", "summary", "district", "district_name")},
        **{k: item[k] for k in ("category", "category_name", "start_date", "end_date", "date_qualifier")},
        "date_note": item["date_note"],
        "beneficiaries": item["beneficiaries"],
        "organizations": joined(o["name"] for o in item["organizations"]),
        "organization_slugs": joined(o["slug"] for o in item["organizations"]),
        "recipients": joined(o["name"] for o in item["recipients"]),
        "figures": joined(f"{f['as_printed']}{f['counts']}" for f in item["figures"]),
        "sources": joined(s["key"] for s in item["sources"]),
        "created_at": item["created_at"],
        "updated_at": item["updated_at"],
    }


def organizations(item):
    row = {k: v for k, v in item.items() if k != "parent"}
    row["parent_slug"] = ref(item["parent"], "slug")
    row["parent_name"] = ref(item["parent"], "name")
    return row


def campaigns(item):
    latest = item["latest_total"] or {}
    return {
        **{k: item[k] for k in ("slug", "url", "name")},
        "organizer_slug": item["organizer"]["slug"],
        "organizer_name": item["organizer"]["name"],
        **{k: item[k] for k in ("registration_number", "registration_platform", "verify_url")},
        **{k: item[k] for k in ("launched_at", "purpose", "currency")},
        "latest_as_of": latest.get("as_of"),
        "latest_as_of_precision": latest.get("as_of_precision"),
        "latest_amount": latest.get("amount"),
        "latest_amount_qualifier": latest.get("amount_qualifier"),
        "latest_amount_as_printed": latest.get("amount_as_printed"),
        "latest_donors": latest.get("donors"),
        "latest_donors_qualifier": latest.get("donors_qualifier"),
        "disbursed": item["disbursed"],
        "balance": item["balance"],
        "reports": len(item["reports"]),
        "sources": joined(s["key"] for s in item["sources"]),
        "updated_at": item["updated_at"],
    }


def transactions(item):
    row = {k: v for k, v in item.items() if k not in ("provider_org", "receiver_org", "source")}
    for key in ("provider_org", "receiver_org"):
        row[f"{key}_slug"] = ref(item[key], "slug")
        row[f"{key}_name"] = ref(item[key], "name")
    row["source_key"] = item["source"]["key"]
    row["source_headline"] = item["source"]["headline"]
    return row


def hotlines(item):
    return {
        **{k: item[k] for k in ("id", "name", "url", "status", "description")},
        "organization_id": item["organization_id"],
        "organization_name": item["organization"]["name"],
        "eligibility_description": item["eligibility_description"],
        "application_process": item["application_process"],
        "fees_description": item["fees_description"],
        "need": joined(a["value"] for a in item["attributes"]),
        "phones": joined(p["number"] for p in item["phones"]),
        "schedules": joined(f"{s['byday']} {s['opens_at']}–{s['closes_at']}" for s in item["schedules"]),
        "languages": joined(lang["code"] for lang in item["languages"]),
        "last_modified": item["last_modified"],
    }


ROWS = {
    "actions": actions,
    "organizations": organizations,
    "campaigns": campaigns,
    "campaign-transactions": transactions,
    "hotlines": hotlines,
}


# CSV: one row per item; lists are joined with "; ". Columns not listed with a note carry the JSON field
# of the same name.
CSV_NOTES = {
    "organizations": _("组织名称，以“; ”分隔。"),
    "organization_slugs": _("组织的网址标识，以“; ”分隔。"),
    "recipients": _("受赠组织名称，以“; ”分隔。"),
    "figures": _("按原文写法印出的数字加计数对象，以“; ”分隔；数值见 JSON。"),
    "sources": _("来源标识，以“; ”分隔。"),
    "parent_slug": _("上级组织的网址标识。"),
    "parent_name": _("上级组织名称。"),
    "organizer_slug": _("发起机构的网址标识。"),
    "organizer_name": _("发起机构名称。"),
    "latest_as_of": "= latest_total.as_of",
    "latest_as_of_precision": "= latest_total.as_of_precision",
    "latest_amount": "= latest_total.amount",
    "latest_amount_qualifier": "= latest_total.amount_qualifier",
    "latest_amount_as_printed": "= latest_total.amount_as_printed",
    "latest_donors": "= latest_total.donors",
    "latest_donors_qualifier": "= latest_total.donors_qualifier",
    "reports": _("历次累计总额报道的条数。"),
    "provider_org_slug": _("付款方的网址标识。"),
    "provider_org_name": _("付款方名称。"),
    "receiver_org_slug": _("收款组织的网址标识；未写明时为空。"),
    "receiver_org_name": _("收款组织名称；未写明时为空。"),
    "source_key": _("来源标识。"),
    "source_headline": _("来源标题。"),
    "organization_name": _("提供方组织名称。"),
    "need": _("需求类别代码。"),
    "phones": _("号码，以“; ”分隔。"),
    "schedules": _("服务时间，如 WE,TH 09:00+08:00–17:00+08:00，以“; ”分隔。"),
    "languages": _("语言代码。"),
}

CSV_COLUMNS = {
    "actions": [
        *("slug url title summary district district_name category category_name".split()),
        *("start_date end_date date_qualifier date_note beneficiaries organizations".split()),
        *("organization_slugs recipients figures sources created_at updated_at".split()),
    ],
    "organizations": [
        *("slug url name short_name kind kind_name district district_name description note".split()),
        *(
            "published_actions published_campaigns published_hotlines updated_at parent_slug parent_name".split()
        ),
    ],
    "campaigns": [
        *("slug url name organizer_slug organizer_name registration_number registration_platform".split()),
        *(
            "verify_url launched_at purpose currency latest_as_of latest_as_of_precision latest_amount".split()
        ),
        *("latest_amount_qualifier latest_amount_as_printed latest_donors latest_donors_qualifier".split()),
        *("disbursed balance reports sources updated_at".split()),
    ],
    "campaign-transactions": [
        *("ref campaign campaign_name campaign_url transaction_type transaction_type_code".split()),
        *("transaction_date date_qualifier value value_qualifier value_as_printed currency".split()),
        *("receiver_note description note updated_at provider_org_slug provider_org_name".split()),
        *("receiver_org_slug receiver_org_name source_key source_headline".split()),
    ],
    "hotlines": [
        *("id name url status description organization_id organization_name".split()),
        *("eligibility_description application_process fees_description need phones".split()),
        *("schedules languages last_modified".split()),
    ],
}
