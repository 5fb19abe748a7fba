// Small, self-contained rules bundles for unit tests: each test states the rules it relies on,
// instead of depending on the real data (which golden cases cover).
#pragma once

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "eligibility/engine.hpp"
#include "eligibility/rules_loader.hpp"

namespace fixtures {

using nlohmann::json;

inline json text(const std::string& en) { return {{"en", en}, {"az", en + " (az)"}, {"ru", en + " (ru)"}}; }

inline json countries() {
    auto c = [](const char* code, const char* name, bool eu) {
        return json{{"code", code}, {"name", text(name)}, {"eu", eu}};
    };
    return {{"citation", "test countries"},
            {"eu_citation", "test"},
            {"currency_citation", "test"},
            {"currencies", json::array({"AZN", "EUR", "USD"})},
            {"countries", json::array({c("AZ", "Azerbaijan", false), c("DE", "Germany", true), c("FR", "France", true),
                                       c("KZ", "Kazakhstan", false), c("TR", "Turkey", false), c("US", "United States", false)})}};
}

// A service with one fact of each type, a list, and a catch-all verdict; tests add to it.
inline json service() {
    return {
        {"service", "visa"},
        {"title", text("Visa")},
        {"citation", "test law"},
        {"facts", json::array({
                      {{"id", "nationality"}, {"type", "country"}, {"question", text("Nationality?")},
                       {"special", json::array({{{"value", "stateless"}, {"title", text("Stateless")}}})},
                       {"exclude", json::array({"AZ"})}},
                      {{"id", "purpose"}, {"type", "enum"}, {"question", text("Purpose?")},
                       {"options", json::array({{{"value", "tourism"}, {"title", text("Tourism")}},
                                                {{"value", "work"}, {"title", text("Work")}},
                                                {{"value", "transit"}, {"title", text("Transit")}}})}},
                      {{"id", "age"}, {"type", "int"}, {"min", 0}, {"max", 130}, {"question", text("Age?")}},
                      {{"id", "accompanied"}, {"type", "bool"}, {"question", text("Accompanied?")}},
                      {{"id", "entry_date"}, {"type", "date"}, {"question", text("Entry date?")}},
                      {{"id", "stay_days"}, {"type", "int"}, {"min", 1}, {"max", 1825}, {"question", text("Days?")}},
                      {{"id", "passport_expiry"}, {"type", "date"}, {"question", text("Passport expiry?")}},
                  })},
        {"lists", json::array({{{"id", "friends"}, {"values", json::array({"KZ", "TR"})}, {"citation", "treaty"}}})},
        {"verdicts", json::array({{{"id", "required"}, {"code", "visa_required"}, {"citation", "law"}, {"title", text("Visa required")}}})},
    };
}

// A record with its id, a citation and a title, and the members of `extra`.
inline json rec(const std::string& id, json extra = json::object()) {
    json r = {{"id", id}, {"citation", "law of " + id}, {"title", text(id)}};
    for (auto it = extra.begin(); it != extra.end(); ++it) r[it.key()] = it.value();
    return r;
}

// {"fact": id}, for conditions and expressions.
inline json fact(const char* id) { return {{"fact", id}}; }

inline json bundle(const json& svc) {
    return {{"format", 1}, {"version", "test-1"}, {"countries", countries()}, {"services", json::array({svc})}};
}

// Loads a bundle that must be valid (fails the test with the loader's messages otherwise).
inline eligibility::Engine engine(const json& svc) {
    eligibility::Errors errors;
    auto e = eligibility::Engine::load(bundle(svc).dump(), errors);
    if (!e) {
        std::string all;
        for (const auto& err : errors) all += err.path + ": " + err.message + "\n";
        FAIL_CHECK(all);
        REQUIRE(e.has_value());
    }
    return std::move(*e);
}

inline eligibility::Errors load_errors(const json& svc) {
    return eligibility::load_rules(bundle(svc).dump()).errors;
}

// The options every test evaluates with: as of 2026-11-21, texts in `lang` (none by default).
inline eligibility::EvalOptions eval_options(std::optional<eligibility::Lang> lang = std::nullopt) {
    eligibility::EvalOptions o;
    o.lang = lang;
    o.default_as_of = *eligibility::CivilDate::parse("2026-11-21");
    return o;
}

// Evaluates facts (as a JSON object) at 2026-11-21 and returns the decision parsed.
inline json decide(eligibility::Engine& e, const json& facts, const char* lang = nullptr) {
    const eligibility::EvalOptions o = eval_options(lang ? eligibility::parse_lang(lang) : std::nullopt);
    const json profile = {{"service", "visa"}, {"facts", facts}};
    return json::parse(e.evaluate(profile.dump(), o).json);
}

inline bool has_error(const eligibility::Errors& errors, const std::string& path) {
    for (const auto& e : errors) {
        if (e.path == path) return true;
    }
    return false;
}

inline std::string describe(const eligibility::Errors& errors) {
    std::string all;
    for (const auto& err : errors) all += "[" + err.path + "] " + err.message + "\n";
    return all;
}

}  // namespace fixtures
