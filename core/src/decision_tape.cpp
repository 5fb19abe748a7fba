#include "eligibility/decision_tape.hpp"

#include <cstring>

namespace eligibility {
namespace {

// FNV-1a: strings here are short ids and codes.
uint32_t hash(std::string_view s) {
    uint32_t h = 2166136261u;
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
}

// Equal bytes, four at a time: a call to memcmp costs more than comparing an id this way.
bool same_bytes(const char* a, const char* b, size_t size) {
    size_t i = 0;
    for (; i + 4 <= size; i += 4) {
        uint32_t x = 0;
        uint32_t y = 0;
        std::memcpy(&x, a + i, 4);
        std::memcpy(&y, b + i, 4);
        if (x != y) return false;
    }
    for (; i < size; ++i) {
        if (a[i] != b[i]) return false;
    }
    return true;
}

}  // namespace

void DecisionTape::clear() {
    words_.clear();
    text_.clear();
    is_text_ = false;
}

void DecisionTape::put_integer(int64_t v) {
    if (v >= kTapeIntegerMin && v <= kTapeIntegerMax) {
        put(TapeOp::integer, static_cast<int32_t>(v));
        return;
    }
    put(TapeOp::wide_integer);
    const auto bits = static_cast<uint64_t>(v);
    words_.push_back(static_cast<int32_t>(static_cast<uint32_t>(bits)));
    words_.push_back(static_cast<int32_t>(static_cast<uint32_t>(bits >> 32)));
}

bool DecisionTape::is_string(uint32_t n, std::string_view s) const {
    return spans_[2 * n + 1] == s.size() && same_bytes(pool_.data() + spans_[2 * n], s.data(), s.size());
}

uint32_t DecisionTape::number(std::string_view s) {
    // Nearly every string comes from where it came from last time (a literal, the rules): try the
    // number it had there first. Its bytes are compared all the same, since the same place can
    // hold another string later (a total's currency is written from the decision's scratch space).
    const uint32_t place = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(s.data()) >> 2) ^ static_cast<uint32_t>(s.size());
    Recent& recent = recent_[place * 2654435761u >> (32 - kRecentBits)];
    if (recent.at == s.data() && is_string(recent.number, s)) return recent.number;
    recent.at = s.data();
    recent.number = numbered(s);
    return recent.number;
}

uint32_t DecisionTape::numbered(std::string_view s) {
    if (index_.empty()) grow_index();
    const size_t mask = index_.size() - 1;
    for (size_t slot = hash(s) & mask;; slot = (slot + 1) & mask) {
        const uint32_t entry = index_[slot];
        if (entry == 0) break;
        if (is_string(entry - 1, s)) return entry - 1;
    }
    // A new string: numbered, then indexed (the index is kept at most half full).
    const uint32_t n = string_count();
    spans_.push_back(static_cast<uint32_t>(pool_.size()));
    spans_.push_back(static_cast<uint32_t>(s.size()));
    pool_.append(s.data(), s.size());
    if (2 * string_count() > index_.size()) grow_index();
    else index_string(n);
    return n;
}

// String n into the first free slot from its hash's.
void DecisionTape::index_string(uint32_t n) {
    const size_t mask = index_.size() - 1;
    size_t slot = hash(string_at(n)) & mask;
    while (index_[slot] != 0) slot = (slot + 1) & mask;
    index_[slot] = n + 1;
}

void DecisionTape::grow_index() {
    index_.assign(index_.empty() ? 64 : index_.size() * 2, 0);
    for (uint32_t n = 0; n < string_count(); ++n) index_string(n);
}

}  // namespace eligibility
