from django.urls import path

from . import views

app_name = "rendering"

urlpatterns = [
    path("<year:year>/report.html", views.report_html, name="html"),
    path("<year:year>/output/", views.outputs, name="outputs"),
    path("<year:year>/output/<int:pk>/status", views.rendering_status, name="status"),
    path("<year:year>/output/<int:pk>.pdf", views.rendering_pdf, name="pdf"),
    path(
        "<year:year>/sections/<int:section_pk>/preview.<str:fmt>",
        views.section_preview,
        name="section_preview",
    ),
]
