"""`{% url %}` as Django writes it, with each answer remembered for the life of the process.

A report's page links every section three ways and every requirement to its sections: about a
hundred reversals a request, a quarter of the page's cost, always with the same answers. The same
view name, arguments and script prefix always reverse to the same path (URL patterns do not change
while the process runs), so the answer is kept. Installed as a template builtin in settings, so
it serves every template's `{% url %}`.
"""

import functools

from django import template
from django.template.defaulttags import URLNode, url
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.html import conditional_escape

from partners.years import ReportingYear

register = template.Library()
KEEPS_ITS_PATH = (str, int, ReportingYear)  # values that always give the same path


@functools.lru_cache(maxsize=8192)
def _reverse(view_name, args, kwargs, current_app, script_prefix):
    return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)


class MemoURLNode(URLNode):
    def render(self, context):
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = tuple(sorted((k, v.resolve(context)) for k, v in self.kwargs.items()))
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        path = ""
        try:
            if all(isinstance(value, KEEPS_ITS_PATH) for value in (*args, *(v for _, v in kwargs))):
                path = _reverse(view_name, args, kwargs, current_app, get_script_prefix())
            else:  # a model instance, say, whose path could change while it keeps its key
                path = reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = path
            return ""
        return conditional_escape(path) if context.autoescape else path


@register.tag("url")
def memo_url(parser, token):
    node = url(parser, token)
    return MemoURLNode(node.view_name, node.args, node.kwargs, node.asvar)
