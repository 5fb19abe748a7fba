// Texts shown to people, in the three languages every record carries.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace eligibility {

enum class Lang : uint8_t { en = 0, az = 1, ru = 2 };
inline constexpr std::array<const char*, 3> kLangCodes = {"en", "az", "ru"};

std::optional<Lang> parse_lang(std::string_view code);
inline const char* lang_code(Lang l) { return kLangCodes[static_cast<size_t>(l)]; }

struct LocalText {
    std::array<std::string, 3> text;  // indexed by Lang
    bool present = false;
    const std::string& in(Lang l) const { return text[static_cast<size_t>(l)]; }
};

}  // namespace eligibility
