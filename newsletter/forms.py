"""The issue page's admin form."""

from wagtail.admin.forms import WagtailAdminPageForm

PUBLISH_ACTIONS = ("action-publish", "action-submit")
MISSING_PDF = "Joignez le PDF du numéro avant de le publier ou de le soumettre à validation."


class NQIIssuePageForm(WagtailAdminPageForm):
    """An issue may be saved as a draft without its PDF, but never published or submitted without."""

    def clean(self):
        cleaned_data = super().clean()
        publishing = any(action in self.data for action in PUBLISH_ACTIONS)
        if publishing and not cleaned_data.get("pdf"):
            self.add_error("pdf", MISSING_PDF)
        return cleaned_data
