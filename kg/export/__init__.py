"""Moving the graph out of Neo4j: the `kg extract` JSON shape (json.py) and STIX 2.1 bundles (stix.py)."""
