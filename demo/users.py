"""Demo accounts: admin (superuser), redacteur (Rédacteurs), moderateur (Modérateurs)."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

WRITERS = "Rédacteurs"
MODERATORS = "Modérateurs"

# username: (first name, last name, superuser, group)
ACCOUNTS = {
    "admin": ("Administratrice", "CUF", True, None),
    "redacteur": ("Rédacteur", "Démo", False, WRITERS),
    "moderateur": ("Modératrice", "Démo", False, MODERATORS),
}


def ensure_users():
    """Create missing accounts; returns (number of accounts, generated password or None).

    The password comes from DEMO_PASSWORD; when it is unset, one is generated only if an
    account has to be created, and existing passwords are never changed.
    """
    User = get_user_model()
    env_password = os.environ.get("DEMO_PASSWORD") or None
    generated = None
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (WRITERS, MODERATORS)}
    for username, (first_name, last_name, superuser, group_name) in ACCOUNTS.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            if env_password is None and generated is None:
                generated = secrets.token_urlsafe(12)
            user = User(
                username=username,
                email=f"{username}@example.org",
                first_name=first_name,
                last_name=last_name,
                is_staff=True,
                is_superuser=superuser,
            )
            user.set_password(env_password or generated)
            user.save()
        elif env_password is not None and not user.check_password(env_password):
            user.set_password(env_password)
            user.save(update_fields=["password"])
        if group_name:
            user.groups.add(groups[group_name])
    return len(ACCOUNTS), generated
