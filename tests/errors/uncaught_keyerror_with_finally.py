# finally blocks run and print before the traceback of an uncaught KeyError.
def lookup(table, key):
    try:
        return table[key]
    finally:
        print("lookup of", key, "finished")


print(lookup({"a": 1}, "a"))
print(lookup({"a": 1}, "b"))
