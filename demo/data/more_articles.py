"""Older articles (January 2023 – March 2025) of every kind, so listings, filters and pagination have content.

They are all older than the seed's news, so they never displace it on the homepage.
Each row: date, kind, title, countries, themes, cover image key (or None), place, lead, detail.
The card intro is the lead, the detail and a closing sentence that depends on the kind; the body
adds the first theme's context and next steps that depend on the kind.
"""

from demo.data.articles_2023_2024 import ARTICLES_2023_2024
from demo.data.articles_2024_2025 import ARTICLES_2024_2025

CLOSINGS = {
    "actualite": "Retrouvez le détail des échanges, les contacts utiles et les prochaines étapes dans cet article.",
    "communique": "Cités Unies France appelle l’ensemble des collectivités à se mobiliser et à relayer ce message.",
    "appel": "Les dossiers sont à adresser avant la date limite indiquée ; l’équipe répond à vos questions.",
    "publication": "Le document est téléchargeable gratuitement et peut être diffusé librement auprès des élus.",
    "lettre": "Abonnez-vous pour recevoir chaque numéro et ne rien manquer de la vie du réseau.",
}

NEXT_STEPS = {
    "actualite": "Cités Unies France suivra ce dossier lors des prochaines réunions du groupe-pays ou du groupe "
    "thématique concerné ; le compte rendu sera envoyé aux collectivités participantes.",
    "communique": "Ce communiqué a été transmis aux ministères concernés et aux associations d’élus partenaires. "
    "Les collectivités peuvent le reprendre dans leurs propres supports.",
    "appel": "Un webinaire de présentation est proposé aux collectivités candidates ; l’équipe de Cités Unies "
    "France relit volontiers les projets avant leur dépôt.",
    "publication": "Le document peut être commandé en version imprimée pour vos instances ; une présentation en "
    "réunion d’élus est possible sur demande.",
    "lettre": "Les numéros précédents restent disponibles dans le centre de ressources. Pour proposer un sujet, "
    "écrivez à l’équipe communication.",
}

MORE_ARTICLES = ARTICLES_2024_2025 + ARTICLES_2023_2024
