"""One glossary of Danish terms (jordressource_plugin/i18n/GLOSSARY.md) applied everywhere: no
variant the glossary says to avoid appears in the Danish catalogue (labels, messages, output
titles and aliases, legends, the model), the Danish help, the data model's Danish names or the
Danish metadata; and the help names each algorithm by the name it has in that language."""
import configparser
import html
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "jordressource_plugin"
GLOSSARY = PLUGIN / "i18n" / "GLOSSARY.md"
CATALOGUE = PLUGIN / "i18n" / "jordressource_da.ts"
HELP = PLUGIN / "help"
# Danish inflections a variant may carry: gravearbejde-r, deponi-et, takst-er ...
ENDINGS = r"(?:e|er|erne|et|en|ene|ne|s|r|t|n)?"


def avoided_variants():
    """{variant: Danish term to use}, from the table's last column."""
    variants = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0].startswith(("English", "---")):
            continue
        for variant in filter(None, (v.strip() for v in cells[2].split(","))):
            variants[variant] = cells[1]
    return variants


def pattern(variant):
    return re.compile(r"(?<!\w)" + re.escape(variant) + ENDINGS + r"(?!\w)", re.IGNORECASE)


def prose(text):
    """Visible text without tags and code identifiers (``cost_dkk``, ``COST_DKK``)."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"\b\w*_\w*\b", " ", text)


def danish_catalogue():
    """[(where, Danish text)] of every finished translation."""
    found = []
    for context in ElementTree.parse(CATALOGUE).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            text = message.findtext("translation") or ""
            found.append((f"{name}: {message.findtext('source')[:50]}", text))
    return found


def danish_texts():
    from jordressource_plugin.core.project.datamodel import LAYERS, RECEIVER_KINDS

    texts = danish_catalogue()
    texts += [(f"help/da/{path.name}", prose(path.read_text(encoding="utf-8")))
              for path in sorted((HELP / "da").glob("*.html"))]
    for spec in LAYERS:
        texts.append((f"data model {spec.name}", spec.title_da))
        texts += [(f"data model {spec.name}.{field.name}", field.alias_da)
                  for field in spec.fields]
    texts += [(f"receiver kind {kind}", label.split(" (")[0])
              for kind, label in RECEIVER_KINDS.items()]
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(ROOT / "metadata.txt", encoding="utf-8")
    texts += [(f"metadata {key}", metadata["general"][key])
              for key in ("description[da]", "about[da]")]
    return texts


def test_the_glossary_lists_variants_to_avoid():
    variants = avoided_variants()
    assert {"gravearbejde", "deponi", "takst", "DKK", "løsfyldfaktor"} <= set(variants)


def test_no_danish_text_uses_a_variant_the_glossary_avoids():
    found = []
    for variant, term in avoided_variants().items():
        regex = pattern(variant)
        found += [f"{where}: '{regex.search(text).group(0)}' (use {term})"
                  for where, text in danish_texts() if regex.search(text)]
    assert not found, "\n".join(found)


def test_styles_carry_no_danish_variant_and_no_second_language():
    for path in sorted((ROOT / "styles").glob("*.qml")):
        labels = re.findall(r'label="([^"]+)"', path.read_text(encoding="utf-8"))
        for label in labels:
            assert " / " not in label, f"{path.name}: bilingual label {label}"
            for variant in avoided_variants():
                assert not pattern(variant).search(label), f"{path.name}: {label}"


def algorithm_names():
    """{algorithm id: (English display name, Danish display name)} of every algorithm."""
    from qgis.core import QgsApplication, QgsProcessingModelAlgorithm

    translations = {(context.findtext("name"), message.findtext("source")):
                    message.findtext("translation")
                    for context in ElementTree.parse(CATALOGUE).getroot().iter("context")
                    for message in context.iter("message")}
    from jordressource_plugin.i18n import source_language

    names = {}
    provider = QgsApplication.processingRegistry().providerById("jordressource")
    with source_language():
        for algorithm in provider.algorithms():
            english = algorithm.displayName()
            context = ("Models" if isinstance(algorithm, QgsProcessingModelAlgorithm)
                       else type(algorithm).__name__)
            names[algorithm.name()] = (english, translations.get((context, english)))
    return names


REFERENCE = re.compile(r'<i data-algorithm="(\w+)">([^<]*)</i>')


@pytest.mark.parametrize("language", ["en", "da"])
def test_help_names_each_algorithm_by_its_display_name(plugin, language):
    names = algorithm_names()
    wrong = []
    for path in sorted((HELP / language).glob("*.html")):
        text = path.read_text(encoding="utf-8")
        for algorithm_id, shown in REFERENCE.findall(text):
            assert algorithm_id in names, f"{path.name}: no algorithm {algorithm_id}"
            expected = names[algorithm_id][0 if language == "en" else 1]
            if shown != expected:
                wrong.append(f"{language}/{path.name}: '{shown}' for {algorithm_id}, which is "
                             f"called '{expected}'")
        # An algorithm named in italics without the marker is a reference the test cannot check.
        for italic in re.findall(r"<i>([^<]*)</i>", text):
            for algorithm_id, (english, danish) in names.items():
                if italic in (english, danish):
                    wrong.append(f"{language}/{path.name}: mark '{italic}' as "
                                 f'<i data-algorithm="{algorithm_id}">')
    assert not wrong, "\n".join(wrong)


def test_danish_help_names_the_algorithms_the_english_help_names(plugin):
    for path in sorted((HELP / "en").glob("*.html")):
        danish = HELP / "da" / path.name
        if not danish.exists():
            continue
        english_ids = sorted(set(REFERENCE.findall(path.read_text(encoding="utf-8"))), key=str)
        danish_ids = sorted(set(REFERENCE.findall(danish.read_text(encoding="utf-8"))), key=str)
        assert [i for i, _ in english_ids] == [i for i, _ in danish_ids], path.name
