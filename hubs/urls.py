from django.urls import path

from . import views

app_name = "hubs"

urlpatterns = [
    path("pays/", views.country_index, name="country_index"),
    path("pays/<slug:slug>/", views.country_hub, name="country"),
    path("thematiques/", views.theme_index, name="theme_index"),
    path("thematiques/<slug:slug>/", views.theme_hub, name="theme"),
]
