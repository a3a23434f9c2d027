"""Names shared by the groupes-pays app, its data migration, the demo content and the tests."""

# The Django group of the member local governments' accounts: members-only pages are restricted to it
# (Wagtail's page privacy "groups"). Created by the data migration groups/0002.
MEMBERS_GROUP_NAME = "Collectivités adhérentes"
