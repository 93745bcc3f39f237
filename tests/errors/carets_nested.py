# Traceback marker lines: nested subscripts and a binary operation in a callee.
def total(rows):
    return rows[0][1] + rows[1][5]


result = [total([[1, 2], [3]])]
