"""What can go wrong with a database file, in words the user can act on."""


class StoreError(Exception):
    """A problem with the database file that the user's environment caused, not a bug."""


class NotAPlannerDatabase(StoreError):
    pass


class NewerDatabase(StoreError):
    pass


class DatabaseBusy(StoreError):
    pass


class DatabaseUnavailable(StoreError):
    pass


class Conflict(StoreError):
    """A change refused because it clashes with what is already stored."""


class StaleEdit(Conflict):
    """An edit made to what someone else has changed since it was read: refused, not merged."""


class NotAllowed(StoreError):
    """A change the court server refused to this login: the sentence names the rule (a legal
    assistant changes only their assigned judges' dockets, an administrator none)."""
