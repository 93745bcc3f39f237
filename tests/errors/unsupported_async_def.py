import time


async def fetch():
    return 1
