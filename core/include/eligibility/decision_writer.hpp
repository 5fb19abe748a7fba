// Decisions, errors and question lists as JSON text. The layout is fixed (docs/contract.md): the
// same Decision always gives the same bytes, which is what native/WebAssembly parity rests on.
#pragma once

#include <optional>
#include <string>

#include "eligibility/decision.hpp"
#include "eligibility/decision_tape.hpp"
#include "eligibility/error.hpp"
#include "eligibility/ruleset.hpp"
#include "eligibility/text.hpp"

namespace eligibility {

// The decision as JSON text: its tape (decision_tape.hpp) written out. With a language, every
// item carries its title (and note) in it.
void write_decision(const RuleSet& rules, const Decision& d, std::optional<Lang> lang, std::string& out);
// The same from a tape already written (by write_decision_tape, in the same language): what an
// Engine does, keeping its tape from call to call.
void write_decision_text(const DecisionTape& tape, std::optional<Lang> lang, std::string& out);

// A decision that is an error (the constraints it violates, or the errors that stopped it), as
// its JSON text; false, with nothing written, if it is not one.
bool write_failure(const Decision& d, std::optional<Lang> lang, std::string& out);

// The service's record fragments, by fragment number (RecordJson::index), in a language (or
// none): [{"h": {head members}, "t": {provenance and texts}, "w": {trace entry}, "f"?: {fail_note}}].
// What a reader of decision tapes (decision_tape.hpp) keeps, to put the static members back.
void write_fragments(const Service& s, std::optional<Lang> lang, std::string& out);

// {"status":"error","errors":[…]}
void write_errors(const Errors& errors, std::string& out);

// The facts still missing, as questions to ask: {"status", "questions": […]}.
void write_questions(const RuleSet& rules, const Decision& d, Lang lang, std::string& out);

// Every fact of a service, described as a question: {"service", "facts": […]}.
void write_facts(const RuleSet& rules, const Service& s, Lang lang, std::string& out);

// [{"id", "title"}] for every service in the rules.
void write_services(const RuleSet& rules, Lang lang, std::string& out);

// [{"code","name"}] for every country of the rules' table, in code order.
void write_countries(const RuleSet& rules, Lang lang, std::string& out);

}  // namespace eligibility
