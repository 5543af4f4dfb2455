from django.urls import path

from . import editor_views, review_views, views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("requirements/", views.requirements, name="requirements"),
    path("figure-value/", editor_views.figure_value, name="figure_value"),
    path("<year:year>/", views.report_detail, name="report"),
    path("<year:year>/start-next/", views.start_next, name="start_next"),
    path("<year:year>/preview/", views.preview, name="preview"),
    path("<year:year>/sections/add/", views.section_add, name="section_add"),
    path("<year:year>/sections/<int:pk>/", editor_views.section_edit, name="section"),
    path("<year:year>/sections/<int:pk>/details/", editor_views.section_details, name="section_details"),
    path("<year:year>/sections/<int:pk>/move/", views.section_move, name="section_move"),
    path("<year:year>/sections/<int:pk>/delete/", views.section_delete, name="section_delete"),
    path("<year:year>/sections/<int:pk>/preview/", editor_views.section_preview, name="section_preview"),
    path("<year:year>/sections/<int:pk>/presence/", editor_views.presence, name="presence"),
    path("<year:year>/sections/<int:pk>/revisions/", review_views.revisions, name="revisions"),
    path("<year:year>/sections/<int:pk>/revisions/<int:number>/restore/", review_views.restore, name="restore"),
    path("<year:year>/sections/<int:pk>/comments/", review_views.comment_add, name="comment_add"),
    path("<year:year>/comments/<int:pk>/resolve/", review_views.comment_resolve, name="comment_resolve"),
    path("<year:year>/submit/", review_views.submit, name="submit"),
    path("<year:year>/sign-off/", review_views.sign_off, name="sign_off"),
    path("<year:year>/send-back/", review_views.send_back, name="send_back"),
]
