import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from reliefsite.actions.models import Figure
from reliefsite.campaigns.models import Disbursement, TotalReport
from reliefsite.hotlines.models import OpeningHours, PhoneNumber
from tests.factories import make_action, make_campaign, make_hotline, make_report, make_source

pytestmark = pytest.mark.django_db

FEB_3 = timezone.make_aware(datetime.datetime(2020, 2, 3, 17, 0))
FEB_6 = timezone.make_aware(datetime.datetime(2020, 2, 6, 15, 0))


def refused_by_database(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_database_rejects_negative_figure():
    action = make_action()
    refused_by_database(lambda: Figure.objects.create(action=action, value=Decimal("-1"), unit="份"))


def test_database_rejects_negative_total_and_duplicate_report():
    campaign = make_campaign()
    refused_by_database(lambda: make_report(campaign, "-5", FEB_3))
    make_report(campaign, "6957400", FEB_3)
    refused_by_database(lambda: make_report(campaign, "7000000", FEB_3))
    assert TotalReport.objects.filter(campaign=campaign).count() == 1


def test_database_rejects_correction_without_reason_and_nonpositive_disbursement():
    campaign = make_campaign()
    refused_by_database(lambda: make_report(campaign, "100", FEB_3, is_correction=True, correction_reason=""))
    refused_by_database(
        lambda: Disbursement.objects.create(
            key="zero",
            campaign=campaign,
            amount=Decimal("0"),
            date=datetime.date(2020, 2, 6),
            source=make_source(),
        )
    )


def test_database_rejects_hours_closing_before_opening():
    hotline = make_hotline()
    refused_by_database(
        lambda: OpeningHours.objects.create(
            hotline=hotline, weekday=2, opens=datetime.time(17), closes=datetime.time(9)
        )
    )


def test_clean_explains_a_lower_total_and_over_disbursement():
    campaign = make_campaign()
    make_report(campaign, "16980000", FEB_6)
    lower = TotalReport(
        campaign=campaign, amount=Decimal("15000000"), as_of=FEB_6 + datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError) as error:
        lower.clean()
    assert "低于" in str(error.value.message_dict["amount"])
    lower.is_correction, lower.correction_reason = True, "基金会更正了重复统计"
    lower.clean()  # a correction with a reason is allowed

    too_much = Disbursement(campaign=campaign, amount=Decimal("20000000"), date=datetime.date(2020, 2, 6))
    with pytest.raises(ValidationError) as error:
        too_much.clean()
    assert "超过已募集的1698万元" in str(error.value.message_dict["amount"])


def test_phone_numbers_are_validated_and_stored_normalised():
    hotline = make_hotline(numbers=())
    phone = PhoneNumber.objects.create(hotline=hotline, number="400-015 1123")
    assert phone.number == "4000151123"
    assert phone.tel_uri == "tel:4000151123"
    fixed = PhoneNumber(hotline=hotline, number="6021 1688", area_code="010")
    fixed.full_clean()
    assert fixed.tel_uri == "tel:+86-10-60211688"
    with pytest.raises(ValidationError) as error:
        PhoneNumber(hotline=hotline, number="call us").full_clean()
    assert "不是有效的电话号码" in str(error.value)
