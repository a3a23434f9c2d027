"""Registration on the site for three upcoming demo events (idempotent).

- "Forum de l'action internationale des collectivités": 120 places, a few people registered;
- "Réunion du groupe-pays Sénégal" (hybrid): 3 places, full, one person waiting ("Complet");
- "Atelier : monter un projet de coopération avec le 1 % eau": 1 place, nobody yet (the browser
  story registers, cancels and sees the waiting person promoted there).
Names are invented; addresses are on example.org. A person whose organisation is in the directory
(demo.groups creates it first) is linked to it, as the form does.
"""

from demo.pages import make_slug
from directory.models import Collectivite
from events.models import EventPage
from registrations.choices import AttendanceMode, RegistrationStatus
from registrations.models import Registration

OPEN_EVENTS = {
    "Forum de l’action internationale des collectivités": 120,
    "Réunion du groupe-pays Sénégal": 3,
    "Atelier : monter un projet de coopération avec le 1 % eau": 1,
}
PEOPLE = {
    "Forum de l’action internationale des collectivités": [
        ("Claire Fontaine", "Ville de Lyon", "Chargée de mission relations internationales", ""),
        ("Mamadou Sy", "Conseil départemental de l’Isère", "Directeur de la coopération", ""),
    ],
    "Réunion du groupe-pays Sénégal": [
        ("Hélène Marchand", "Région Centre-Val de Loire", "Élue déléguée", AttendanceMode.ON_SITE),
        ("Ousmane Ndiaye", "Ville de Grenoble", "Chef de projet", AttendanceMode.ONLINE),
        ("Sophie Leroux", "Ville de Tours", "Chargée de coopération", AttendanceMode.ON_SITE),
        ("Julien Perrin", "Communauté urbaine de Dunkerque", "Responsable Europe-international", AttendanceMode.ONLINE),
    ],
}


def ensure_registrations(index):
    """Demo registrations of the events above (content.ensure_events opens them); returns how many were added."""
    created = 0
    directory = dict(Collectivite.objects.values_list("name", "pk"))
    for title, capacity in OPEN_EVENTS.items():
        event = EventPage.objects.child_of(index).filter(slug=make_slug(title)).first()
        if event is None:
            continue
        for number, (name, organisation, function, attendance) in enumerate(PEOPLE.get(title, [])):
            email = f"{make_slug(name)}@example.org"
            if Registration.objects.filter(event=event, email=email).exists():
                continue
            Registration.objects.create(
                event=event,
                email=email,
                name=name,
                organisation=organisation,
                collectivite_id=directory.get(organisation),
                function=function,
                attendance=attendance,
                consent=True,
                status=RegistrationStatus.CONFIRMED if number < capacity else RegistrationStatus.WAITING,
            )
            created += 1
    return created
