# Classes: attributes, methods, inheritance, super() in both forms, class attributes set
# later, bound methods as values, type()/__class__/isinstance/issubclass.
class Animal:
    kingdom = "animalia"
    count = 0

    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1

    def speak(self):
        return "%s says %s" % (self.name, self.sound)

    def kind(self):
        return "animal"

    def describe(self):
        return "%s is a %s (%s)" % (self.name, self.kind(), type(self).__name__)


class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []

    def kind(self):
        return "dog"

    def add_trick(self, trick):
        self.tricks.append(trick)
        return self


class Puppy(Dog):
    def __init__(self, name):
        super(Puppy, self).__init__(name)
        self.sound = "yip"

    def kind(self):
        return "young " + super().kind()


a = Animal("generic")
d = Dog("rex")
p = Puppy("bit")
d.add_trick("sit").add_trick("roll")
print(a.speak(), d.speak(), p.speak(), sep=" / ")
print(a.describe(), d.describe(), p.describe(), sep=" / ")
print(d.tricks, p.tricks, Animal.count, p.count, Dog.kingdom, p.kingdom)
print(type(p).__name__, p.__class__.__name__, p.__class__ is Puppy, type(p) is Dog, type(a) == Animal)
print(isinstance(p, Animal), isinstance(a, Dog), isinstance(p, (int, Dog)), issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog))
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__[0].__name__, Animal.__name__)
Animal.legs = 4
p.legs = 3
print(a.legs, d.legs, p.legs, hasattr(a, "legs"), hasattr(a, "wings"), getattr(a, "wings", "none"))
setattr(a, "wings", 0)
print(a.wings, getattr(a, "name"))
method = d.speak
print(method(), method.__name__, Dog.speak(p), Animal.kind(d))
speakers = [x.speak for x in (a, d, p)]
print([s() for s in speakers])


class Counter:
    instances = []

    def __init__(self):
        self.value = 0
        Counter.instances.append(self)

    def incr(self, by=1):
        self.value += by
        return self.value


c1, c2 = Counter(), Counter()
c1.incr()
c1.incr(5)
c2.incr()
print(c1.value, c2.value, len(Counter.instances), Counter.instances[0] is c1)


class Base1:
    def who(self):
        return "Base1"


class Base2:
    def who(self):
        return "Base2"

    def only2(self):
        return "only in Base2"


class Both(Base1, Base2):
    pass


class Diamond(Both):
    def who(self):
        return "Diamond>" + super().who()


print(Both().who(), Both().only2(), Diamond().who(), [k.__name__ for k in Diamond.__mro__])


class Empty:
    pass


e = Empty()
e.x = 1
e.y = [e.x]
del e.x
print(hasattr(e, "x"), e.y, isinstance(e, object), type(Empty).__name__, type(type).__name__)
try:
    e.missing
except AttributeError as err:
    print("AttributeError", err)
try:
    Empty.nothing
except AttributeError as err:
    print("AttributeError", err)
try:
    Empty(1)
except TypeError as err:
    print("TypeError", err)
