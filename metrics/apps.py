from django.apps import AppConfig


class MetricsConfig(AppConfig):
    name = "metrics"
    verbose_name = "Figures"

    def ready(self):
        from .audit_actions import register_all

        register_all()
