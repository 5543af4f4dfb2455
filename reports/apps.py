from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Reports"

    def ready(self):
        from .audit_actions import register_all

        register_all()

        from partners import versions

        from .models import Report, Requirement, RequirementTag, Section, SignOff

        for model in (Report, Section, SignOff, RequirementTag):
            versions.watch(model)
        versions.watch(Requirement, lambda requirement: versions.SHARED)  # the statutory guidance, for all

        from .publishing.audit_actions import register_all as register_publishing

        register_publishing()
