# The traceback crosses into an imported module.
import mod_faulty

print("calling")
mod_faulty.check([1, 2, -3])
