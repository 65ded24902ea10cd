"""Bulk work: CSV/XLSX import with a dry-run preview and row errors, and export of the same."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from reliefsite.actions.models import Action
from reliefsite.campaigns.models import Disbursement, TotalReport
from reliefsite.publishing import Status
from tests.factories import make_campaign, make_organization, make_report, make_source

from .htmlforms import form_data

FEB_3 = timezone.make_aware(datetime.datetime(2020, 2, 3, 17, 0))
CSV_FORMAT, XLSX_FORMAT = "0", "1"


@pytest.fixture
def campaign(db):
    campaign = make_campaign(slug="warm-wuhan")
    make_report(campaign, "6957400", FEB_3, status=Status.PUBLISHED)
    make_source(key="026-warm-wuhan")
    make_organization(slug="wuhan-ftu", name="武汉市总工会")
    return campaign


def csv_file(rows, name="rows.csv"):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode("utf-8"), content_type="text/csv")


def xlsx_file(rows, name="rows.xlsx"):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def preview(client, model, upload, file_format=CSV_FORMAT):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_import")
    response = client.post(url, {"resource": "0", "format": file_format, "import_file": upload})
    assert response.status_code == 200
    return response


def confirm(client, model, response):
    data = form_data(response, None)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_process_import")
    fields = {key: data[key] for key in ("import_file_name", "original_file_name", "format", "resource")}
    return client.post(url, fields, follow=True)


REPORT_HEADER = [
    "campaign",
    "as_of",
    "as_of_precision",
    "amount",
    "amount_qualifier",
    "donors",
    "source",
    "status",
]


def test_dry_run_shows_row_errors_and_saves_nothing(as_editor, campaign):
    rows = [
        REPORT_HEADER,
        ["warm-wuhan", "2020-02-06 15:00", "afternoon", "1698万", "余", "96596", "026-warm-wuhan", ""],
        ["warm-wuhan", "2020-02-07 15:00", "minute", "10000000", "exact", "", "026-warm-wuhan", ""],
        ["warm-wuhan", "2020-02-08 15:00", "minute", "20000000", "exact", "", "no-such-source", ""],
        ["warm-wuhan", "2020-02-09 15:00", "minute", "-5", "大约", "", "026-warm-wuhan", ""],
    ]
    response = preview(as_editor, TotalReport, csv_file(rows))
    page = response.content.decode()
    assert "低于2020年2月6日下午的1698万余元" in page  # row 2, checked against row 1 of the same file
    assert "找不到标识为“no-such-source”的信息来源" in page  # row 3
    assert "“大约”不是可选的值" in page  # row 4
    assert "金额限定词" in page  # errors are labelled with the Chinese field names
    assert "confirm_form" not in response.context or not response.context["confirm_form"]
    assert TotalReport.objects.count() == 1


def test_a_good_import_previews_then_saves_drafts_for_an_editor(as_editor, editor, campaign):
    rows = [
        REPORT_HEADER,
        [
            "warm-wuhan",
            "2020-02-06 15:00",
            "afternoon",
            "16980000",
            "yu",
            "96596",
            "026-warm-wuhan",
            "published",
        ],
    ]
    response = preview(as_editor, TotalReport, csv_file(rows))
    page = response.content.decode()
    assert "你没有发布权限：导入的记录一律保存为草稿" in page
    assert response.context["confirm_form"] is not None
    assert TotalReport.objects.count() == 1  # the preview saved nothing

    done = confirm(as_editor, TotalReport, response)
    assert done.status_code == 200
    report = TotalReport.objects.get(as_of__date=datetime.date(2020, 2, 6))
    assert (report.amount, report.amount_qualifier, report.status) == (16980000, "yu", Status.DRAFT)
    assert report.history.get().history_user == editor


def test_an_editor_updating_a_published_row_by_import_keeps_its_status(as_editor, campaign):
    rows = [
        [*REPORT_HEADER, "note"],
        [
            "warm-wuhan",
            "2020-02-03 17:00",
            "minute",
            "6957400",
            "exact",
            "",
            "026-warm-wuhan",
            "draft",
            "补充说明",
        ],
    ]
    confirm(as_editor, TotalReport, preview(as_editor, TotalReport, csv_file(rows)))
    report = TotalReport.objects.get()
    assert (report.note, report.status) == ("补充说明", Status.PUBLISHED)


def test_a_publisher_may_import_published_rows(as_publisher, campaign):
    rows = [
        REPORT_HEADER,
        [
            "warm-wuhan",
            "2020-02-06T15:00:00+08:00",
            "afternoon",
            "16980000",
            "余",
            "",
            "026-warm-wuhan",
            "已发布",
        ],
    ]
    response = preview(as_publisher, TotalReport, csv_file(rows))
    assert "你没有发布权限" not in response.content.decode()
    confirm(as_publisher, TotalReport, response)
    report = TotalReport.objects.get(as_of__date=datetime.date(2020, 2, 6))
    assert report.status == Status.PUBLISHED
    assert timezone.localtime(report.as_of).hour == 15


DISBURSEMENT_HEADER = ["key", "campaign", "date", "recipient", "amount", "purpose", "source", "status"]


def test_disbursement_import_checks_the_amount_raised_and_names_unknown_recipients(as_editor, campaign):
    rows = [
        DISBURSEMENT_HEADER,
        ["d1", "warm-wuhan", "2020-02-04", "wuhan-ftu", "5000000", "防控物资", "026-warm-wuhan", ""],
        ["d2", "warm-wuhan", "2020-02-05", "wuhan-ftu", "5000000", "防控物资", "026-warm-wuhan", ""],
        ["d3", "warm-wuhan", "2020-02-05", "nobody", "1", "", "026-warm-wuhan", ""],
    ]
    page = preview(as_editor, Disbursement, csv_file(rows)).content.decode()
    assert "拨付合计1000万元将超过已募集的695.74万元" in page
    assert "找不到网址标识为“nobody”的组织" in page
    assert not Disbursement.objects.exists()

    response = preview(as_editor, Disbursement, xlsx_file(rows[:2]), XLSX_FORMAT)
    confirm(as_editor, Disbursement, response)
    disbursement = Disbursement.objects.get()
    assert (disbursement.key, disbursement.recipient.slug, disbursement.status) == (
        "d1",
        "wuhan-ftu",
        Status.DRAFT,
    )


ACTION_HEADER = ["slug", "title", "organizations", "district", "category", "start_date", "summary", "sources"]


def test_actions_import_with_their_figures(as_editor, campaign):
    rows = [
        [*ACTION_HEADER, "figures", "status"],
        [
            "gifts",
            "慰问一线职工",
            "wuhan-ftu",
            "东城区",
            "goods",
            "2020-02-04",
            "送去慰问品。",
            "026-warm-wuhan",
            "1597|份|慰问品; 200|个|暖手宝|多; 4.4万|人|职工|余",
            "published",
        ],
    ]
    confirm(as_editor, Action, preview(as_editor, Action, csv_file(rows)))
    action = Action.objects.get(slug="gifts")
    assert action.status == Status.DRAFT and action.district == "dongcheng"
    assert [org.slug for org in action.organizations.all()] == ["wuhan-ftu"]
    assert [figure.as_printed + figure.counts for figure in action.figures.all()] == [
        "1597份慰问品",
        "200多个暖手宝",
        "4.4万余人职工",
    ]


def test_action_rows_with_bad_figures_or_unknown_organizations_are_refused(as_editor, campaign):
    rows = [
        [*ACTION_HEADER, "figures"],
        [
            "a1",
            "一",
            "wuhan-ftu",
            "dongcheng",
            "goods",
            "2020-02-04",
            "摘要。",
            "026-warm-wuhan",
            "很多份慰问品",
        ],
        ["a2", "二", "ghost-union", "dongcheng", "goods", "2020-02-04", "摘要。", "026-warm-wuhan", ""],
        ["a3", "三", "", "dongcheng", "goods", "2020-02-04", "摘要。", "026-warm-wuhan", "-1|份"],
    ]
    page = preview(as_editor, Action, csv_file(rows)).content.decode()
    assert "第1个数字“很多份慰问品”格式不对" in page
    assert "找不到这些组织：ghost-union" in page
    assert "至少填写一个" in page
    assert "数值不能为负数" in page
    assert not Action.objects.exists()


def export(client, model, file_format):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_export")
    data = form_data(client.get(url), None)
    data.pop("csrfmiddlewaretoken", None)
    return client.post(url, {**data, "format": file_format})


def test_export_csv_and_xlsx_contain_the_rows(as_editor, campaign):
    make_report(campaign, "16980000", FEB_3 + datetime.timedelta(days=3), amount_qualifier="yu")
    response = export(as_editor, TotalReport, CSV_FORMAT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(row["campaign"], row["amount"], row["amount_qualifier"]) for row in rows] == [
        ("warm-wuhan", "16980000", "yu"),
        ("warm-wuhan", "6957400", "exact"),
    ]
    assert rows[1]["as_of"] == "2020-02-03 17:00"

    response = export(as_editor, TotalReport, XLSX_FORMAT)
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][:4] == ("campaign", "as_of", "as_of_precision", "amount")
    assert len(values) == 3


def test_exported_actions_can_be_imported_again_unchanged(as_publisher, campaign):
    rows = [
        [*ACTION_HEADER, "figures"],
        [
            "gifts",
            "慰问",
            "wuhan-ftu",
            "dongcheng",
            "goods",
            "2020-02-04",
            "摘要。",
            "026-warm-wuhan",
            "200|个|暖手宝|多",
        ],
    ]
    confirm(as_publisher, Action, preview(as_publisher, Action, csv_file(rows)))
    exported = export(as_publisher, Action, CSV_FORMAT).content.decode("utf-8-sig")
    assert "200|个|暖手宝|多" in exported
    upload = SimpleUploadedFile("again.csv", exported.encode(), content_type="text/csv")
    confirm(as_publisher, Action, preview(as_publisher, Action, upload))
    assert Action.objects.get().figures.count() == 1


def test_confirming_after_the_data_changed_saves_nothing_and_says_so(as_editor, campaign):
    rows = [
        REPORT_HEADER,
        ["warm-wuhan", "2020-02-05 15:00", "minute", "8000000", "exact", "", "026-warm-wuhan", ""],
        ["warm-wuhan", "2020-02-06 15:00", "minute", "9000000", "exact", "", "026-warm-wuhan", ""],
    ]
    response = preview(as_editor, TotalReport, csv_file(rows))
    assert response.context["confirm_form"] is not None
    # Meanwhile someone records a higher total before the first row's moment.
    make_report(campaign, "8500000", FEB_3 + datetime.timedelta(days=1))
    done = confirm(as_editor, TotalReport, response)
    assert "导入没有完成" in done.content.decode()
    assert TotalReport.objects.count() == 2
