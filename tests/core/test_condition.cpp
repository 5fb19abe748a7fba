// The condition language: three-valued logic, "read left to right" for what to ask, and the
// operators. Each condition is compiled by the real loader and evaluated against a profile.
#include <doctest/doctest.h>

#include "eligibility/condition.hpp"
#include "eligibility/profile.hpp"
#include "fixtures.hpp"

using namespace fixtures;
using eligibility::Tri;

namespace {

struct Outcome {
    Tri value;
    std::vector<std::string> missing;
};

// Compiles `when` as the first verdict's condition and evaluates it on `facts`.
Outcome eval(const json& when, const json& facts) {
    json s = service();
    s["verdicts"].insert(s["verdicts"].begin(),
                         json{{"id", "probe"}, {"code", "probe"}, {"citation", "t"}, {"title", text("Probe")}, {"when", when}});
    const auto loaded = eligibility::load_rules(bundle(s).dump());
    REQUIRE_MESSAGE(loaded.ok(), describe(loaded.errors));
    const auto& rules = *loaded.rules;
    eligibility::Profile profile;
    const json p = {{"service", "visa"}, {"facts", facts}};
    const auto errors = eligibility::parse_profile(p.dump(), rules, *eligibility::CivilDate::parse("2026-11-21"), profile);
    REQUIRE_MESSAGE(errors.empty(), describe(errors));
    const auto& service = *rules.services[0];
    eligibility::EvalContext ctx;
    ctx.store = &service.store;
    ctx.facts = profile.values.data();
    ctx.known = profile.known;
    ctx.as_of = profile.as_of;
    uint64_t missing = 0;
    Outcome out{eligibility::evaluate_condition(ctx, service.verdicts[0].when, missing), {}};
    for (size_t i = 0; i < service.facts.size(); ++i) {
        if (missing >> i & 1) out.missing.push_back(service.facts[i].id);
    }
    return out;
}

const json age_lt_18 = {{"lt", json::array({{{"fact", "age"}}, 18})}};
const json not_accompanied = {{"not", {{"fact", "accompanied"}}}};

}  // namespace

TEST_CASE("constants") {
    CHECK(eval(true, json::object()).value == Tri::yes);
    CHECK(eval(false, json::object()).value == Tri::no);
    const auto u = eval({{"unknown", true}}, json::object());
    CHECK(u.value == Tri::unknown);
    CHECK(u.missing.empty());  // nothing to ask: the sources cannot settle it
}

TEST_CASE("a comparison over a fact not yet answered is unknown, and asks for that fact") {
    const auto o = eval(age_lt_18, json::object());
    CHECK(o.value == Tri::unknown);
    CHECK(o.missing == std::vector<std::string>{"age"});
    CHECK(eval(age_lt_18, {{"age", 17}}).value == Tri::yes);
    CHECK(eval(age_lt_18, {{"age", 18}}).value == Tri::no);
    CHECK(eval(age_lt_18, {{"age", nullptr}}).value == Tri::unknown);  // null = not answered
}

TEST_CASE("all: false as soon as one part is false, even if others are unknown") {
    const json c = {{"all", json::array({age_lt_18, not_accompanied})}};
    CHECK(eval(c, {{"age", 30}}).value == Tri::no);
    CHECK(eval(c, {{"accompanied", true}}).value == Tri::no);
    CHECK(eval(c, {{"age", 10}, {"accompanied", false}}).value == Tri::yes);
    // Read left to right: the follow-up is asked only once the guard is settled.
    const auto first = eval(c, json::object());
    CHECK(first.value == Tri::unknown);
    CHECK(first.missing == std::vector<std::string>{"age"});
    const auto second = eval(c, {{"age", 10}});
    CHECK(second.missing == std::vector<std::string>{"accompanied"});
}

TEST_CASE("any: true as soon as one part is true") {
    const json c = {{"any", json::array({age_lt_18, not_accompanied})}};
    CHECK(eval(c, {{"age", 10}}).value == Tri::yes);
    CHECK(eval(c, {{"accompanied", false}}).value == Tri::yes);
    CHECK(eval(c, {{"age", 30}, {"accompanied", true}}).value == Tri::no);
    const auto u = eval(c, {{"age", 30}});
    CHECK(u.value == Tri::unknown);
    CHECK(u.missing == std::vector<std::string>{"accompanied"});
}

TEST_CASE("not flips true and false and keeps unknown") {
    CHECK(eval({{"not", age_lt_18}}, {{"age", 10}}).value == Tri::no);
    CHECK(eval({{"not", age_lt_18}}, {{"age", 40}}).value == Tri::yes);
    CHECK(eval({{"not", age_lt_18}}, json::object()).value == Tri::unknown);
}

TEST_CASE("membership in constants, named lists and the EU group") {
    const json in_list = {{"in", json::array({{{"fact", "nationality"}}, {{"list", "friends"}}})}};
    CHECK(eval(in_list, {{"nationality", "KZ"}}).value == Tri::yes);
    CHECK(eval(in_list, {{"nationality", "US"}}).value == Tri::no);
    CHECK(eval(in_list, {{"nationality", "stateless"}}).value == Tri::no);
    const json eu = {{"in", json::array({{{"fact", "nationality"}}, {{"country_group", "eu"}}})}};
    CHECK(eval(eu, {{"nationality", "FR"}}).value == Tri::yes);
    CHECK(eval(eu, {{"nationality", "TR"}}).value == Tri::no);
    const json purposes = {{"in", json::array({{{"fact", "purpose"}}, json::array({"transit", "tourism"})})}};
    CHECK(eval(purposes, {{"purpose", "tourism"}}).value == Tri::yes);
    CHECK(eval(purposes, {{"purpose", "work"}}).value == Tri::no);
    const json stateless = {{"eq", json::array({{{"fact", "nationality"}}, "stateless"})}};
    CHECK(eval(stateless, {{"nationality", "stateless"}}).value == Tri::yes);
    CHECK(eval(stateless, {{"nationality", "DE"}}).value == Tri::no);
}

TEST_CASE("date arithmetic: a passport must outlast the stay by three months") {
    const json outlasts = {{"ge", json::array({{{"fact", "passport_expiry"}},
                                               {{"add_months", json::array({{{"add_days", json::array({{{"fact", "entry_date"}}, {{"fact", "stay_days"}}})}}, 3})}}})}};
    const json trip = {{"entry_date", "2026-12-01"}, {"stay_days", 30}};
    json facts = trip;
    facts["passport_expiry"] = "2027-03-31";  // 2026-12-31 + 3 months
    CHECK(eval(outlasts, facts).value == Tri::yes);
    facts["passport_expiry"] = "2027-03-30";
    CHECK(eval(outlasts, facts).value == Tri::no);
    const auto u = eval(outlasts, {{"entry_date", "2026-12-01"}});
    CHECK(u.value == Tri::unknown);
    CHECK(u.missing == std::vector<std::string>{"stay_days", "passport_expiry"});
}

TEST_CASE("as_of, working days, days and years between") {
    const json future = {{"gt", json::array({{{"fact", "entry_date"}}, {{"as_of", json::object()}}})}};
    CHECK(eval(future, {{"entry_date", "2026-11-22"}}).value == Tri::yes);
    CHECK(eval(future, {{"entry_date", "2026-11-21"}}).value == Tri::no);
    const json three_working_days = {{"le", json::array({{{"add_working_days", json::array({{{"as_of", json::object()}}, 3})}},
                                                          {{"fact", "entry_date"}}})}};
    CHECK(eval(three_working_days, {{"entry_date", "2026-11-26"}}).value == Tri::yes);  // Sat + 3 = Wed 25th
    CHECK(eval(three_working_days, {{"entry_date", "2026-11-24"}}).value == Tri::no);
    const json days = {{"eq", json::array({{{"days_between", json::array({{{"as_of", json::object()}}, {{"fact", "entry_date"}}})}}, 10})}};
    CHECK(eval(days, {{"entry_date", "2026-12-01"}}).value == Tri::yes);
    const json years = {{"ge", json::array({{{"years_between", json::array({{{"fact", "entry_date"}}, {{"as_of", json::object()}}})}}, 18})}};
    CHECK(eval(years, {{"entry_date", "2008-11-21"}}).value == Tri::yes);
    CHECK(eval(years, {{"entry_date", "2008-11-22"}}).value == Tri::no);
}
