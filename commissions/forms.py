"""Admin forms of the commissions app."""

from wagtail.admin.forms import WagtailAdminModelForm

CONSENT_REQUIRED_MESSAGE = (
    "Indiquez la date du consentement de la personne qui parle : un témoignage ne peut pas être publié sans elle. "
    "Vous pouvez enregistrer un brouillon en attendant."
)


class TestimonialForm(WagtailAdminModelForm):
    """The consent date is required to publish; saving a draft defers it (Wagtail's deferred validation)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("consent_date")
        if field is not None:
            field.required = True
            field.error_messages["required"] = CONSENT_REQUIRED_MESSAGE
