// Decision tapes (decision_tape.hpp): a reader that follows the tape and puts the records' static
// members back writes exactly the JSON text of the decision, for every golden profile of the
// shipped rules in every language; strings are numbered once per engine; integers of any size
// come back whole. (The JavaScript reader, wasm/js/decision-tape.mjs, is held to the same by
// tests/wasm/parity.test.mjs and tests/wasm/decision-tape.test.mjs.)
#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "default_rules.hpp"
#include "eligibility/decision_tape.hpp"
#include "eligibility/json_writer.hpp"
#include "fixtures.hpp"

using namespace fixtures;
using eligibility::DecisionTape;
using eligibility::Engine;
using eligibility::Lang;
using eligibility::TapeOp;

namespace {

// The tape back to JSON text, the way the JavaScript reader builds its object: strings by number
// (every string the tapes have numbered so far), records' members from their rendered fragments.
class TapeToText {
public:
    TapeToText(const DecisionTape& tape, const eligibility::Service& service, std::optional<Lang> lang, std::string& out)
        : tape_(tape), service_(service), lang_(lang), w_(out) {}

    void value() {
        const auto [op, argument] = next();
        switch (op) {
            case TapeOp::begin_object:
                w_.begin_object();
                for (;;) {
                    const auto [member, n] = next();
                    if (member == TapeOp::end) break;
                    if (member == TapeOp::key) {
                        w_.key(tape_.string_at(static_cast<uint32_t>(n)));
                        value();
                    } else if (member == TapeOp::head) {
                        w_.members(record(n).json.head);
                    } else if (member == TapeOp::provenance) {
                        provenance(record(n));
                    } else if (member == TapeOp::fail_note) {
                        REQUIRE(lang_);
                        w_.members(record(n).json.fail_note[static_cast<size_t>(*lang_)]);
                    } else {
                        FAIL("operation " << static_cast<int>(member) << " inside an object");
                    }
                }
                w_.end_object();
                return;
            case TapeOp::begin_array:
                w_.begin_array();
                while (peek() != TapeOp::end) value();
                next();
                w_.end_array();
                return;
            case TapeOp::string: w_.string(tape_.string_at(static_cast<uint32_t>(argument))); return;
            case TapeOp::integer: w_.integer(argument); return;
            case TapeOp::wide_integer: {
                const auto low = static_cast<uint32_t>(tape_.words().at(at_++));
                const auto high = static_cast<uint32_t>(tape_.words().at(at_++));
                w_.integer(static_cast<int64_t>(uint64_t{high} << 32 | low));
                return;
            }
            case TapeOp::true_value: w_.boolean(true); return;
            case TapeOp::false_value: w_.boolean(false); return;
            case TapeOp::null_value: w_.null(); return;
            case TapeOp::date: {
                const auto d = eligibility::CivilDate::from_ymd(argument >> 9, argument >> 5 & 15, argument & 31);
                REQUIRE(d.has_value());
                w_.date(*d);
                return;
            }
            case TapeOp::record:
                w_.begin_object();
                w_.members(record(argument).json.head);
                provenance(record(argument));
                w_.end_object();
                return;
            case TapeOp::trace: w_.raw_value(record(argument).json.trace); return;
            default: FAIL("operation " << static_cast<int>(op) << " where a value belongs");
        }
    }

    bool at_end() const { return at_ == tape_.words().size(); }

private:
    std::pair<TapeOp, int32_t> next() {
        REQUIRE(at_ < tape_.words().size());
        const int32_t word = tape_.words()[at_++];
        return {static_cast<TapeOp>(word & 15), word >> eligibility::kTapeOpBits};
    }
    TapeOp peek() const { return static_cast<TapeOp>(tape_.words().at(at_) & 15); }

    const eligibility::Record& record(int32_t n) {
        REQUIRE(n >= 0);
        REQUIRE(static_cast<size_t>(n) < service_.fragment_records.size());
        return *service_.fragment_records[static_cast<size_t>(n)];
    }

    void provenance(const eligibility::Record& r) {
        w_.members(r.json.provenance);
        if (lang_) w_.members(r.json.texts[static_cast<size_t>(*lang_)]);
    }

    const DecisionTape& tape_;
    const eligibility::Service& service_;
    std::optional<Lang> lang_;
    eligibility::JsonWriter w_;
    size_t at_ = 0;
};

eligibility::EvalOptions options(std::optional<Lang> lang) {
    eligibility::EvalOptions o;
    o.lang = lang;
    o.default_as_of = *eligibility::CivilDate::parse("2026-11-21");
    return o;
}

// The tape's decision as JSON text (or the text it carries instead, for an error).
std::string tape_text(Engine& engine, const std::string& profile, std::optional<Lang> lang) {
    const DecisionTape& tape = engine.evaluate_tape(profile, options(lang));
    if (tape.is_text()) return tape.text();
    const eligibility::Service* service = engine.rules().find_service(tape.string_at(tape.service()));
    REQUIRE(service != nullptr);
    std::string out;
    TapeToText reader(tape, *service, lang, out);
    reader.value();
    CHECK(reader.at_end());
    return out;
}

std::vector<std::string> golden_profiles() {
    std::vector<std::string> out;
    const auto root = std::filesystem::path(ELIGIBILITY_SOURCE_DIR) / "tests/cases";
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const json c = json::parse(text.str(), nullptr, false);
        if (c.is_object() && c.contains("profile")) out.push_back(c["profile"].dump());
    }
    return out;
}

}  // namespace

TEST_CASE("a decision read from its tape is its JSON text, for every golden profile in every language") {
    const auto loaded = eligibility::load_rules(eligibility::embedded::default_rules());
    REQUIRE_MESSAGE(loaded.ok(), describe(loaded.errors));
    Engine by_text(loaded.rules);
    Engine by_tape(loaded.rules);
    size_t tapes = 0;
    size_t texts = 0;
    for (const std::string& profile : golden_profiles()) {
        CAPTURE(profile);
        for (auto lang : {std::optional<Lang>{}, std::optional<Lang>{Lang::en}, std::optional<Lang>{Lang::az},
                          std::optional<Lang>{Lang::ru}}) {
            const std::string expected = by_text.evaluate(profile, options(lang)).json;
            CHECK(tape_text(by_tape, profile, lang) == expected);
            ++(by_tape.evaluate_tape(profile, options(lang)).is_text() ? texts : tapes);
        }
    }
    CHECK(tapes > 1000);  // decided and needs_input decisions, as tapes
    CHECK(texts > 50);    // errors, as text
}

TEST_CASE("each string is numbered once per engine, and only new strings are reported as new") {
    Engine e = engine(service());
    const std::string profile = R"({"service":"visa","facts":{"nationality":"DE"}})";
    const DecisionTape& first = e.evaluate_tape(profile, options(Lang::en));
    REQUIRE_FALSE(first.is_text());
    CHECK(first.first_new() == 0);
    const uint32_t numbered = first.string_count();
    CHECK(numbered > 5);  // keys such as "status", values such as "visa"
    const std::vector<int32_t> words = first.words();

    const DecisionTape& again = e.evaluate_tape(profile, options(Lang::en));
    CHECK(again.first_new() == numbered);
    CHECK(again.string_count() == numbered);  // nothing new
    CHECK(again.words() == words);            // the same strings by the same numbers

    // Each string has one number.
    for (uint32_t a = 0; a < numbered; ++a) {
        for (uint32_t b = a + 1; b < numbered; ++b) CHECK(again.string_at(a) != again.string_at(b));
    }
}

TEST_CASE("a string keeps its number when another string later takes its place in memory") {
    DecisionTape tape;
    char place[4] = "EUR";
    const uint32_t eur = tape.number(std::string_view(place, 3));
    std::memcpy(place, "USD", 3);  // a total's currency is written from scratch space reused this way
    const uint32_t usd = tape.number(std::string_view(place, 3));
    CHECK(eur != usd);
    CHECK(tape.string_at(eur) == "EUR");
    CHECK(tape.string_at(usd) == "USD");
    CHECK(tape.number("EUR") == eur);
    // Many strings: the index grows, and every number still names its string.
    std::vector<std::string> ids;
    for (int i = 0; i < 500; ++i) ids.push_back("id_" + std::to_string(i));
    for (const std::string& id : ids) tape.number(id);
    for (size_t i = 0; i < ids.size(); ++i) CHECK(tape.string_at(tape.number(ids[i])) == ids[i]);
    CHECK(tape.string_count() == 502);
}

TEST_CASE("integers of every size come back whole") {
    const int64_t values[] = {0, 1, -1, eligibility::kTapeIntegerMax, eligibility::kTapeIntegerMin,
                              int64_t{eligibility::kTapeIntegerMax} + 1, int64_t{eligibility::kTapeIntegerMin} - 1,
                              999999999999, -999999999999, std::numeric_limits<int64_t>::max(),
                              std::numeric_limits<int64_t>::min()};
    for (const int64_t v : values) {
        CAPTURE(v);
        DecisionTape tape;
        tape.put_integer(v);
        const auto& w = tape.words();
        const bool wide = v < eligibility::kTapeIntegerMin || v > eligibility::kTapeIntegerMax;
        REQUIRE(w.size() == (wide ? 3u : 1u));
        if (!wide) {
            CHECK(static_cast<TapeOp>(w[0] & 15) == TapeOp::integer);
            CHECK((w[0] >> eligibility::kTapeOpBits) == v);
        } else {
            CHECK(static_cast<TapeOp>(w[0] & 15) == TapeOp::wide_integer);
            CHECK(static_cast<int64_t>(uint64_t{static_cast<uint32_t>(w[2])} << 32 | static_cast<uint32_t>(w[1])) == v);
        }
    }
}

TEST_CASE("a fee beyond 2^27 minor units goes on the tape whole and reads back as the text says") {
    json s = service();
    s["fees"] = json::array({{{"id", "large"}, {"citation", "law"}, {"title", text("Large")},
                              {"amount", {{"amount_minor", 999999999999}, {"currency", "USD"}}}}});
    Engine e = engine(s);
    const std::string profile = R"({"service":"visa","facts":{"nationality":"DE"}})";
    const std::string expected = e.evaluate(profile, options(Lang::en)).json;
    CHECK(expected.find("999999999999") != std::string::npos);
    CHECK(tape_text(e, profile, Lang::en) == expected);
}
