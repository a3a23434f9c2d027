"""Security headers: a strict Content-Security-Policy on public pages, a looser one under /admin/.

django-csp builds the header from settings.CONTENT_SECURITY_POLICY; this subclass swaps in
settings.CSP_ADMIN_DIRECTIVES for the Wagtail admin (which still needs inline scripts and styles),
and adds the Permissions-Policy header that Django does not set itself. It runs inside the page cache:
cached pages replay the headers they were rendered with (purge the page cache when a deploy changes them).
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and self.is_admin(request):
            parts.config = settings.CSP_ADMIN_DIRECTIVES
        return parts

    @staticmethod
    def is_admin(request):
        return request.path_info.startswith(settings.CSP_ADMIN_PATH_PREFIX)

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if getattr(settings, "PERMISSIONS_POLICY", "") and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response
