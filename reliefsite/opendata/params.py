"""Query parameters of the data endpoints: parsed strictly, so a typo is a 400, never silently ignored."""

import datetime
import math
from dataclasses import dataclass

from django.http import JsonResponse

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
PAGING = ("page", "per_page")


class BadParameter(Exception):
    """A query parameter the endpoint cannot honour; answered with 400 and a JSON body."""

    def __init__(self, parameter, message, message_en):
        super().__init__(message_en)
        self.parameter = parameter
        self.message = message
        self.message_en = message_en


def error_response(error):
    response = JsonResponse(
        {
            "error": {
                "status": 400,
                "parameter": error.parameter,
                "message": error.message,
                "message_en": error.message_en,
            }
        },
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def positive_int(name, raw, maximum=None):
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise BadParameter(name, f"{name} 必须是正整数。", f"{name} must be a positive whole number.")
    value = int(raw)
    if maximum is not None and value > maximum:
        raise BadParameter(
            name, f"{name} 最大为 {maximum}。", f"{name} must be at most {maximum}; use page to see more."
        )
    return value


def choice(name, raw, allowed):
    if raw not in allowed:
        listed = ", ".join(sorted(allowed))
        raise BadParameter(
            name,
            f"{name} 的值“{raw}”无效，可用的值：{listed}。",
            f"'{raw}' is not a valid {name}; valid values: {listed}.",
        )
    return raw


def iso_date(name, raw):
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(
            name, f"{name} 须为 YYYY-MM-DD 格式的日期。", f"{name} must be a date as YYYY-MM-DD."
        ) from None


def ignored(name):
    """Cache busters (`_=…`) and campaign tags (`utm_…`) that clients append on their own."""
    return name.startswith(("_", "utm_"))


def check_known(query, allowed):
    for name in query:
        if name not in allowed and not ignored(name):
            listed = ", ".join(allowed)
            raise BadParameter(
                name,
                f"未知参数“{name}”。可用的参数：{listed}。",
                f"Unknown parameter '{name}'. Known parameters: {listed}.",
            )
    for name in allowed:
        if len(query.getlist(name)) > 1:
            raise BadParameter(name, f"参数“{name}”只能出现一次。", f"Give '{name}' only once.")


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int | None  # None: all rows in one response (CSV without paging parameters)

    @classmethod
    def from_query(cls, query, paginate_by_default=True):
        page = positive_int("page", query["page"]) if "page" in query else 1
        if "per_page" in query:
            per_page = positive_int("per_page", query["per_page"], MAX_PER_PAGE)
        elif paginate_by_default or "page" in query:
            per_page = DEFAULT_PER_PAGE
        else:
            per_page = None
        return cls(page, per_page)

    def slice(self, queryset, total):
        """The rows of this page; a page past the end is a bad parameter, not an empty list."""
        pages = self.total_pages(total)
        if self.page > pages:
            raise BadParameter(
                "page",
                f"第 {self.page} 页不存在，共 {pages} 页。",
                f"Page {self.page} does not exist; there are {pages} page(s).",
            )
        if self.per_page is None:
            return queryset
        start = (self.page - 1) * self.per_page
        return queryset[start : start + self.per_page]

    def total_pages(self, total):
        if self.per_page is None:
            return 1
        return max(1, math.ceil(total / self.per_page))
