from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from reliefsite.actions.models import Action
from reliefsite.core.planner import analyze
from reliefsite.core.seeding import SeedError, SeedLoader
from reliefsite.organizations.models import Organization


class Command(BaseCommand):
    help = (
        "Load the seed data set (seeds/*.yaml) in one transaction. Idempotent: records are matched on "
        "slug/key and changed only where they differ. A malformed file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--path", default=str(settings.BASE_DIR / "seeds"), help="Directory of the YAML files."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, then roll everything back."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has content (make run).",
        )

    def handle(self, *args, path, dry_run, if_empty, **options):
        if if_empty and (Organization.objects.exists() or Action.objects.exists()):
            self.stdout.write(
                "The database already has content; seed data not loaded (editors' changes kept)."
            )
            return
        try:
            with transaction.atomic():
                counts = SeedLoader(path).load()
                if dry_run:
                    transaction.set_rollback(True)
        except SeedError as error:
            raise CommandError(f"Seed data not loaded, database unchanged. {error}") from None
        if not dry_run and any(outcome["created"] or outcome["updated"] for outcome in counts.values()):
            analyze()
        if options["verbosity"] < 1:
            return
        for model, outcome in counts.items():
            self.stdout.write(
                f"{model}: {outcome['created']} created, {outcome['updated']} updated, {outcome['unchanged']} unchanged"
            )
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was saved."))
        else:
            self.stdout.write(self.style.SUCCESS("Seed data loaded."))
