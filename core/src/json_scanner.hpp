// A small, strict JSON scanner (RFC 8259): profiles, a few hundred bytes read on every evaluation,
// and rules files, read into nlohmann's DOM by json_dom_reader.cpp (three times as fast as
// nlohmann's own parser, and without its number conversions and printf in the WebAssembly).
//
// It reports events to a handler, like a SAX parser, but never copies a string that needs no
// unescaping (the handler sees a view into the input), checks UTF-8 as it goes, and classifies
// numbers without converting fractions (the engine only ever accepts whole numbers). A handler
// returns false from any event to stop. fuzz/fuzz_json_scanner.cpp checks that it accepts and
// refuses the same texts as nlohmann.
//
// Handler:
//   bool null(); bool boolean(bool);
//   bool integer(int64_t);        // a whole number that fits in 64 bits
//   bool huge_integer(std::string_view text);  // a whole number that does not (its text)
//   bool fraction();              // a number with a fraction or an exponent
//   bool string(std::string_view); bool key(std::string_view);
//   bool start_object(); bool end_object(); bool start_array(); bool end_array();
//   void parse_error(size_t byte, std::string message);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "utf8.hpp"

namespace eligibility::detail {

template <class Handler>
class JsonScanner {
public:
    JsonScanner(std::string_view text, Handler& handler) : s_(text), h_(handler) {}

    // True if the whole text is one JSON value and the handler did not stop.
    bool run() {
        // A UTF-8 byte order mark at the very start is skipped, as nlohmann does.
        if (s_.size() >= 3 && s_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
        skip_space();
        if (!value()) return false;
        skip_space();
        if (pos_ != s_.size()) return expected("the end of the text after the value");
        return true;
    }

private:
    bool value() {
        // Nesting is bounded by the handler (it stops at its depth limit), so recursion is too.
        if (pos_ >= s_.size()) return fail("unexpected end of input; expected a value");
        switch (s_[pos_]) {
            case '{': return object();
            case '[': return array();
            case '"': {
                std::string_view text;
                if (!string_token(text)) return false;
                return h_.string(text);
            }
            case 't': return literal("true") && h_.boolean(true);
            case 'f': return literal("false") && h_.boolean(false);
            case 'n': return literal("null") && h_.null();
            default: return number();
        }
    }

    bool object() {
        ++pos_;
        if (!h_.start_object()) return false;
        skip_space();
        if (peek('}')) {
            ++pos_;
            return h_.end_object();
        }
        for (;;) {
            skip_space();
            if (!peek('"')) return expected("a key in double quotes");
            std::string_view key;
            if (!string_token(key)) return false;
            if (!h_.key(key)) return false;
            skip_space();
            if (!peek(':')) return expected("':' after the key");
            ++pos_;
            skip_space();
            if (!value()) return false;
            skip_space();
            if (peek(',')) {
                ++pos_;
                continue;
            }
            if (peek('}')) {
                ++pos_;
                return h_.end_object();
            }
            return expected("',' or '}' in an object");
        }
    }

    bool array() {
        ++pos_;
        if (!h_.start_array()) return false;
        skip_space();
        if (peek(']')) {
            ++pos_;
            return h_.end_array();
        }
        for (;;) {
            skip_space();
            if (!value()) return false;
            skip_space();
            if (peek(',')) {
                ++pos_;
                continue;
            }
            if (peek(']')) {
                ++pos_;
                return h_.end_array();
            }
            return expected("',' or ']' in an array");
        }
    }

    bool literal(std::string_view word) {
        if (s_.compare(pos_, word.size(), word) != 0) return fail("invalid literal");
        pos_ += word.size();
        return true;
    }

    bool number() {
        const size_t start = pos_;
        const bool negative = peek('-');
        if (negative) ++pos_;
        if (pos_ >= s_.size() || !digit(s_[pos_])) {
            if (start != pos_) return fail("expected a digit");
            return fail_at(pos_, "expected a value, found " + found(s_[pos_]));
        }
        // Whole part: 0, or a digit 1–9 followed by digits. Accumulated as a negative number so
        // that INT64_MIN fits.
        bool overflow = false;
        int64_t value = 0;
        if (s_[pos_] == '0') {
            ++pos_;
            if (pos_ < s_.size() && digit(s_[pos_])) return fail("a number may not start with 0");
        } else {
            while (pos_ < s_.size() && digit(s_[pos_])) {
                const int d = s_[pos_++] - '0';
                if (!overflow && (value < (INT64_MIN + d) / 10)) overflow = true;
                if (!overflow) value = value * 10 - d;
            }
        }
        bool whole = true;
        if (peek('.')) {
            ++pos_;
            if (pos_ >= s_.size() || !digit(s_[pos_])) return fail("expected a digit after '.'");
            while (pos_ < s_.size() && digit(s_[pos_])) ++pos_;
            whole = false;
        }
        if (peek('e') || peek('E')) {
            ++pos_;
            if (peek('+') || peek('-')) ++pos_;
            if (pos_ >= s_.size() || !digit(s_[pos_])) return fail("expected a digit in the exponent");
            while (pos_ < s_.size() && digit(s_[pos_])) ++pos_;
            whole = false;
        }
        if (!whole) return h_.fraction();
        if (!negative) {
            if (overflow || value == INT64_MIN) return h_.huge_integer(s_.substr(start, pos_ - start));
            return h_.integer(-value);
        }
        return overflow ? h_.huge_integer(s_.substr(start, pos_ - start)) : h_.integer(value);
    }

    // Reads a string token starting at '"'. `out` views the input when nothing needed
    // unescaping, else the scanner's own buffer (valid until the next string).
    bool string_token(std::string_view& out) {
        const size_t start = ++pos_;
        bool escaped = false;
        for (;;) {
            if (pos_ >= s_.size()) return fail("unexpected end of input in a string");
            const auto c = static_cast<unsigned char>(s_[pos_]);
            if (c == '"') break;
            if (c == '\\') {
                escaped = true;
                pos_ += 2;  // checked properly when unescaping
                continue;
            }
            if (c < 0x20) return fail("a control character must be escaped in a string");
            if (c < 0x80) {
                ++pos_;
                continue;
            }
            const size_t n = utf8_sequence(s_, pos_);
            if (n == 0) return fail("invalid UTF-8 in a string");
            pos_ += n;
        }
        if (pos_ > s_.size()) return fail("unexpected end of input in a string");
        const std::string_view raw = s_.substr(start, pos_ - start);
        ++pos_;  // the closing quote
        if (!escaped) {
            out = raw;
            return true;
        }
        return unescape(raw, start, out);
    }

    bool unescape(std::string_view raw, size_t start, std::string_view& out) {
        buffer_.clear();
        for (size_t i = 0; i < raw.size(); ++i) {
            const char c = raw[i];
            if (c != '\\') {
                buffer_.push_back(c);
                continue;
            }
            if (++i >= raw.size()) return fail_at(start + i, "unexpected end of input in an escape");
            switch (raw[i]) {
                case '"': buffer_.push_back('"'); break;
                case '\\': buffer_.push_back('\\'); break;
                case '/': buffer_.push_back('/'); break;
                case 'b': buffer_.push_back('\b'); break;
                case 'f': buffer_.push_back('\f'); break;
                case 'n': buffer_.push_back('\n'); break;
                case 'r': buffer_.push_back('\r'); break;
                case 't': buffer_.push_back('\t'); break;
                case 'u': {
                    uint32_t cp = 0;
                    if (!hex4(raw, i + 1, cp)) return fail_at(start + i, "expected four hex digits after \\u");
                    i += 4;
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail_at(start + i, "a low surrogate without a high one");
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        uint32_t low = 0;
                        if (i + 6 >= raw.size() || raw[i + 1] != '\\' || raw[i + 2] != 'u' || !hex4(raw, i + 3, low) ||
                            low < 0xDC00 || low > 0xDFFF) {
                            return fail_at(start + i, "a high surrogate must be followed by a low one");
                        }
                        i += 6;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(cp);
                    break;
                }
                default: return fail_at(start + i, "invalid escape in a string");
            }
        }
        out = buffer_;
        return true;
    }

    static bool hex4(std::string_view s, size_t at, uint32_t& out) {
        if (at + 4 > s.size()) return false;
        out = 0;
        for (size_t k = 0; k < 4; ++k) {
            const char c = s[at + k];
            int v;
            if (c >= '0' && c <= '9') v = c - '0';
            else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
            else return false;
            out = out * 16 + static_cast<uint32_t>(v);
        }
        return true;
    }

    void append_utf8(uint32_t cp) {
        if (cp < 0x80) {
            buffer_.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            buffer_.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            buffer_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            buffer_.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            buffer_.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            buffer_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            buffer_.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            buffer_.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            buffer_.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            buffer_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    void skip_space() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t')) ++pos_;
    }
    bool peek(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
    static bool digit(char c) { return c >= '0' && c <= '9'; }

    // A character as an author would search for it: '}' or, if not printable ASCII, its byte.
    static std::string found(char c) {
        const auto b = static_cast<unsigned char>(c);
        if (b > 0x20 && b < 0x7F) return std::string("'") + c + "'";
        static const char hex[] = "0123456789ABCDEF";
        return std::string("the byte 0x") + hex[b >> 4] + hex[b & 0xF];
    }

    bool expected(const char* what) {
        return fail(std::string("expected ") + what + ", found " + (pos_ < s_.size() ? found(s_[pos_]) : "the end of the text"));
    }
    bool fail(const std::string& message) { return fail_at(pos_, message); }
    bool fail_at(size_t at, const std::string& message) {
        // Line and column are counted only now, when there is an error to describe.
        size_t line = 1, column = 1;
        for (size_t i = 0; i < at && i < s_.size(); ++i) {
            if (s_[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        h_.parse_error(at, "not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) +
                               ", byte " + std::to_string(at) + ": " + message);
        return false;
    }

    std::string_view s_;
    Handler& h_;
    size_t pos_ = 0;
    std::string buffer_;
};

}  // namespace eligibility::detail
