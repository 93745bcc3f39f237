# An uncaught exception several frames deep: the traceback lists every frame.
def parse(text):
    return int(text)


def total(items):
    result = 0
    for item in items:
        result += parse(item)
    return result


def main():
    print("summing")
    print(total(["1", "2", "three"]))


main()
