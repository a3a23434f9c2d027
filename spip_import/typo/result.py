"""What a conversion produces and what it needs from the importer."""

from dataclasses import dataclass, field


@dataclass
class Conversion:
    """Stream blocks (block type, value) plus what the report must list."""

    blocks: list = field(default_factory=list)
    unknown: list = field(default_factory=list)  # markup kept as text
    dangling: list = field(default_factory=list)  # links and models that point nowhere
    missing: list = field(default_factory=list)  # documents whose file is not there
    notes: list = field(default_factory=list)  # converted as HTML, appended at the end
    pending: bool = False  # a link points to an object not imported yet: convert again at the end

    def paragraphs_html(self):
        return "".join(value for kind, value in self.blocks if kind == "paragraph")


class Resolver:
    """Tells the converter where SPIP objects went. The importer subclasses it; the default knows nothing.

    Each method returns None when the object is unknown (the link is reported as dangling).
    link(kind, id) → ("page", page_id, title) | ("document", document_id, title) | ("url", url, title)
                     | ("pending", old_url, title) when the object exists in SPIP but is imported later.
    document(id) → {"kind": "image", "image": id, "caption", "credit"} | {"kind": "document", "document": id,
                   "label"} | {"kind": "embed", "url", "title"} | {"kind": "missing", "name"}.
    """

    def link(self, kind, spip_id):
        return None

    def document(self, spip_id):
        return None
