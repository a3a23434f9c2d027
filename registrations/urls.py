from django.urls import path

from registrations import views

urlpatterns = [
    path("agenda/<slug:slug>/inscription/", views.register, name="registration_form"),
    path("agenda/<slug:slug>/inscription/merci/", views.thanks, name="registration_thanks"),
    path("agenda/<slug:slug>/inscription/gerer/<str:token>/", views.manage, name="registration_manage"),
    path(
        "agenda/<slug:slug>/inscription/gerer/<str:token>/donnees.json", views.personal_data, name="registration_data"
    ),  # fmt: skip
]
