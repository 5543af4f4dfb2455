from django.urls import path

from . import views

app_name = "publishing"

urlpatterns = [
    path("<year:year>/publication/", views.publication, name="publication"),
    path("<year:year>/publication/publish/", views.publish, name="publish"),
    path("<year:year>/publication/correct/", views.correct, name="correct"),
    path("<year:year>/publication/withdraw/", views.withdraw, name="withdraw"),
    path("<year:year>/publication/sent/<int:pk>/", views.mark_sent, name="mark_sent"),
]
