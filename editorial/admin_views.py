"""Admin views to create and revoke shareable preview links of a page (anyone who may edit the page)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Page

from editorial.models import PreviewLink


class PreviewLinkForm(forms.Form):
    days = forms.TypedChoiceField(
        label="Durée de validité",
        coerce=int,
        choices=[(1, "1 jour"), (7, "7 jours"), (30, "30 jours")],
        initial=7,
    )


def editable_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def preview_links(request, page_id):
    page = editable_page(request, page_id)
    form = PreviewLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        link = PreviewLink.create_for(page, request.user, days=form.cleaned_data["days"])
        messages.success(request, "Lien de prévisualisation créé : " + link.get_full_url())
        return redirect("editorial_preview_links", page.pk)
    links = page.preview_links.select_related("created_by", "revoked_by")
    return TemplateResponse(request, "editorial/admin/preview_links.html", {"page": page, "links": links, "form": form})


@require_POST
def revoke_preview_link(request, page_id, link_id):
    page = editable_page(request, page_id)
    link = get_object_or_404(PreviewLink, pk=link_id, page=page)
    link.revoke(request.user)
    messages.success(request, "Le lien de prévisualisation a été révoqué.")
    return redirect("editorial_preview_links", page.pk)
