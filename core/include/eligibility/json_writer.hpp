// A small JSON writer for decisions: appends compact JSON to a string, deterministically (the
// same calls give the same bytes on every platform), without allocating beyond the string.
//
// Text is always valid UTF-8 on output: bytes that are not (possible in an error message that
// quotes bad input) become U+FFFD.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "eligibility/civil_date.hpp"

namespace eligibility {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    // Keys are the contract's names and rules ids (snake_case, checked by the loader): never in
    // need of escaping, so they are copied as they are.
    void key(std::string_view k);

    void string(std::string_view s);
    void integer(int64_t v);
    void boolean(bool v);
    void null();
    void date(CivilDate d);

    // Members rendered in advance ("a":1,"b":"x"), placed into the open object as they are.
    void members(std::string_view rendered) {
        if (rendered.empty()) return;
        separate();
        out_.append(rendered);
    }
    // A value rendered in advance (an object, a string literal), placed as one value.
    void raw_value(std::string_view rendered) {
        separate();
        out_.append(rendered);
    }

    // key + value in one call, for the common case.
    void field(std::string_view k, std::string_view v) { key(k); string(v); }
    void field(std::string_view k, const char* v) { key(k); string(v); }
    void field_int(std::string_view k, int64_t v) { key(k); integer(v); }
    void field_bool(std::string_view k, bool v) { key(k); boolean(v); }

private:
    void open(char c);
    void close(char c);
    void separate();

    std::string& out_;
    // One bit per open container: set once it has a first element. Decisions nest a few levels.
    uint64_t has_element_ = 0;
    int depth_ = 0;
    bool after_key_ = false;
};

// Appends s as a JSON string literal (with quotes) to out.
void append_json_string(std::string& out, std::string_view s);

}  // namespace eligibility
