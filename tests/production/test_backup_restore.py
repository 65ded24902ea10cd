"""backup_data / restore_data: a restored site renders exactly the same pages as the original."""

import datetime
import gzip
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, Permission, User
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation

from reliefsite.actions.models import Action

from .content import DATA_PAGES, make_site

# Transactional: restore flushes tables, which PostgreSQL refuses inside the test's own transaction.
pytestmark = pytest.mark.django_db(transaction=True)
MOMENT = datetime.datetime(2020, 2, 5, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def render_all(urls):
    client = Client()
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        # The CSP nonce (on JSON-LD scripts) is new for every response by design.
        pages[url] = re.sub(r'nonce="[^"]*"', 'nonce=""', response.content.decode())
    return pages


@pytest.fixture
def site(seeded, time_machine, settings):
    settings.PAGE_CACHE = False  # compare renders, not cache entries
    time_machine.move_to(MOMENT, tick=False)
    urls = make_site() + DATA_PAGES
    with translation.override(django_settings.LANGUAGE_CODE):
        urls += [action.get_absolute_url() for action in Action.objects.published()[:3]]
    editors = Group.objects.create(name="备份测试组")
    editors.permissions.add(Permission.objects.get(codename="change_action"))
    user = User.objects.create_user("restore-editor", password="x", is_staff=True)
    user.groups.add(editors)
    return urls


def test_round_trip_gives_identical_pages(site, tmp_path, capsys):
    before = render_all(site)
    history_before = Action.history.count()
    backup = tmp_path / "site.json.gz"

    call_command("backup_data", str(backup))
    assert "Backed up" in capsys.readouterr().out
    records = json.loads(gzip.decompress(backup.read_bytes()))
    models = {record["model"] for record in records}
    assert {"auth.user", "auth.group", "actions.action", "actions.historicalaction"} <= models
    assert not models & {"contenttypes.contenttype", "auth.permission", "sessions.session"}

    call_command("flush", interactive=False, verbosity=0)
    assert not Action.objects.exists()

    call_command("restore_data", str(backup))
    assert "Restored" in capsys.readouterr().out
    assert render_all(site) == before
    assert Action.history.count() == history_before  # restoring adds no history of its own
    user = User.objects.get(username="restore-editor")
    assert user.has_perm("actions.change_action")


def test_restore_refuses_a_database_with_data(site, tmp_path):
    backup = tmp_path / "site.json"
    call_command("backup_data", str(backup))
    Action.objects.filter(pk=Action.objects.first().pk).delete()
    with pytest.raises(CommandError, match=r"The database is not empty: .*actions\.Action \(40\)"):
        call_command("restore_data", str(backup))
    # --force replaces what is there with the backup, in one transaction.
    call_command("restore_data", str(backup), "--force")
    assert Action.objects.count() == len(
        [r for r in json.loads(backup.read_text()) if r["model"] == "actions.action"]
    )


def test_a_broken_backup_changes_nothing(site, tmp_path):
    backup = tmp_path / "broken.json"
    call_command("backup_data", str(backup))
    records = json.loads(backup.read_text())
    records.append({"model": "actions.figure", "pk": 999999, "fields": {"action": 424242}})
    backup.write_text(json.dumps(records))
    count = Action.objects.count()
    with pytest.raises(CommandError, match="Restore failed, database unchanged"):
        call_command("restore_data", str(backup), "--force")
    assert Action.objects.count() == count


def test_file_names_are_checked(tmp_path):
    with pytest.raises(CommandError, match=r"must end in \.json or \.json\.gz"):
        call_command("backup_data", str(tmp_path / "backup.zip"))
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore_data", str(tmp_path / "missing.json"))
