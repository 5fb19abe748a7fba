#include "json_dom_reader.hpp"

#include <string>
#include <utility>
#include <vector>

#include "sax_path.hpp"

namespace eligibility::detail {
namespace {

using nlohmann::json;

class DomBuilder {
public:
    DomBuilder(json& root, const DomLimits& limits, ErrorCode code, Errors& errors)
        : root_(root), limits_(limits), code_(code), errors_(errors) {}

    bool null() { return scalar(nullptr); }
    bool boolean(bool v) { return scalar(v); }
    bool number_integer(json::number_integer_t v) { return scalar(v); }
    bool number_unsigned(json::number_unsigned_t v) { return scalar(v); }
    bool number_float(json::number_float_t v, const std::string&) { return scalar(v); }
    bool string(std::string& v) {
        if (v.size() > limits_.max_string) {
            return fail(ErrorCode::input_too_large,
                        "string of " + std::to_string(v.size()) + " bytes; the limit is " +
                            std::to_string(limits_.max_string));
        }
        return scalar(std::move(v));
    }
    bool binary(json::binary_t&) { return fail(ErrorCode::invalid_json, "binary values are not JSON"); }

    bool start_object(std::size_t) { return open(json::value_t::object, true); }
    bool start_array(std::size_t) { return open(json::value_t::array, false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& k) {
        if (k.size() > limits_.max_string) {
            errors_.push_back({path_.container_pointer(), code_ == ErrorCode::invalid_rules ? code_ : ErrorCode::input_too_large,
                               "key longer than " + std::to_string(limits_.max_string) + " bytes"});
            return false;
        }
        if (!path_.key(k)) return fail(ErrorCode::duplicate_key, "duplicate key \"" + k + "\"");
        slot_ = &(*stack_.back())[k];
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        errors_.push_back({"", code_, describe_parse_error(position, ex.what())});
        return false;
    }

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

std::string describe_parse_error(size_t position, const std::string& what) {
    // nlohmann: "[json.exception.parse_error.101] parse error at line 2, column 5: syntax error …"
    std::string detail = what;
    const auto bracket = detail.find("] ");
    if (bracket != std::string::npos) detail.erase(0, bracket + 2);
    std::string where;
    const std::string prefix = "parse error at ";
    if (detail.compare(0, prefix.size(), prefix) == 0) {
        const auto colon = detail.find(": ", prefix.size());
        if (colon != std::string::npos) {
            where = detail.substr(prefix.size(), colon - prefix.size()) + ", ";
            detail.erase(0, colon + 2);
        }
    } else if (detail.compare(0, 12, "parse error ") == 0) {
        detail.erase(0, 12);
    }
    return "not valid JSON at " + where + "byte " + std::to_string(position) + ": " + detail;
}

bool read_json_dom(std::string_view text, const DomLimits& limits, ErrorCode code, json& out,
                   Errors& errors) {
    if (text.size() > limits.max_bytes) {
        errors.push_back({"", code == ErrorCode::invalid_rules ? code : ErrorCode::input_too_large,
                          "the document is larger than the limit of " + std::to_string(limits.max_bytes) + " bytes"});
        return false;
    }
    DomBuilder builder(out, limits, code, errors);
    return json::sax_parse(text.begin(), text.end(), &builder) && errors.empty();
}

}  // namespace eligibility::detail
