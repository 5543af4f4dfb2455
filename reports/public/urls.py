"""The public site's addresses: stable, readable, and the same for everyone.

/reports/<slug>/                      the partnership's archive by year
/reports/<slug>/<year>/               the year's current version (web page)
/reports/<slug>/<year>.pdf            the year's current PDF
/reports/<slug>/<year>/figures.csv    the figures the current version cites (and .json)
/reports/<slug>/<year>/v<n>/          an earlier (or the current) version, marked superseded if it is
/reports/<slug>/<year>/v<n>.pdf       and its files: /v<n>/figures.csv, /v<n>/figures.json
"""

from django.urls import path

from . import views

app_name = "public"

REPORT = "reports/<slug:partnership_slug>/<year:year>"
VERSION = REPORT + "/v<int:version>"

urlpatterns = [
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots, name="robots"),
    path("reports/<slug:partnership_slug>/", views.archive, name="archive"),
    path(f"{REPORT}/", views.report, name="report"),
    path(f"{REPORT}.pdf", views.report_pdf, name="report_pdf"),
    path(f"{REPORT}/figures.csv", views.figures_csv, name="figures_csv"),
    path(f"{REPORT}/figures.json", views.figures_json, name="figures_json"),
    path(f"{VERSION}/", views.report, name="report_version"),
    path(f"{VERSION}.pdf", views.report_pdf, name="report_version_pdf"),
    path(f"{VERSION}/figures.csv", views.figures_csv, name="figures_version_csv"),
    path(f"{VERSION}/figures.json", views.figures_json, name="figures_version_json"),
]
