#include "sax_path.hpp"

#include <algorithm>

namespace eligibility::detail {

bool KeySet::insert(std::string_view key) {
    if (!large_.empty()) return large_.emplace(key).second;
    uint32_t begin = 0;
    for (const uint32_t end : ends_) {
        if (std::string_view(arena_.data() + begin, end - begin) == key) return false;
        begin = end;
    }
    if (ends_.size() < kLinearLimit) {
        arena_.append(key);
        ends_.push_back(static_cast<uint32_t>(arena_.size()));
        return true;
    }
    begin = 0;
    for (const uint32_t end : ends_) {
        large_.emplace(arena_.substr(begin, end - begin));
        begin = end;
    }
    ends_.clear();
    arena_.clear();
    return large_.emplace(key).second;
}

void KeySet::clear() {
    arena_.clear();
    ends_.clear();
    if (!large_.empty()) large_.clear();
}

void SaxPath::open(bool is_object) {
    // Frames are reused so that reading many small documents does not allocate each time.
    if (used_ == frames_.size()) frames_.emplace_back();
    Frame& f = frames_[used_++];
    f.is_object = is_object;
    f.index = 0;
    f.key.clear();
    f.keys.clear();
}

void SaxPath::close() {
    if (used_ > 0) --used_;
}

bool SaxPath::key(std::string_view k) {
    Frame& f = frames_[used_ - 1];
    f.key.assign(k.data(), k.size());
    return f.keys.insert(k);
}

void SaxPath::value_done() {
    if (used_ == 0) return;
    Frame& f = frames_[used_ - 1];
    if (!f.is_object) ++f.index;
}

std::string SaxPath::pointer() const { return pointer_of(used_); }

std::string SaxPath::container_pointer() const { return pointer_of(used_ == 0 ? 0 : used_ - 1); }

std::string SaxPath::pointer_of(size_t frames) const {
    std::string out;
    for (size_t i = 0; i < frames; ++i) {
        const Frame& f = frames_[i];
        if (f.is_object) append_pointer_token(out, f.key);
        else {
            out.push_back('/');
            out += std::to_string(f.index);
        }
    }
    return out;
}

}  // namespace eligibility::detail
