"""vgraf: a knowledge graph with semantic search over Stockholm's VP/VB documents."""

__version__ = "0.1.0"
