x = 1
class C(metaclass=type):
    pass
