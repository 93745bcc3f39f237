opts = {"flavor": 1}


class C(**opts):
    pass
