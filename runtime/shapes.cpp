// shapes.cpp: hidden classes. A Shape is the ordered list of attribute names of an instance;
// instances that gained the same attributes in the same order share one Shape, so an inline
// cache can check one pointer and load a slot. Shapes are immutable once published and shared
// by all threads: the transition list that finds a shape's children is guarded by a mutex
// and is not part of any transaction (an abort never needs to undo a shape).
#include <atomic>
#include <mutex>

#include "runtime/object_model.h"

namespace stmjit {

namespace {
std::atomic<uint32_t> next_shape_id{1};   // 0 is never a valid id (caches start zeroed)

Shape* alloc_shape(ClassObj* cls, Shape* parent, int32_t nslots) {
  Shape* s = static_cast<Shape*>(gc_alloc(sizeof(Shape)));
  s->id = next_shape_id.fetch_add(1, std::memory_order_relaxed);
  s->cls = cls;
  s->parent = parent;
  s->nslots = nslots;
  s->names = nslots ? static_cast<StrObj**>(gc_alloc(sizeof(StrObj*) * size_t(nslots))) : nullptr;
  // The mutex holds no pointers: atomic (unscanned) GC memory; its destructor is trivial.
  s->transitions_lock = new (gc_alloc_atomic(sizeof(std::mutex))) std::mutex();
  s->transitions = new (gc_alloc(sizeof(GcVector<Shape*>))) GcVector<Shape*>();
  return s;
}
}  // namespace

Shape* shape_new_root(ClassObj* cls) { return alloc_shape(cls, nullptr, 0); }

Shape* shape_add(Shape* from, StrObj* name) {
  std::lock_guard<std::mutex> g(*from->transitions_lock);
  for (Shape* child : *from->transitions)
    if (child->names[child->nslots - 1] == name) return child;
  Shape* s = alloc_shape(from->cls, from, from->nslots + 1);
  for (int32_t i = 0; i < from->nslots; i++) s->names[i] = from->names[i];
  s->names[from->nslots] = name;
  // Published under the lock: a thread that finds it here sees a fully built shape.
  from->transitions->push_back(s);
  return s;
}

int32_t shape_find(const Shape* s, StrObj* name) {
  if (!s) return -1;
  // Newest names last: searching backwards finds recently added attributes sooner, and names
  // are unique within a shape so the direction does not change the answer.
  for (int32_t i = s->nslots - 1; i >= 0; i--)
    if (s->names[i] == name) return i;
  return -1;
}

}  // namespace stmjit
