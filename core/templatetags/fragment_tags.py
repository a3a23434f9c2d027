"""{% until_purge "name" part… %}…{% enduntil_purge %}: a part of a page rendered once per purge.

For parts that are the same for every visitor of a URL and that only a publish (or an admin edit of a
snippet, an image, a setting) changes: a homepage section, a listing's results, a page's body. The
first request after a purge renders them; every other request until the next purge, whether the page
cache missed (a visitor with a session, an editor, a variant the page cache does not keep) or is
off, reads them back (pagecache.fragments.reused_until_purge_or_time). The key is the site, the name, the
URL (path and normalised query string) and the parts given.

What depends on the time (an agenda's upcoming events, a call's status) says until when it holds:
`fresh_until=<a datetime or None>`, read after rendering (e.g. the end of the first event shown);
from then on the part is rendered again. Never for what depends on the visitor (a form with its CSRF
token, a greeting) or on anything a purge does not follow. A preview always renders.
"""

import datetime

from django import template
from wagtail.models import Site

from pagecache.fragments import reused_until_purge_or_time, url_parts

register = template.Library()


def can_reuse(request):
    return request is not None and hasattr(request, "META") and not getattr(request, "is_preview", False)


class UntilPurgeNode(template.Node):
    def __init__(self, nodelist, name, parts, fresh_until):
        self.nodelist, self.name, self.parts, self.fresh_until = nodelist, name, parts, fresh_until

    def render(self, context):
        request = context.get("request")
        if not can_reuse(request):
            return self.nodelist.render(context)

        def render():
            html = self.nodelist.render(context)
            fresh_until = self.fresh_until.resolve(context) if self.fresh_until is not None else None
            return html, fresh_until if isinstance(fresh_until, datetime.datetime) else None

        site = Site.find_for_request(request)
        parts = (getattr(site, "pk", None), url_parts(request), *(part.resolve(context) for part in self.parts))
        return reused_until_purge_or_time(f"until-purge:{self.name}", parts, render)


@register.tag
def until_purge(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f'{bits[0]} takes a quoted name first: {{% {bits[0]} "name" part… %}}')
    fresh_until = None
    if bits[-1].startswith("fresh_until="):
        fresh_until = parser.compile_filter(bits.pop().removeprefix("fresh_until="))
    nodelist = parser.parse(("enduntil_purge",))
    parser.delete_first_token()
    parts = [parser.compile_filter(bit) for bit in bits[2:]]
    return UntilPurgeNode(nodelist, bits[1][1:-1], parts, fresh_until)
