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

// A set of languages, one bit per Lang: the languages a service's texts were loaded in (a rule
// pack may carry only one, to be downloaded by an applicant who reads only that one).
using LangSet = uint8_t;
inline constexpr LangSet kAllLangs = 0b111;
inline constexpr LangSet lang_bit(Lang l) { return static_cast<LangSet>(1u << static_cast<unsigned>(l)); }
// "en, az and ru", "en and ru", "az": for messages.
std::string lang_list(LangSet langs);

struct LocalText {
    std::array<std::string, 3> text;  // indexed by Lang
    bool present = false;
    const std::string& in(Lang l) const { return text[static_cast<size_t>(l)]; }
};

}  // namespace eligibility
