from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("structure/", views.structure, name="structure"),
    path("funding/", views.funding, name="funding"),
]
