"""Reading inputs and cleaning their text."""
