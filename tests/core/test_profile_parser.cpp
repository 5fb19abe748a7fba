// Every bad profile gets the contract's error code at the right JSON Pointer; good ones become
// typed facts.
#include <doctest/doctest.h>

#include "eligibility/profile.hpp"
#include "fixtures.hpp"

using namespace fixtures;
using eligibility::ErrorCode;

namespace {

const eligibility::RuleSet& rules() {
    static const auto loaded = eligibility::load_rules(bundle(service()).dump());
    REQUIRE(loaded.ok());
    return *loaded.rules;
}

eligibility::Errors parse(const std::string& text, eligibility::Profile* out = nullptr) {
    eligibility::Profile p;
    auto errors = eligibility::parse_profile(text, rules(), *eligibility::CivilDate::parse("2026-11-21"), p);
    if (out) *out = p;
    return errors;
}

void expect_one(const std::string& text, const std::string& path, ErrorCode code) {
    const auto errors = parse(text);
    REQUIRE_MESSAGE(errors.size() == 1, text << "\n" << describe(errors));
    CHECK_MESSAGE(errors[0].path == path, text);
    CHECK_MESSAGE(errors[0].code == code, text << " gave " << eligibility::error_code_name(errors[0].code));
    CHECK_FALSE(errors[0].message.empty());
}

}  // namespace

TEST_CASE("a valid profile becomes typed facts") {
    eligibility::Profile p;
    const auto errors = parse(R"({"service":"visa","as_of":"2026-01-05","facts":{"nationality":"DE","purpose":"work",
        "age":34,"accompanied":true,"entry_date":"2026-02-01","stay_days":10,"passport_expiry":null}})", &p);
    REQUIRE_MESSAGE(errors.empty(), describe(errors));
    CHECK(p.service == rules().services[0].get());
    CHECK(p.as_of == *eligibility::CivilDate::parse("2026-01-05"));
    CHECK(p.has(0));
    CHECK(p.values[0] == eligibility::country_value('D', 'E'));
    CHECK(p.values[1] == 1);  // "work" is the second option
    CHECK(p.values[2] == 34);
    CHECK(p.values[3] == 1);
    CHECK(p.values[4] == eligibility::CivilDate::parse("2026-02-01")->days());
    CHECK_FALSE(p.has(6));    // null: not answered
}

TEST_CASE("as_of defaults to the caller's date, and facts may be left out") {
    eligibility::Profile p;
    REQUIRE(parse(R"({"service":"visa"})", &p).empty());
    CHECK(p.as_of == *eligibility::CivilDate::parse("2026-11-21"));
    CHECK(p.known == 0);
    REQUIRE(parse(R"({"service":"visa","facts":{}})", &p).empty());
}

TEST_CASE("not JSON at all") {
    expect_one("", "", ErrorCode::invalid_json);
    expect_one("{", "", ErrorCode::invalid_json);
    expect_one(R"({"service":"visa",})", "", ErrorCode::invalid_json);
    expect_one(R"({"service":"visa"} trailing)", "", ErrorCode::invalid_json);
    expect_one("{\"service\":\"vi\xffsa\"}", "", ErrorCode::invalid_json);  // not UTF-8
    expect_one("{'service':'visa'}", "", ErrorCode::invalid_json);
    CHECK(parse("{").at(0).message.find("byte") != std::string::npos);
}

TEST_CASE("the shape of the profile") {
    expect_one("[]", "", ErrorCode::wrong_type);
    expect_one("42", "", ErrorCode::wrong_type);
    expect_one(R"({"facts":{}})", "/service", ErrorCode::required);
    expect_one(R"({"service":"taxi"})", "/service", ErrorCode::unknown_service);
    expect_one(R"({"service":7})", "/service", ErrorCode::wrong_type);
    expect_one(R"({"service":{"id":"visa"}})", "/service", ErrorCode::wrong_type);
    expect_one(R"({"service":"visa","lang":"en"})", "/lang", ErrorCode::unknown_field);
    expect_one(R"({"service":"visa","facts":[]})", "/facts", ErrorCode::wrong_type);
    expect_one(R"({"service":"visa","facts":"DE"})", "/facts", ErrorCode::wrong_type);
    expect_one(R"({"service":"visa","as_of":"2026-02-30"})", "/as_of", ErrorCode::invalid_date);
    expect_one(R"({"service":"visa","as_of":20261121})", "/as_of", ErrorCode::wrong_type);
}

TEST_CASE("facts: unknown names, wrong types, ranges, options, countries, dates") {
    const auto fact = [](const std::string& body) { return R"({"service":"visa","facts":{)" + body + "}}"; };
    expect_one(fact(R"("agee":3)"), "/facts/agee", ErrorCode::unknown_fact);
    expect_one(fact(R"("age":"34")"), "/facts/age", ErrorCode::wrong_type);
    expect_one(fact(R"("age":34.5)"), "/facts/age", ErrorCode::wrong_type);
    expect_one(fact(R"("age":34.0)"), "/facts/age", ErrorCode::wrong_type);
    expect_one(fact(R"("age":131)"), "/facts/age", ErrorCode::out_of_range);
    expect_one(fact(R"("age":-1)"), "/facts/age", ErrorCode::out_of_range);
    expect_one(fact(R"("age":18446744073709551615)"), "/facts/age", ErrorCode::out_of_range);
    // Valid JSON, but not a whole number however large: the wrong type (never converted to a
    // double, so it cannot overflow).
    expect_one(fact(R"("age":1e400)"), "/facts/age", ErrorCode::wrong_type);
    expect_one(fact(R"("age":1E2)"), "/facts/age", ErrorCode::wrong_type);
    expect_one(fact(R"("age":[34])"), "/facts/age", ErrorCode::wrong_type);
    expect_one(fact(R"("age":{"years":34})"), "/facts/age", ErrorCode::wrong_type);
    expect_one(fact(R"("accompanied":"yes")"), "/facts/accompanied", ErrorCode::wrong_type);
    expect_one(fact(R"("accompanied":1)"), "/facts/accompanied", ErrorCode::wrong_type);
    expect_one(fact(R"("purpose":"holiday")"), "/facts/purpose", ErrorCode::not_an_option);
    expect_one(fact(R"("purpose":"Tourism")"), "/facts/purpose", ErrorCode::not_an_option);
    expect_one(fact(R"("purpose":3)"), "/facts/purpose", ErrorCode::wrong_type);
    expect_one(fact(R"("nationality":"XX")"), "/facts/nationality", ErrorCode::unknown_country);
    expect_one(fact(R"("nationality":"de")"), "/facts/nationality", ErrorCode::unknown_country);
    expect_one(fact(R"("nationality":"DEU")"), "/facts/nationality", ErrorCode::unknown_country);
    expect_one(fact(R"("nationality":"AZ")"), "/facts/nationality", ErrorCode::not_an_option);
    expect_one(fact(R"("nationality":true)"), "/facts/nationality", ErrorCode::wrong_type);
    expect_one(fact(R"("entry_date":"2026-13-01")"), "/facts/entry_date", ErrorCode::invalid_date);
    expect_one(fact(R"("entry_date":"01.12.2026")"), "/facts/entry_date", ErrorCode::invalid_date);
    expect_one(fact(R"("entry_date":20261201)"), "/facts/entry_date", ErrorCode::wrong_type);
    CHECK(parse(fact(R"("nationality":"stateless")")).empty());
}

TEST_CASE("keys with / and ~ are escaped in the error path") {
    expect_one(R"({"service":"visa","facts":{"a/b~c":1}})", "/facts/a~1b~0c", ErrorCode::unknown_fact);
}

TEST_CASE("a key given twice is refused where it repeats") {
    expect_one(R"({"service":"visa","facts":{"age":3,"age":4}})", "/facts/age", ErrorCode::duplicate_key);
    expect_one(R"({"service":"visa","service":"visa"})", "/service", ErrorCode::duplicate_key);
}

TEST_CASE("limits: size, depth, string length") {
    std::string big = R"({"service":"visa","facts":{"age":1}})";
    big.append(eligibility::limits::kProfileBytes, ' ');
    expect_one(big, "", ErrorCode::input_too_large);
    std::string deep = R"({"service":"visa","facts":{"age":)" + std::string(50000, '[');
    const auto deep_errors = parse(deep);
    REQUIRE(deep_errors.size() >= 1);
    CHECK(deep_errors.back().code == ErrorCode::input_too_large);
    const std::string long_value(eligibility::limits::kProfileStringBytes + 1, 'x');
    expect_one(R"({"service":"visa","facts":{"purpose":")" + long_value + "\"}}", "/facts/purpose", ErrorCode::input_too_large);
    expect_one(R"({"service":"visa","facts":{")" + long_value + "\":1}}", "/facts", ErrorCode::input_too_large);
}

TEST_CASE("every error is reported, in document order") {
    const auto errors = parse(R"({"facts":{"age":200,"purpose":"x","zzz":1},"extra":true})");
    REQUIRE(errors.size() == 2);  // without a service, facts cannot be checked
    CHECK(errors[0].path == "/extra");
    CHECK(errors[1].path == "/service");
    const auto more = parse(R"({"service":"visa","facts":{"age":200,"purpose":"x","zzz":1}})");
    REQUIRE(more.size() == 3);
    CHECK(more[0].path == "/facts/age");
    CHECK(more[1].path == "/facts/purpose");
    CHECK(more[2].path == "/facts/zzz");
    std::string many = R"({"service":"visa","facts":{)";
    for (int i = 0; i < 100; ++i) many += (i ? "," : "") + ("\"f" + std::to_string(i) + "\":1");
    many += "}}";
    const auto capped = parse(many);
    CHECK(capped.size() == eligibility::limits::kProfileErrors);
    CHECK(capped.back().path == "/facts/f31");
    CHECK(capped.back().message.find("(and 68 more errors not listed)") != std::string::npos);
}
