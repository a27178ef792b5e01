"""The demo framework: idempotent building blocks for `manage.py load_demo_content`.

The command runs each module listed in the DEMO_STEPS setting, in order: each app's `demo.load(ctx)`.
The first step (home.demo) creates the home page and the default Site and sets `ctx.home` and
`ctx.site` for the others. Each helper finds what it is asked for by a natural key (a slug under a
parent, an image title, a username) and creates it only when missing, so running the command
twice changes nothing.
"""

import io
import uuid
from dataclasses import dataclass, field

from django.core.files.images import ImageFile
from django.core.management.base import OutputWrapper
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from .blocks import LinkBlock

DEMO_NAMESPACE = uuid.UUID("6f1b0f0e-5e8a-4f2b-9a53-0a4e3c1d7a10")


@dataclass
class DemoContext:
    stdout: OutputWrapper
    site: Site | None = None
    home: Page | None = None
    created: list[str] = field(default_factory=list)

    def log(self, message: str) -> None:
        self.created.append(message)
        self.stdout.write(f"  + {message}")


def block_id(*parts: str) -> str:
    """A stable block id, so that demo StreamField content is identical from one run to the next."""
    return str(uuid.uuid5(DEMO_NAMESPACE, "/".join(parts)))


def stream(key: str, blocks: list[tuple[str, object]]) -> list[dict]:
    """Raw StreamField data with deterministic ids: [("heading", {...}), ("paragraph", "<p>…</p>")]."""
    return [
        {"type": block_type, "value": value, "id": block_id(key, str(index))}
        for index, (block_type, value) in enumerate(blocks)
    ]


def ensure_page(ctx: DemoContext, parent: Page, model: type[Page], slug: str, **fields) -> Page:
    """Return the child of `parent` with this slug, creating and publishing it when missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    ctx.log(f"page « {page.title} » ({model._meta.verbose_name})")
    return page


def ensure_image(ctx: DemoContext, title: str, alt: str, credit: str = "", *, text: str = "", size=(1600, 1000)):
    """A generated yellow-and-black picture stored through the default storage, found by title."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PILImage.new("RGB", size, (255, 255, 0))
    draw = ImageDraw.Draw(picture)
    width, height = size
    for offset in range(-height, width, 160):
        draw.polygon(
            [(offset, height), (offset + 60, height), (offset + 60 + height, 0), (offset + height, 0)], fill=(0, 0, 0)
        )
    draw.rectangle([width * 0.08, height * 0.62, width * 0.92, height * 0.88], fill=(0, 0, 0))
    if text:
        font = ImageFont.load_default(size=int(height * 0.09))
        draw.text((width * 0.11, height * 0.66), text, fill=(255, 255, 0), font=font)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    slug = "".join(char if char.isalnum() else "-" for char in title.lower()).strip("-")
    image = image_model(title=title, description=alt, credit=credit)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"{slug}.jpg")
    image.save()
    ctx.log(f"image « {title} »")
    return image


def link_value(page: Page | None = None, url: str = "", label: str = "") -> dict:
    return {"label": label, "page": page.pk if page is not None else None, "external_url": url}


def ensure_menu_link(ctx: DemoContext, field_name: str, page: Page, label: str = "") -> None:
    """Append a link to `page` in a NavigationSettings link field unless one already points at it."""
    from .models import NavigationSettings

    settings = NavigationSettings.for_site(ctx.site)
    links = getattr(settings, field_name)
    if any(block.value["page"] is not None and block.value["page"].pk == page.pk for block in links):
        return
    raw = list(links.raw_data)
    raw.append(
        {
            "type": "link",
            "value": LinkBlock().get_prep_value(LinkBlock().to_python(link_value(page, label=label))),
            "id": block_id(field_name, str(page.pk)),
        }
    )
    setattr(settings, field_name, raw)
    settings.save()
    ctx.log(f"lien « {label or page.title} » dans {settings._meta.get_field(field_name).verbose_name}")
