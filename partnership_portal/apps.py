from django.apps import AppConfig


class PartnershipPortalConfig(AppConfig):
    name = "partnership_portal"
    verbose_name = "Partnership portal"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import start_session_clock

        user_logged_in.connect(start_session_clock, dispatch_uid="portal-session-clock")
