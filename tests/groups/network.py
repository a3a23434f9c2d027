"""A small network for the groupes-pays and directory tests: the directory, the groups index, two groups
with a chair and members, and the events, articles and resources tagged with their countries."""

import datetime

from django.contrib.auth.models import Group, User
from django.utils import timezone
from wagtail.models import PageViewRestriction

from groups.choices import MEMBERS_GROUP_NAME
from tests.factories import (
    ArticlePageFactory,
    CollectiviteFactory,
    CountryFactory,
    CountryGroupIndexPageFactory,
    CountryGroupPageFactory,
    DirectoryIndexPageFactory,
    EventPageFactory,
    MembersAreaPageFactory,
    ResourcePageFactory,
)

MINUTES = "Compte rendu confidentiel de la réunion de Goris"


def build_network(site_tree):
    home = site_tree["home"]
    armenie = CountryFactory(name="Arménie", slug="armenie", region="europe", is_country_group=True)
    liban = CountryFactory(name="Liban", slug="liban", region="moyen-orient", is_country_group=True)
    japon = CountryFactory(name="Japon", slug="japon", region="asie", is_country_group=True)
    alfortville = CollectiviteFactory(name="Ville d’Alfortville", slug="alfortville", region="ile-de-france")
    valence = CollectiviteFactory(name="Ville de Valence", slug="valence", region="auvergne-rhone-alpes")
    isere = CollectiviteFactory(name="Département de l’Isère", slug="isere", kind="departement", is_member=False)
    paris = CollectiviteFactory(name="Ville de Paris", slug="paris", region="ile-de-france")
    directory = DirectoryIndexPageFactory(parent=home)
    index = CountryGroupIndexPageFactory(parent=home, intro="Les groupes-pays de CUF.")
    group_armenie = CountryGroupPageFactory(
        parent=index,
        country=armenie,
        chair=alfortville,
        members=[(valence, "Vice-présidente"), isere],
        intro="Les collectivités engagées en Arménie.",
        presentation=[{"type": "paragraph", "value": "<p>Le groupe a préparé les Assises de Goris.</p>"}],
    )
    group_liban = CountryGroupPageFactory(parent=index, country=liban, chair=paris, members=[isere])
    now = timezone.now()
    meeting = EventPageFactory(parent=site_tree["agenda"], title="Réunion du groupe-pays Arménie", countries=[armenie])
    past = EventPageFactory(
        parent=site_tree["agenda"],
        title="Assises de Goris",
        start=now - datetime.timedelta(days=200),
        end=now - datetime.timedelta(days=199),
        countries=[armenie],
    )
    lebanon_meeting = EventPageFactory(
        parent=site_tree["agenda"], title="Réunion du groupe-pays Liban", countries=[liban]
    )
    news = ArticlePageFactory(parent=site_tree["articles"], title="Retour sur les Assises", countries=[armenie])
    resource = ResourcePageFactory(parent=site_tree["resources"], title="Guide Arménie", countries=[armenie])
    area = MembersAreaPageFactory(
        parent=group_armenie,
        title="Procès-verbaux réservés",
        intro="Accès réservé aux adhérents du groupe.",
        body=[{"type": "paragraph", "value": f"<p>{MINUTES}</p>"}],
    )
    members_group = Group.objects.get(name=MEMBERS_GROUP_NAME)
    restriction = PageViewRestriction.objects.create(page=area, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(members_group)
    member = User.objects.create_user("alfortville", "alfortville@example.org", "motdepasse")
    member.groups.add(members_group)
    outsider = User.objects.create_user("visiteur", "visiteur@example.org", "motdepasse")
    return {
        "home": home,
        "countries": {"armenie": armenie, "liban": liban, "japon": japon},
        "collectivites": {"alfortville": alfortville, "valence": valence, "isere": isere, "paris": paris},
        "directory": directory,
        "index": index,
        "groups": {"armenie": group_armenie, "liban": group_liban},
        "meeting": meeting,
        "past": past,
        "lebanon_meeting": lebanon_meeting,
        "news": news,
        "resource": resource,
        "area": area,
        "member": member,
        "outsider": outsider,
    }
