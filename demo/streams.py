"""Turn the compact body descriptions of demo.data into StreamField raw data.

Descriptions are tuples:
("p", html) · ("h", text[, level]) · ("quote", text, author, role) · ("img", image_key, caption) ·
("cta", title, text, button_label, url) · ("doc", document_key, label).
"""


def body_raw(spec, images, documents, default_credit=""):
    """Raw JSON-ish list ({"type", "value"}) for a BodyStreamBlock; images/documents map keys to objects."""
    raw = []
    for item in spec:
        tag, args = item[0], item[1:]
        if tag == "p":
            raw.append({"type": "paragraph", "value": args[0]})
        elif tag == "h":
            level = args[1] if len(args) > 1 else "h2"
            raw.append({"type": "heading", "value": {"text": args[0], "level": level}})
        elif tag == "quote":
            quote, author, role = args
            raw.append({"type": "quote", "value": {"quote": quote, "author": author, "role": role}})
        elif tag == "img":
            key, caption = args
            image = images[key]
            raw.append(
                {
                    "type": "image",
                    "value": {"image": image.pk, "caption": caption, "credit": image.credit or default_credit},
                }
            )
        elif tag == "cta":
            title, text, label, url = args
            raw.append(
                {
                    "type": "call_to_action",
                    "value": {"title": title, "text": text, "button_label": label, "page": None, "url": url},
                }
            )
        elif tag == "doc":
            key, label = args
            raw.append({"type": "document", "value": {"document": documents[key].pk, "label": label}})
        else:
            raise ValueError(f"Bloc de démonstration inconnu : {tag}")
    return raw


def comparable(stream_field, value):
    """A stream value (raw list or StreamValue) in a form that ignores block ids, to detect changes."""
    block = stream_field.stream_block
    prepared = block.get_prep_value(block.to_python(value) if isinstance(value, list) else value)
    return [(child["type"], child["value"]) for child in prepared]
