from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from reliefsite.core.backup import EXCLUDED, backed_up_counts, check_backup_name, write_backup


class Command(BaseCommand):
    help = (
        "Write a backup of all data to FILE: content, its edit history, users and groups, the admin "
        "log. Django's JSON fixture format (loaddata reads it) with natural keys, gzip-compressed when FILE ends in "
        ".json.gz. Left out because migrate or use recreates them: "
        + ", ".join(EXCLUDED)
        + ". Restore with `manage.py restore_data FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write, e.g. backups/reliefsite-2020-02-05.json.gz")

    def handle(self, *args, file, **options):
        path = Path(file)
        check_backup_name(path)
        if not path.parent.is_dir():
            raise CommandError(f"Folder {path.parent} does not exist.")
        # One transaction, so every table is read as of the same moment. The isolation level can
        # only be set as a transaction's first statement: not when called inside one (tests).
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            write_backup(path)
            counts = backed_up_counts()
        for label, count in counts.items():
            if count:
                self.stdout.write(f"  {label}: {count}")
        total = sum(counts.values())
        size = path.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Backed up {total} records to {path} ({size:,} bytes)."))
