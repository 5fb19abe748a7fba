#include "json_dom_reader.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "json_scanner.hpp"
#include "sax_path.hpp"

namespace eligibility::detail {
namespace {

using nlohmann::json;

// The value of a whole number's digits if it fits in 64 bits unsigned.
bool unsigned_value(std::string_view digits, uint64_t& out) {
    out = 0;
    for (char c : digits) {
        const auto d = static_cast<uint64_t>(c - '0');
        if (out > (std::numeric_limits<uint64_t>::max() - d) / 10) return false;
        out = out * 10 + d;
    }
    return true;
}

// The scanner's events, building the DOM and checking the limits, with the path of each value.
class DomBuilder {
public:
    DomBuilder(json& root, const DomLimits& limits, ErrorCode code, Errors& errors)
        : root_(root), limits_(limits), code_(code), errors_(errors) {}

    bool null() { return scalar(nullptr); }
    bool boolean(bool v) { return scalar(v); }
    bool integer(int64_t v) { return scalar(v); }
    bool huge_integer(std::string_view text) {
        uint64_t v = 0;
        if (text[0] != '-' && unsigned_value(text, v)) return scalar(v);
        return scalar(0.0);
    }
    bool fraction() { return scalar(0.0); }
    bool string(std::string_view v) {
        if (v.size() > limits_.max_string) {
            return fail(ErrorCode::input_too_large,
                        "string of " + std::to_string(v.size()) + " bytes; the limit is " +
                            std::to_string(limits_.max_string));
        }
        return scalar(std::string(v));
    }

    bool start_object() { return open(json::value_t::object, true); }
    bool start_array() { return open(json::value_t::array, false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string_view k) {
        if (k.size() > limits_.max_string) {
            errors_.push_back({path_.container_pointer(), code_ == ErrorCode::invalid_rules ? code_ : ErrorCode::input_too_large,
                               "key longer than " + std::to_string(limits_.max_string) + " bytes"});
            return false;
        }
        if (!path_.key(k)) return fail(ErrorCode::duplicate_key, "duplicate key \"" + std::string(k) + "\"");
        slot_ = &(*stack_.back())[std::string(k)];
        return true;
    }

    void parse_error(size_t, std::string message) { errors_.push_back({"", code_, std::move(message)}); }

private:
    template <class V>
    json* place(V&& v) {
        if (stack_.empty()) {
            root_ = json(std::forward<V>(v));
            return &root_;
        }
        json& top = *stack_.back();
        if (top.is_array()) {
            auto& arr = top.get_ref<json::array_t&>();
            arr.emplace_back(std::forward<V>(v));
            return &arr.back();
        }
        *slot_ = json(std::forward<V>(v));
        return slot_;
    }

    template <class V>
    bool scalar(V&& v) {
        place(std::forward<V>(v));
        path_.value_done();
        return true;
    }

    bool open(json::value_t type, bool is_object) {
        // The scanner recurses once per level: this limit is also what bounds its stack.
        if (path_.depth() >= limits_.max_depth) {
            return fail(ErrorCode::input_too_large,
                        "nested deeper than " + std::to_string(limits_.max_depth) + " levels");
        }
        stack_.push_back(place(type));
        path_.open(is_object);
        return true;
    }

    bool close() {
        stack_.pop_back();
        path_.close();
        path_.value_done();
        return true;
    }

    // Errors in a rules file all carry the caller's code (invalid_rules, with the detail in the
    // message); other documents keep the specific code.
    bool fail(ErrorCode specific, std::string message) {
        errors_.push_back({path_.pointer(), code_ == ErrorCode::invalid_rules ? code_ : specific, std::move(message)});
        return false;
    }

    json& root_;
    const DomLimits& limits_;
    ErrorCode code_;
    Errors& errors_;
    std::vector<json*> stack_;
    json* slot_ = nullptr;
    SaxPath path_;
};

}  // namespace

bool read_json_dom(std::string_view text, const DomLimits& limits, ErrorCode code, json& out,
                   Errors& errors) {
    if (text.size() > limits.max_bytes) {
        errors.push_back({"", code == ErrorCode::invalid_rules ? code : ErrorCode::input_too_large,
                          "the document is larger than the limit of " + std::to_string(limits.max_bytes) + " bytes"});
        return false;
    }
    DomBuilder builder(out, limits, code, errors);
    return JsonScanner<DomBuilder>(text, builder).run() && errors.empty();
}

}  // namespace eligibility::detail
