#include <doctest/doctest.h>

#include "fixtures.hpp"

using namespace fixtures;
using eligibility::ErrorCode;
using eligibility::load_rules;

namespace {

// Loads the service and expects it rejected with an error at exactly `path`.
void expect_rejected_at(const json& svc, const std::string& path) {
    const auto result = load_rules(bundle(svc).dump());
    CHECK_FALSE(result.ok());
    CHECK(result.rules == nullptr);
    for (const auto& e : result.errors) CHECK(e.code == ErrorCode::invalid_rules);
    CHECK_MESSAGE(has_error(result.errors, path), "expected an error at " << path << ", got:\n" << describe(result.errors));
}

const std::string S = "/services/0";

}  // namespace

TEST_CASE("a minimal valid bundle loads into a rule set") {
    const auto result = load_rules(bundle(service()).dump());
    REQUIRE_MESSAGE(result.ok(), describe(result.errors));
    const auto& rules = *result.rules;
    CHECK(rules.version == "test-1");
    CHECK(rules.countries.size() == 6);
    CHECK(rules.eu_countries.size() == 2);
    REQUIRE(rules.services.size() == 1);
    CHECK(rules.services[0]->facts.size() == 7);
    CHECK(rules.find_service("visa") != nullptr);
    CHECK(rules.find_service("passport") == nullptr);
}

TEST_CASE("text that is not JSON is refused with the byte where it breaks") {
    const auto result = load_rules("{\"format\": 1,\n \"version\": tru}");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].code == ErrorCode::invalid_rules);
    CHECK(result.errors[0].path == "");
    CHECK(result.errors[0].message.find("byte") != std::string::npos);
    CHECK_FALSE(load_rules("").ok());
    CHECK_FALSE(load_rules("[]").ok());
    CHECK_FALSE(load_rules(std::string("{\"a\":\"\xff\"}")).ok());  // not UTF-8
}

TEST_CASE("a repeated key is refused where it repeats") {
    std::string text = bundle(service()).dump();
    text.insert(1, "\"format\":1,");
    const auto result = load_rules(text);
    REQUIRE_FALSE(result.ok());
    CHECK(has_error(result.errors, "/format"));
    CHECK(result.errors[0].message.find("duplicate") != std::string::npos);
}

TEST_CASE("nesting beyond the limit is refused, not followed") {
    std::string deep(100000, '[');
    const auto result = load_rules(deep);
    REQUIRE_FALSE(result.ok());
    CHECK(result.errors[0].message.find("deeper") != std::string::npos);
}

TEST_CASE("every record needs a citation and a title in en, az and ru") {
    json s = service();
    s["verdicts"][0].erase("citation");
    expect_rejected_at(s, S + "/verdicts/0/citation");

    s = service();
    s["verdicts"][0]["citation"] = "";
    expect_rejected_at(s, S + "/verdicts/0/citation");

    s = service();
    s["verdicts"][0]["title"].erase("az");
    expect_rejected_at(s, S + "/verdicts/0/title/az");

    s = service();
    s["documents"] = json::array({{{"id", "passport"}, {"title", text("Passport")}}});
    expect_rejected_at(s, S + "/documents/0/citation");

    s = service();
    s["lists"][0].erase("citation");
    expect_rejected_at(s, S + "/lists/0/citation");

    s = service();
    s["fees"] = json::array({{{"id", "fee"}, {"citation", "law"}, {"title", text("Fee")},
                              {"amount", {{"amount_minor", 100}, {"currency", "USD"}}}}});
    s["waivers"] = json::array({{{"id", "w"}, {"fees", json::array({"fee"})}, {"title", text("W")}}});
    expect_rejected_at(s, S + "/waivers/0/citation");
    s["waivers"][0]["citation"] = "law";
    s["waivers"][0]["fees"] = json::array({"no_such_fee"});
    expect_rejected_at(s, S + "/waivers/0/fees/0");

    s = service();
    s["facts"][2]["question"]["ru"] = "";
    expect_rejected_at(s, S + "/facts/2/question/ru");
}

TEST_CASE("unknown keys are refused, because a misspelt key would silently change the meaning") {
    json s = service();
    s["verdicts"][0]["whne"] = true;
    expect_rejected_at(s, S + "/verdicts/0/whne");
    s = service();
    s["extra"] = 1;
    expect_rejected_at(s, S + "/extra");
}

TEST_CASE("conditions are checked: operators, names and types") {
    const auto with_when = [](const json& when) {
        json s = service();
        s["verdicts"] = json::array({{{"id", "free"}, {"code", "visa_free"}, {"citation", "law"}, {"title", text("Free")}, {"when", when}},
                                     service()["verdicts"][0]});
        return s;
    };
    const std::string W = S + "/verdicts/0/when";
    expect_rejected_at(with_when({{"maybe", json::array()}}), W);
    expect_rejected_at(with_when({{"eq", json::array({{{"fact", "agee"}}, 3})}}), W + "/eq/0/fact");
    expect_rejected_at(with_when({{"eq", json::array({{{"fact", "age"}}, "three"})}}), W + "/eq/1");
    expect_rejected_at(with_when({{"lt", json::array({{{"fact", "purpose"}}, "work"})}}), W + "/lt");
    expect_rejected_at(with_when({{"eq", json::array({{{"fact", "purpose"}}, "holiday"})}}), W + "/eq/1");
    expect_rejected_at(with_when({{"eq", json::array({{{"fact", "entry_date"}}, "2026-02-30"})}}), W + "/eq/1");
    expect_rejected_at(with_when({{"eq", json::array({1, 2})}}), W + "/eq");
    expect_rejected_at(with_when({{"in", json::array({{{"fact", "nationality"}}, {{"list", "enemies"}}})}}), W + "/in/1/list");
    expect_rejected_at(with_when({{"in", json::array({{{"fact", "nationality"}}, json::array({"XX"})})}}), W + "/in/1/0");
    expect_rejected_at(with_when({{"in", json::array({{{"fact", "nationality"}}, json::array({"DE", "DE"})})}}), W + "/in/1");
    expect_rejected_at(with_when({{"in", json::array({{{"fact", "age"}}, {{"list", "friends"}}})}}), W + "/in");
    expect_rejected_at(with_when({{"all", json::array()}}), W + "/all");
    expect_rejected_at(with_when({{"fact", "age"}}), W + "/fact");
    expect_rejected_at(with_when({{"unknown", false}}), W + "/unknown");
    expect_rejected_at(with_when({{"add_days", json::array({{{"fact", "entry_date"}}, 3})}}), W);
    // Verdicts are decided first, so they cannot depend on the verdict, channels or fees.
    expect_rejected_at(with_when({{"verdict", json::array({"visa_required"})}}), W + "/verdict");
    expect_rejected_at(with_when({{"channel", "consular"}}), W + "/channel");
    expect_rejected_at(with_when({{"payable", json::array({"fee"})}}), W + "/payable");
    // Nesting is bounded.
    json deep = true;
    for (int i = 0; i < 40; ++i) deep = {{"not", deep}};
    const auto result = load_rules(bundle(with_when(deep)).dump());
    CHECK_FALSE(result.ok());
    CHECK(describe(result.errors).find("deeper") != std::string::npos);
}

TEST_CASE("the last verdict must apply always") {
    json s = service();
    s["verdicts"][0]["when"] = {{"eq", json::array({{{"fact", "age"}}, 3})}};
    expect_rejected_at(s, S + "/verdicts/0");
    s = service();
    s["verdicts"][0]["effective"] = {{"until", "2030-01-01"}};
    expect_rejected_at(s, S + "/verdicts/0");
}

TEST_CASE("variants of one record must differ, and not overlap in time under the same condition") {
    const json doc = {{"id", "passport"}, {"citation", "law"}, {"title", text("Passport")},
                      {"effective", {{"from", "2020-01-01"}, {"until", "2024-12-31"}}}};
    json s = service();
    json second = doc;
    s["documents"] = json::array({doc, second});
    expect_rejected_at(s, S + "/documents/1");  // same id, no variant

    second["variant"] = "new";
    second["effective"] = {{"from", "2024-06-01"}};
    s["documents"] = json::array({doc, second});
    expect_rejected_at(s, S + "/documents/1/effective");

    second["effective"] = {{"from", "2025-01-01"}};
    s["documents"] = json::array({doc, second});
    CHECK(load_rules(bundle(s).dump()).ok());

    second["effective"] = {{"from", "2024-06-01"}};
    second["when"] = {{"gt", json::array({{{"fact", "age"}}, 17})}};
    s["documents"] = json::array({doc, second});
    CHECK(load_rules(bundle(s).dump()).ok());  // a different condition may overlap
}

TEST_CASE("effective windows must be real dates in order") {
    json s = service();
    s["verdicts"].insert(s["verdicts"].begin(), json{{"id", "x"}, {"code", "visa_free"}, {"citation", "law"}, {"title", text("X")},
                                                      {"effective", {{"from", "2026-02-30"}}}});
    expect_rejected_at(s, S + "/verdicts/0/effective/from");
    s["verdicts"][0]["effective"] = {{"from", "2027-01-01"}, {"until", "2026-01-01"}};
    expect_rejected_at(s, S + "/verdicts/0/effective");
}

TEST_CASE("fees give an amount in minor units, or say it is unknown; never both") {
    const json base = {{"id", "fee"}, {"citation", "law"}, {"title", text("Fee")}};
    json s = service();
    json fee = base;
    s["fees"] = json::array({fee});
    expect_rejected_at(s, S + "/fees/0/amount");
    fee["amount"] = {{"amount_minor", 20.5}, {"currency", "USD"}};
    s["fees"] = json::array({fee});
    expect_rejected_at(s, S + "/fees/0/amount/amount_minor");
    fee["amount"] = {{"amount_minor", 2000}, {"currency", "usd"}};
    s["fees"] = json::array({fee});
    expect_rejected_at(s, S + "/fees/0/amount/currency");
    fee["amount"] = {{"amount_minor", 2000}, {"currency", "USD"}};
    fee["amount_known"] = false;
    s["fees"] = json::array({fee});
    expect_rejected_at(s, S + "/fees/0");
    fee.erase("amount");
    s["fees"] = json::array({fee});
    CHECK(load_rules(bundle(s).dump()).ok());
}

TEST_CASE("references to channels, fees and verdict outputs must exist") {
    json s = service();
    s["fees"] = json::array({{{"id", "fee"}, {"citation", "law"}, {"title", text("Fee")}, {"channel", "embassy"},
                              {"amount", {{"amount_minor", 1}, {"currency", "USD"}}}}});
    expect_rejected_at(s, S + "/fees/0/channel");

    s = service();
    s["documents"] = json::array({{{"id", "receipt"}, {"citation", "law"}, {"title", text("Receipt")},
                                   {"when", {{"payable", json::array({"no_such_fee"})}}}}});
    expect_rejected_at(s, S + "/documents/0/when/payable/0");

    s = service();
    s["checks"] = json::array({{{"id", "period"}, {"citation", "law"}, {"title", text("Period")}, {"severity", "warning"},
                                {"test", {{"le", json::array({{{"fact", "stay_days"}}, {{"verdict_output", "max_stay_days"}}})}}}}});
    expect_rejected_at(s, S + "/checks/0/test/le/1/verdict_output");

    s = service();
    s["fees"] = json::array({{{"id", "fee"}, {"citation", "law"}, {"title", text("Fee")},
                              {"amount", {{"amount_minor", 1}, {"currency", "USD"}}},
                              {"when", {{"payable", json::array({"fee"})}}}}});
    expect_rejected_at(s, S + "/fees/0/when/payable");  // fees are decided before "payable" is known
}

TEST_CASE("outputs may not reuse the decision's own keys") {
    json s = service();
    s["verdicts"][0]["outputs"] = {{"citation", 1}};
    expect_rejected_at(s, S + "/verdicts/0/outputs/citation");
    s["verdicts"][0]["outputs"] = {{"Max", 1}};
    expect_rejected_at(s, S + "/verdicts/0/outputs/Max");
}

TEST_CASE("facts, services and countries are checked") {
    json s = service();
    s["facts"][0]["id"] = "Nationality";
    expect_rejected_at(s, S + "/facts/0/id");
    s = service();
    s["facts"][2]["min"] = 200;
    expect_rejected_at(s, S + "/facts/2");
    s = service();
    s["facts"][1]["options"][1]["value"] = "tourism";
    expect_rejected_at(s, S + "/facts/1/options/1/value");
    s = service();
    s["facts"][3]["type"] = "boolean";
    expect_rejected_at(s, S + "/facts/3/type");
    s = service();
    s["facts"].push_back(s["facts"][0]);
    expect_rejected_at(s, S + "/facts/7/id");
    s = service();
    s["service"] = "tourism";
    expect_rejected_at(s, S + "/service");

    json b = bundle(service());
    b["countries"]["countries"][1]["code"] = "de";
    CHECK(has_error(load_rules(b.dump()).errors, "/countries/countries/1/code"));
    b = bundle(service());
    std::swap(b["countries"]["countries"][1], b["countries"]["countries"][2]);
    CHECK(has_error(load_rules(b.dump()).errors, "/countries/countries/2/code"));
    b = bundle(service());
    b["services"].push_back(service());
    CHECK(has_error(load_rules(b.dump()).errors, "/services/1/service"));
    b = bundle(service());
    b["format"] = 2;
    CHECK(has_error(load_rules(b.dump()).errors, "/format"));
}

TEST_CASE("many problems are all reported, up to a limit, and no rule set is produced") {
    json s = service();
    for (int i = 0; i < 300; ++i) s["documents"].push_back({{"id", "d" + std::to_string(i)}});
    const auto result = load_rules(bundle(s).dump());
    CHECK_FALSE(result.ok());
    CHECK(result.errors.size() == eligibility::limits::kRulesErrors);
    // 300 documents without citation and title: 600 problems, 100 listed.
    CHECK(result.errors.back().message.find("(and 500 more problems not listed)") != std::string::npos);
}

TEST_CASE("numbers a rule cannot use are reported where they are, whatever their size") {
    // The text is written by hand: nlohmann's dump could not hold 1e400 or keep 2^64 - 1 exact.
    const auto with_max = [](const std::string& number) {
        std::string text = bundle(service()).dump();
        const std::string from = "\"max\":130";
        REQUIRE(text.find(from) != std::string::npos);
        return text.replace(text.find(from), from.size(), "\"max\":" + number);
    };
    for (const char* number : {"1.5", "1e3", "1e400", "-1e400", "18446744073709551615", "18446744073709551616",
                               "-9223372036854775809", "99999999999999999999999999999999"}) {
        CAPTURE(number);
        const auto result = load_rules(with_max(number));
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].path == "/services/0/facts/2/max");
        CHECK(result.errors[0].message == "expected a whole number");
    }
    CHECK(load_rules(with_max("9223372036854775807")).ok());  // the largest whole number a rule may use
}
