// Rule packs: an index lists every service (the catalogue) and loads none or some; each service is
// added on its own, checked against the index's countries, currencies and version.
#include <doctest/doctest.h>

#include "fixtures.hpp"

using namespace fixtures;

namespace {

json catalogue_entry(const char* id) { return {{"service", id}, {"title", text(id)}}; }

json index_bundle() {
    json b = bundle(service());
    b["services"] = json::array();
    b["catalogue"] = json::array({catalogue_entry("visa"), catalogue_entry("passport")});
    return b;
}

eligibility::Engine index_engine() {
    eligibility::Errors errors;
    auto e = eligibility::Engine::load(index_bundle().dump(), errors);
    REQUIRE_MESSAGE(e.has_value(), describe(errors));
    return std::move(*e);
}

}  // namespace

TEST_CASE("an index knows every service of its catalogue and loads none") {
    auto e = index_engine();
    CHECK(json::parse(e.services(eligibility::Lang::en)) ==
          json::array({{{"id", "visa"}, {"title", "visa"}}, {{"id", "passport"}, {"title", "passport"}}}));
    const json d = decide(e, json::object());
    CHECK(d["status"] == "error");
    CHECK(d["errors"][0]["code"] == "service_not_loaded");
    CHECK(d["errors"][0]["path"] == "/service");
    CHECK(json::parse(e.evaluate(R"({"service":"work_permit"})", eval_options()).json)["errors"][0]["code"] == "unknown_service");
}

TEST_CASE("a service added to an index evaluates exactly as in a whole bundle") {
    auto packed = index_engine();
    REQUIRE(packed.add_service(service().dump()).empty());
    auto whole = engine(service());
    const json facts = {{"nationality", "DE"}, {"age", 30}};
    CHECK(decide(packed, facts) == decide(whole, facts));
    // Adding it again replaces it; the other services stay as they are.
    json changed = service();
    changed["title"]["en"] = "Visa (changed)";
    REQUIRE(packed.add_service(changed.dump()).empty());
    CHECK(packed.rules().services.size() == 1);
    CHECK(packed.rules().services[0]->title.in(eligibility::Lang::en) == "Visa (changed)");
}

TEST_CASE("a pack is refused if it is of another version, not catalogued, or broken; the engine is unchanged") {
    auto e = index_engine();
    json pack = service();
    pack["version"] = "test-0";
    auto errors = e.add_service(pack.dump());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "/version");
    pack["version"] = "test-1";  // the index's own version is accepted
    CHECK(e.add_service(pack.dump()).empty());

    auto fresh = index_engine();
    json other = service();
    other["service"] = "work_permit";
    errors = fresh.add_service(other.dump());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "/service");

    json broken = service();
    broken["verdicts"][0].erase("citation");
    errors = fresh.add_service(broken.dump());
    CHECK(has_error(errors, "/verdicts/0/citation"));
    CHECK(fresh.add_service("{").at(0).code == eligibility::ErrorCode::invalid_rules);
    CHECK(fresh.add_service(R"({"services":[]})").at(0).path == "");
    CHECK(fresh.rules().services.empty());
}

TEST_CASE("a bundle's catalogue must list every service it holds, once") {
    json b = bundle(service());
    b["catalogue"] = json::array({catalogue_entry("passport")});
    CHECK(has_error(eligibility::load_rules(b.dump()).errors, "/services/0/service"));
    b["catalogue"] = json::array({catalogue_entry("visa"), catalogue_entry("visa")});
    CHECK(has_error(eligibility::load_rules(b.dump()).errors, "/catalogue/1/service"));
    b["catalogue"] = json::array({catalogue_entry("taxi")});
    CHECK(has_error(eligibility::load_rules(b.dump()).errors, "/catalogue/0/service"));
    b = bundle(service());
    b["services"] = json::array();
    CHECK(has_error(eligibility::load_rules(b.dump()).errors, "/services"));  // no catalogue: at least one service
}

namespace {

// The fixture service with every text reduced to `lang`, declared in "languages".
json in_one_language(json v, const char* lang) {
    if (v.is_object() && v.size() == 3 && v.contains("en") && v.contains("az") && v.contains("ru")) {
        return {{lang, v[lang]}};
    }
    if (v.is_object() || v.is_array()) {
        for (auto& item : v) item = in_one_language(item, lang);
    }
    return v;
}

json one_language_service(const char* lang) {
    json s = in_one_language(service(), lang);
    s["languages"] = json::array({lang});
    return s;
}

}  // namespace

TEST_CASE("a one-language pack decides in its language exactly as the whole service, and refuses others") {
    auto whole = index_engine();
    REQUIRE(whole.add_service(service().dump()).empty());
    const json facts = {{"nationality", "DE"}, {"age", 30}};
    for (const char* lang : {"en", "az", "ru"}) {
        CAPTURE(lang);
        auto one = index_engine();
        REQUIRE_MESSAGE(one.add_service(one_language_service(lang).dump()).empty(), lang);
        CHECK(decide(one, facts, lang) == decide(whole, facts, lang));
        CHECK(one.fragments("visa", eligibility::parse_lang(lang)) == whole.fragments("visa", eligibility::parse_lang(lang)));
        CHECK(one.facts("visa", *eligibility::parse_lang(lang)).json == whole.facts("visa", *eligibility::parse_lang(lang)).json);
        for (const char* other : {"en", "az", "ru"}) {
            if (std::string(other) == lang) continue;
            const json refused = decide(one, facts, other);
            CHECK(refused["status"] == "error");
            CHECK(refused["errors"][0]["code"] == "service_not_loaded");
            CHECK(refused["errors"][0]["path"] == "/service");
            CHECK(json::parse(one.facts("visa", *eligibility::parse_lang(other)).json)["errors"][0]["code"] == "service_not_loaded");
            CHECK(json::parse(one.fragments("visa", eligibility::parse_lang(other)))["errors"][0]["code"] == "service_not_loaded");
        }
        // Without a language a decision carries all three texts: refused too.
        CHECK(decide(one, facts)["errors"][0]["code"] == "service_not_loaded");
        // The list of services still has every title: the pack's own, or the catalogue's where the
        // pack has none in that language.
        CHECK(json::parse(one.services(eligibility::Lang::ru))[0]["title"] == (std::string(lang) == "ru" ? "Visa (ru)" : "visa (ru)"));
    }
    // Questions default to English: an Azerbaijani-only pack asks for a language.
    auto az = index_engine();
    REQUIRE(az.add_service(one_language_service("az").dump()).empty());
    eligibility::EvalOptions o = eval_options();
    CHECK(json::parse(az.questions(R"({"service":"visa","facts":{}})", o).json)["errors"][0]["code"] == "service_not_loaded");
    o.lang = eligibility::Lang::az;
    CHECK(json::parse(az.questions(R"({"service":"visa","facts":{}})", o).json)["status"] != "error");
    // Country names come from the index, in every language whatever the packs.
    const json names = json::parse(az.countries(eligibility::Lang::ru));
    REQUIRE(names.size() == 6);
    CHECK(names[1] == json({{"code", "DE"}, {"name", "Germany (ru)"}}));
    // Adding the whole service again replaces the one-language pack.
    REQUIRE(az.add_service(service().dump()).empty());
    CHECK(decide(az, facts)["status"] != "error");
}

TEST_CASE("\"languages\" must be distinct known languages, and the texts exactly those") {
    auto e = index_engine();
    json s = one_language_service("az");
    s["languages"] = json::array({"az", "az"});
    CHECK(has_error(e.add_service(s.dump()), "/languages/1"));
    s["languages"] = json::array({"fr"});
    auto errors = e.add_service(s.dump());
    CHECK(has_error(errors, "/languages/0"));
    CHECK_MESSAGE(errors.size() == 1, describe(errors));  // the texts are not all reported again
    s["languages"] = json::array();
    CHECK(has_error(e.add_service(s.dump()), "/languages"));
    s["languages"] = "az";
    CHECK(has_error(e.add_service(s.dump()), "/languages"));

    // A text in a language the document does not declare, and one missing a declared language.
    s = one_language_service("az");
    s["title"]["en"] = "Visa";
    errors = e.add_service(s.dump());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "/title/en");
    CHECK(errors[0].message == "this document's languages are az, not en");
    s = one_language_service("az");
    s["languages"] = json::array({"az", "ru"});
    errors = e.add_service(s.dump());
    CHECK(has_error(errors, "/title/ru"));
    CHECK(has_error(errors, "/verdicts/0/title/ru"));
    CHECK(e.rules().services.empty());
}
