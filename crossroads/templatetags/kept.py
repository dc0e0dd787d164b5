"""``{% kept request.kept_form %}...{% endkept %}``: Django's own ``{% cache %}`` in the "pages"
cache, keyed by crossroads.kept.content_key, drawn afresh when there is no key (see that
module)."""

from django import template
from django.templatetags.cache import CacheNode

from crossroads.kept import KEPT_SECONDS

register = template.Library()


class KeptNode(CacheNode):
    def render(self, context):
        if not self.vary_on[0].resolve(context):
            return self.nodelist.render(context)
        return super().render(context)


@register.tag
def kept(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% kept %} takes one key.")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(
        nodelist,
        parser.compile_filter(str(KEPT_SECONDS)),
        "kept",
        [parser.compile_filter(bits[1])],
        parser.compile_filter('"pages"'),
    )
