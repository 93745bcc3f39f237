# Prints its command-line arguments (sys.argv[0] is the script path as given).
import sys

print(sys.argv[1:], sys.argv[0].endswith("cli_program_args.py"))
