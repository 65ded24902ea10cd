from reliefsite.campaigns.models import Campaign, Disbursement, GroupContribution, TotalReport
from reliefsite.publishing import Status
from reliefsite.quantities import AsOfPrecision, DateQualifier, Qualifier

QUALIFIERS = Qualifier.choices


def load_campaigns(loader):
    required = ["slug", "name", "organizer", "launched_at", "purpose", "sources"]
    allowed = [*required, "registration_number", "registration_platform", "verify_url"]
    allowed += ["reports", "contributions", "disbursements"]
    for r in loader.records("campaigns", allowed, required):
        values = {
            "name": r.text("name"),
            "organizer": r.ref("organizer", loader.organizations),
            "registration_number": r.text("registration_number"),
            "registration_platform": r.text("registration_platform"),
            "verify_url": r.text("verify_url"),
            "launched_at": r.moment("launched_at"),
            "purpose": r.text("purpose"),
            "status": Status.PUBLISHED,
        }
        m2m = {"sources": r.refs("sources", loader.sources)}
        campaign = loader.save(r, Campaign, {"slug": r.get("slug")}, values, m2m)
        load_reports(loader, r, campaign)
        load_contributions(loader, r, campaign)
        load_disbursements(loader, r, campaign)


def load_reports(loader, r, campaign):
    required = ["as_of", "amount", "source"]
    allowed = [*required, "as_of_precision", "amount_qualifier", "donors", "donors_qualifier"]
    allowed += ["is_correction", "correction_reason", "note"]
    # Oldest first, so each report is checked against the one before it.
    reports = sorted(r.children("reports", "report", allowed, required), key=lambda c: c.moment("as_of"))
    rows = [
        (
            c,
            {
                "as_of": c.moment("as_of"),
                "as_of_precision": c.one_of("as_of_precision", AsOfPrecision.choices, "minute"),
                "amount": c.decimal("amount"),
                "amount_qualifier": c.one_of("amount_qualifier", QUALIFIERS, "exact"),
                "donors": c.integer("donors"),
                "donors_qualifier": c.one_of("donors_qualifier", QUALIFIERS, "exact"),
                "source": c.ref("source", loader.sources),
                "is_correction": bool(c.get("is_correction", False)),
                "correction_reason": c.text("correction_reason"),
                "note": c.text("note"),
                "status": Status.PUBLISHED,
            },
        )
        for c in reports
    ]
    loader.save_children(TotalReport, "campaign", campaign, rows, match=("as_of",))


def load_contributions(loader, r, campaign):
    required = ["group", "label", "as_of", "amount", "source"]
    allowed = [*required, "as_of_precision", "staff_count", "staff_qualifier", "gifts_count"]
    allowed += ["gifts_qualifier", "amount_qualifier", "note"]
    rows = [
        (
            c,
            {
                "group": c.ref("group", loader.organizations),
                "label": c.text("label"),
                "as_of": c.moment("as_of"),
                "as_of_precision": c.one_of("as_of_precision", AsOfPrecision.choices, "minute"),
                "staff_count": c.integer("staff_count"),
                "staff_qualifier": c.one_of("staff_qualifier", QUALIFIERS, "exact"),
                "gifts_count": c.integer("gifts_count"),
                "gifts_qualifier": c.one_of("gifts_qualifier", QUALIFIERS, "exact"),
                "amount": c.decimal("amount"),
                "amount_qualifier": c.one_of("amount_qualifier", QUALIFIERS, "exact"),
                "source": c.ref("source", loader.sources),
                "note": c.text("note"),
            },
        )
        for c in r.children("contributions", "contribution", allowed, required)
    ]
    loader.save_children(GroupContribution, "campaign", campaign, rows, match=("group", "as_of"))


def load_disbursements(loader, r, campaign):
    required = ["key", "date", "amount", "source"]
    allowed = [
        *required,
        "date_qualifier",
        "recipient",
        "recipient_note",
        "amount_qualifier",
        "purpose",
        "note",
    ]
    rows = [
        (
            c,
            {
                "key": c.text("key"),
                "date": c.date("date"),
                "date_qualifier": c.one_of("date_qualifier", DateQualifier.choices, "exact"),
                "recipient": c.ref("recipient", loader.organizations, required=False),
                "recipient_note": c.text("recipient_note"),
                "amount": c.decimal("amount"),
                "amount_qualifier": c.one_of("amount_qualifier", QUALIFIERS, "exact"),
                "purpose": c.text("purpose"),
                "source": c.ref("source", loader.sources),
                "note": c.text("note"),
                "status": Status.PUBLISHED,
            },
        )
        for c in r.children("disbursements", "disbursement", allowed, required)
    ]
    loader.save_children(Disbursement, "campaign", campaign, rows, match=("key",))
