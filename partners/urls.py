from django.urls import path

from . import people_views, views

app_name = "partners"

urlpatterns = [
    path("structure/", views.structure, name="structure"),
    path("funding/", views.funding, name="funding"),
    path("people/", people_views.people_list, name="people"),
    path("people/invite/", people_views.invite, name="person_invite"),
    path("people/<int:user_id>/", people_views.change, name="person_change"),
    path("people/<int:user_id>/remove/", people_views.remove, name="person_remove"),
    path("people/<int:user_id>/resend/", people_views.resend, name="person_resend"),
]
