"""Every rule gives a clear message on the admin form, inlines included, and never a server error."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reliefsite.actions.models import Figure
from reliefsite.campaigns.models import Disbursement, TotalReport
from reliefsite.hotlines.models import OpeningHours, PhoneNumber
from reliefsite.publishing import Status
from tests.factories import (
    make_action,
    make_campaign,
    make_hotline,
    make_organization,
    make_report,
    make_source,
)

from .htmlforms import form_data

FEB_3 = timezone.make_aware(datetime.datetime(2020, 2, 3, 17, 0))


@pytest.fixture
def campaign(db):
    campaign = make_campaign(status=Status.DRAFT)
    make_report(campaign, "6957400", FEB_3, donors=44000)
    return campaign


def add_report(client, campaign, **fields):
    data = {
        "campaign": campaign.pk,
        "as_of_0": "2020-02-06",
        "as_of_1": "15:00",
        "as_of_precision": "minute",
        "amount": "16980000",
        "amount_qualifier": "yu",
        "donors": "",
        "donors_qualifier": "exact",
        "source": make_source().pk,
        "correction_reason": "",
        "note": "",
        **fields,
    }
    return client.post(reverse("admin:campaigns_totalreport_add"), data)


def add_disbursement(client, campaign, **fields):
    data = {
        "key": "d-1",
        "campaign": campaign.pk,
        "date": "2020-02-06",
        "date_qualifier": "exact",
        "amount": "1000000",
        "amount_qualifier": "exact",
        "source": make_source().pk,
        **fields,
    }
    return client.post(reverse("admin:campaigns_disbursement_add"), data)


def refused(response, message):
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    assert message in page, page[page.find("errorlist") - 200 : page.find("errorlist") + 800]
    return page


def test_a_good_total_is_saved(as_editor, campaign):
    assert add_report(as_editor, campaign).status_code == 302
    assert TotalReport.objects.filter(campaign=campaign, amount=16980000, status=Status.DRAFT).exists()


def test_negative_amount_and_count(as_editor, campaign):
    refused(add_report(as_editor, campaign, amount="-1"), "金额不能为负数")
    refused(add_report(as_editor, campaign, donors="-5"), "确保该值大于或等于0")
    refused(add_disbursement(as_editor, campaign, amount="-1"), "拨付金额必须大于零")
    assert TotalReport.objects.count() == 1 and not Disbursement.objects.exists()


def test_lower_total_needs_a_correction_with_a_reason(as_editor, campaign):
    page = refused(add_report(as_editor, campaign, amount="6000000"), "低于2020年2月3日17:00的695.74万元")
    assert "请勾选“更正”并写明原因" in page
    refused(add_report(as_editor, campaign, amount="6000000", is_correction="on"), "请写明更正原因")
    response = add_report(
        as_editor, campaign, amount="6000000", is_correction="on", correction_reason="重复统计"
    )
    assert response.status_code == 302
    assert TotalReport.objects.filter(is_correction=True).count() == 1


def test_a_back_dated_total_may_not_exceed_a_later_one(as_editor, campaign):
    response = add_report(as_editor, campaign, as_of_0="2020-02-02", amount="7000000")
    refused(response, "累计总额只增不减")


def test_duplicate_moment_is_a_message_not_an_error(as_editor, campaign):
    refused(add_report(as_editor, campaign, as_of_0="2020-02-03", as_of_1="17:00"), "已有一条累计总额")


def test_disbursements_may_not_exceed_the_amount_raised(as_editor, campaign):
    refused(
        add_disbursement(as_editor, campaign, amount="7000000"), "拨付合计700万元将超过已募集的695.74万元"
    )
    assert add_disbursement(as_editor, campaign, amount="6000000").status_code == 302
    refused(add_disbursement(as_editor, campaign, key="d-2", amount="1000000"), "将超过已募集的695.74万元")


def test_inline_totals_entered_together_must_still_grow(as_editor, campaign):
    url = reverse("admin:campaigns_campaign_change", args=[campaign.pk])
    data = form_data(as_editor.get(url), "campaign_form")
    source = make_source().pk
    data.update(
        {
            "reports-TOTAL_FORMS": "3",
            "reports-1-as_of_0": "2020-02-06",
            "reports-1-as_of_1": "15:00",
            "reports-1-as_of_precision": "minute",
            "reports-1-amount": "16980000",
            "reports-1-amount_qualifier": "exact",
            "reports-1-donors_qualifier": "exact",
            "reports-1-source": source,
            "reports-2-as_of_0": "2020-02-07",
            "reports-2-as_of_1": "15:00",
            "reports-2-as_of_precision": "minute",
            "reports-2-amount": "10000000",
            "reports-2-amount_qualifier": "exact",
            "reports-2-donors_qualifier": "exact",
            "reports-2-source": source,
        }
    )
    refused(as_editor.post(url, data), "2020-02-07 15:00的累计总额1000万元低于之前的1698万元")
    assert TotalReport.objects.count() == 1


def test_inline_disbursements_entered_together_may_not_exceed_the_total(as_editor, campaign):
    url = reverse("admin:campaigns_campaign_change", args=[campaign.pk])
    data = form_data(as_editor.get(url), "campaign_form")
    source = make_source().pk
    data["disbursements-TOTAL_FORMS"] = "2"
    for n in range(2):
        data.update(
            {
                f"disbursements-{n}-key": f"inline-{n}",
                f"disbursements-{n}-date": "2020-02-06",
                f"disbursements-{n}-date_qualifier": "exact",
                f"disbursements-{n}-amount": "4000000",
                f"disbursements-{n}-amount_qualifier": "exact",
                f"disbursements-{n}-source": source,
            }
        )
    refused(as_editor.post(url, data), "拨付合计800万元将超过已募集的695.74万元")
    assert not Disbursement.objects.exists()


def test_negative_figure_in_the_action_inline(as_editor, db):
    action = make_action(status=Status.DRAFT, figures=[("1597", "份", "慰问品", "exact")])
    url = reverse("admin:actions_action_change", args=[action.pk])
    data = {**form_data(as_editor.get(url), "action_form"), "figures-0-value": "-3"}
    refused(as_editor.post(url, data), "数值不能为负数")
    assert Figure.objects.get().value == 1597


@pytest.fixture
def hotline(db):
    return make_hotline(numbers=("4000151123",), hours=[(2, "09:00", "17:00")], status=Status.DRAFT)


def hotline_post(client, hotline, **changes):
    url = reverse("admin:hotlines_hotline_change", args=[hotline.pk])
    return client.post(url, {**form_data(client.get(url), "hotline_form"), **changes})


def test_hours_must_close_after_they_open(as_editor, hotline):
    refused(hotline_post(as_editor, hotline, **{"hours-0-closes": "08:00"}), "结束时间必须晚于开始时间")
    assert OpeningHours.objects.get().closes == datetime.time(17)


def test_bad_phone_number_is_refused(as_editor, hotline):
    refused(hotline_post(as_editor, hotline, **{"numbers-0-number": "call us"}), "不是有效的电话号码")
    refused(hotline_post(as_editor, hotline, **{"numbers-0-area_code": "10"}), "区号应以0开头")
    assert PhoneNumber.objects.get().number == "4000151123"


def test_phone_number_is_stored_normalised(as_editor, hotline):
    response = hotline_post(
        as_editor,
        hotline,
        **{
            "numbers-0-number": "+86 400-015 1124",
            "numbers-TOTAL_FORMS": "2",
            "numbers-1-number": "6021-1688",
            "numbers-1-area_code": "(010)",
            "numbers-1-position": "1",
        },
    )
    assert response.status_code == 302
    assert list(PhoneNumber.objects.values_list("number", "area_code")) == [
        ("4000151124", ""),
        ("60211688", "010"),
    ]


def test_the_same_number_written_two_ways_is_a_duplicate_not_a_crash(as_editor, hotline):
    response = hotline_post(
        as_editor,
        hotline,
        **{"numbers-TOTAL_FORMS": "2", "numbers-1-number": "400-015-1123", "numbers-1-position": "1"},
    )
    refused(response, "重复")
    assert PhoneNumber.objects.count() == 1


def test_organization_cannot_be_its_own_ancestor(as_editor, db):
    parent = make_organization()
    child = make_organization(parent=parent)
    url = reverse("admin:organizations_organization_change", args=[parent.pk])
    data = {**form_data(as_editor.get(url), "organization_form"), "parent": child.pk}
    refused(as_editor.post(url, data), "上级组织不能是它自己或它的下级组织")
    data["parent"] = parent.pk
    refused(as_editor.post(url, data), "上级组织不能是它自己或它的下级组织")
