// UTF-8 as JSON needs it in both directions: the scanner refuses text that is not UTF-8
// (json_scanner.hpp), the writer replaces each byte that is not with U+FFFD (json_writer.cpp).
// One definition of "valid", so that what one accepts the other never has to mend.
#pragma once

#include <cstddef>
#include <string_view>

namespace eligibility::detail {

// Length of the valid UTF-8 sequence starting at s[i] (1 for ASCII), or 0 if the bytes there are
// not one: no overlong forms, no UTF-16 surrogates, nothing beyond U+10FFFF.
inline size_t utf8_sequence(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const auto cont = [&](size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
    const unsigned char c = b(i);
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(i + 1) || !cont(i + 2)) return 0;
        if (c == 0xE0 && b(i + 1) < 0xA0) return 0;  // overlong
        if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // UTF-16 surrogates
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
        if (c == 0xF0 && b(i + 1) < 0x90) return 0;  // overlong
        if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // beyond U+10FFFF
        return 4;
    }
    return 0;
}

}  // namespace eligibility::detail
