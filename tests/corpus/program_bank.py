# Bank simulation: inheritance chains, properties, class/static methods, custom exceptions,
# generators with try/finally, sorting with keys, string formatting, dict/set manipulation.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount:.2f}")
        self.account = account
        self.amount = amount

class Account:
    _next_id = 1000
    rate = 0.0
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self._balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    @property
    def balance(self):
        return round(self._balance, 2)
    @balance.setter
    def balance(self, v):
        if v < 0:
            raise ValueError("negative balance")
        self._balance = v
    def deposit(self, amt):
        self.balance = self._balance + amt
        self.history.append(("dep", amt))
        return self
    def withdraw(self, amt):
        if amt > self._balance:
            raise InsufficientFunds(self, amt)
        self.balance = self._balance - amt
        self.history.append(("wd", amt))
        return self
    def month_end(self):
        self._balance *= 1 + self.rate / 12
    @classmethod
    def open(cls, owner, *deposits):
        a = cls(owner)
        for d in deposits:
            a.deposit(d)
        return a
    @staticmethod
    def fmt(x):
        return f"${x:,.2f}"
    def __repr__(self):
        return f"<{type(self).__name__} {self.id} {self.owner} {self.fmt(self.balance)}>"
    def __lt__(self, other):
        return (self.balance, self.id) < (other.balance, other.id)

class Savings(Account):
    rate = 0.05
    def withdraw(self, amt):
        if len([h for h in self.history if h[0] == "wd"]) >= 2:
            raise PermissionError("too many withdrawals")
        return super().withdraw(amt)

class Checking(Account):
    fee = 1.5
    def withdraw(self, amt):
        return super().withdraw(amt + self.fee)

def transactions(accounts):
    ops = [("deposit", 100), ("withdraw", 30), ("withdraw", 500), ("deposit", 12.345), ("withdraw", 5)]
    try:
        for i, (op, amt) in enumerate(ops * 2):
            yield accounts[i % len(accounts)], op, amt
    finally:
        print("transactions done")

accts = [Account.open("ann", 50, 25), Savings.open("bob", 1000), Checking.open("cy", 10.5)]
errors = {}
for acct, op, amt in transactions(accts):
    try:
        getattr(acct, op)(amt)
    except (InsufficientFunds, PermissionError) as e:
        errors.setdefault(type(e).__name__, []).append(str(e))
for a in accts:
    a.month_end()
print(sorted(accts))
print(sorted(accts, key=lambda a: a.owner, reverse=True))
for k in sorted(errors):
    print(k, errors[k])
print({a.owner: len(a.history) for a in accts}, max(accts).owner, min(accts, key=lambda a: -a.id).id)
try:
    accts[0].balance = -5
except ValueError as e:
    print("ValueError:", e)
summary = "\n".join("%-6s|%10s|%3d" % (a.owner, Account.fmt(a.balance), a.id % 7) for a in accts)
print(summary)
print(isinstance(accts[1], Account), issubclass(Checking, Savings), Savings.__mro__[1].__name__)
total = sum(a.balance for a in accts)
print(f"total={total:.3f} avg={total / len(accts):>12.4e} pct={accts[1].balance / total:.1%}")
