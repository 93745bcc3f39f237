# A small complete program mixing the features: an inventory with classes, dicts, sorting,
# generators, exceptions and formatted reports.
class OutOfStock(Exception):
    def __init__(self, sku, wanted, have):
        super().__init__("%s: wanted %d, have %d" % (sku, wanted, have))
        self.sku = sku


class Product:
    def __init__(self, sku, name, price, qty=0):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty

    @property
    def value(self):
        return self.price * self.qty

    def __repr__(self):
        return "Product(%r, qty=%d)" % (self.sku, self.qty)


class Inventory:
    def __init__(self):
        self.products = {}
        self.log = []

    def add(self, product):
        self.products[product.sku] = product
        self.log.append(("add", product.sku, product.qty))

    def take(self, sku, n):
        p = self.products[sku]
        if p.qty < n:
            raise OutOfStock(sku, n, p.qty)
        p.qty -= n
        self.log.append(("take", sku, n))
        return p.price * n

    def low_stock(self, limit):
        for p in self.products.values():
            if p.qty <= limit:
                yield p

    def report(self):
        lines = []
        for p in sorted(self.products.values(), key=lambda p: (-p.value, p.sku)):
            lines.append(f"{p.sku:<6}{p.name:<12}{p.qty:>4} x {p.price:>7.2f} = {p.value:>9.2f}")
        total = sum(p.value for p in self.products.values())
        lines.append("%-22s %21.2f" % ("TOTAL", total))
        return "\n".join(lines)


inv = Inventory()
for sku, name, price, qty in [("A1", "widget", 2.5, 100), ("B2", "gadget", 12.99, 7),
                              ("C3", "doohickey", 0.35, 1000), ("D4", "gizmo", 99.0, 1)]:
    inv.add(Product(sku, name, price, qty))
revenue = 0.0
orders = [("A1", 30), ("D4", 1), ("B2", 10), ("C3", 999), ("Z9", 1), ("B2", 7)]
for sku, n in orders:
    try:
        revenue += inv.take(sku, n)
    except OutOfStock as e:
        print("out of stock ->", e, "| sku", e.sku)
    except KeyError as e:
        print("unknown sku", e)
print("revenue %.2f" % revenue)
print(inv.report())
print([p.sku for p in inv.low_stock(1)], list(inv.low_stock(-1)))
print(inv.log)
counts = {}
for kind, sku, n in inv.log:
    counts[kind] = counts.get(kind, 0) + n
print(counts)
