// libFuzzer target, differential: the engine's own JSON scanner (used for profiles) must accept and
// refuse exactly the texts nlohmann does, and see the same strings and integers. Two intended
// differences: numbers too large for a double (1e400) are valid JSON, which nlohmann refuses only
// because it converts them (the scanner never converts fractions); and nlohmann's lexer takes a
// NUL byte for the end of the input (for C strings), so it accepts `4` followed by NUL and
// anything, where a NUL byte is never valid JSON: a text holding one must be refused.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "../core/src/json_scanner.hpp"

namespace {

// Both parsers describe what they saw as the same list of tokens.
struct Recorder {
    std::vector<std::string> tokens;
    bool null() { return add("null"); }
    bool boolean(bool v) { return add(v ? "true" : "false"); }
    bool integer(int64_t v) { return add("int:" + std::to_string(v)); }
    bool huge_integer(std::string_view = {}) { return add("number"); }
    bool fraction() { return add("number"); }
    bool string(std::string_view s) { return add("str:" + std::string(s)); }
    bool key(std::string_view s) { return add("key:" + std::string(s)); }
    bool start_object() { return add("{"); }
    bool end_object() { return add("}"); }
    bool start_array() { return add("["); }
    bool end_array() { return add("]"); }
    void parse_error(size_t, std::string) {}
    bool add(std::string t) {
        if (tokens.size() > 100000) return false;
        tokens.push_back(std::move(t));
        return true;
    }
};

struct NlohmannRecorder {
    using json = nlohmann::json;
    Recorder r;
    bool overflow = false;
    bool null() { return r.null(); }
    bool boolean(bool v) { return r.boolean(v); }
    bool number_integer(json::number_integer_t v) { return r.integer(v); }
    bool number_unsigned(json::number_unsigned_t v) {
        return v <= static_cast<uint64_t>(INT64_MAX) ? r.integer(static_cast<int64_t>(v)) : r.huge_integer();
    }
    bool number_float(json::number_float_t, const std::string&) { return r.fraction(); }
    bool string(std::string& s) { return r.string(s); }
    bool binary(json::binary_t&) { return false; }
    bool start_object(std::size_t) { return r.start_object(); }
    bool end_object() { return r.end_object(); }
    bool start_array(std::size_t) { return r.start_array(); }
    bool end_array() { return r.end_array(); }
    bool key(std::string& s) { return r.key(s); }
    bool parse_error(std::size_t, const std::string& token, const nlohmann::detail::exception& e) {
        overflow = std::string(e.what()).find("number overflow") != std::string::npos;
        (void)token;
        return false;
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 4096) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // Deep nesting is bounded by the profile reader, not the scanner; keep the recursion small here.
    int depth = 0, max_depth = 0;
    for (char c : text) {
        if (c == '[' || c == '{') max_depth = std::max(max_depth, ++depth);
        if (c == ']' || c == '}') --depth;
    }
    if (max_depth > 200) return 0;
    Recorder mine;
    const bool ok = eligibility::detail::JsonScanner<Recorder>(text, mine).run();
    if (text.find('\0') != std::string_view::npos) {
        if (ok) __builtin_trap();
        return 0;
    }
    NlohmannRecorder theirs;
    const bool their_ok = nlohmann::json::sax_parse(text.begin(), text.end(), &theirs);
    if (!their_ok && theirs.overflow) return 0;  // the intended difference
    if (ok != their_ok) __builtin_trap();
    if (ok && mine.tokens != theirs.r.tokens) __builtin_trap();
    return 0;
}
