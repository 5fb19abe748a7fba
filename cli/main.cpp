// eligibility: the native command line (CONTRACT.md section 5).
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.hpp"

namespace {

constexpr const char* kUsage =
    "usage: eligibility COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  evaluate         read one profile (JSON) on stdin, print one decision\n"
    "  batch            read JSON Lines on stdin, print one decision per line, in order\n"
    "  questions        read one profile on stdin, print the questions still to ask\n"
    "  facts SERVICE    print every fact (question) of a service\n"
    "  services         print the services the rules cover\n"
    "  validate-rules FILE\n"
    "                   check a rules bundle (or one service document) and report every problem\n"
    "\n"
    "options:\n"
    "  --rules FILE     rules bundle to use instead of the built-in one; a single service\n"
    "                   document replaces that service in the built-in bundle\n"
    "  --date YYYY-MM-DD\n"
    "                   as_of for profiles that give none (default: today, UTC)\n"
    "  --lang en|az|ru  add titles and notes in this language\n"
    "\n"
    "exit codes: 0 decided or needs_input, 1 usage, 2 input error (the error object is printed),\n"
    "            3 rules invalid, 4 file unreadable; batch exits 2 if any line was an error\n";

int usage_error(const char* message) {
    std::fprintf(stderr, "eligibility: %s\n\n%s", message, kUsage);
    return eligibility::cli::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace eligibility;
    cli::Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return cli::kExitOk;
        } else if (arg == "--rules") {
            if (!has_value) return usage_error("--rules needs a file");
            o.rules_path = argv[++i];
        } else if (arg == "--date") {
            if (!has_value) return usage_error("--date needs YYYY-MM-DD");
            o.date = CivilDate::parse(argv[++i]);
            if (!o.date) return usage_error("--date needs a date that exists, YYYY-MM-DD");
        } else if (arg == "--lang") {
            if (!has_value) return usage_error("--lang needs en, az or ru");
            o.lang = parse_lang(argv[++i]);
            if (!o.lang) return usage_error("--lang needs en, az or ru");
        } else if (arg.size() > 1 && arg[0] == '-') {
            return usage_error(("unknown option " + arg).c_str());
        } else if (o.command.empty()) {
            o.command = arg;
        } else if (o.argument.empty()) {
            o.argument = arg;
        } else {
            return usage_error(("unexpected argument " + arg).c_str());
        }
    }
    const bool needs_argument = o.command == "validate-rules" || o.command == "facts";
    if (needs_argument && o.argument.empty()) return usage_error((o.command + " needs an argument").c_str());
    if (!needs_argument && !o.argument.empty()) return usage_error(("unexpected argument " + o.argument).c_str());
    if (o.command == "evaluate") return cli::run_evaluate(o);
    if (o.command == "batch") return cli::run_batch(o);
    if (o.command == "questions") return cli::run_questions(o);
    if (o.command == "facts") return cli::run_facts(o);
    if (o.command == "services") return cli::run_services(o);
    if (o.command == "validate-rules") return cli::run_validate_rules(o);
    if (o.command.empty()) return usage_error("no command given");
    return usage_error(("unknown command " + o.command).c_str());
}
