// Bounds on every input, so that no input can make the engine run long or grow large.
// Documented in docs/limits.md; exceeding one is the error `input_too_large`.
#pragma once

#include <cstddef>

namespace eligibility::limits {

// A profile is a few facts: a few hundred bytes in practice.
inline constexpr std::size_t kProfileBytes = 64 * 1024;
inline constexpr std::size_t kProfileDepth = 8;        // objects/arrays inside one another
inline constexpr std::size_t kProfileStringBytes = 256; // any string or key in a profile

// A rules bundle holds every service in three languages: a few hundred KB in practice.
inline constexpr std::size_t kRulesBytes = 16 * 1024 * 1024;
inline constexpr std::size_t kRulesDepth = 64;
inline constexpr std::size_t kRulesStringBytes = 16 * 1024;
inline constexpr std::size_t kConditionDepth = 32;      // nesting inside one condition
inline constexpr std::size_t kFactsPerService = 64;     // facts are tracked in a 64-bit set
inline constexpr std::size_t kOutputsPerRecord = 8;
inline constexpr std::size_t kChannelsPerService = 16;
inline constexpr std::size_t kServices = 32;
// Values a record index (record_index.hpp) may list for one sequence of records: beyond it, that
// sequence is not indexed (every record tried, as before), so that rules naming large lists in
// many records cannot make loading take much memory. The visa service scaled 100x (bench/) lists
// 99,099 for its documents, the most of any of its sequences.
inline constexpr std::size_t kIndexedValues = 1 << 20;

// Errors reported for one input; the rest are summarised by the last one.
inline constexpr std::size_t kProfileErrors = 32;
inline constexpr std::size_t kRulesErrors = 100;

}  // namespace eligibility::limits
