"""One base error for everything kg reports to a user; each message says what to do."""


class KGError(Exception):
    """A problem the user can fix; the CLI prints it in red and exits 1."""


class ConfigError(KGError):
    """A setting is missing or wrong."""


class ServerError(KGError):
    """The managed Neo4j server cannot be installed, started or reached."""


class ModelError(KGError):
    """The spaCy model cannot be loaded."""


class InputError(KGError):
    """An input file cannot be read or parsed."""


class QueryError(KGError):
    """A canned or ad-hoc query is unknown, malformed or given wrong parameters."""
