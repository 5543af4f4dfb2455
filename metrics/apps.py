from django.apps import AppConfig


class MetricsConfig(AppConfig):
    name = "metrics"
    verbose_name = "Figures"

    def ready(self):
        from .audit_actions import register_all

        register_all()

        from partners import versions

        from .models import Comparator, FrameworkItem, Metric, MetricValue

        for model in (FrameworkItem, Metric, MetricValue, Comparator):  # what reports state and chart
            versions.watch(model)
