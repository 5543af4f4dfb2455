"""Django admin under the same tenancy rules as the portal.

Portal admins (superusers) see everything. A partnership's business-unit editors and
approvers see and change only their own partnership's rows; agency submitters never
reach the admin. Shared registers (agencies) are read-only to non-superusers.
"""

from django.contrib import admin

from .models import Partnership, PartnershipRole, Role

MANAGING_ROLES = (Role.EDITOR, Role.APPROVER)


def managed_partnership_ids(user):
    if not user.is_active or not user.is_staff:
        return set()
    return set(
        PartnershipRole.objects.filter(user=user, role__in=MANAGING_ROLES).values_list("partnership_id", flat=True)
    )


class PartnershipScopedAdmin(admin.ModelAdmin):
    """For models with a path to their partnership (`partnership_path`)."""

    partnership_path = "partnership"

    def _ids(self, request):
        if not hasattr(request, "_managed_partnership_ids"):
            request._managed_partnership_ids = managed_partnership_ids(request.user)
        return request._managed_partnership_ids

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{f"{self.partnership_path}__in": self._ids(request)})

    def _allowed(self, request, obj=None):
        if request.user.is_superuser:
            return True
        ids = self._ids(request)
        if not ids:
            return False
        if obj is None:
            return True
        return self._partnership_id_of(obj) in ids

    def _partnership_id_of(self, obj):
        target = obj
        for part in self.partnership_path.split("__"):
            target = getattr(target, part)
        return target.pk if isinstance(target, Partnership) else target

    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request, obj)

    def has_add_permission(self, request):
        return self._allowed(request)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._allowed(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if request.user.is_superuser or field is None:
            return field
        model = db_field.related_model
        if model is Partnership:
            field.queryset = field.queryset.filter(pk__in=self._ids(request))
        elif any(f.name == "partnership" for f in model._meta.get_fields()):
            field.queryset = field.queryset.filter(partnership__in=self._ids(request))
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if request.user.is_superuser or field is None:
            return field
        model = db_field.related_model
        if model is not Partnership and any(f.name == "partnership" for f in model._meta.get_fields()):
            field.queryset = field.queryset.filter(partnership__in=self._ids(request))
        return field

    def save_model(self, request, obj, form, change):
        if not self._allowed(request, obj):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        super().save_model(request, obj, form, change)
        if change and not form.changed_data:
            return
        changed = {
            name: [_shown(form.initial.get(name)), _shown(form.cleaned_data.get(name))] for name in form.changed_data
        }
        self._audit(request, obj, "reference.changed" if change else "reference.created", changed=changed)

    def delete_model(self, request, obj):
        self._audit(request, obj, "reference.deleted")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, "reference.deleted")
        super().delete_queryset(request, queryset)

    def _audit(self, request, obj, action, **data):
        """Reference data changed in the admin is recorded in the portal's audit trail too."""
        from . import audit

        partnership = Partnership.objects.get(pk=self._partnership_id_of(obj))
        audit.record(
            action,
            partnership=partnership,
            by=request.user,
            via="admin",
            subject=obj,
            kind=str(obj._meta.verbose_name),
            **data,
        )


def _shown(value):
    """A form value as the audit trail keeps it: plain text (a choice's key, an object's name)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)) or hasattr(value, "all"):
        items = value.all() if hasattr(value, "all") else value
        return ", ".join(sorted(str(item) for item in items))
    return str(value)


class SharedRegisterAdmin(admin.ModelAdmin):
    """Shared reference data: everyone who manages a partnership may read it; portal admins change it."""

    def has_module_permission(self, request):
        return request.user.is_superuser or bool(managed_partnership_ids(request.user))

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class ScopedInlineMixin:
    """Inlines follow their parent: the parent admin has already checked the partnership."""

    def _manages_any(self, request):
        return request.user.is_superuser or bool(managed_partnership_ids(request.user))

    def has_view_permission(self, request, obj=None):
        return self._manages_any(request)

    def has_add_permission(self, request, obj=None):
        return self._manages_any(request)

    def has_change_permission(self, request, obj=None):
        return self._manages_any(request)

    def has_delete_permission(self, request, obj=None):
        return self._manages_any(request)


class ReadOnlyScopedAdmin(PartnershipScopedAdmin):
    """Shown, never changed here: these rows change only through the services, which check and audit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
