"""Who can do what in the admin, written once as data.

One row per action: what anonymous visitors, Rédacteurs, Modérateurs and superusers actually get when
they do it through the real admin view (tests/editorial/matrix_actions.py does each action with the
Django test client, tests/editorial/test_permission_matrix.py asserts every cell). Each cell is
(outcome, effect):
- outcome: "login" (sent to the login page), "refusé" (Wagtail's "Désolé, vous n'avez pas la
  permission…" redirect to the dashboard, or a 403), or the HTTP status of the answer;
- effect: whether the action's effect happened (object created, changed, deleted, listed, chosen…):
  a status alone hides silent no-ops (a Rédacteur's "publish" is a 302 that only saves a draft).

`python -m tests.editorial.matrix` prints it as a Markdown table (no database needed).
"""

ROLES = ("anonyme", "redacteur", "moderateur", "admin")
ROLE_LABELS = ("anonyme", "Rédacteur", "Modérateur", "superuser")

LOGIN = ("login", False)
DENIED = ("refusé", False)


def done(status=302):
    return (status, True)


def not_done(status=302):
    return (status, False)


def everyone_but_anonymous(status=302):
    return (LOGIN, done(status), done(status), done(status))


def moderators_only(status=302):
    return (LOGIN, DENIED, done(status), done(status))


def superuser_only(status=302):
    return (LOGIN, DENIED, DENIED, done(status))


PAGE_ROWS = [
    ("page: create an article (draft)", everyone_but_anonymous()),
    ("page: view draft", everyone_but_anonymous(200)),
    ("page: preview in the editor", everyone_but_anonymous(200)),
    ("page: open the editor", everyone_but_anonymous(200)),
    ("page: submit for moderation", everyone_but_anonymous()),
    ("page: approve", moderators_only()),
    ("page: reject with a comment", moderators_only()),
    # The Rédacteur's "publish" only saves a draft: nothing goes live.
    ("page: publish", (LOGIN, not_done(), done(), done())),
    ("page: unpublish", moderators_only()),
    # The Rédacteur's go-live date is kept in the draft; nothing is scheduled until a moderator approves.
    ("page: schedule (publish with a go-live date)", (LOGIN, not_done(), done(), done())),
    ("page: delete", moderators_only()),
    ("page: move", moderators_only()),
    # The Rédacteur's copy form has no "publish copies" option: the copy is a draft.
    ("page: copy and publish the copy", (LOGIN, not_done(), done(), done())),
    ("page: compare revisions", everyone_but_anonymous(200)),
    ("page: history", everyone_but_anonymous(200)),
    ("page: create a shareable preview link", everyone_but_anonymous()),
]

MEDIA_KINDS = ("image", "document", "audio", "video")


def media_rows(kind):
    return [
        # Wagtail lists only what one may edit: a Rédacteur's list shows their own files (others' are
        # found in the chooser).
        (f"{kind}: list (the superuser's upload shown)", (LOGIN, not_done(200), done(200), done(200))),
        (f"{kind}: upload", everyone_but_anonymous()),
        (f"{kind}: edit the Rédacteur's upload", everyone_but_anonymous()),
        (f"{kind}: edit the superuser's upload", moderators_only()),
        # Wagtail treats deleting as editing: a Rédacteur may delete their own uploads, not others'.
        (f"{kind}: delete the Rédacteur's upload", everyone_but_anonymous()),
        (f"{kind}: delete the superuser's upload", moderators_only()),
        (f"{kind}: choose the superuser's upload in the chooser", everyone_but_anonymous(200)),
        (f"{kind}: upload from the chooser in the page editor", everyone_but_anonymous(200)),
    ]


SNIPPET_ROWS = [
    ("country: choose in the chooser", everyone_but_anonymous(200)),
    ("country: add", moderators_only()),
    ("country: edit", moderators_only()),
    ("theme: add", moderators_only()),
    ("theme: edit", moderators_only()),
]

SETTINGS_ROWS = [
    ("site settings: edit", moderators_only()),
    ("menus and footer: edit", moderators_only()),
]

USER_ROWS = [
    ("users: list", superuser_only(200)),
    ("users: create an account", superuser_only()),
    ("groups: open a group's permissions", superuser_only(200)),
]

ROWS = [
    *PAGE_ROWS,
    *(row for kind in MEDIA_KINDS for row in media_rows(kind)),
    *SNIPPET_ROWS,
    *SETTINGS_ROWS,
    *USER_ROWS,
]
MATRIX = dict(ROWS)
assert len(MATRIX) == len(ROWS), "an action is listed twice"


def cell(expected):
    outcome, effect = expected
    if outcome in ("login", "refusé"):
        return "→ connexion" if outcome == "login" else "refusé"
    return f"{outcome} {'✓' if effect else '✗'}"


def markdown():
    lines = [
        "| action | " + " | ".join(ROLE_LABELS) + " |",
        "|---|" + "---|" * len(ROLE_LABELS),
    ]
    lines += [f"| {action} | " + " | ".join(cell(expected) for expected in row) + " |" for action, row in ROWS]
    legend = (
        "\n`→ connexion`: sent to the login page · `refusé`: Wagtail's permission-denied redirect to the dashboard"
        " (or 403) · `302 ✓` / `200 ✓`: the answer, and the effect happened (created, changed, deleted, listed,"
        " chosen) · `✗`: the answer came but the effect did not happen."
    )
    return "\n".join(lines) + "\n" + legend


if __name__ == "__main__":
    print(markdown())
