print(__debug__)
try:
    complex(1, 2)
except NotImplementedError as e:
    print("NotImplementedError:", e)
x = bytearray(3)
