# struct.error escapes: its traceback names the exception as module.class.
import struct

data = struct.pack("<hh", 1, 2)
print(struct.unpack("<hh", data))
print(struct.pack("b", 300))
