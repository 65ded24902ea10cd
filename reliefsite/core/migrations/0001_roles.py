"""The two editorial roles.

编辑 (editors) add, change and view all content, and may delete drafts and parts of records; the
admin refuses them a published record's deletion and any status change. 发布人 (publishers) may do
all that plus publish, unpublish, and delete anything, including organizations and sources.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "编辑"
PUBLISHERS = "发布人"

CONTENT = {
    "organizations": ["organization"],
    "sources": ["source"],
    "actions": ["action", "figure"],
    "campaigns": ["campaign", "totalreport", "groupcontribution", "disbursement"],
    "hotlines": ["hotline", "phonenumber", "channel", "openinghours", "holiday"],
}
# Deleting these would silently strip published records of their organizations or sources.
PUBLISHERS_ONLY_DELETE = {"organization", "source"}
PUBLISHABLE = {
    "actions": ["action"],
    "campaigns": ["campaign", "totalreport", "disbursement"],
    "hotlines": ["hotline"],
}


def codenames():
    editors, publishers = [], []
    for app, models in CONTENT.items():
        for model in models:
            for verb in ("add", "change", "view", "delete"):
                codename = (app, f"{verb}_{model}")
                publishers.append(codename)
                if not (verb == "delete" and model in PUBLISHERS_ONLY_DELETE):
                    editors.append(codename)
    for app, models in PUBLISHABLE.items():
        publishers += [(app, f"publish_{model}") for model in models]
    return editors, publishers


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate (post_migrate); create them now to assign them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in zip((EDITORS, PUBLISHERS), codenames(), strict=True):
        group, _created = Group.objects.get_or_create(name=name)
        for app, codename in wanted:
            group.permissions.add(Permission.objects.get(content_type__app_label=app, codename=codename))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, PUBLISHERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("organizations", "0001_initial"),
        ("sources", "0001_initial"),
        ("actions", "0002_publish_permission"),
        ("campaigns", "0002_publish_permission"),
        ("hotlines", "0002_publish_permission"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
