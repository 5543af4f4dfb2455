from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_scopes import scopes_disabled

from partners.models import Partnership
from partnership_portal.demo import loader, publications


class Command(BaseCommand):
    help = "Load the demo partnerships (HSSCP with figures, South Tees with structure) and demo users. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Create the demo users even with DEBUG off (never in production)."
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Also sign off and publish HSSCP's 2021-22 and 2024-25 reports (renders their PDFs: slow).",
        )

    def handle(self, *args, force=False, publish=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to create demo users with known passwords while DEBUG is off. "
                "Use --force only on a machine that is not public."
            )
        users = loader.load()
        if publish:
            with scopes_disabled():
                hsscp = Partnership.objects.get(slug="hsscp")
            years = publications.publish(hsscp, editor=users["editor"], approver=users["approver"], stdout=self.stdout)
            if years:
                self.stdout.write(f"Published HSSCP's {', '.join(years)} reports: http://127.0.0.1:8000/reports/hsscp/")
        self.stdout.write(self.style.SUCCESS("Demo data loaded: HSSCP (with figures) and STSCP (structure only)."))
        self.stdout.write(f"Demo users, all with password '{loader.DEMO_PASSWORD}':")
        for username, *_ in loader.DEMO_USERS:
            user = users[username]
            roles = ", ".join(str(r) for r in user.partnership_roles.select_related("partnership", "agency"))
            self.stdout.write(f"  {username:<9} {roles or 'portal admin (all partnerships)'}")
        self.stdout.write(
            "admin and approver also need a code from an authenticator app: add the demo key "
            f"{loader.DEMO_TOTP_BASE32} to one (it is a published test key: demo only)."
        )
