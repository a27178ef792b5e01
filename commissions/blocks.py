"""StreamField blocks of the commissions app: the FAQ and the testimonials.

Both can be placed on any page: `TestimonialBlock` renders only published testimonials whose
consent date was recorded, whatever the editor chose.
"""

from django.apps import apps
from django.utils.text import slugify
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.rich_text import RICH_TEXT_FEATURES
from newsletter.blocks import NQIStreamBlock


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="Question", max_length=250)
    answer = blocks.RichTextBlock(label="Réponse", features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = "Question et réponse"


class FAQBlock(blocks.StructBlock):
    """Questions as real headings (h3 under the FAQ's h2, or h2 without one) and rich-text answers."""

    heading = blocks.CharBlock(
        label="Titre de la foire aux questions",
        required=False,
        max_length=200,
        help_text="Par exemple « Questions fréquentes ». Laissez vide : chaque question devient alors un titre de section.",
    )
    items = blocks.ListBlock(FAQItemBlock(), label="Questions", min_num=1)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["anchor"] = f"faq-{slugify(value['heading'])}" if value["heading"] else ""
        context["question_tag"] = "h3" if value["heading"] else "h2"
        return context

    class Meta:
        icon = "help"
        label = "Questions fréquentes"
        template = "components/faq_block.html"


class TestimonialBlock(blocks.StructBlock):
    """One or several testimonials chosen among the snippets; unpublished or unconsented ones drop out."""

    heading = blocks.CharBlock(label="Titre", required=False, max_length=200)
    testimonials = blocks.ListBlock(
        SnippetChooserBlock("commissions.Testimonial", label="Témoignage"),
        label="Témoignages",
        min_num=1,
        help_text="Seuls les témoignages publiés et dont la date de consentement est renseignée s'affichent.",
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        testimonial_model = apps.get_model("commissions", "Testimonial")
        ids = [item.pk for item in value["testimonials"] if item is not None]
        # One query whatever the number of testimonials; the dossier comes along in the same join.
        by_id = testimonial_model.objects.shown().select_related("dossier").in_bulk(ids)
        testimonials = [by_id[pk] for pk in ids if pk in by_id]
        context["testimonials"] = testimonials
        context["heading_id"] = f"temoignages-{slugify(value['heading'])}" if value["heading"] else ""
        # Links to public dossiers point into the register: one query, only when needed.
        if any(t.dossier is not None and t.dossier.is_public for t in testimonials):
            register_model = apps.get_model("commissions", "DossierRegisterPage")
            request = (parent_context or {}).get("request")
            register = register_model.find_for_links()
            for testimonial in testimonials:
                dossier = testimonial.dossier
                testimonial.dossier_url = (
                    register.dossier_url(dossier, request) if register and dossier and dossier.is_public else ""
                )
        return context

    class Meta:
        icon = "openquote"
        label = "Témoignages"
        template = "components/testimonial_block.html"


class CommissionStreamBlock(NQIStreamBlock):
    """The shared blocks (with « Dernières NQI ») plus the FAQ and the testimonials."""

    faq = FAQBlock()
    testimonials = TestimonialBlock()
