from django.conf import settings
from django.contrib import admin
from django.urls import include, path, register_converter

from partners.fields import ReportingYearConverter
from partners.people_views import AcceptInvitationView
from reports.public import views as public_views

from . import accounts, two_factor, views

register_converter(ReportingYearConverter, "year")

admin.site.site_header = "Partnership portal administration"
admin.site.site_title = "Partnership portal"

urlpatterns = [
    path("", public_views.home, name="home"),  # the public home; signed-in users reach their dashboard from it
    path("", include("reports.public.urls")),  # the public site, namespace "public": no login
    path("healthz", views.healthz, name="healthz"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("accounts/password_reset/", accounts.ThrottledPasswordResetView.as_view(), name="password_reset"),
    path("accounts/two-factor/", two_factor.verify, name="two_factor_verify"),
    path("accounts/two-factor/setup/", two_factor.setup, name="two_factor_setup"),
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
    path("p/<slug:partnership_slug>/reports/", include("reports.rendering.urls")),
    path("p/<slug:partnership_slug>/reports/", include("reports.urls")),
    path("p/<slug:partnership_slug>/reports/", include("reports.publishing.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
