// Compiled rule packs: the rules index, or one service, as the loader left them, written once at
// build time (tools/bundle_rules.cpp) and read back in a fraction of the time that parsing and
// validating their JSON takes. A browser that loads the visa rules on a first visit pays for the
// JSON path twice over: the text is parsed, and the code that parses it is compiled on first use.
//
// A snapshot is not an authoring format and is never validated rule by rule: it is what the
// loader produced from rules that passed validation, checked as a whole. It is refused (never
// half read) unless its header names the snapshot layout this very build of the core reads (a
// fingerprint of the structures it holds, so a pack from another build is refused rather than
// misread) and its checksum matches, and a service's rules version must be the index's. A
// mission's own rules stay JSON, loaded and validated by rules_loader.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "eligibility/rules_loader.hpp"
#include "eligibility/ruleset.hpp"

namespace eligibility {

// The first bytes of every snapshot: 0x89 is not UTF-8, so no JSON text starts this way.
inline constexpr std::string_view kSnapshotMagic{"\x89" "CESNAP\n", 8};

bool is_snapshot(std::string_view bytes);

// The checksum a snapshot's header carries for its payload: for a tool that seals a payload of
// its own (the fuzz target, which must reach the reader rather than stop at the checksum).
uint64_t snapshot_checksum(std::string_view payload);

// The index: version, countries, currencies and the catalogue; no service.
std::string write_index_snapshot(const RuleSet& rules);
LoadResult read_index_snapshot(std::string_view bytes);

// Services: one (a pack), or every service loaded in `rules` (all packs in one file, for an
// engine that loads every service at once: one download rather than one per service). Read back,
// `base` with each added (or put in place of the one with its id), as add_service() does with a
// service document. Errors have the code invalid_rules and path "".
std::string write_service_snapshot(const RuleSet& rules, const Service& service);
std::string write_services_snapshot(const RuleSet& rules);
LoadResult add_service_snapshot(const RuleSet& base, std::string_view bytes);

}  // namespace eligibility
