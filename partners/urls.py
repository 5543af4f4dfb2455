from django.urls import path

from . import people_views, reference_views, views

app_name = "partners"

urlpatterns = [
    path("structure/", views.structure, name="structure"),
    path("funding/", views.funding, name="funding"),
    path("reference/<slug:kind>/", reference_views.reference_list, name="reference"),
    path("reference/<slug:kind>/new/", reference_views.reference_edit, name="reference_new"),
    path("reference/<slug:kind>/<int:pk>/", reference_views.reference_edit, name="reference_edit"),
    path("reference/<slug:kind>/<int:pk>/delete/", reference_views.reference_delete, name="reference_delete"),
    path("people/", people_views.people_list, name="people"),
    path("people/invite/", people_views.invite, name="person_invite"),
    path("people/<int:user_id>/", people_views.change, name="person_change"),
    path("people/<int:user_id>/remove/", people_views.remove, name="person_remove"),
    path("people/<int:user_id>/resend/", people_views.resend, name="person_resend"),
]
