# enum.py: the `enum` module for stmjit: Enum, IntEnum, StrEnum, auto and unique. EnumType
# (the metaclass) turns the plain class attributes of an Enum subclass into singleton
# members in definition order, and gives the class lookup by value (Color(1)) and by name
# (Color['RED']), iteration, len and containment.

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "ReprEnum", "auto", "unique"]

_auto_null = object()
_function_type = type(lambda: 0)


class auto:
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == "__" and name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == "_" and name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_descriptor(obj):
    if isinstance(obj, (_function_type, property, classmethod, staticmethod)):
        return True
    t = type(obj)
    return hasattr(t, "__get__") or hasattr(t, "__set__") or hasattr(t, "__delete__")


class _EnumAttr:
    # Read-only .name / .value of members; CPython's message when someone assigns to them.
    def __init__(self, attr, public):
        self.attr = attr
        self.public = public

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__[self.attr]

    def __set__(self, obj, value):
        raise AttributeError("<enum 'Enum'> cannot set attribute %r" % self.public)

    def __delete__(self, obj):
        raise AttributeError("<enum 'Enum'> cannot delete attribute %r" % self.public)


class EnumType(type):
    def __new__(metacls, cls, bases, classdict, **kwds):
        for base in bases:
            if isinstance(base, EnumType) and base.__dict__.get("_member_names_"):
                raise TypeError("<enum %r> cannot extend %r" % (cls, base))
        member_type = _find_data_type(bases)
        ignore = classdict.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        members = []
        ns = {}
        for key, value in classdict.items():
            if key in ignore or key == "_ignore_":
                continue
            if _is_dunder(key) or _is_sunder(key) or _is_descriptor(value):
                ns[key] = value
            else:
                for k, _ in members:
                    if k == key:
                        raise TypeError("%r already defined as %r" % (key, classdict[key]))
                members.append((key, value))
        custom_new = ns.get("__new__")
        if custom_new is not None:
            # The class's __new__ builds members; lookups by value go through EnumType.__call__.
            ns["_new_member_"] = custom_new
            del ns["__new__"]
        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        enum_class._member_names_ = []
        enum_class._member_map_ = {}
        enum_class._value2member_map_ = {}
        enum_class._unhashable_values_ = []
        enum_class._member_type_ = member_type
        if member_type is not object and "Enum" in globals():
            # The data type (int, str...) comes before Enum in the MRO; keep Enum's methods.
            for meth in ("__repr__", "__str__", "__format__"):
                if meth not in ns and _defined_by_builtin(enum_class, meth):
                    setattr(enum_class, meth, Enum.__dict__[meth])
        if member_type is not object and _has_base(enum_class, "ReprEnum"):
            if "__str__" not in ns:
                enum_class.__str__ = _data_str(member_type)
            if "__format__" not in ns:
                enum_class.__format__ = _data_format(member_type)
        new_member = getattr(enum_class, "_new_member_", None)
        last_values = []
        for name, value in members:
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = enum_class._generate_next_value_(
                        name, 1, len(enum_class._member_names_), last_values[:])
                value = value.value
            args = value if isinstance(value, tuple) else (value,)
            if member_type is tuple:
                args = (args,)
            if new_member is not None:
                member = new_member(enum_class, *args)
                if "_value_" not in member.__dict__:
                    member._value_ = value if member_type is object else member_type(*args)
            elif member_type is object:
                member = object.__new__(enum_class)
                member._value_ = value
            else:
                member = member_type.__new__(enum_class, *args)
                member._value_ = member_type(*args)
            value = member._value_
            member._name_ = name
            member.__objclass__ = enum_class
            member.__init__(*args)
            canonical = None
            for other in enum_class._member_map_.values():
                if other._value_ == value:
                    canonical = other
                    break
            if canonical is not None:
                member = canonical
            else:
                enum_class._member_names_.append(name)
            setattr(enum_class, name, member)
            enum_class._member_map_[name] = member
            try:
                enum_class._value2member_map_.setdefault(value, member)
            except TypeError:
                enum_class._unhashable_values_.append(value)
            last_values.append(value)
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is not None:
            return cls._create_(value, names, module=module, qualname=qualname, type=type,
                                start=start)
        if isinstance(value, cls) and value.__class__ is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                        % (cls.__name__, result))

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            items = []
            last_values = []
            for count in range(len(names)):
                v = cls._generate_next_value_(names[count], start, count, last_values[:])
                last_values.append(v)
                items.append((names[count], v))
            names = items
        if isinstance(names, dict):
            names = list(names.items())
        for name, value in names:
            classdict[name] = value
        enum_class = EnumType.__new__(EnumType, class_name, bases, classdict)
        enum_class.__module__ = "__main__" if module is None else module
        if qualname is not None:
            enum_class.__qualname__ = qualname
        return enum_class

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, type(cls).__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("cannot reassign member %r" % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("%r cannot delete member %r." % (cls, name))
        super().__delattr__(name)


EnumMeta = EnumType


def _data_str(member_type):
    # ReprEnum members print like their data type (IntEnum: '1', StrEnum: the string).
    conv = member_type.__repr__ if member_type is int else member_type.__str__

    def __str__(self):
        return conv(self)
    return __str__


def _data_format(member_type):
    conv = member_type.__format__

    def __format__(self, format_spec):
        return conv(self, format_spec)
    return __format__


def _defined_by_builtin(cls, name):
    for b in cls.__mro__:
        if name in b.__dict__:
            return b.__module__ == "builtins"
    return False


def _has_base(cls, name):
    for b in cls.__mro__:
        if b.__name__ == name and b.__module__ == __name__:
            return True
    return False


def _find_data_type(bases):
    # The first non-Enum base class with its own instance layout (int, str, float, a user
    # data class...) is the member type; plain Enums store members as objects.
    for base in bases:
        for b in base.__mro__:
            if b is object:
                continue
            if isinstance(b, EnumType):
                mt = b.__dict__.get("_member_type_")
                if mt is not None and mt is not object:
                    return mt
                continue
            return b
    return object


class Enum(metaclass=EnumType):
    name = _EnumAttr("_name_", "name")
    value = _EnumAttr("_value_", "value")

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"]


class ReprEnum(Enum):
    pass


class IntEnum(int, ReprEnum):
    pass


class StrEnum(str, ReprEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def unique(enumeration):
    duplicates = []
    for name, member in enumeration._member_map_.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        alias_details = ", ".join(["%s -> %s" % (alias, name) for alias, name in duplicates])
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration
