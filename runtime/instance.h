// instance.h: the slot access of user-class instances, shared by the runtime and the
// interpreter's inline caches so both read and write instance attributes the same way.
//
// An instance's attributes live in slots: slot i of the instance's Shape is in
// body->inline_slots[i] for i < kInlineSlots, else in body->extra->slots[i - kInlineSlots]
// (the extra block exists whenever the shape has more than kInlineSlots slots). An inline slot
// access never touches the extra block.
// A Shape identifies the class too (each class has its own root shape), so an inline cache
// that checks `body->shape == cached_shape` knows both the class and the slot layout.
#pragma once
#include "runtime/api.h"

namespace stmjit {

inline Value instance_slot_load(const InstanceBody* b, int32_t i) {
  return i < kInlineSlots ? b->inline_slots[i] : b->extra->slots[i - kInlineSlots];
}

// Stores into an existing slot (i < b->shape->nslots). Adding a slot goes through
// instance_store_attr (runtime/object_model.h), which grows the extra block.
inline void instance_slot_store(InstanceBody* b, int32_t i, Value v) {
  if (i < kInlineSlots) b->inline_slots[i] = v;
  else b->extra->slots[i - kInlineSlots] = v;
}

// Slot capacity of an instance body (inline plus allocated overflow).
inline int64_t instance_capacity(const InstanceBody* b) {
  return kInlineSlots + (b->extra ? b->extra->capacity : 0);
}

// The live attribute dict of an instance in dict mode, else null.
inline DictObj* instance_mode_dict(const InstanceBody* b) { return b->extra ? b->extra->dict : nullptr; }

// A new extra block with room for `capacity` overflow slots, holding `from`'s dict and as many
// of its slots as fit (from may be null: an empty block). Extra blocks are copied, never
// resized in place: the old one may belong to a committed version (runtime/stm_versions.cpp).
InstanceExtra* instance_extra_copy(const InstanceExtra* from, int64_t capacity);

}  // namespace stmjit
