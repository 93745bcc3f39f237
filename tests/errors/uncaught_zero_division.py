# ZeroDivisionError raised by an operator inside nested calls and a method.
class Stats:
    def __init__(self, values):
        self.values = values

    def mean(self):
        return sum(self.values) / len(self.values)


def report(values):
    s = Stats(values)
    return "mean=%s" % s.mean()


print(report([1, 2, 3]))
print(report([]))
