"""The vgraf ontology, SHACL shapes and SKOS themes, as Turtle files shipped with the package."""

from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_FILE = ONTOLOGY_DIR / "vgraf.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
THEMES_FILE = ONTOLOGY_DIR / "themes.ttl"
