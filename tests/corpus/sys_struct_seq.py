# sys: struct sequences (version_info, float_info, implementation) and constants.
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info.releaselevel, sys.version_info >= (3, 8))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info)
print(sys.maxunicode, sys.getdefaultencoding(), type(sys.implementation.name).__name__, sys.maxsize)
major, minor, *_ = sys.version_info
print(major, minor, len(sys.version_info), isinstance(sys.version_info, tuple))
