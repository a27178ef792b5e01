"""PDF checks and processing for the site's documents: validation on upload, text and cover extraction.

pypdf (BSD) reads and validates; pypdfium2 (Apache/BSD) renders the cover. Both stay out of the
request for the heavy work: the upload form only opens the file and counts its pages, the text and
the cover come from the background task (core.tasks).
"""

import io
import logging
import re

logger = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
# The PDF specification lets the header start anywhere in the first 1024 bytes.
HEADER_WINDOW = 1024
MAX_PAGES = 500
COVER_WIDTH = 600

EMPTY_FILE = "Le fichier est vide (0 octet). Choisissez le PDF du numéro."
NOT_A_PDF = (
    "Ce fichier n'est pas un PDF : son contenu ne commence pas par l'en-tête « %PDF- ». "
    "Renommer un fichier en .pdf ne suffit pas : exportez le document au format PDF."
)
ENCRYPTED = (
    "Ce PDF est protégé (chiffré ou par mot de passe) : le site ne peut ni l'indexer ni en afficher la "
    "couverture. Enregistrez une version sans protection puis déposez-la à nouveau."
)
BROKEN = (
    "Ce PDF est endommagé et ne peut pas être lu. Exportez-le à nouveau depuis votre logiciel puis "
    "déposez-le à nouveau."
)
TOO_MANY_PAGES = "Ce PDF compte %(count)s pages : la limite est de %(limit)s pages."


class PDFError(ValueError):
    """A file that is not an acceptable PDF; the message is written for editors, in French."""


def _read_all(fileobj) -> bytes:
    if hasattr(fileobj, "seek"):
        fileobj.seek(0)
    data = fileobj.read()
    if hasattr(fileobj, "seek"):
        fileobj.seek(0)
    return data


def inspect_pdf(fileobj) -> int:
    """Check that `fileobj` is a readable, unencrypted PDF; return its page count."""
    from pypdf import PdfReader

    data = _read_all(fileobj)
    if not data:
        raise PDFError(EMPTY_FILE)
    if PDF_MAGIC not in data[:HEADER_WINDOW]:
        raise PDFError(NOT_A_PDF)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise PDFError(ENCRYPTED)
        count = len(reader.pages)
        if count:
            reader.pages[0].extract_text()  # opens page 1's content streams: catches broken files early
    except PDFError:
        raise
    except Exception as error:  # pypdf raises many kinds of errors on damaged files
        logger.info("unreadable PDF: %r", error)
        raise PDFError(BROKEN) from error
    if count == 0:
        raise PDFError(BROKEN)
    if count > MAX_PAGES:
        raise PDFError(TOO_MANY_PAGES % {"count": count, "limit": MAX_PAGES})
    return count


def extract_text(data: bytes) -> tuple[str, int]:
    """The text of every page (pages separated by a blank line) and the page count."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    pages = []
    for page in reader.pages:
        text = page.extract_text() or ""
        pages.append(re.sub(r"[ \t]+", " ", text).strip())
    return "\n\n".join(part for part in pages if part), len(reader.pages)


def render_cover(data: bytes, width: int = COVER_WIDTH) -> bytes:
    """Page 1 rendered as a JPEG `width` pixels wide."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        page = document[0]
        bitmap = page.render(scale=width / page.get_width())
        picture = bitmap.to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()
