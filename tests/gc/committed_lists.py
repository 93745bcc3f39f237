# Big lists built across transaction breaks, one per call, then dropped: each is committed
# (and appended to again) many times while it grows. Nothing the STM runtime keeps for its
# reports may keep such a list alive (the test checks peak RSS): a table of the last committed
# objects once did, and every call leaked its list of dicts.
def build(n):
    rows = []
    for i in range(n):
        rows.append({"value": i, "square": i * i})
    total = 0
    for row in rows:
        total += row["square"] - row["value"] * row["value"]
    return len(rows) + total


results = [build(100000) for _ in range(12)]
print("built", len(results), "lists of", results[0], "dicts")
