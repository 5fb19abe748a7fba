// Bookkeeping shared by the SAX handlers that read rules files and profiles: where in the
// document the parser is (as a JSON Pointer), how deep, and which keys each open object has seen,
// so that a repeated key is caught where it occurs.
#pragma once

#include <string>
#include <string_view>
#include <set>
#include <vector>

#include "eligibility/error.hpp"

namespace eligibility::detail {

// The keys seen in one object. Objects are small, so a linear scan is fastest; a large object
// (possible in hostile input) switches to a tree so that checking stays O(n log n) overall.
// (A tree rather than a hash set: the tree's code is already in the binary, for nlohmann's maps.)
class KeySet {
public:
    // Returns false if the key was already present.
    bool insert(std::string_view key);
    void clear();

private:
    static constexpr size_t kLinearLimit = 32;
    // Small objects: the keys side by side in one buffer, which keeps its capacity between
    // objects, so reading a profile allocates nothing here after the first.
    std::string arena_;
    std::vector<uint32_t> ends_;
    std::set<std::string, std::less<>> large_;
};

class SaxPath {
public:
    // A container starts: call after the key (or array slot) of the value it is has been noted.
    void open(bool is_object);
    void close();
    // Back to the start of a document (a parse that stopped early leaves frames open); the frames
    // stay allocated for the next.
    void reset() { used_ = 0; }
    // A key inside the innermost object; false if it repeats a key of that object.
    bool key(std::string_view k);
    // A value is complete inside the innermost container (moves an array to its next index).
    void value_done();
    // The pointer of the value being read now (after key(), or the next array element).
    std::string pointer() const;
    // The pointer of the innermost container itself (for problems with one of its keys).
    std::string container_pointer() const;
    size_t depth() const { return used_; }
    bool in_object() const { return used_ > 0 && frames_[used_ - 1].is_object; }
    // Key of the innermost object (valid after key()).
    const std::string& current_key() const { return frames_[used_ - 1].key; }

private:
    std::string pointer_of(size_t frames) const;

    struct Frame {
        bool is_object = false;
        size_t index = 0;
        std::string key;
        KeySet keys;
    };
    std::vector<Frame> frames_;
    size_t used_ = 0;  // frames_ entries in use (kept allocated between containers)
};

}  // namespace eligibility::detail
