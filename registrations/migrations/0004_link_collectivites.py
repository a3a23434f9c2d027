"""Link the registrations made before the directory choice existed to the directory, when the name the
person typed is exactly a directory name. The typed text stays as it was (nothing is lost either way);
going back keeps the links (0003's own reverse drops the column)."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def link_exact_names(apps, schema_editor):
    Registration = apps.get_model("registrations", "Registration")
    Collectivite = apps.get_model("directory", "Collectivite")
    same_name = Collectivite.objects.filter(name=OuterRef("organisation")).values("pk")[:1]
    # One UPDATE, however many registrations: the name is unique in the directory.
    Registration.objects.filter(collectivite__isnull=True, organisation__in=Collectivite.objects.values("name")).update(
        collectivite=Subquery(same_name)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("registrations", "0003_collectivite"),
        ("directory", "0002_editor_help_texts"),
    ]

    operations = [migrations.RunPython(link_exact_names, migrations.RunPython.noop)]
