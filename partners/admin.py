from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from . import audit
from .admin_scoping import PartnershipScopedAdmin, ReadOnlyScopedAdmin, ScopedInlineMixin, SharedRegisterAdmin
from .models import (
    Agency,
    AgencyMembership,
    Area,
    AuditEvent,
    FundingLine,
    FundingYear,
    Group,
    Partnership,
    PartnershipRole,
    Person,
    Post,
    User,
)


class PartnershipRoleInline(admin.TabularInline):
    model = PartnershipRole
    extra = 0
    autocomplete_fields = ["agency"]


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    inlines = [PartnershipRoleInline]


@admin.register(Partnership)
class PartnershipAdmin(PartnershipScopedAdmin):
    partnership_path = "pk"
    list_display = ["name", "short_name", "kind", "started_on", "ended_on", "succeeded_by"]
    prepopulated_fields = {"slug": ["short_name"]}
    search_fields = ["name", "short_name"]

    def get_queryset(self, request):
        queryset = admin.ModelAdmin.get_queryset(self, request)
        return queryset if request.user.is_superuser else queryset.filter(pk__in=self._ids(request))

    def _partnership_id_of(self, obj):
        return obj.pk

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Area)
class AreaAdmin(PartnershipScopedAdmin):
    list_display = ["name", "ons_code", "partnership"]
    list_filter = ["partnership"]


@admin.register(Agency)
class AgencyAdmin(SharedRegisterAdmin):
    list_display = ["name", "kind", "started_on", "ended_on", "replaced_by"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["replaced_by"]


@admin.register(AgencyMembership)
class AgencyMembershipAdmin(PartnershipScopedAdmin):
    list_display = ["agency", "partnership", "year", "role"]
    list_filter = ["partnership", "year", "role"]
    autocomplete_fields = ["agency"]


class PostInline(ScopedInlineMixin, admin.TabularInline):
    model = Post
    extra = 0
    fields = ["partnership", "kind", "title", "agency", "group", "from_year", "to_year", "started_on", "ended_on"]


@admin.register(Person)
class PersonAdmin(PartnershipScopedAdmin):
    list_display = ["name", "partnership"]
    list_filter = ["partnership"]
    search_fields = ["name"]
    inlines = [PostInline]


@admin.register(Post)
class PostAdmin(PartnershipScopedAdmin):
    list_display = ["__str__", "kind", "title", "agency", "from_year", "to_year", "started_on", "ended_on"]
    list_filter = ["partnership", "kind"]


@admin.register(Group)
class GroupAdmin(PartnershipScopedAdmin):
    list_display = ["name", "partnership", "chair", "reports_to", "from_year", "to_year", "position"]
    list_filter = ["partnership"]
    filter_horizontal = ["shared_with"]


class FundingLineInline(ScopedInlineMixin, admin.TabularInline):
    model = FundingLine
    extra = 0
    fields = ["position", "kind", "agency", "label", "amount", "note"]


@admin.register(FundingYear)
class FundingYearAdmin(PartnershipScopedAdmin):
    list_display = ["partnership", "year"]
    list_filter = ["partnership"]
    inlines = [FundingLineInline]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyScopedAdmin):
    """The audit trail: written by the services through `partners.audit`, never edited."""

    list_display = ["at", "action", "subject_label", "actor", "via", "partnership", "sentence"]
    list_filter = ["partnership", "action"]
    search_fields = ["subject_label", "action"]

    @admin.display(description="what happened")
    def sentence(self, obj):
        return audit.sentence(obj)
