"""Rédacteurs choose any audio or video file of the library, not only the ones they uploaded.

Images and documents have a "choose" permission (granted to both editorial groups). wagtailmedia has
none: its chooser lists only the files the person may edit, and its "chosen" view refuses the others, so a
Rédacteur (who may add files, and edit only their own) could not pick the sound a colleague uploaded.
Here, whoever may add files to a collection may choose every file of that collection: the chooser's list
is widened with wagtailmedia's own hook, and its "chosen" step is answered by the view below, registered
first (order=-1) at the same admin URL, so `wagtailmedia:media_chosen` resolves to it. Editing and
deleting keep wagtailmedia's rules (own files for Rédacteurs, any file for Modérateurs).
"""

from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtailmedia import get_permission_policy
from wagtailmedia.models import get_media_model
from wagtailmedia.views.chooser import get_media_json

CHOOSE_ACTIONS = ["add", "change"]


@hooks.register("construct_media_chooser_queryset")
def every_file_of_the_collections_one_may_add_to(media_files, request):
    collections = get_permission_policy().collections_user_has_any_permission_for(request.user, CHOOSE_ACTIONS)
    return get_media_model().objects.filter(collection__in=collections)


def media_chosen(request, media_id):
    media = get_object_or_404(get_media_model(), id=media_id)
    if not get_permission_policy().user_has_any_permission_for_instance(request.user, CHOOSE_ACTIONS, media):
        return permission_denied(request)
    return render_modal_workflow(
        request, None, None, None, json_data={"step": "media_chosen", "result": get_media_json(media)}
    )


@hooks.register("register_admin_urls", order=-1)
def register_media_chosen_url():
    return [path("media/chooser/<int:media_id>/", media_chosen, name="media_library_media_chosen")]
