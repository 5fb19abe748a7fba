#include "loader_support.hpp"

#include <limits>

namespace eligibility::detail {

bool Diagnostics::error(const std::string& path, std::string message) {
    if (errors_.size() < limits::kRulesErrors) errors_.push_back({path, ErrorCode::invalid_rules, std::move(message)});
    else ++dropped_;
    return false;
}

void Diagnostics::finish() {
    if (dropped_ > 0 && !errors_.empty()) {
        errors_.back().message += " (and " + std::to_string(dropped_) + " more problems not listed)";
    }
}

const json* member(const json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

bool is_identifier(std::string_view s) {
    if (s.empty() || s.size() > 48) return false;
    if (s[0] < 'a' || s[0] > 'z') return false;
    for (char c : s) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

std::string in_quotes(std::string_view s) {
    constexpr size_t kShown = 60;
    std::string out = "\"";
    if (s.size() <= kShown) out.append(s);
    else {
        out.append(s.substr(0, kShown));
        out += "…";
    }
    out += "\"";
    return out;
}

std::string json_type_name(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "an integer";
        case json::value_t::number_float: return "a number with a fraction";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "an unsupported value";
    }
}

bool as_int64(const json& j, int64_t& out) {
    if (j.is_number_integer() && !j.is_number_unsigned()) {
        out = j.get<int64_t>();
        return true;
    }
    if (j.is_number_unsigned()) {
        const auto u = j.get<uint64_t>();
        if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return false;
        out = static_cast<int64_t>(u);
        return true;
    }
    return false;
}

}  // namespace eligibility::detail
