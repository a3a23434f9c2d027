from django.urls import re_path

from editorial import views

app_name = "editorial"
urlpatterns = [
    # Tokens are URL-safe base64 (secrets.token_urlsafe); anything else is not a token and gets the 404 page.
    re_path(r"^apercu/(?P<token>[A-Za-z0-9_-]{20,64})/$", views.preview_link, name="preview_link"),
]
