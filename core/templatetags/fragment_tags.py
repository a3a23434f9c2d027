"""{% until_purge "name" part… %}…{% enduntil_purge %}: a part of a page rendered once per purge.

For parts that are the same for every visitor and that only a publish (or an admin edit of a snippet,
an image, a setting) changes: a homepage section, a listing's results, a page's body. The first
request after a purge renders them; every other request until the next purge, whether the page cache
missed (a visitor with a session, an editor, a variant the page cache does not keep) or is off, reads
them back (pagecache.fragments.reused_until_purge_or_time). The key is the site, the name and the
parts given: they must name every input of the part, and only bounded ones (a page's pk, a page
number, a valid filter), never text a visitor typed, which would let anyone fill the cache. A part
that is None (a filter with an invalid value) means: render every time.

What depends on the time (an agenda's upcoming events, a call's status) says until when it holds:
`fresh_until=<a datetime or None>`, read after rendering (e.g. the end of the first event shown);
from then on the part is rendered again. Never for what depends on the visitor (a form with its CSRF
token, a greeting) or on anything a purge does not follow. A preview always renders.
"""

import datetime

from django import template
from wagtail.models import Site

from pagecache.fragments import reused_until_purge_or_time

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

        parts = [part.resolve(context) for part in self.parts]
        if any(part is None for part in parts):
            return self.nodelist.render(context)
        site = Site.find_for_request(request)
        return reused_until_purge_or_time(f"until-purge:{self.name}", (getattr(site, "pk", None), *parts), render)


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
