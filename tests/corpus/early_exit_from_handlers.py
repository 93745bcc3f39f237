# return / break / continue leaving except handlers and finally blocks, nested in loops
# and in each other; each exit must restore the exception state and run finally blocks once.
def ret_from_except():
    try:
        raise ValueError("v")
    except ValueError as e:
        return "handled " + str(e)

def ret_from_except_in_finally():
    try:
        try:
            raise KeyError("k")
        except KeyError:
            return "inner"
    finally:
        print("  finally ran")

def ret_from_except_with_finally():
    try:
        raise ValueError
    except ValueError:
        return "x"
    finally:
        print("  finally ran (same try)")

def loop_exits():
    out = []
    for i in range(6):
        try:
            if i % 2:
                raise IndexError(i)
            out.append(i)
        except IndexError:
            if i == 5:
                break
            continue
        finally:
            out.append(-i)
    return out

def nested_handlers():
    try:
        raise TypeError("outer")
    except TypeError:
        try:
            raise ValueError("inner")
        except ValueError as e:
            return repr(e)

def after_return_no_active_exception():
    ret_from_except()
    try:
        raise
    except RuntimeError as e:
        return "RuntimeError: " + str(e)

print(ret_from_except())
print(ret_from_except_in_finally())
print(ret_from_except_with_finally())
print(loop_exits())
print(nested_handlers())
print(after_return_no_active_exception())
