from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from reliefsite.core.backup import backed_up_counts, check_backup_name, existing_data
from reliefsite.core.cache import invalidate_pages
from reliefsite.core.planner import analyze
from reliefsite.core.signals import pages_invalidation_paused


class Command(BaseCommand):
    help = (
        "Restore a backup written by `manage.py backup_data` into an empty, migrated database "
        "(run `manage.py migrate` first). Refuses a database that already has data unless --force, "
        "which deletes that data first. All or nothing: on any error the database is left unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A backup file (.json or .json.gz)")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Delete all data now in the database, then restore (in the same transaction).",
        )

    def handle(self, *args, file, force, **options):
        path = Path(file)
        check_backup_name(path)
        if not path.is_file():
            raise CommandError(f"No backup file at {path}.")
        present = existing_data()
        # Name content first, history tables last.
        present = dict(sorted(present.items(), key=lambda item: ".Historical" in item[0]))
        if present and not force:
            listing = ", ".join(f"{label} ({n})" for label, n in list(present.items())[:5])
            raise CommandError(
                f"The database is not empty: {listing}{' …' if len(present) > 5 else ''}. "
                "Nothing was restored. Restore into a new, migrated database, or add --force to "
                "delete the current data and replace it with the backup."
            )
        try:
            # The backup holds the edit history as it was: restoring must not add entries to it.
            with (
                transaction.atomic(),
                pages_invalidation_paused(),
                override_settings(SIMPLE_HISTORY_ENABLED=False),
            ):
                if present:
                    self.stdout.write(self.style.WARNING("Deleting the current data (--force)."))
                    call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(path), verbosity=0)
                counts = backed_up_counts()
        except Exception as error:
            raise CommandError(f"Restore failed, database unchanged: {error}") from error
        invalidate_pages()
        analyze()
        for label, count in counts.items():
            if count:
                self.stdout.write(f"  {label}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Restored {sum(counts.values())} records from {path}."))
