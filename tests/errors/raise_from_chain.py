# Explicit chaining: `raise ... from e` prints both tracebacks joined by the cause message.
class StorageError(Exception):
    pass


def read_setting(settings, name):
    try:
        return settings[name]
    except KeyError as e:
        raise StorageError("setting %r is missing" % name) from e


read_setting({"a": 1}, "b")
