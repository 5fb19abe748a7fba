#include "eligibility/engine.hpp"

#include "eligibility/decision_writer.hpp"
#include "eligibility/evaluator.hpp"
#include "eligibility/profile.hpp"
#include "eligibility/rules_loader.hpp"
#include "eligibility/snapshot.hpp"

namespace eligibility {
namespace {

// A service loaded from a one-language rule pack answers only in that language; `lang` empty
// means every language (a decision without one carries all three texts).
std::optional<Error> language_not_loaded(const Service& s, std::optional<Lang> lang) {
    if (lang ? s.speaks(*lang) : s.languages == kAllLangs) return std::nullopt;
    const std::string loaded = "the rules of this service are loaded in " + lang_list(s.languages) + " only";
    return Error{"/service", ErrorCode::service_not_loaded,
                 lang ? loaded + ", not in " + lang_code(*lang) + ": load them in " + lang_code(*lang) + " (loadService)"
                      : loaded + "; an answer without lang has all three languages: load the whole service (loadService)"};
}

}  // namespace

std::optional<Engine> Engine::load(std::string_view bundle_json, Errors& errors) {
    LoadResult loaded = is_snapshot(bundle_json) ? read_index_snapshot(bundle_json) : load_rules(bundle_json);
    if (!loaded.ok()) {
        errors = std::move(loaded.errors);
        return std::nullopt;
    }
    return Engine(std::move(loaded.rules));
}

std::optional<Engine> Engine::load_document(std::string_view base_bundle, std::string_view document, Errors& errors) {
    LoadResult loaded = load_rules_document(base_bundle, document);
    if (!loaded.ok()) {
        errors = std::move(loaded.errors);
        return std::nullopt;
    }
    return Engine(std::move(loaded.rules));
}

Errors Engine::add_service(std::string_view service_document) {
    LoadResult extended = is_snapshot(service_document) ? add_service_snapshot(*rules_, service_document)
                                                        : eligibility::add_service(*rules_, service_document);
    if (!extended.ok()) return std::move(extended.errors);
    rules_ = std::move(extended.rules);
    return {};
}

bool Engine::run(std::string_view profile_json, const EvalOptions& options, std::optional<Lang> texts_in) {
    Errors errors = parser_.parse(profile_json, *rules_, options.default_as_of, profile_);
    if (errors.empty()) {
        if (auto missing = language_not_loaded(*profile_.service, texts_in)) errors.push_back(std::move(*missing));
    }
    if (!errors.empty()) {
        scratch_.status = Status::error;
        scratch_.service = nullptr;
        scratch_.errors = std::move(errors);
        scratch_.violated.clear();
        return false;
    }
    eligibility::evaluate(*rules_, profile_, scratch_);
    return scratch_.status != Status::error;
}

JsonResult Engine::evaluate(std::string_view profile_json, const EvalOptions& options) {
    JsonResult result;
    result.json = std::string(evaluate_view(profile_json, options, &result.status));
    return result;
}

std::string_view Engine::evaluate_view(std::string_view profile_json, const EvalOptions& options, Status* status) {
    run(profile_json, options, options.lang);
    if (status) *status = scratch_.status;
    write_decision_tape(*rules_, scratch_, options.lang, tape_);
    out_.clear();  // keeps its capacity: after the first decision, writing allocates nothing
    write_decision_text(tape_, options.lang, out_);
    return out_;
}

const DecisionTape& Engine::evaluate_tape(std::string_view profile_json, const EvalOptions& options) {
    run(profile_json, options, options.lang);
    write_decision_tape(*rules_, scratch_, options.lang, tape_);
    return tape_;
}

std::string Engine::fragments(std::string_view service_id, std::optional<Lang> lang) const {
    const Service* s = rules_->find_service(service_id);
    if (!s) return errors_json({{"/service", ErrorCode::unknown_service, "no such service loaded"}});
    if (auto missing = language_not_loaded(*s, lang)) return errors_json({*missing});
    std::string out;
    write_fragments(*s, lang, out);
    return out;
}

JsonResult Engine::questions(std::string_view profile_json, const EvalOptions& options) {
    run(profile_json, options, options.lang.value_or(Lang::en));
    JsonResult result;
    result.status = scratch_.status;
    write_questions(*rules_, scratch_, options.lang.value_or(Lang::en), result.json);
    return result;
}

JsonResult Engine::facts(std::string_view service_id, Lang lang) const {
    JsonResult result;
    const Service* s = rules_->find_service(service_id);
    if (!s) {
        result.json = errors_json({{"/service", ErrorCode::unknown_service, "unknown service"}});
        return result;
    }
    if (auto missing = language_not_loaded(*s, lang)) {
        result.json = errors_json({*missing});
        return result;
    }
    write_facts(*rules_, *s, lang, result.json);
    result.status = Status::decided;
    return result;
}

std::string Engine::services(Lang lang) const {
    std::string out;
    write_services(*rules_, lang, out);
    return out;
}

std::string Engine::countries(Lang lang) const {
    std::string out;
    write_countries(*rules_, lang, out);
    return out;
}

std::string errors_json(const Errors& errors) {
    std::string out;
    write_errors(errors, out);
    return out;
}

}  // namespace eligibility
