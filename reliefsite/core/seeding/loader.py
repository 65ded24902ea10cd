"""Records are matched on slug/key and changed only where a value differs, so loading twice
changes nothing (not even history). Any problem raises SeedError naming file, record and field."""

from pathlib import Path

import yaml
from django.core.exceptions import ValidationError

from reliefsite.actions.models import Action, Figure
from reliefsite.organizations.models import Organization
from reliefsite.publishing import Status
from reliefsite.sources.models import Source

from .campaigns import load_campaigns
from .hotlines import load_hotlines
from .records import Record, SeedError, choices_of

FILES = ["organizations", "sources", "actions", "campaigns", "hotlines"]


class TextDatesLoader(yaml.SafeLoader):
    """Leaves dates and times as text, so a bad one is reported with its field, not as a YAML crash."""


TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class SeedLoader:
    def __init__(self, directory):
        self.directory = Path(directory)
        self.counts = {}
        self.organizations, self.sources = {}, {}

    def load(self):
        self.load_organizations()
        self.load_sources()
        self.load_actions()
        load_campaigns(self)
        load_hotlines(self)
        return self.counts

    def records(self, name, allowed, required=()):
        path = self.directory / f"{name}.yaml"
        label = f"seeds/{path.name}"
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=TextDatesLoader)
        except FileNotFoundError:
            raise SeedError(f"{label}: file not found") from None
        except yaml.YAMLError as error:
            raise SeedError(f"{label}: not valid YAML: {error}") from None
        if not isinstance(data, list):
            raise SeedError(f"{label}: must be a list of records")
        result = []
        for i, item in enumerate(data, start=1):
            name_ = item.get("slug") or item.get("key") if isinstance(item, dict) else None
            result.append(
                Record(item, f"{label}, record {i}" + (f" ({name_})" if name_ else ""), allowed, required)
            )
        return result

    def save(self, record, model, lookup, values, m2m=None):
        """Create or update one row, touching the database only where something differs."""
        instance = model.objects.filter(**lookup).first()
        outcome = "unchanged"
        if instance is None:
            instance, outcome = model(**lookup, **values), "created"
        elif any(getattr(instance, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(instance, field, value)
            outcome = "updated"
        if outcome != "unchanged":
            try:
                instance.full_clean()
            except ValidationError as error:
                field, messages = next(iter(error.message_dict.items()))
                record.fail(field, " ".join(messages))
            instance.save()
        for field, targets in (m2m or {}).items():
            manager = getattr(instance, field)
            if {t.pk for t in manager.all()} != {t.pk for t in targets}:
                manager.set(targets)
                outcome = "updated" if outcome == "unchanged" else outcome
        counts = self.counts.setdefault(
            str(model._meta.verbose_name), {"created": 0, "updated": 0, "unchanged": 0}
        )
        counts[outcome] += 1
        return instance

    def save_children(self, model, parent_field, parent, rows, match=("position",)):
        """Children matched on `match` fields; rows no longer in the seed file are removed."""
        kept = []
        for position, (record, values) in enumerate(rows):
            values = {"position": position, **values} if "position" in match else values
            lookup = {parent_field: parent, **{f: values[f] for f in match}}
            rest = {f: v for f, v in values.items() if f not in match}
            kept.append(self.save(record, model, lookup, rest).pk)
        model.objects.filter(**{parent_field: parent}).exclude(pk__in=kept).delete()

    def load_organizations(self):
        allowed = ["slug", "name", "short_name", "kind", "district", "parent", "description", "note"]
        for r in self.records("organizations", allowed, ["slug", "name", "kind"]):
            values = {
                "name": r.text("name"),
                "short_name": r.text("short_name"),
                "kind": r.one_of("kind", Organization.Kind.choices),
                "district": r.one_of("district", choices_of(Organization, "district"))
                if r.get("district")
                else "",
                "parent": r.ref("parent", self.organizations, required=False),
                "description": r.text("description"),
                "note": r.text("note"),
            }
            self.organizations[r.get("slug")] = self.save(r, Organization, {"slug": r.get("slug")}, values)

    def load_sources(self):
        text = ["publication", "page", "headline", "subheadline", "reporters", "correspondents"]
        text += ["photographers", "seed_file", "url", "note"]
        allowed = ["key", "published_on", "headline_supplied", *text]
        for r in self.records(
            "sources", allowed, ["key", "publication", "published_on", "headline", "seed_file"]
        ):
            values = {field: r.text(field) for field in text}
            values["published_on"] = r.date("published_on")
            values["headline_supplied"] = bool(r.get("headline_supplied", False))
            self.sources[r.get("key")] = self.save(r, Source, {"key": r.get("key")}, values)

    def load_actions(self):
        required = [
            "slug",
            "title",
            "organizations",
            "district",
            "category",
            "start_date",
            "summary",
            "sources",
        ]
        allowed = [
            *required,
            "recipients",
            "end_date",
            "date_qualifier",
            "date_note",
            "beneficiaries",
            "figures",
        ]
        for r in self.records("actions", allowed, required):
            values = {
                "title": r.text("title"),
                "district": r.one_of("district", choices_of(Action, "district")),
                "category": r.one_of("category", choices_of(Action, "category")),
                "start_date": r.date("start_date"),
                "end_date": r.date("end_date", required=False),
                "date_qualifier": r.one_of("date_qualifier", choices_of(Action, "date_qualifier"), "exact"),
                "date_note": r.text("date_note"),
                "summary": r.text("summary"),
                "beneficiaries": r.text("beneficiaries"),
                "status": Status.PUBLISHED,
            }
            m2m = {
                "organizations": r.refs("organizations", self.organizations),
                "recipients": r.refs("recipients", self.organizations, required=False),
                "sources": r.refs("sources", self.sources),
            }
            action = self.save(r, Action, {"slug": r.get("slug")}, values, m2m)
            figures = [
                (
                    f,
                    {
                        "value": f.decimal("value"),
                        "unit": f.text("unit"),
                        "counts": f.text("counts"),
                        "qualifier": f.one_of("qualifier", choices_of(Figure, "qualifier"), "exact"),
                    },
                )
                for f in r.children(
                    "figures", "figure", ["value", "unit", "counts", "qualifier"], ["value", "unit"]
                )
            ]
            self.save_children(Figure, "action", action, figures)
