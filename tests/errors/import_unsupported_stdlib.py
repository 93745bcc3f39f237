try:
    import xyz_not_a_module
except ImportError as e:
    print(type(e).__name__, e)
import sqlite3
