"""The error every model check raises: a message a judge or clerk can act on."""


class InvalidValue(ValueError):
    """A value the model refuses; the message quotes it and says what was expected."""
