// queueing: an M/M/c queue simulation with the command line of an OMNeT++ 6
// simulation program (opp_run / Cmdenv). See README.md.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cmdenv.h"
#include "ini.h"
#include "runfilter.h"
#include "strutil.h"

namespace {

const char *kVersion = "1.0";

struct Args {
    std::string iniFile;
    std::string ui, config, runFilter, query, echo;
    bool configGiven = false, runFilterGiven = false;
    bool listConfigs = false, silent = false, merge = false, help = false, version = false;
    StringMap options;  // --KEY=VALUE
};

void printHelp()
{
    fputs(
        "Usage: queueing [options] [INIFILE]\n"
        "An M/M/c queue simulation with an OMNeT++ 6 (opp_run / Cmdenv) style command line.\n"
        "\n"
        "  -f <inifile>   Ini file to read (default: omnetpp.ini); may also be given as the\n"
        "                 last argument.\n"
        "  -u <ui>        User interface; only Cmdenv is available.\n"
        "  -c <config>    Configuration to run or query (default: General).\n"
        "  -r <filter>    Runs to select: run numbers and ranges (0,3,5..9 or 2-4) or an\n"
        "                 expression over iteration variables ('$rho>0.6 && $repetition<2').\n"
        "                 Without -r, all runs of the configuration are selected.\n"
        "  --result-dir <dir>, --result-dir=<dir>\n"
        "                 Directory for result files (default: results).\n"
        "  --<key>=<value>  Overrides an ini entry, e.g. --sim-time-limit=10s,\n"
        "                 --**.vector-recording=false, --Queueing.numServers=3.\n"
        "  -a             Print all configurations and their number of runs, then exit.\n"
        "  -q <what>      Print information and exit: numruns, runnumbers, runs,\n"
        "                 rundetails, sectioninheritance (use with -c and -r).\n"
        "  -e <option>    Print the value of a config option in the run selected by -c/-r.\n"
        "  -s             Silent mode: less verbose output.\n"
        "  -m             Report errors on standard output instead of standard error.\n"
        "  -n, -l, -x, -i, -p <arg>  Accepted for compatibility and ignored.\n"
        "  -v             Print version and exit.\n"
        "  -h             Print this help and exit.\n",
        stdout);
}

Args parseArgs(int argc, char **argv)
{
    Args a;
    std::vector<std::string> iniFiles;
    for (int i = 1; i < argc; i++) {
        std::string arg = argv[i];
        if (startsWith(arg, "--")) {
            std::string kv = arg.substr(2);
            size_t eq = kv.find('=');
            std::string key, value;
            if (eq != std::string::npos) {
                key = kv.substr(0, eq);
                value = kv.substr(eq + 1);
            }
            else {
                key = kv;
                if (i + 1 >= argc)
                    throw Error("Missing value for command-line option --" + key);
                value = argv[++i];
            }
            if (key.empty())
                throw Error("Invalid command-line option '" + arg + "'");
            a.options[key] = value;
            continue;
        }
        if (arg.size() >= 2 && arg[0] == '-') {
            char letter = arg[1];
            if (strchr("fucrqnlxipe", letter)) {
                std::string value;
                if (arg.size() > 2)
                    value = arg.substr(2);
                else if (i + 1 < argc)
                    value = argv[++i];
                else
                    throw Error(strf("Option -%c requires an argument", letter));
                switch (letter) {
                    case 'f': iniFiles.push_back(value); break;
                    case 'u': a.ui = value; break;
                    case 'c': a.config = value; a.configGiven = true; break;
                    case 'r': a.runFilter = value; a.runFilterGiven = true; break;
                    case 'q': a.query = value; break;
                    case 'e': a.echo = value; break;
                    default: break;  // -n -l -x -i -p: NED path, libraries, ... not needed here
                }
                continue;
            }
            if (arg.size() == 2) {
                switch (letter) {
                    case 'a': a.listConfigs = true; continue;
                    case 's': a.silent = true; continue;
                    case 'm': a.merge = true; continue;
                    case 'h': a.help = true; continue;
                    case 'v': a.version = true; continue;
                    default: break;
                }
            }
            throw Error("Unknown command-line option '" + arg + "', try -h");
        }
        if (endsWith(arg, ".ini"))
            iniFiles.push_back(arg);
        else
            throw Error("Cannot process command-line argument '" + arg + "': Unknown file extension");
    }
    if (iniFiles.size() > 1)
        throw Error("Only one ini file is supported by this program");
    a.iniFile = iniFiles.empty() ? "omnetpp.ini" : iniFiles[0];
    return a;
}

// -q: mirrors OMNeT++'s printRunInfo(); note that -q runnumbers prints each
// number preceded by a space, and an empty line when nothing is selected.
void printRunInfo(const IniFile& ini, const std::string& config, const std::string& filter, const std::string& query, bool verbose)
{
    std::string q = toLower(query);
    if (q.find("run") != std::string::npos) {
        std::vector<int> runs = resolveRunFilter(ini, config, filter);
        std::string o;
        if (verbose) {
            o += "Config: " + config + "\n";
            o += "Number of runs: " + std::to_string(ini.numRuns(config)) + "\n";
            if (!trim(filter).empty())
                o += "Number of runs selected: " + std::to_string(runs.size()) + "\n";
        }
        if (q == "numruns") {
            if (!verbose)
                o += std::to_string(runs.size()) + "\n";
        }
        else if (q == "runnumbers") {
            if (verbose)
                o += "\nRun numbers:";
            for (int r : runs)
                o += " " + std::to_string(r);
            o += "\n";
        }
        else if (q == "runs" || q == "rundetails") {
            if (verbose)
                o += "\n";
            std::vector<RunInfo> infos = ini.unroll(config);
            for (size_t i = 0; i < runs.size(); i++) {
                const RunInfo& ri = infos[runs[i]];
                o += "Run " + std::to_string(runs[i]) + ": " + ri.info + "\n";
                if (q == "rundetails") {
                    std::string brief = ri.configBrief;
                    size_t pos = 0;
                    while (pos < brief.size()) {
                        size_t nl = brief.find('\n', pos);
                        o += "\t" + brief.substr(pos, nl - pos) + "\n";
                        pos = nl + 1;
                    }
                    if (i + 1 < runs.size())
                        o += "\n";
                }
            }
        }
        else
            throw Error("Unrecognized -q argument '" + q + "'");
        fputs(o.c_str(), stdout);
    }
    else if (q == "sectioninheritance") {
        std::string o = verbose ? "\n" : "";
        for (const std::string& s : ini.sectionChain(config))
            o += (s == "General" ? s : "Config " + s) + "\n";
        fputs(o.c_str(), stdout);
    }
    else
        throw Error("Unrecognized -q argument '" + q + "'");
}

void printConfigValue(const IniFile& ini, const std::string& config, const std::string& filter, const std::string& option)
{
    std::vector<int> runs = resolveRunFilter(ini, config, filter);
    if (runs.empty())
        throw Error("Run filter does not match any run");
    if (runs.size() > 1)
        throw Error(strf("Run filter matches more than one run (%d)", (int)runs.size()));
    RunConfig rc = ini.extractRun(config, runs[0]);
    std::string dflt = option == "result-dir" ? "results" : option == "repeat" ? "1" : option == "seed-set" ? "${runnumber}" : "";
    fputs((rc.optionOr(option, dflt) + "\n").c_str(), stdout);
}

}  // namespace

int main(int argc, char **argv)
{
    CmdenvOptions opts;
    try {
        Args args = parseArgs(argc, argv);
        opts.verbose = !args.silent;
        opts.errorsToStdout = args.merge;
        if (args.help) {
            printHelp();
            return 0;
        }
        if (args.version) {
            printf("queueing %s (SimSwarm example; OMNeT++ 6 compatible command line and result files)\n", kVersion);
            return 0;
        }
        if (opts.verbose)
            fputs("SimSwarm queueing example: M/M/c queue, OMNeT++ 6 style command line and result files\n"
                  "(a stand-in for an OMNeT++ simulation; see README.md)\n\n", stdout);

        IniFile ini;
        ini.readFile(args.iniFile);
        ini.setCommandLineOptions(args.options);

        if (args.listConfigs) {
            std::string o;
            for (const std::string& c : ini.configNames())
                o += "Config " + c + ": " + std::to_string(ini.numRuns(c)) + "\n";
            fputs(o.c_str(), stdout);
            return 0;
        }

        std::string config = args.configGiven ? args.config : "General";
        if (!args.query.empty()) {
            printRunInfo(ini, config, args.runFilter, args.query, opts.verbose);
            return 0;
        }
        if (!args.echo.empty()) {
            printConfigValue(ini, config, args.runFilter, args.echo);
            return 0;
        }

        if (!args.ui.empty() && args.ui != "Cmdenv")
            throw Error("User interface '" + args.ui + "' is not available in this program (only Cmdenv)");

        // --cmdenv-config-name / --cmdenv-runs-to-execute stand in for -c / -r
        if (!args.configGiven) {
            auto it = args.options.find("cmdenv-config-name");
            if (it != args.options.end())
                config = it->second;
        }
        std::string runFilter = args.runFilter;
        if (!args.runFilterGiven) {
            auto it = args.options.find("cmdenv-runs-to-execute");
            if (it != args.options.end())
                runFilter = it->second;
        }
        if (opts.verbose)
            fputs("Setting up Cmdenv...\n", stdout);
        std::vector<int> runs = resolveRunFilter(ini, config, runFilter);
        Cmdenv cmdenv(ini, opts);
        int rc = cmdenv.runAll(config, runs);
        if (opts.verbose)
            fputs("\nEnd.\n", stdout);
        return rc;
    }
    catch (std::exception& e) {
        printAlert(opts, std::string("Error: ") + e.what());
        return 1;
    }
}
