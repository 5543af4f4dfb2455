from django.contrib import admin

from partners.admin_scoping import PartnershipScopedAdmin

from .models import AuditEvent, CollectionRound, Comparator, FrameworkItem, Metric, MetricValue, Return


@admin.register(FrameworkItem)
class FrameworkItemAdmin(PartnershipScopedAdmin):
    list_display = ["code", "title", "kind", "partnership"]
    list_filter = ["partnership", "kind"]


@admin.register(Metric)
class MetricAdmin(PartnershipScopedAdmin):
    list_display = ["code", "name", "unit", "level", "polarity", "agency", "retired_in", "partnership"]
    list_filter = ["partnership", "group", "unit", "level"]
    search_fields = ["code", "name"]


@admin.register(CollectionRound)
class CollectionRoundAdmin(PartnershipScopedAdmin):
    """Dates may move; the year and areas of a round that has returns change only by re-opening it
    from the portal ("Open a collection round"), which keeps returns and figures consistent."""

    list_display = ["partnership", "year", "opens_on", "closes_on"]
    list_filter = ["partnership"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.returns.exists():
            return ["partnership", "year", "areas"]
        return []


@admin.register(Return)
class ReturnAdmin(PartnershipScopedAdmin):
    """Read-only: a return's status changes only through the workflow, which keeps the audit."""

    list_display = ["agency", "round", "status", "submitted_at", "approved_at"]
    list_filter = ["partnership", "status"]
    readonly_fields = [f.name for f in Return._meta.fields] + ["metrics", "areas"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MetricValue)
class MetricValueAdmin(PartnershipScopedAdmin):
    """Read-only: figures change through returns or the audited import, never silently."""

    list_display = ["metric", "area", "year", "value", "status", "approved_at"]
    list_filter = ["partnership", "year", "status"]
    search_fields = ["metric__code", "metric__name"]
    readonly_fields = [f.name for f in MetricValue._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Comparator)
class ComparatorAdmin(PartnershipScopedAdmin):
    """Read-only: comparators are set on the portal's comparators page or imported, both checked and audited."""

    list_display = ["metric", "year", "geography", "value", "source"]
    list_filter = ["partnership", "geography", "year"]
    readonly_fields = [f.name for f in Comparator._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(PartnershipScopedAdmin):
    list_display = ["at", "action", "actor", "via", "partnership"]
    list_filter = ["partnership", "action"]
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
