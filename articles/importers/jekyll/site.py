"""The site's _config.yml: section labels in both languages and the site's own URLs."""

from dataclasses import dataclass, field

import yaml

from . import frontmatter as fm
from .errors import PostError, SiteError
from .limits import load_yaml, read_capped


@dataclass
class SiteConfig:
    labels: dict = field(default_factory=dict)  # language code -> {label key: text}
    base_urls: tuple = ()

    def section_name(self, category, language):
        """The `label_<category>` label in `language`, or '' when the site has none."""
        key = "label_" + category.replace("-", "_")
        return (self.labels.get(language, {}).get(key) or "").strip()


def load_config(site_dir):
    path = site_dir / "_config.yml"
    if not path.is_file():
        return SiteConfig()
    try:
        data = load_yaml(read_capped(path, path).decode("utf-8"))
    except PostError as error:
        raise SiteError(str(error)) from error
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise SiteError(f"{path} is not readable YAML: {error}") from error
    data = data if isinstance(data, dict) else {}
    info = data.get("site_info__object") or {}
    labels = {}
    for folder, code in fm.LANGUAGES.items():
        dictionary = (info.get(folder) or {}).get("dictionary") or {}
        labels[code] = {k: v for k, v in dictionary.items() if isinstance(v, str)}
    bases = tuple(
        data[key].rstrip("/")
        for key in ("url_base", "canonical_url_base", "url")
        if isinstance(data.get(key), str) and data[key].startswith("http")
    )
    return SiteConfig(labels=labels, base_urls=bases)
