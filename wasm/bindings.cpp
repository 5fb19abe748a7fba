// Embind bindings: thin, one call per operation (DESIGN.md, "The boundary"). Engines live in a
// table here and JavaScript holds only their number, so no C++ object ever needs .delete() and
// nothing C++ leaks out. Nothing here throws: the core returns values, and this file makes only
// non-throwing calls.
//
// What crosses, and why not as Embind strings: every answer is JSON text (or, for evaluate(), a
// decision tape) left in the module's memory, and each call returns the address of a few 32-bit
// words that say where it is; engine.mjs decodes the text with one TextDecoder call. Embind 3.1.6
// would copy a returned std::string and scan it byte by byte in JavaScript: more than the
// evaluation itself, and milliseconds at start-up for a question that offers every country.
// Large inputs (a profile, a rules pack) are written by engine.mjs straight into a buffer the
// module keeps (input_at); short ones (a language, a service id) still cross as std::string.
#include <emscripten/bind.h>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "default_rules.hpp"
#include "eligibility/engine.hpp"
#include "eligibility/json_writer.hpp"

namespace {

using eligibility::Engine;

template <class T>
uint32_t address(const T* p) {
    return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(p));
}

// ---- answers ------------------------------------------------------------------------------------

// Text in the module's memory, described by two words at the address returned: its address and
// its size in bytes. Valid until the next call.
uintptr_t text_at(std::string_view text) {
    static std::array<uint32_t, 2> frame;
    frame = {address(text.data()), static_cast<uint32_t>(text.size())};
    return reinterpret_cast<uintptr_t>(frame.data());
}

// Text made for this call, kept until the next one.
std::string_view keep_text(std::string text) {
    static std::string kept;
    kept = std::move(text);
    return kept;
}

// An answer made for this call.
uintptr_t answer(std::string text) { return text_at(keep_text(std::move(text))); }

// ---- engines ------------------------------------------------------------------------------------

// Engines by handle; a released slot is reused. Handles start at 1 so 0 never names an engine.
std::vector<std::unique_ptr<Engine>>& engines() {
    static std::vector<std::unique_ptr<Engine>> table;
    return table;
}

Engine* find(int handle) {
    auto& table = engines();
    if (handle < 1 || static_cast<size_t>(handle) > table.size()) return nullptr;
    return table[static_cast<size_t>(handle) - 1].get();
}

std::string no_engine() {
    return eligibility::errors_json({{"", eligibility::ErrorCode::invalid_rules, "no such engine (released?)"}});
}

// Keeps a loaded engine and answers {"status":"ok","engine":N,"rules_version":"…"}, or the error
// object.
uintptr_t keep(std::optional<Engine> engine, const eligibility::Errors& errors) {
    if (!engine) return answer(eligibility::errors_json(errors));
    auto& table = engines();
    size_t slot = 0;
    while (slot < table.size() && table[slot]) ++slot;
    if (slot == table.size()) table.emplace_back();
    table[slot] = std::make_unique<Engine>(std::move(*engine));
    std::string out;
    eligibility::JsonWriter w(out);
    w.begin_object();
    w.field("status", "ok");
    w.field_int("engine", static_cast<int64_t>(slot + 1));
    w.field("rules_version", table[slot]->rules_version());
    w.end_object();
    return answer(std::move(out));
}

// The built-in rules: the packs' index (every service known, none loaded until added), compiled
// into the module (snapshot.hpp).
uintptr_t create_default_engine() {
    eligibility::Errors errors;
    auto engine = Engine::load(eligibility::embedded::default_rules(), errors);
    return keep(std::move(engine), errors);
}

// A mission's rules: a bundle, or one service document run inside the built-in bundle. engine.mjs
// writes at `at` (see input_at) the built-in index as JSON (rules/index.json: a service document
// is validated inside it exactly as the CLI does inside its bundle), `base_size` bytes, then the
// mission's rules, `size` bytes.
uintptr_t create_engine_at(uintptr_t at, size_t base_size, size_t size) {
    eligibility::Errors errors;
    const char* bytes = reinterpret_cast<const char*>(at);
    const std::string_view base(bytes, base_size);
    const std::string_view rules(bytes + base_size, size);
    auto engine = Engine::load_document(base, rules, errors);
    return keep(std::move(engine), errors);
}

void release_engine(int handle) {
    if (find(handle)) engines()[static_cast<size_t>(handle) - 1].reset();
}

// ---- inputs and call options --------------------------------------------------------------------

std::vector<char>& input_buffer() {
    static std::vector<char> buffer;
    return buffer;
}

// An address where `size` bytes may be written (valid until the next call that grows it).
uintptr_t input_at(size_t size) {
    auto& buffer = input_buffer();
    if (buffer.size() < size + 1) buffer.resize(size + 1);
    return reinterpret_cast<uintptr_t>(buffer.data());
}

std::string_view input(uintptr_t at, size_t size) {
    return std::string_view(reinterpret_cast<const char*>(at), size);
}

// The JS layer passes the language ("" for none) and the default as_of (the browser's local
// date, or the caller's asOf). A default date that does not exist is reported, not guessed.
std::optional<eligibility::EvalOptions> options(const std::string& lang, const std::string& default_as_of) {
    const auto date = eligibility::CivilDate::parse(default_as_of);
    if (!date) return std::nullopt;
    eligibility::EvalOptions o;
    o.lang = eligibility::parse_lang(lang);
    o.default_as_of = *date;
    return o;
}

std::vector<std::optional<eligibility::EvalOptions>>& call_options() {
    static std::vector<std::optional<eligibility::EvalOptions>> by_handle;
    return by_handle;
}

// Sets the language and default as_of of later calls with a profile (set only when they change);
// false for a date that does not exist (those calls then answer the error object).
bool set_call_options(int handle, const std::string& lang, const std::string& as_of) {
    if (handle < 1) return false;
    auto& all = call_options();
    if (all.size() < static_cast<size_t>(handle)) all.resize(static_cast<size_t>(handle));
    all[static_cast<size_t>(handle) - 1] = options(lang, as_of);
    return all[static_cast<size_t>(handle) - 1].has_value();
}

// The engine and call options of a call with a profile, or (no engine) the error object to answer.
struct Call {
    Engine* engine = nullptr;
    const eligibility::EvalOptions* options = nullptr;
    std::string error;
};

Call call_on(int handle) {
    Engine* e = find(handle);
    if (!e) return {nullptr, nullptr, no_engine()};
    const auto& all = call_options();
    if (all.size() < static_cast<size_t>(handle) || !all[static_cast<size_t>(handle) - 1]) {
        return {nullptr, nullptr,
                eligibility::errors_json({{"/as_of", eligibility::ErrorCode::invalid_date,
                                           "the default as_of (asOf) is not a date that exists"}})};
    }
    return {e, &*all[static_cast<size_t>(handle) - 1], {}};
}

// ---- calls with a profile (its UTF-8 at `at`, `size` bytes) -------------------------------------

// The decision as the CLI prints it (engine.evaluateText), in the engine's own buffer.
uintptr_t evaluate_text_at(int handle, uintptr_t at, size_t size) {
    Call call = call_on(handle);
    if (!call.engine) return answer(std::move(call.error));
    return text_at(call.engine->evaluate_view(input(at, size), *call.options));
}

// The decision as a tape (engine.evaluate; decision_tape.hpp), described by seven 32-bit words
// at the address returned, valid until the next call:
//   [0] 0: a tape, 1: JSON text (a decision that is an error, or no engine)
//   [1] the address of the tape's words, or of the text
//   [2] how many words, or bytes
//   [3] the number of the decision's service id (whose fragments the tape names)
//   [4] how many strings the engine has numbered (by any call: evaluateText's too), and where
//   they are: [5] the address of their spans (offset and size, two words a string), [6] of their
//   pool. A reader keeps those it has read and reads the ones numbered since.
uintptr_t evaluate_tape_at(int handle, uintptr_t at, size_t size) {
    static std::array<uint32_t, 7> frame;
    const auto text_frame = [](std::string_view text) {
        frame = {1, address(text.data()), static_cast<uint32_t>(text.size()), 0, 0, 0, 0};
    };
    Call call = call_on(handle);
    if (!call.engine) {
        text_frame(keep_text(std::move(call.error)));
        return reinterpret_cast<uintptr_t>(frame.data());
    }
    const eligibility::DecisionTape& tape = call.engine->evaluate_tape(input(at, size), *call.options);
    if (tape.is_text()) {
        text_frame(tape.text());
    } else {
        frame = {0, address(tape.words().data()), static_cast<uint32_t>(tape.words().size()), tape.service_id(),
                 tape.string_count(), address(tape.spans().data()), address(tape.pool())};
    }
    return reinterpret_cast<uintptr_t>(frame.data());
}

// The facts still to ask, as questions (engine.questions).
uintptr_t questions_at(int handle, uintptr_t at, size_t size) {
    Call call = call_on(handle);
    if (!call.engine) return answer(std::move(call.error));
    return answer(call.engine->questions(input(at, size), *call.options).json);
}

// ---- the rest: answers about the rules ------------------------------------------------------------

// A service's record fragments in a language ("" for none): fetched once per service by engine.mjs.
uintptr_t fragments(int handle, const std::string& service, const std::string& lang) {
    Engine* e = find(handle);
    return answer(e ? e->fragments(service, eligibility::parse_lang(lang)) : no_engine());
}

uintptr_t services(int handle, const std::string& lang) {
    Engine* e = find(handle);
    return answer(e ? e->services(eligibility::parse_lang(lang).value_or(eligibility::Lang::en)) : no_engine());
}

uintptr_t facts(int handle, const std::string& service, const std::string& lang) {
    Engine* e = find(handle);
    return answer(e ? e->facts(service, eligibility::parse_lang(lang).value_or(eligibility::Lang::en)).json : no_engine());
}

uintptr_t countries(int handle, const std::string& lang) {
    Engine* e = find(handle);
    return answer(e ? e->countries(eligibility::parse_lang(lang).value_or(eligibility::Lang::en)) : no_engine());
}

// Rule packs: adds one service document, its `size` bytes at `at` (see input_at), to an engine.
// {"status":"ok"} or the error object (paths into the document); on failure the engine is
// unchanged.
uintptr_t add_service_at(int handle, uintptr_t at, size_t size) {
    Engine* e = find(handle);
    if (!e) return answer(no_engine());
    const eligibility::Errors errors = e->add_service(input(at, size));
    return answer(errors.empty() ? std::string("{\"status\":\"ok\"}") : eligibility::errors_json(errors));
}

// The ids of the services whose rules are loaded, as a JSON array.
uintptr_t loaded_services(int handle) {
    Engine* e = find(handle);
    std::string out;
    eligibility::JsonWriter w(out);
    w.begin_array();
    for (size_t i = 0; e && i < e->rules().services.size(); ++i) w.string(e->rules().services[i]->id);
    w.end_array();
    return answer(std::move(out));
}

// The languages a loaded service's texts are in, as a JSON array ([] if it is not loaded).
uintptr_t loaded_languages(int handle, const std::string& service) {
    Engine* e = find(handle);
    const eligibility::Service* s = e ? e->rules().find_service(service) : nullptr;
    std::string out;
    eligibility::JsonWriter w(out);
    w.begin_array();
    for (size_t i = 0; s && i < eligibility::kLangCodes.size(); ++i) {
        if (s->speaks(static_cast<eligibility::Lang>(i))) w.string(eligibility::kLangCodes[i]);
    }
    w.end_array();
    return answer(std::move(out));
}

}  // namespace

EMSCRIPTEN_BINDINGS(eligibility) {
    emscripten::function("createDefaultEngine", &create_default_engine);
    emscripten::function("createEngineAt", &create_engine_at);
    emscripten::function("releaseEngine", &release_engine);
    emscripten::function("inputAt", &input_at);
    emscripten::function("setCallOptions", &set_call_options);
    emscripten::function("evaluateTextAt", &evaluate_text_at);
    emscripten::function("evaluateTapeAt", &evaluate_tape_at);
    emscripten::function("questionsAt", &questions_at);
    emscripten::function("fragments", &fragments);
    emscripten::function("services", &services);
    emscripten::function("facts", &facts);
    emscripten::function("countries", &countries);
    emscripten::function("addServiceAt", &add_service_at);
    emscripten::function("loadedServices", &loaded_services);
    emscripten::function("loadedLanguages", &loaded_languages);
}
