// The evaluator's semantics (docs/contract.md section 2) on a small service that uses every
// section: verdict order, channels, fee variants, waivers and totals, checks, deadlines,
// constraints, effective windows and the order of `missing`.
#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.hpp"

using namespace fixtures;

namespace {

json usd(int64_t minor) { return {{"amount_minor", minor}, {"currency", "USD"}}; }

json sample() {
    json s = service();
    s["constraints"] = json::array({{{"id", "expired"}, {"path", "/facts/passport_expiry"}, {"message", text("Passport expired")},
                                     {"when", {{"lt", json::array({fact("passport_expiry"), {{"as_of", json::object()}}})}}}}});
    s["verdicts"] = json::array({
        rec("friends", {{"code", "visa_free"}, {"outputs", {{"max_stay_days", 90}}},
                        {"when", {{"in", json::array({fact("nationality"), {{"list", "friends"}}})}}}}),
        rec("pilot", {{"code", "visa_free"}, {"outputs", {{"max_stay_days", 30}}},
                      {"effective", {{"from", "2026-02-15"}, {"until", "2027-02-15"}}},
                      {"when", {{"all", json::array({{{"eq", json::array({fact("nationality"), "US"})}},
                                                      {{"eq", json::array({fact("purpose"), "tourism"})}}})}}}}),
        rec("required", {{"code", "visa_required"},
                         {"channels", json::array({rec("evisa", {{"when", {{"le", json::array({fact("stay_days"), 30})}}}}),
                                                   rec("consular")})}}),
    });
    s["fees"] = json::array({
        rec("state_fee", {{"variant", "transit"}, {"channel", "consular"}, {"amount", usd(2000)},
                          {"when", {{"eq", json::array({fact("purpose"), "transit"})}}}}),
        rec("state_fee", {{"variant", "other"}, {"channel", "consular"}, {"amount", usd(5000)}}),
        rec("evisa_fee", {{"channel", "evisa"}, {"amount", usd(2000)}}),
        rec("service_charge", {{"channel", "evisa"}, {"amount_known", false}, {"confidence", "secondary"}}),
        rec("stamp", {{"amount", {{"amount_minor", 400}, {"currency", "AZN"}}},
                      {"when", {{"verdict", json::array({"visa_required"})}}}}),
    });
    // One waiver serves every variant of the fees it names.
    s["waivers"] = json::array({rec("child", {{"fees", json::array({"state_fee"})}, {"when", {{"lt", json::array({fact("age"), 12})}}}})});
    s["documents"] = json::array({
        rec("passport"),
        rec("application_form", {{"channel", "consular"}}),
        rec("receipt", {{"when", {{"payable", json::array({"state_fee"})}}}}),
        rec("parental_permission", {{"when", {{"all", json::array({{{"lt", json::array({fact("age"), 18})}},
                                                                  {{"not", fact("accompanied")}}})}}}}),
    });
    s["checks"] = json::array({
        rec("visa_free_period", {{"severity", "warning"}, {"when", {{"verdict", json::array({"visa_free"})}}},
                                 {"test", {{"le", json::array({fact("stay_days"), {{"verdict_output", "max_stay_days"}}})}}}}),
        rec("passport_validity", {{"severity", "blocker"},
                                  {"outputs", {{"required_until", {{"add_months", json::array({fact("entry_date"), 3})}}}}},
                                  {"test", {{"ge", json::array({fact("passport_expiry"), {{"add_months", json::array({fact("entry_date"), 3})}}})}}}}),
        rec("diplomatic_list", {{"severity", "warning"}, {"test", {{"unknown", true}}}}),
    });
    s["deadlines"] = json::array({
        rec("registration", {{"variant", "kz"}, {"within", {{"days", 30}}}, {"from", fact("entry_date")},
                             {"when", {{"all", json::array({{{"eq", json::array({fact("nationality"), "KZ"})}},
                                                             {{"gt", json::array({fact("stay_days"), 30})}}})}}}}),
        rec("registration", {{"variant", "general"}, {"within", {{"days", 15}}}, {"from", fact("entry_date")},
                             {"when", {{"all", json::array({{{"ne", json::array({fact("nationality"), "KZ"})}},
                                                             {{"gt", json::array({fact("stay_days"), 15})}}})}}}}),
        rec("apply_by", {{"channel", "evisa"}, {"within", {{"working_days", 3}}}, {"before", fact("entry_date")}}),
        rec("processing", {{"channel", "evisa"}, {"within", {{"hours", 3}}}}),
    });
    s["notices"] = json::array({rec("where_to_apply", {{"channel", "consular"}, {"note", text("At the embassy")}})});
    return s;
}

json ids(const json& items) {
    json out = json::array();
    for (const auto& i : items) out.push_back(i["id"]);
    return out;
}

}  // namespace

TEST_CASE("an empty profile asks first for what the verdict needs") {
    auto e = engine(sample());
    const json d = decide(e, json::object());
    CHECK(d["status"] == "needs_input");
    CHECK(d["verdict"].is_null());
    // The verdict needs nationality first; items that do not depend on it still ask their own.
    CHECK(d["missing"].front() == "nationality");
    CHECK(d["documents"] == json::array({{{"id", "passport"}, {"citation", "law of passport"}}}));
    CHECK(d["totals"] == json::array());
}

TEST_CASE("the first verdict that applies wins; missing lists what is left, in fact order") {
    auto e = engine(sample());
    const json d = decide(e, {{"nationality", "KZ"}});
    CHECK(d["verdict"] == json({{"code", "visa_free"}, {"basis", "friends"}, {"max_stay_days", 90}, {"citation", "law of friends"}}));
    CHECK(d["missing"] == json::array({"age", "entry_date", "stay_days", "passport_expiry"}));
    CHECK(d["fees"] == json::array());
    CHECK(ids(d["documents"]) == json::array({"passport"}));
}

TEST_CASE("an earlier verdict still unknown blocks later ones") {
    auto e = engine(sample());
    const json d = decide(e, {{"nationality", "US"}});
    CHECK(d["verdict"].is_null());
    CHECK(d["missing"].front() == "purpose");  // the pilot needs the purpose first
    const json tourist = decide(e, {{"nationality", "US"}, {"purpose", "tourism"}});
    CHECK(tourist["verdict"]["basis"] == "pilot");
    CHECK(tourist["verdict"]["until"] == "2027-02-15");
}

TEST_CASE("effective windows are read at as_of") {
    auto e = engine(sample());
    eligibility::EvalOptions o;
    const json profile = {{"service", "visa"}, {"as_of", "2027-02-16"}, {"facts", {{"nationality", "US"}, {"purpose", "tourism"}}}};
    const json d = json::parse(e.evaluate(profile.dump(), o).json);
    CHECK(d["as_of"] == "2027-02-16");
    CHECK(d["verdict"].is_null());  // the pilot has ended: now the visa's channels need stay_days
    CHECK(std::find(d["missing"].begin(), d["missing"].end(), "stay_days") != d["missing"].end());
    CHECK(std::find(d["missing"].begin(), d["missing"].end(), "purpose") == d["missing"].end());
}

TEST_CASE("a complete profile is decided: channels, fees per channel, totals per channel") {
    auto e = engine(sample());
    const json facts = {{"nationality", "DE"}, {"purpose", "work"}, {"age", 30}, {"accompanied", true},
                        {"entry_date", "2026-12-01"}, {"stay_days", 20}, {"passport_expiry", "2030-01-01"}};
    const json d = decide(e, facts);
    CHECK(d["status"] == "decided");
    CHECK(d["missing"] == json::array());
    CHECK(d["verdict"]["channels"] == json::array({"evisa", "consular"}));
    CHECK(d["verdict"]["channel_details"].size() == 2);
    CHECK(ids(d["fees"]) == json::array({"state_fee", "evisa_fee", "service_charge", "stamp"}));
    CHECK(d["fees"][0] == json({{"id", "state_fee"}, {"channel", "consular"}, {"amount_minor", 5000}, {"currency", "USD"},
                                {"waived", false}, {"citation", "law of state_fee"}}));
    CHECK(d["fees"][2] == json({{"id", "service_charge"}, {"channel", "evisa"}, {"amount_known", false}, {"waived", false},
                                {"citation", "law of service_charge"}, {"confidence", "secondary"}}));
    // Totals: each channel counts its own fees and the fees of no channel (the AZN stamp).
    CHECK(d["totals"] == json::array({
                             {{"channel", "evisa"}, {"currency", "USD"}, {"amount_minor", 2000}},
                             {{"channel", "evisa"}, {"currency", "AZN"}, {"amount_minor", 400}},
                             {{"channel", "evisa"}, {"amount_known", false}},
                             {{"channel", "consular"}, {"currency", "USD"}, {"amount_minor", 5000}},
                             {{"channel", "consular"}, {"currency", "AZN"}, {"amount_minor", 400}},
                         }));
    CHECK(ids(d["documents"]) == json::array({"passport", "application_form", "receipt"}));
    CHECK(d["checks"][0] == json({{"id", "passport_validity"}, {"result", "pass"}, {"required_until", "2027-03-01"},
                                  {"citation", "law of passport_validity"}}));
    CHECK(d["checks"][1]["result"] == "unknown");  // decided, yet the sources cannot settle it
    CHECK(d["deadlines"] == json::array({
                                {{"id", "registration"}, {"within_days", 15}, {"due", "2026-12-16"}, {"citation", "law of registration"}},
                                {{"id", "apply_by"}, {"channel", "evisa"}, {"within_working_days", 3}, {"due", "2026-11-26"}, {"citation", "law of apply_by"}},
                                {{"id", "processing"}, {"channel", "evisa"}, {"within_hours", 3}, {"citation", "law of processing"}},
                            }));
    CHECK(d["trace"] == json::array({{{"rule", "verdicts/required"}, {"citation", "law of required"}},
                                     {{"rule", "channels/evisa"}, {"citation", "law of evisa"}},
                                     {{"rule", "channels/consular"}, {"citation", "law of consular"}}}));
}

TEST_CASE("a channel that does not apply takes its fees, documents and deadlines with it") {
    auto e = engine(sample());
    const json d = decide(e, {{"nationality", "DE"}, {"purpose", "transit"}, {"age", 30}, {"entry_date", "2026-12-01"},
                              {"stay_days", 40}, {"passport_expiry", "2030-01-01"}});
    CHECK(d["verdict"]["channels"] == json::array({"consular"}));
    CHECK(ids(d["fees"]) == json::array({"state_fee", "stamp"}));
    CHECK(d["fees"][0]["amount_minor"] == 2000);  // the transit variant
    CHECK(d["totals"] == json::array({{{"channel", "consular"}, {"currency", "USD"}, {"amount_minor", 2000}},
                                      {{"channel", "consular"}, {"currency", "AZN"}, {"amount_minor", 400}}}));
}

TEST_CASE("a waiver keeps the fee in the list at zero, with its reason, and adds nothing") {
    auto e = engine(sample());
    const json d = decide(e, {{"nationality", "DE"}, {"purpose", "work"}, {"age", 8}, {"accompanied", true},
                              {"entry_date", "2026-12-01"}, {"stay_days", 40}, {"passport_expiry", "2030-01-01"}});
    CHECK(d["fees"][0] == json({{"id", "state_fee"}, {"channel", "consular"}, {"amount_minor", 0}, {"currency", "USD"},
                                {"waived", true}, {"waived_amount_minor", 5000},
                                {"waiver", {{"id", "child"}, {"citation", "law of child"}}}, {"citation", "law of state_fee"}}));
    CHECK(d["totals"][0] == json({{"channel", "consular"}, {"currency", "USD"}, {"amount_minor", 0}}));
    CHECK(ids(d["documents"]) == json::array({"passport", "application_form"}));  // nothing payable: no receipt
    CHECK(d["trace"].back() == json({{"rule", "waivers/child"}, {"citation", "law of child"}}));
}

TEST_CASE("a fee whose waiver is not settled is not reported yet, and nor are the totals") {
    auto e = engine(sample());
    const json d = decide(e, {{"nationality", "DE"}, {"purpose", "work"}, {"entry_date", "2026-12-01"}, {"stay_days", 40},
                              {"passport_expiry", "2030-01-01"}});
    CHECK(ids(d["fees"]) == json::array({"stamp"}));
    CHECK(d["totals"] == json::array());
    CHECK(d["missing"] == json::array({"age"}));
}

TEST_CASE("follow-up questions wait for their guard") {
    auto e = engine(sample());
    json facts = {{"nationality", "KZ"}, {"entry_date", "2026-12-01"}, {"stay_days", 40}, {"passport_expiry", "2030-01-01"}};
    CHECK(decide(e, facts)["missing"] == json::array({"age"}));
    facts["age"] = 15;
    CHECK(decide(e, facts)["missing"] == json::array({"accompanied"}));
    facts["age"] = 40;
    CHECK(decide(e, facts)["status"] == "decided");
}

TEST_CASE("variants: Kazakhstan registers after 30 days, others after 15") {
    auto e = engine(sample());
    json facts = {{"nationality", "KZ"}, {"age", 40}, {"entry_date", "2026-12-01"}, {"stay_days", 20}, {"passport_expiry", "2030-01-01"}};
    CHECK(decide(e, facts)["deadlines"] == json::array());
    facts["stay_days"] = 31;
    const json d = decide(e, facts);
    CHECK(d["deadlines"][0]["within_days"] == 30);
    CHECK(d["deadlines"][0]["due"] == "2026-12-31");
}

TEST_CASE("checks fail with their severity, and read the verdict's outputs") {
    auto e = engine(sample());
    const json d = decide(e, {{"nationality", "TR"}, {"age", 40}, {"entry_date", "2026-12-01"}, {"stay_days", 120},
                              {"passport_expiry", "2027-01-15"}}, "en");
    CHECK(d["checks"][0]["id"] == "visa_free_period");
    CHECK(d["checks"][0]["result"] == "fail");
    CHECK(d["checks"][0]["severity"] == "warning");
    CHECK(d["checks"][1]["result"] == "fail");
    CHECK(d["checks"][1]["severity"] == "blocker");
    CHECK(d["checks"][1]["required_until"] == "2027-03-01");
}

TEST_CASE("inconsistent facts are an error, with the rule's path") {
    auto e = engine(sample());
    const json d = decide(e, {{"nationality", "DE"}, {"passport_expiry", "2026-11-20"}});
    CHECK(d == json({{"status", "error"},
                     {"errors", json::array({{{"path", "/facts/passport_expiry"}, {"code", "inconsistent"},
                                              {"message", "Passport expired"}, {"constraint", "expired"}}})}}));
    // The rules' own message, in the language asked for.
    CHECK(decide(e, {{"nationality", "DE"}, {"passport_expiry", "2026-11-20"}}, "ru")["errors"][0]["message"] == "Passport expired (ru)");
}

TEST_CASE("with a language, every item carries its title and note") {
    auto e = engine(sample());
    const json facts = {{"nationality", "DE"}, {"purpose", "work"}, {"age", 30}, {"accompanied", true},
                        {"entry_date", "2026-12-01"}, {"stay_days", 40}, {"passport_expiry", "2030-01-01"}};
    const json az = decide(e, facts, "az");
    CHECK(az["lang"] == "az");
    CHECK(az["verdict"]["title"] == "required (az)");
    CHECK(az["documents"][0]["title"] == "passport (az)");
    CHECK(az["notices"][0]["note"] == "At the embassy (az)");
    const json none = decide(e, facts);
    CHECK_FALSE(none.contains("lang"));
    CHECK_FALSE(none["documents"][0].contains("title"));
    // Ids never change with the language.
    CHECK(ids(az["documents"]) == ids(none["documents"]));
}

TEST_CASE("the same input gives the same bytes, and a reused engine forgets the last profile") {
    auto e = engine(sample());
    const eligibility::EvalOptions o = eval_options();
    const std::string full = R"({"service":"visa","facts":{"nationality":"DE","purpose":"work","age":8,"accompanied":true,"entry_date":"2026-12-01","stay_days":40,"passport_expiry":"2030-01-01"}})";
    const std::string first = e.evaluate(full, o).json;
    const std::string other = e.evaluate(R"({"service":"visa","facts":{"nationality":"KZ"}})", o).json;
    CHECK(other != first);
    CHECK(e.evaluate(full, o).json == first);
    CHECK(e.evaluate(full, o).status == eligibility::Status::decided);
}

TEST_CASE("questions describe the missing facts in order, with options and labels") {
    auto e = engine(sample());
    const eligibility::EvalOptions o = eval_options(eligibility::Lang::ru);
    const json q = json::parse(e.questions(R"({"service":"visa","facts":{"nationality":"US"}})", o).json);
    CHECK(q["status"] == "needs_input");
    REQUIRE(q["questions"].size() >= 1);
    CHECK(q["questions"][0]["id"] == "purpose");
    CHECK(q["questions"][0]["type"] == "enum");
    CHECK(q["questions"][0]["label"] == "Purpose? (ru)");
    CHECK(q["questions"][0]["options"][0] == json({{"value", "tourism"}, {"label", "Tourism (ru)"}}));
    const json f = json::parse(e.facts("visa", eligibility::Lang::en).json);
    CHECK(f["facts"][0]["id"] == "nationality");
    // Countries: the table minus the excluded, then the special values.
    CHECK(f["facts"][0]["options"].size() == 6);
    CHECK(f["facts"][0]["options"].back()["value"] == "stateless");
    CHECK(f["facts"][2]["min"] == 0);
    CHECK(json::parse(e.facts("taxi", eligibility::Lang::en).json)["status"] == "error");
}

TEST_CASE("a waived fee of unknown amount costs nothing, without inventing an amount or currency") {
    json s = service();
    s["fees"] = json::array({rec("permit_fee", {{"amount_known", false}})});
    s["waivers"] = json::array({rec("victim", {{"fees", json::array({"permit_fee"})}, {"when", {{"lt", json::array({fact("age"), 12})}}}})});
    auto e = engine(s);
    CHECK(decide(e, {{"age", 8}})["fees"][0] == json({{"id", "permit_fee"}, {"amount_minor", 0}, {"waived", true},
                                                      {"waiver", {{"id", "victim"}, {"citation", "law of victim"}}},
                                                      {"citation", "law of permit_fee"}}));
    CHECK(decide(e, {{"age", 8}})["totals"] == json::array());
    CHECK(decide(e, {{"age", 30}})["fees"][0]["amount_known"] == false);
    CHECK(decide(e, {{"age", 30}})["totals"] == json::array({{{"amount_known", false}}}));
}

TEST_CASE("a service may have nothing to ask") {
    json s = service();
    s["facts"] = json::array();
    s.erase("lists");
    auto e = engine(s);
    const json d = decide(e, json::object());
    CHECK(d["status"] == "decided");
    CHECK(d["verdict"]["code"] == "visa_required");
}
