from reliefsite.hotlines.models import Channel, Hotline, OpeningHours, PhoneNumber, Weekday
from reliefsite.publishing import Status

TEXT = ["name", "operator_note", "offers", "eligibility", "what_to_have_ready", "how_it_works"]
TEXT += ["session_length", "cost_note", "confidentiality", "start_note", "hours_note"]


def load_hotlines(loader):
    required = ["slug", "name", "provider", "need", "offers", "eligibility", "sources"]
    allowed = [*TEXT, "slug", "provider", "need", "mode", "cost", "starts_on", "round_the_clock"]
    allowed += ["closed_on_public_holidays", "hours", "numbers", "channels", "sources"]
    for r in loader.records("hotlines", allowed, required):
        values = {field: r.text(field) for field in TEXT}
        values |= {
            "provider": r.ref("provider", loader.organizations),
            "need": r.one_of("need", Hotline.Need.choices),
            "mode": r.one_of("mode", Hotline.Mode.choices, "live"),
            "cost": r.one_of("cost", Hotline.Cost.choices, "unknown"),
            "starts_on": r.date("starts_on", required=False),
            "round_the_clock": bool(r.get("round_the_clock", False)),
            "closed_on_public_holidays": bool(r.get("closed_on_public_holidays", False)),
            "status": Status.PUBLISHED,
        }
        hotline = loader.save(
            r, Hotline, {"slug": r.get("slug")}, values, {"sources": r.refs("sources", loader.sources)}
        )
        numbers = [
            (c, {"number": c.text("number"), "area_code": c.text("area_code"), "label": c.text("label")})
            for c in r.children("numbers", "number", ["number", "area_code", "label"], ["number"])
        ]
        loader.save_children(PhoneNumber, "hotline", hotline, numbers)
        channel_fields = ["kind", "name", "instructions", "url", "round_the_clock"]
        channels = [
            (
                c,
                {
                    "kind": c.one_of("kind", Channel.Kind.choices),
                    "name": c.text("name"),
                    "instructions": c.text("instructions"),
                    "url": c.text("url"),
                    "round_the_clock": bool(c.get("round_the_clock", False)),
                },
            )
            for c in r.children("channels", "channel", channel_fields, ["kind", "instructions"])
        ]
        loader.save_children(Channel, "hotline", hotline, channels)
        hours = [
            (
                c,
                {
                    "weekday": c.one_of("weekday", Weekday.choices),
                    "opens": c.time("opens"),
                    "closes": c.time("closes"),
                },
            )
            for c in r.children(
                "hours", "hours entry", ["weekday", "opens", "closes"], ["weekday", "opens", "closes"]
            )
        ]
        loader.save_children(OpeningHours, "hotline", hotline, hours, match=("weekday", "opens", "closes"))
