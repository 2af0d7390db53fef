"""kg: knowledge graphs of cyber-attack news in Neo4j, every relation backed by its evidence."""

__version__ = "0.1.0"

# Bumped whenever extraction output changes for the same input; stored on each Article node.
EXTRACTOR_VERSION = "0.3.3"

# Version of the `kg extract --format json` shape (see README, "The JSON shape").
JSON_SCHEMA_VERSION = 2
