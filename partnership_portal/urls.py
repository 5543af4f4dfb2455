from django.conf import settings
from django.contrib import admin
from django.urls import include, path, register_converter

from partners.fields import ReportingYearConverter
from partners.people_views import AcceptInvitationView

from . import accounts, views

register_converter(ReportingYearConverter, "year")

admin.site.site_header = "Partnership portal administration"
admin.site.site_title = "Partnership portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("accounts/password_reset/", accounts.ThrottledPasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path(
        "accounts/invitation/<uidb64>/<token>/",
        AcceptInvitationView.as_view(),
        name="invitation_accept",
    ),
    path("admin/", admin.site.urls),
    path("p/<slug:partnership_slug>/", views.partnership_home, name="partnership_home"),
    path("p/<slug:partnership_slug>/", include("partners.urls")),
    path("p/<slug:partnership_slug>/figures/", include("metrics.urls")),
    path("p/<slug:partnership_slug>/reports/", include("reports.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
