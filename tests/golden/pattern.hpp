// The expectation pattern of golden cases (native and, in tests/wasm/support.mjs, JavaScript):
// objects match if every key given matches; arrays must have the same length and match element
// by element; other values must be equal.
#pragma once

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace golden {

// A case file's (or a rules file's) bytes, as they are.
inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void match(const nlohmann::json& expected, const nlohmann::json& actual, const std::string& path,
                  std::vector<std::string>& problems) {
    if (expected.is_object()) {
        if (!actual.is_object()) {
            problems.push_back(path + ": expected an object, got " + actual.dump());
            return;
        }
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const auto found = actual.find(it.key());
            if (found == actual.end()) {
                problems.push_back(path + "/" + it.key() + ": missing (expected " + it.value().dump() + ")");
                continue;
            }
            match(it.value(), *found, path + "/" + it.key(), problems);
        }
        return;
    }
    if (expected.is_array()) {
        if (!actual.is_array()) {
            problems.push_back(path + ": expected an array, got " + actual.dump());
            return;
        }
        if (expected.size() != actual.size()) {
            problems.push_back(path + ": expected " + std::to_string(expected.size()) + " elements, got " +
                               std::to_string(actual.size()) + ": " + actual.dump());
            return;
        }
        for (size_t i = 0; i < expected.size(); ++i) match(expected[i], actual[i], path + "/" + std::to_string(i), problems);
        return;
    }
    if (expected != actual) problems.push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
}

// Standard base64 (RFC 4648), for inputs that are bytes rather than text (invalid UTF-8).
inline std::string decode_base64(const std::string& in) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    };
    std::string out;
    int bits = 0;
    uint32_t buffer = 0;  // only the low 14 bits matter; masked so it never overflows
    for (char c : in) {
        const int v = value(c);
        if (v < 0) continue;  // '=' padding and whitespace
        buffer = ((buffer << 6) | static_cast<uint32_t>(v)) & 0x3FFF;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    return out;
}

}  // namespace golden
