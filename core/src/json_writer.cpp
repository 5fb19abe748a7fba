#include "eligibility/json_writer.hpp"

#include <charconv>

#include "utf8.hpp"

namespace eligibility {

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            // Copy the run of plain ASCII at once.
            size_t j = i + 1;
            while (j < s.size()) {
                const auto d = static_cast<unsigned char>(s[j]);
                if (d < 0x20 || d == '"' || d == '\\' || d >= 0x80) break;
                ++j;
            }
            out.append(s.data() + i, j - i);
            i = j;
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; ++i; continue;
            case '\\': out += "\\\\"; ++i; continue;
            case '\n': out += "\\n"; ++i; continue;
            case '\r': out += "\\r"; ++i; continue;
            case '\t': out += "\\t"; ++i; continue;
            case '\b': out += "\\b"; ++i; continue;
            case '\f': out += "\\f"; ++i; continue;
            default: break;
        }
        if (c < 0x20) {
            out += "\\u00";
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0xF]);
            ++i;
            continue;
        }
        const size_t n = detail::utf8_sequence(s, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
            ++i;
        } else {
            out.append(s.data() + i, n);
            i += n;
        }
    }
    out.push_back('"');
}

void JsonWriter::separate() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (depth_ == 0) return;
    const uint64_t bit = uint64_t{1} << (depth_ - 1);
    if (has_element_ & bit) out_.push_back(',');
    has_element_ |= bit;
}

void JsonWriter::open(char c) {
    separate();
    out_.push_back(c);
    ++depth_;
    if (depth_ <= 64) has_element_ &= ~(uint64_t{1} << (depth_ - 1));
}

void JsonWriter::close(char c) {
    out_.push_back(c);
    --depth_;
}

void JsonWriter::key(std::string_view k) {
    // Comma, quotes, key and colon in one append (keys are short; a long one takes the slow way).
    char buf[72];
    if (k.size() > sizeof buf - 5) {
        separate();
        out_.push_back('"');
        out_.append(k);
        out_ += "\":";
        after_key_ = true;
        return;
    }
    size_t n = 0;
    if (depth_ > 0 && !after_key_) {
        const uint64_t bit = uint64_t{1} << (depth_ - 1);
        if (has_element_ & bit) buf[n++] = ',';
        has_element_ |= bit;
    }
    buf[n++] = '"';
    for (char c : k) buf[n++] = c;
    buf[n++] = '"';
    buf[n++] = ':';
    out_.append(buf, n);
    after_key_ = true;
}

void JsonWriter::string(std::string_view s) {
    separate();
    append_json_string(out_, s);
}

void JsonWriter::integer(int64_t v) {
    separate();
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, static_cast<size_t>(res.ptr - buf));
}

void JsonWriter::boolean(bool v) {
    separate();
    out_ += v ? "true" : "false";
}

void JsonWriter::null() {
    separate();
    out_ += "null";
}

void JsonWriter::date(CivilDate d) {
    separate();
    char buf[12];
    buf[0] = '"';
    d.format_to(buf + 1);
    buf[11] = '"';
    out_.append(buf, 12);
}

}  // namespace eligibility
