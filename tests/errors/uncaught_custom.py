# A user-defined exception escaping the program.
class ConfigError(Exception):
    pass


def load(key):
    raise ConfigError("missing key: " + key)


load("port")
