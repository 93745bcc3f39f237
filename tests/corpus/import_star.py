from math import *
print(floor(2.5), round(pi, 3), sqrt(16))
import math as m
print(m.floor(3.7))
