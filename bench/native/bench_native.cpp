// Native benchmark of the rules core: microseconds per decision, for several profiles, for one or
// more rules bundles (the default one and the scaled ones of bench/scale_rules.mjs).
//
//   eligibility_bench [--runs N] [--min-ms MS] [--calls N] PROFILES.json NAME=BUNDLE.json [NAME=BUNDLE.json …]
//
// --calls N fixes every run at N calls instead of sizing runs by time: the same work in every
// process, for counting instructions (valgrind --tool=callgrind, perf stat) when comparing two
// builds on a machine too noisy to compare their times.
//
// For every bundle and every profile it measures
//   parsed: eligibility::evaluate() with the profile already parsed (parse_profile once, outside
//           the timing), the typed Decision reused across calls;
//   json:   Engine::evaluate_view(): profile JSON text in, decision JSON text out.
// Each figure is the median over N runs (default 7); each run repeats the call enough times to
// last at least MS milliseconds (default 50), the count found once beforehand by doubling. The
// runs go round every bundle and profile in turn, so that a slow spell of a shared machine falls
// on every scale alike.
// Before timing, the decision written from the parsed path must be byte for byte the text of the
// JSON path, or the program stops.
//
// Prints one JSON object on stdout (read by bench/run.mjs); progress on stderr.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "eligibility/decision.hpp"
#include "eligibility/decision_writer.hpp"
#include "eligibility/engine.hpp"
#include "eligibility/evaluator.hpp"
#include "eligibility/profile.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

volatile uint64_t g_sink = 0;  // keeps the optimiser from dropping the calls

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "eligibility_bench: %s\n", message.c_str());
    std::exit(1);
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

double elapsed_ms(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

struct Timing {
    double median_us = 0, min_us = 0, max_us = 0;
    uint64_t iterations = 0;  // per run
    int runs = 0;
};

// How many back-to-back calls last at least min_ms (doubling from one).
template <class F>
uint64_t calibrate(F&& call, double min_ms) {
    uint64_t n = 1;
    for (;;) {
        auto t0 = Clock::now();
        for (uint64_t i = 0; i < n; ++i) call();
        if (elapsed_ms(t0, Clock::now()) >= min_ms) return n;
        n *= 2;
    }
}

// One run: µs per call over n calls.
template <class F>
double run_once(F&& call, uint64_t n) {
    auto t0 = Clock::now();
    for (uint64_t i = 0; i < n; ++i) call();
    return elapsed_ms(t0, Clock::now()) * 1000.0 / static_cast<double>(n);
}

Timing summary(std::vector<double> per_call, uint64_t n) {
    std::sort(per_call.begin(), per_call.end());
    Timing t;
    t.median_us = per_call[per_call.size() / 2];
    t.min_us = per_call.front();
    t.max_us = per_call.back();
    t.iterations = n;
    t.runs = static_cast<int>(per_call.size());
    return t;
}

json timing_json(const Timing& t) {
    return {{"median_us", t.median_us}, {"min_us", t.min_us}, {"max_us", t.max_us},
            {"iterations", t.iterations}, {"runs", t.runs}};
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 7;
    double min_ms = 50;
    uint64_t fixed_calls = 0;  // --calls: 0 sizes each run by time
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
        else if (a == "--min-ms" && i + 1 < argc) min_ms = std::atof(argv[++i]);
        else if (a == "--calls" && i + 1 < argc) fixed_calls = std::strtoull(argv[++i], nullptr, 10);
        else args.push_back(a);
    }
    if (args.size() < 2 || runs < 1 || min_ms <= 0) {
        std::fprintf(stderr, "usage: eligibility_bench [--runs N] [--min-ms MS] [--calls N] PROFILES.json NAME=BUNDLE.json …\n");
        return 1;
    }

    std::string profiles_text;
    if (!read_file(args[0], profiles_text)) die("cannot read " + args[0]);
    json profiles = json::parse(profiles_text, nullptr, false);
    if (profiles.is_discarded() || !profiles.is_array()) die(args[0] + " is not a JSON array");

    // Every bundle is loaded and every case checked first; then the runs go round all the cases in
    // turn (run 1 of every case, then run 2, …), so that a slow spell of a shared machine falls on
    // every bundle alike and the ratios between scales stay meaningful.
    struct Case {
        size_t bundle = 0;
        std::string name, text, reference;
        eligibility::Status status = eligibility::Status::error;
        eligibility::Profile profile;
        eligibility::Decision decision;
        uint64_t n_parsed = 0, n_json = 0;
        std::vector<double> parsed, json_io;
    };
    json report = {{"runs", runs}, {"min_ms_per_run", min_ms}, {"bundles", json::array()}};
    std::deque<eligibility::Engine> engines;
    std::deque<Case> cases;
    eligibility::EvalOptions options;
    options.default_as_of = *eligibility::CivilDate::parse("2026-11-21");
    for (size_t b = 1; b < args.size(); ++b) {
        const auto eq = args[b].find('=');
        if (eq == std::string::npos) die("expected NAME=BUNDLE.json, got " + args[b]);
        const std::string name = args[b].substr(0, eq), path = args[b].substr(eq + 1);
        std::string bundle;
        if (!read_file(path, bundle)) die("cannot read " + path);

        // Loading (validate + compile), median of 3.
        std::vector<double> loads;
        std::optional<eligibility::Engine> engine;
        for (int r = 0; r < 3; ++r) {
            eligibility::Errors errors;
            auto t0 = Clock::now();
            engine = eligibility::Engine::load(bundle, errors);
            loads.push_back(elapsed_ms(t0, Clock::now()));
            if (!engine) die(path + ": " + eligibility::errors_json(errors));
        }
        std::sort(loads.begin(), loads.end());
        std::fprintf(stderr, "native: %s (%zu bytes) loaded in %.1f ms\n", name.c_str(), bundle.size(), loads[1]);
        engines.push_back(std::move(*engine));
        report["bundles"].push_back({{"name", name}, {"file", path}, {"bytes", bundle.size()},
                                     {"load_ms", loads[1]}, {"profiles", json::array()}});

        eligibility::Engine& e = engines.back();
        for (const auto& p : profiles) {
            if (!p.is_object() || !p.contains("name") || !p.contains("profile")) die(args[0] + ": each entry needs name and profile");
            Case& c = cases.emplace_back();
            c.bundle = b - 1;
            c.name = p["name"].get<std::string>();
            c.text = p["profile"].dump();
            // JSON in, JSON out.
            c.reference = std::string(e.evaluate_view(c.text, options, &c.status));
            if (c.status == eligibility::Status::error) die(name + "/" + c.name + ": " + c.reference);
            // The same profile parsed once; evaluate() alone must write the same decision.
            eligibility::Errors errors = eligibility::parse_profile(c.text, e.rules(), options.default_as_of, c.profile);
            if (!errors.empty()) die(name + "/" + c.name + ": " + eligibility::errors_json(errors));
            eligibility::evaluate(e.rules(), c.profile, c.decision);
            std::string written;
            eligibility::write_decision(e.rules(), c.decision, options.lang, written);
            if (written != c.reference) die(name + "/" + c.name + ": the parsed path and evaluate_view disagree");
        }
    }

    const auto parsed_call = [](Case& c, const eligibility::RuleSet& rules) {
        return [&c, &rules] {
            eligibility::evaluate(rules, c.profile, c.decision);
            g_sink = g_sink + static_cast<uint64_t>(c.decision.status) + c.decision.documents.size();
        };
    };
    const auto json_call = [&options](Case& c, eligibility::Engine& e) {
        return [&c, &e, &options] {
            std::string_view out = e.evaluate_view(c.text, options);
            g_sink = g_sink + out.size();
        };
    };
    for (Case& c : cases) {
        eligibility::Engine& e = engines[c.bundle];
        c.n_parsed = fixed_calls ? fixed_calls : calibrate(parsed_call(c, e.rules()), min_ms);
        c.n_json = fixed_calls ? fixed_calls : calibrate(json_call(c, e), min_ms);
    }
    for (int r = 0; r < runs; ++r) {
        for (Case& c : cases) {
            eligibility::Engine& e = engines[c.bundle];
            c.parsed.push_back(run_once(parsed_call(c, e.rules()), c.n_parsed));
            c.json_io.push_back(run_once(json_call(c, e), c.n_json));
        }
    }
    for (Case& c : cases) {
        json& bundle_report = report["bundles"][c.bundle];
        const Timing parsed = summary(c.parsed, c.n_parsed);
        const Timing json_io = summary(c.json_io, c.n_json);
        std::fprintf(stderr, "native: %s %-18s parsed %8.3f us  json %8.3f us\n",
                     bundle_report["name"].get<std::string>().c_str(), c.name.c_str(), parsed.median_us, json_io.median_us);
        bundle_report["profiles"].push_back({
            {"name", c.name},
            {"status", eligibility::status_name(c.status)},
            {"decision_bytes", c.reference.size()},
            {"decision", c.reference},
            {"parsed", timing_json(parsed)},
            {"json", timing_json(json_io)},
        });
    }
    std::string out = report.dump();
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fputc('\n', stdout);
    return 0;
}
