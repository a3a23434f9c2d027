"""The mapping file (TOML): which SPIP sections become what, which keyword groups are countries and themes."""

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAPPING = Path(__file__).with_name("default_mapping.toml")
TARGETS = {"news", "agenda", "resources", "page", "skip"}


class MappingError(ValueError):
    pass


@dataclass(frozen=True)
class SectionRule:
    target: str
    kind: str = ""
    reason: str = ""


class Mapping:
    def __init__(self, data, source="default"):
        self.source = source
        self.language = data.get("language", "fr")
        self.spip_page_size = int(data.get("spip_page_size", 10))
        self.rules = {}
        for rule in data.get("sections", []):
            if "id" not in rule or rule.get("target") not in TARGETS:
                raise MappingError(
                    f"Section mal décrite dans {source} : {rule!r} (il faut id et target parmi {TARGETS})"
                )
            self.rules[int(rule["id"])] = SectionRule(rule["target"], rule.get("kind", ""), rule.get("reason", ""))
        keywords = data.get("keywords", {})
        self.country_groups = set(keywords.get("countries", []))
        self.theme_groups = set(keywords.get("themes", []))
        self.regions = dict(data.get("regions", {}))
        self.default_region = self.regions.pop("default", "afrique")
        self.fingerprint = hashlib.sha1(repr(sorted(data.items())).encode(), usedforsecurity=False).hexdigest()[:8]

    @classmethod
    def load(cls, path=None):
        path = Path(path) if path else DEFAULT_MAPPING
        with path.open("rb") as handle:
            try:
                return cls(tomllib.load(handle), source=str(path))
            except tomllib.TOMLDecodeError as error:
                raise MappingError(f"{path} : {error}") from error

    def rule_for(self, id_rubrique, parents):
        """The rule of a section: its own, else its closest listed ancestor's; a top-level default is a page.

        Returns (rule, id of the section the rule comes from)."""
        current = id_rubrique
        seen = set()
        while current and current not in seen:
            seen.add(current)
            if current in self.rules:
                return self.rules[current], current
            parent = parents.get(current, 0)
            if not parent:
                return SectionRule("page"), current
            current = parent
        return SectionRule("skip", reason="rubrique inconnue"), id_rubrique

    def term_kind(self, group_title):
        if group_title in self.country_groups:
            return "country"
        if group_title in self.theme_groups:
            return "theme"
        return None
