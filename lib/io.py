# io.py: the `io` module for stmjit: StringIO, an in-memory text file (write/read/readline/
# iteration/seek/tell/truncate), usable as print(..., file=buf).

__all__ = ["StringIO", "SEEK_SET", "SEEK_CUR", "SEEK_END", "UnsupportedOperation"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class StringIO:
    # Writes at the end are appended to a list of chunks (cheap for print-heavy use); any
    # other access first joins the chunks into one string.
    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" % type(initial_value).__name__)
        self._chunks = [initial_value] if initial_value else []
        self._len = len(initial_value)
        self._pos = 0
        self._closed = False

    def _value(self):
        ch = self._chunks
        if len(ch) > 1:
            v = "".join(ch)
            self._chunks = [v]
            return v
        return ch[0] if ch else ""

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def getvalue(self):
        self._check()
        return self._value()

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        if not n:
            return 0
        pos = self._pos
        if pos == self._len:
            self._chunks.append(s)
            self._len += n
        else:
            v = self._value()
            if pos > len(v):
                v = v + "\0" * (pos - len(v))
            v = v[:pos] + s + v[pos + n:]
            self._chunks = [v]
            self._len = len(v)
        self._pos = pos + n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check()
        v = self._value()
        pos = self._pos
        if size is None or size < 0:
            end = len(v)
        else:
            end = min(len(v), pos + size)
        if pos >= end:
            self._pos = max(pos, self._pos)
            return ""
        self._pos = end
        return v[pos:end]

    def readline(self, size=-1):
        self._check()
        v = self._value()
        pos = self._pos
        if pos >= len(v):
            return ""
        end = v.find("\n", pos)
        end = len(v) if end < 0 else end + 1
        if size is not None and size >= 0 and pos + size < end:
            end = pos + size
        self._pos = end
        return v[pos:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._len
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        v = self._value()
        if size < len(v):
            v = v[:size]
            self._chunks = [v] if v else []
            self._len = len(v)
        return size

    def flush(self):
        self._check()

    def isatty(self):
        self._check()
        return False

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()
