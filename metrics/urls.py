from django.urls import path

from . import catalogue_views, exchange_views, explorer_views, upload_views, views

app_name = "metrics"

urlpatterns = [
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/new/", catalogue_views.metric_new, name="metric_new"),
    path("catalogue/<int:pk>/", catalogue_views.metric_edit, name="metric_edit"),
    path("rounds/new/", views.open_round, name="round_new"),
    path("rounds/<year:year>/", explorer_views.round_progress, name="round"),
    path("rounds/<year:year>/returns/<int:pk>/remind/", explorer_views.remind, name="return_remind"),
    path("returns/<int:pk>/", views.return_form, name="return"),
    path("returns/<int:pk>/submit/", views.submit, name="return_submit"),
    path("returns/<int:pk>/send-back/", views.send_back, name="return_send_back"),
    path("returns/<int:pk>/approve/", views.approve, name="return_approve"),
    path("returns/<int:pk>/reopen/", views.reopen, name="return_reopen"),
    path("returns/<int:pk>/history/", views.return_history, name="return_history"),
    path("returns/<int:pk>/template.<str:fmt>", exchange_views.return_template, name="return_template"),
    path("returns/<int:pk>/import/", exchange_views.return_import, name="return_import"),
    path("values/<int:pk>/", views.value_history, name="value_history"),
    path("values/<int:pk>/statement/", views.value_statement, name="value_statement"),
    path("export/", exchange_views.export, name="export"),
    path("upload/", upload_views.upload_figures, name="upload_figures"),
    path("explorer/", explorer_views.explorer, name="explorer"),
    path("comparators/", explorer_views.comparators, name="comparators"),
]
