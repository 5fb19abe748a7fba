// libFuzzer target: reading compiled rule packs (snapshot.hpp). The input's first byte chooses
// the kind (even: the index; odd: one service, added to the default rules' index); the rest is
// the payload, sealed here with a valid header and checksum, so that the fuzzer explores the
// reader rather than the checksum. Any payload must be read to its end or refused as a whole:
// never a crash, hang or leak, never an allocation beyond what its size allows, and never a rule
// set along with an error.
//
// Not covered, by design: a payload that reads cleanly but whose indexes (conditions, fact slots)
// point nowhere. Snapshots are written by the build from rules that passed validation and are
// sealed with a checksum; they are trusted as much as the module's own code, which is served
// from the same folder.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "default_rules.hpp"
#include "eligibility/rules_loader.hpp"
#include "eligibility/snapshot.hpp"

namespace {

const eligibility::RuleSet& default_index() {
    static const auto index = [] {
        const auto all = eligibility::load_rules(eligibility::embedded::default_rules());
        if (!all.ok()) __builtin_trap();
        auto read = eligibility::read_index_snapshot(eligibility::write_index_snapshot(*all.rules));
        if (!read.ok()) __builtin_trap();
        return read.rules;
    }();
    return *index;
}

void put(std::string& out, uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

// The header snapshot.cpp writes, for this payload: the fingerprint is taken from a real one.
std::string seal(bool service, std::string_view payload) {
    static const std::string real = eligibility::write_index_snapshot(default_index());
    std::string out(eligibility::kSnapshotMagic);
    out.push_back(static_cast<char>(service ? 2 : 1));
    out.append(real, 9, 8);
    put(out, payload.size(), 4);
    put(out, eligibility::snapshot_checksum(payload), 8);
    out.append(payload);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const bool service = data[0] & 1;
    const std::string bytes = seal(service, std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    const auto result = service ? eligibility::add_service_snapshot(default_index(), bytes)
                                : eligibility::read_index_snapshot(bytes);
    if ((result.rules != nullptr) == !result.errors.empty()) __builtin_trap();
    // What a decision would do next with a service read this way: render its records' JSON.
    if (result.rules) {
        for (const auto& s : result.rules->services) s->ensure_fragments();
    }
    if (result.errors.size() > 1) __builtin_trap();
    for (const auto& e : result.errors) {
        if (e.code != eligibility::ErrorCode::invalid_rules || e.message.empty() || !e.path.empty()) __builtin_trap();
        // Sealed here, an input is never damaged: if it were, the fuzzer would be exploring the
        // checksum, not the reader (seal() and snapshot.cpp no longer agree).
        if (e.message.find("damaged") != std::string::npos) __builtin_trap();
    }
    return 0;
}
