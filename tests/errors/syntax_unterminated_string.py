name = "Ada
print(name)
