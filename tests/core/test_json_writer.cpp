#include <doctest/doctest.h>

#include "eligibility/json_writer.hpp"

using namespace eligibility;

namespace {
std::string quoted_json(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}
}  // namespace

TEST_CASE("strings are escaped as JSON requires") {
    CHECK(quoted_json("plain") == "\"plain\"");
    CHECK(quoted_json("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(quoted_json("line\nbreak\ttab\r") == "\"line\\nbreak\\ttab\\r\"");
    CHECK(quoted_json(std::string("\x01\x1f", 2)) == "\"\\u0001\\u001f\"");
    CHECK(quoted_json(std::string("nul\0byte", 8)) == "\"nul\\u0000byte\"");
    CHECK(quoted_json("Azərbaycan — Азербайджан") == "\"Azərbaycan — Азербайджан\"");
    CHECK(quoted_json("</script>") == "\"</script>\"");
}

TEST_CASE("bytes that are not UTF-8 become U+FFFD, so the output is always valid") {
    CHECK(quoted_json("a\xff" "b") == "\"a\xEF\xBF\xBD" "b\"");
    CHECK(quoted_json("\xc3") == "\"\xEF\xBF\xBD\"");                  // truncated sequence
    CHECK(quoted_json("\xc0\xaf") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");  // overlong '/'
    CHECK(quoted_json("\xed\xa0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
    CHECK(quoted_json("\xf4\x90\x80\x80").find("\xEF\xBF\xBD") != std::string::npos);   // > U+10FFFF
    CHECK(quoted_json("\xf0\x9f\x98\x80") == "\"\xf0\x9f\x98\x80\"");  // a valid 4-byte emoji stays
}

TEST_CASE("the writer places commas and colons, nothing else") {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.field("a", "x");
    w.key("list");
    w.begin_array();
    w.integer(-5);
    w.boolean(true);
    w.null();
    w.begin_object();
    w.end_object();
    w.date(*CivilDate::parse("2026-11-21"));
    w.end_array();
    w.field_int("n", 9007199254740993);
    w.end_object();
    CHECK(out == R"({"a":"x","list":[-5,true,null,{},"2026-11-21"],"n":9007199254740993})");
}
