// golden_runner [--show] [--rules FILE] [--min-per-service N] CASES_DIR [NAME_FILTER]
//
// Runs every golden case under CASES_DIR (tests/cases/<service>/*.json) through the engine with
// the built-in rules and compares the decision with the case's `expect` pattern: objects match if
// every key given matches; arrays must have the same length and match element by element. The
// same files are run through the WebAssembly engine by tests/wasm.
//
// A case: { "description", "profile" | "profile_text" | "profile_base64" (bytes that are not
// UTF-8), "options": { "lang" }, "expect" }.
// --show prints the actual decision of each case (for authoring; never to copy blindly).
// --rules runs against a bundle or a service document (placed in the built-in bundle) instead.
// --min-per-service fails unless every service of the rules has at least N cases in its folder.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "default_rules.hpp"
#include "eligibility/engine.hpp"
#include "pattern.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The date used when a case gives no as_of: fixed, so that no case depends on today.
constexpr const char* kDefaultAsOf = "2026-11-21";


}  // namespace

int main(int argc, char** argv) {
    bool show = false;
    size_t min_per_service = 0;
    std::string rules_file;
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--show") show = true;
        else if (std::string(argv[i]) == "--rules" && i + 1 < argc) rules_file = argv[++i];
        else if (std::string(argv[i]) == "--min-per-service" && i + 1 < argc) min_per_service = std::stoul(argv[++i]);
        else args.emplace_back(argv[i]);
    }
    const char* usage = "usage: golden_runner [--show] [--rules FILE] CASES_DIR [NAME_FILTER]\n";
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cerr << usage;
        return args.empty() ? 2 : 0;
    }
    std::error_code ec;
    if (!fs::is_directory(args[0], ec)) {
        std::cerr << args[0] << " is not a directory\n" << usage;
        return 2;
    }
    const std::string filter = args.size() > 1 ? args[1] : "";
    eligibility::Errors load_errors;
    auto engine = rules_file.empty()
                      ? eligibility::Engine::load(eligibility::embedded::default_rules(), load_errors)
                      : eligibility::Engine::load_document(eligibility::embedded::default_rules(), golden::read_file(rules_file), load_errors);
    if (!engine) {
        std::cerr << "the rules do not load:\n";
        for (const auto& e : load_errors) std::cerr << "  " << e.path << ": " << e.message << "\n";
        return 1;
    }

    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(args[0])) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
        // Bad rules files (tests/cases/errors/rules) are run by their own test.
        if (entry.path().parent_path().filename() == "rules") continue;
        if (!filter.empty() && entry.path().string().find(filter) == std::string::npos) continue;
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());

    size_t passed = 0, failed = 0;
    for (const auto& file : files) {
        const json c = json::parse(golden::read_file(file), nullptr, false);
        const std::string name = fs::relative(file, args[0]).string();
        if (c.is_discarded() || !c.is_object() || !c.contains("expect") ||
            !(c.contains("profile") || c.contains("profile_text") || c.contains("profile_base64"))) {
            std::cout << "FAIL " << name << ": not a golden case (needs profile, profile_text or profile_base64, and expect)\n";
            ++failed;
            continue;
        }
        eligibility::EvalOptions options;
        options.default_as_of = *eligibility::CivilDate::parse(kDefaultAsOf);
        if (c.contains("options") && c["options"].contains("lang")) {
            options.lang = eligibility::parse_lang(c["options"]["lang"].get<std::string>());
        }
        const std::string input = c.contains("profile_text")     ? c["profile_text"].get<std::string>()
                                  : c.contains("profile_base64") ? golden::decode_base64(c["profile_base64"].get<std::string>())
                                                                 : c["profile"].dump();
        const auto result = engine->evaluate(input, options);
        const json actual = json::parse(result.json, nullptr, false);
        std::vector<std::string> problems;
        if (actual.is_discarded()) problems.push_back("the engine's output is not JSON: " + result.json);
        else golden::match(c["expect"], actual, "", problems);
        if (show) std::cout << "# " << name << "\n" << result.json << "\n";
        if (problems.empty()) {
            ++passed;
            continue;
        }
        ++failed;
        std::cout << "FAIL " << name << " — " << c.value("description", std::string()) << "\n";
        for (const auto& p : problems) std::cout << "    " << p << "\n";
    }
    std::cout << passed << " passed, " << failed << " failed, of " << files.size() << " golden cases\n";
    if (min_per_service > 0) {
        for (const auto& service : engine->rules().services) {
            const size_t n = static_cast<size_t>(std::count_if(files.begin(), files.end(), [&](const fs::path& f) {
                return fs::relative(f, args[0]).begin()->string() == service->id;
            }));
            if (n < min_per_service) {
                std::cout << "FAIL service " << service->id << " has " << n << " golden cases; at least " << min_per_service
                          << " are required\n";
                ++failed;
            }
        }
    }
    if (files.empty()) {
        std::cerr << "no golden cases found under " << args[0] << "\n";
        return 1;
    }
    return failed == 0 ? 0 : 1;
}
