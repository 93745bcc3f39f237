# lib_heapq_bisect.py: heapq (exact heap layouts, nsmallest/nlargest, merge) and bisect.
import heapq, bisect, random
random.seed(5)
h = []
for i in range(200):
    heapq.heappush(h, random.randint(0, 50))
    if i % 3 == 0: heapq.heappop(h)
print(h)
x = [random.random() for _ in range(101)]; heapq.heapify(x); print(x[:20])
print(heapq.heapreplace(x, 0.5), heapq.heappushpop(x, 0.3), x[:10])
d = [random.randint(0, 20) for _ in range(50)]
print(heapq.nsmallest(5, d), heapq.nlargest(5, d), heapq.nlargest(7, d, key=lambda v: v % 7), heapq.nsmallest(7, d, key=lambda v: v % 7))
print(heapq.nlargest(100, d)==sorted(d, reverse=True), heapq.nsmallest(1, []), heapq.nlargest(0, d))
print(list(heapq.merge([1,3,5],[2,3,4],[0,9])), list(heapq.merge([5,3],[4,3,1], reverse=True)), list(heapq.merge(['a','BB'],['b','C'], key=str.lower)))
a = sorted(d)
print(bisect.bisect(a, 7), bisect.bisect_left(a, 7), bisect.bisect_right(a, 7, 2, 10))
bisect.insort(a, 7); bisect.insort_left(a, 3); print(a)
r = [(1,'a'),(3,'b')]; bisect.insort(r, (2,'c'), key=lambda t: t[0]); print(r, bisect.bisect_left(r, 3, key=lambda t:t[0]))
try: heapq.heappop([])
except IndexError as e: print('IndexError', e)
try: bisect.bisect([], 1, -1)
except ValueError as e: print('ValueError', e)
try: heapq.heappush((), 1)
except TypeError as e: print('TypeError', e)
