// The engine as every surface uses it: JSON text in, JSON text out. The CLI and the WebAssembly
// bindings both call exactly these functions, which is why their bytes match.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "eligibility/civil_date.hpp"
#include "eligibility/decision.hpp"
#include "eligibility/decision_tape.hpp"
#include "eligibility/error.hpp"
#include "eligibility/profile.hpp"
#include "eligibility/ruleset.hpp"
#include "eligibility/text.hpp"

namespace eligibility {

struct EvalOptions {
    std::optional<Lang> lang;  // items carry title/note in this language when set
    CivilDate default_as_of;   // used when the profile has no as_of
};

struct JsonResult {
    std::string json;
    Status status = Status::error;
};

class Engine {
public:
    explicit Engine(std::shared_ptr<const RuleSet> rules) : rules_(std::move(rules)) {}

    // Loads a rules bundle, or a compiled index (snapshot.hpp); on failure `errors` says why (code
    // invalid_rules) and the result is empty.
    static std::optional<Engine> load(std::string_view bundle_json, Errors& errors);
    // The same for a bundle or a single service document placed inside `base_bundle`.
    static std::optional<Engine> load_document(std::string_view base_bundle, std::string_view document, Errors& errors);

    // Rule packs: loads one more service into this engine, from its JSON (add_service in
    // rules_loader.hpp) or compiled (snapshot.hpp). On failure the engine is unchanged and the
    // errors say why.
    Errors add_service(std::string_view service_document);

    // One decision, or the error object. Not thread-safe: an Engine reuses its scratch space.
    JsonResult evaluate(std::string_view profile_json, const EvalOptions& options);
    // The same, written into the engine's own buffer: the text stays valid (and NUL-terminated,
    // std::string guarantees it) until the next call. For hot paths that would otherwise copy the
    // decision once more.
    std::string_view evaluate_view(std::string_view profile_json, const EvalOptions& options, Status* status = nullptr);
    // The decision as a tape (decision_tape.hpp), for a caller that keeps the fragments and the
    // strings of earlier tapes; valid until the next call.
    const DecisionTape& evaluate_tape(std::string_view profile_json, const EvalOptions& options);
    // A service's record fragments in a language, or an unknown_service error.
    std::string fragments(std::string_view service_id, std::optional<Lang> lang) const;
    // The facts still to ask, as questions (labels in options.lang, English by default).
    JsonResult questions(std::string_view profile_json, const EvalOptions& options);
    // Every fact of a service, as questions; unknown_service error otherwise.
    JsonResult facts(std::string_view service_id, Lang lang) const;
    std::string services(Lang lang) const;
    // The countries of the rules' table, named in `lang` (every language is always loaded).
    std::string countries(Lang lang) const;

    const std::string& rules_version() const { return rules_->version; }
    const RuleSet& rules() const { return *rules_; }

private:
    // Parses and evaluates into scratch_; false (with errors written) on bad input, or when the
    // service's texts are not loaded in `texts_in` (empty: in every language).
    bool run(std::string_view profile_json, const EvalOptions& options, std::optional<Lang> texts_in);

    std::shared_ptr<const RuleSet> rules_;
    ProfileParser parser_;
    Profile profile_;
    Decision scratch_;
    std::string out_;
    DecisionTape tape_;
};

// {"status":"error","errors":[…]} as text.
std::string errors_json(const Errors& errors);

}  // namespace eligibility
