// instance.h: the slot access of user-class instances, shared by the runtime and the
// interpreter's inline caches so both read and write instance attributes the same way.
//
// An instance's attributes live in slots: slot i of the instance's Shape is in
// body->inline_slots[i] for i < kInlineSlots, else in body->overflow[i - kInlineSlots].
// A Shape identifies the class too (each class has its own root shape), so an inline cache
// that checks `body->shape == cached_shape` knows both the class and the slot layout.
#pragma once
#include "runtime/api.h"

namespace stmjit {

inline Value instance_slot_load(const InstanceBody* b, int32_t i) {
  return i < kInlineSlots ? b->inline_slots[i] : b->overflow[i - kInlineSlots];
}

// Stores into an existing slot (i < b->shape->nslots). Adding a slot goes through
// instance_store_attr (runtime/object_model.h), which grows the overflow array.
inline void instance_slot_store(InstanceBody* b, int32_t i, Value v) {
  if (i < kInlineSlots) b->inline_slots[i] = v;
  else b->overflow[i - kInlineSlots] = v;
}

// Slot capacity of an instance body (inline plus allocated overflow).
inline int64_t instance_capacity(const InstanceBody* b) { return kInlineSlots + b->overflow_capacity; }

}  // namespace stmjit
