"""One YAML record with its location, so every error names file, record and field."""

import datetime
from decimal import Decimal, InvalidOperation

from django.utils.dateparse import parse_date, parse_datetime, parse_time


class SeedError(Exception):
    pass


def choices_of(model, field):
    return model._meta.get_field(field).choices


class Record:
    def __init__(self, data, label, allowed, required=()):
        self.label = label
        if not isinstance(data, dict):
            raise SeedError(f"{label}: is not a mapping of field: value")
        self.data = data
        for field in data:
            if field not in allowed:
                self.fail(field, "is not a known field (see seeds/FORMAT.md)")
        for field in required:
            if data.get(field) in (None, "", []):
                self.fail(field, "is required")

    def fail(self, field, message):
        where = f"{self.label}, field '{field}'" if field else self.label
        raise SeedError(f"{where}: {message}")

    def get(self, field, default=""):
        value = self.data.get(field, default)
        return default if value is None else value

    def text(self, field):
        return str(self.get(field)).strip()

    def decimal(self, field):
        try:
            value = Decimal(str(self.data[field]))
        except (KeyError, InvalidOperation):
            self.fail(field, f"{self.data.get(field)!r} is not a number")
        if not value.is_finite():
            self.fail(field, f"{value!r} is not a number")
        return value

    def integer(self, field):
        value = self.data.get(field)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, f"{value!r} is not a whole number")
        return value

    def date(self, field, required=True):
        value = self.data.get(field)
        if value is None and not required:
            return None
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        try:
            parsed = parse_date(str(value)) if value is not None else None
        except ValueError:
            parsed = None
        if parsed is None:
            self.fail(field, f"{value!r} is not a date (YYYY-MM-DD)")
        return parsed

    def moment(self, field):
        value = self.data.get(field)
        try:
            parsed = value if isinstance(value, datetime.datetime) else parse_datetime(str(value or ""))
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            self.fail(
                field, f"{value!r} is not a date-time with a time zone offset (2020-02-03T17:00:00+08:00)"
            )
        return parsed

    def time(self, field):
        value = self.data.get(field)
        try:
            parsed = parse_time(str(value)) if value is not None else None
        except ValueError:
            parsed = None
        if parsed is None:
            self.fail(field, f"{value!r} is not a time (HH:MM)")
        return parsed

    def one_of(self, field, choices, default=None):
        value = self.data.get(field, default)
        allowed = [choice for choice, _label in choices]
        if value not in allowed:
            self.fail(field, f"{value!r} is not one of: {', '.join(map(str, allowed))}")
        return value

    def ref(self, field, index, required=True):
        value = self.data.get(field)
        if value in (None, "") and not required:
            return None
        if value not in index:
            self.fail(field, f"{value!r} does not match any record loaded before it")
        return index[value]

    def refs(self, field, index, required=True):
        values = self.data.get(field) or []
        if not isinstance(values, list):
            self.fail(field, "must be a list")
        if required and not values:
            self.fail(field, "needs at least one entry")
        missing = [str(v) for v in values if v not in index]
        if missing:
            self.fail(field, f"{', '.join(missing)} do not match any record loaded before it")
        return [index[v] for v in values]

    def children(self, field, kind, allowed, required=()):
        items = self.data.get(field) or []
        if not isinstance(items, list):
            self.fail(field, "must be a list")
        return [
            Record(item, f"{self.label}, {kind} {i}", allowed, required) for i, item in enumerate(items, 1)
        ]
