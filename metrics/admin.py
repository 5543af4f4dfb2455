from django.contrib import admin

from partners.admin_scoping import PartnershipScopedAdmin, ReadOnlyScopedAdmin

from .models import CollectionRound, Comparator, FrameworkItem, Metric, MetricValue, Return


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
class ReturnAdmin(ReadOnlyScopedAdmin):
    """A return's status changes only through the workflow."""

    list_display = ["agency", "round", "status", "submitted_at", "approved_at"]
    list_filter = ["partnership", "status"]


@admin.register(MetricValue)
class MetricValueAdmin(ReadOnlyScopedAdmin):
    """Figures change through returns or the audited import, never silently."""

    list_display = ["metric", "area", "year", "value", "status", "approved_at"]
    list_filter = ["partnership", "year", "status"]
    search_fields = ["metric__code", "metric__name"]


@admin.register(Comparator)
class ComparatorAdmin(ReadOnlyScopedAdmin):
    """Comparators are set on the portal's comparators page or imported, both checked and audited."""

    list_display = ["metric", "year", "geography", "value", "source"]
    list_filter = ["partnership", "geography", "year"]
