#include "commands.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "default_rules.hpp"
#include "eligibility/engine.hpp"
#include "eligibility/limits.hpp"
#include "input.hpp"

namespace eligibility::cli {
namespace {

void print_line(std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fputc('\n', stdout);
}

// Loads --rules (or the embedded default). On failure prints the error object and gives the exit
// code; on success `engine` is set.
int load_engine(const Options& o, std::optional<Engine>& engine) {
    Errors errors;
    if (o.rules_path) {
        const auto file = read_file(*o.rules_path, limits::kRulesBytes + 1);
        if (!file) {
            std::fprintf(stderr, "eligibility: cannot read %s\n", o.rules_path->c_str());
            return kExitUnreadable;
        }
        // A single service document runs inside the built-in bundle, with paths into itself.
        engine = Engine::load_document(embedded::default_rules(), *file, errors);
    } else {
        engine = Engine::load(embedded::default_rules(), errors);
    }
    if (engine) return kExitOk;
    print_line(errors_json(errors));
    return kExitRulesInvalid;
}

EvalOptions eval_options(const Options& o) {
    EvalOptions e;
    e.lang = o.lang;
    e.default_as_of = o.date.value_or(today_utc());
    return e;
}

int exit_code(Status s) { return s == Status::error ? kExitInputError : kExitOk; }

// One profile on stdin, one answer (a decision, or the questions) on stdout.
int run_on_profile(const Options& o, JsonResult (Engine::*answer)(std::string_view, const EvalOptions&)) {
    std::optional<Engine> engine;
    if (int rc = load_engine(o, engine)) return rc;
    const std::string input = read_bounded(stdin, limits::kProfileBytes);
    const JsonResult r = ((*engine).*answer)(input, eval_options(o));
    print_line(r.json);
    return exit_code(r.status);
}

}  // namespace

int run_evaluate(const Options& o) { return run_on_profile(o, &Engine::evaluate); }

int run_questions(const Options& o) { return run_on_profile(o, &Engine::questions); }

int run_batch(const Options& o) {
    std::optional<Engine> engine;
    if (int rc = load_engine(o, engine)) return rc;
    const EvalOptions options = eval_options(o);
    std::string line;
    bool any_error = false;
    while (read_line_bounded(stdin, limits::kProfileBytes, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF files
        Status status = Status::error;
        print_line(engine->evaluate_view(line, options, &status));  // no copy of each decision
        any_error = any_error || status == Status::error;
    }
    return any_error ? kExitInputError : kExitOk;
}

int run_facts(const Options& o) {
    std::optional<Engine> engine;
    if (int rc = load_engine(o, engine)) return rc;
    const JsonResult r = engine->facts(o.argument, o.lang.value_or(Lang::en));
    print_line(r.json);
    return exit_code(r.status);
}

int run_services(const Options& o) {
    std::optional<Engine> engine;
    if (int rc = load_engine(o, engine)) return rc;
    print_line(engine->services(o.lang.value_or(Lang::en)));
    return kExitOk;
}

int run_validate_rules(const Options& o) {
    Options with_file = o;
    with_file.rules_path = o.argument;
    std::optional<Engine> engine;
    if (int rc = load_engine(with_file, engine)) return rc;
    nlohmann::json ok = {{"status", "ok"}, {"rules_version", engine->rules_version()}};
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& s : engine->rules().catalogue) ids.push_back(s.id);
    ok["services"] = ids;
    print_line(ok.dump());
    return kExitOk;
}

}  // namespace eligibility::cli
