"""Chinese phone numbers: validated and stored as the digits one dials."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PATTERNS = [
    re.compile(r"^[48]00\d{7}$"),  # 400/800 service numbers
    re.compile(r"^1[3-9]\d{9}$"),  # mobile
    re.compile(r"^1\d{2,4}$"),  # short service codes: 110, 12345, 12351
    re.compile(r"^[2-9]\d{6,7}$"),  # local fixed line, dialled with the area code from outside
]
AREA_CODE = re.compile(r"^0\d{2,3}$")


def normalise_number(raw):
    """Strip spaces, dashes, brackets and a leading +86; return digits or raise ValidationError."""
    digits = re.sub(r"[\s\-()（）.]", "", raw or "")
    if digits.startswith("+86"):
        digits = digits[3:]
    if not digits.isdigit() or not any(p.match(digits) for p in PATTERNS):
        raise ValidationError(
            _(
                "“%(raw)s”不是有效的电话号码：请填写400/800号码、手机号、12351这样的短号或不含区号的固定电话。"
            ),
            code="invalid_phone",
            params={"raw": raw},
        )
    return digits


def normalise_area_code(raw):
    code = re.sub(r"[\s\-()（）]", "", raw or "")
    if code and not AREA_CODE.match(code):
        raise ValidationError(_("区号应以0开头，如 010。"), code="invalid_area_code")
    return code


def tel_uri(number, area_code=""):
    """The tel: link a phone opens; fixed lines get the area code so mobiles can dial them."""
    if area_code:
        return f"tel:+86-{area_code.lstrip('0')}-{number}"
    return f"tel:{number}"
