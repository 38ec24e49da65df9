// Reading omnetpp.ini and expanding its configurations into runs, following
// OMNeT++ 6 semantics (see README.md for what is and is not covered):
//  - sections [General], [Config NAME] (or [NAME]); `extends = BASE`, a single
//    inheritance chain ending in [General];
//  - iterations ${1,2,5}, ${10..100 step 10}, ${a..b}, named ${x=...}, references
//    ${x}; unnamed iterations are named $0, $1, ...;
//  - iteration variables are collected from the most specific section towards
//    [General], each section in file order; the last one is the innermost loop;
//  - `repeat = N` appends ${repetition=0..N-1} as the innermost loop;
//  - `constraint = EXPR` drops combinations for which EXPR is false;
//  - --KEY=VALUE command-line options take precedence over every section.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

using StringMap = std::map<std::string, std::string>;

struct IniEntry {
    std::string key, value;
    int line = 0;
};

struct IniSection {
    std::string name;  // "General" or the config name (without "Config ")
    std::vector<IniEntry> entries;
};

// One expanded run, as listed by -q runs / used by -r expressions.
struct RunInfo {
    std::string info;        // "$n=1, $rho=0.5, $repetition=0"
    StringMap iterVars;      // user iteration variables (no repetition)
    StringMap attrs;         // predefined variables: configname, runnumber, repetition, ...
    std::string configBrief; // "key = expanded value" lines of entries containing ${...}
};

// The effective configuration of one run.
struct RunConfig {
    std::string configName;
    int runNumber = 0;
    std::string info;                                        // same as RunInfo::info
    StringMap iterVars;                                      // itervar lines
    StringMap attrs;                                         // attr lines (run attributes)
    std::vector<std::pair<std::string, std::string>> entries;  // config lines: command line first, then sections

    // First entry with exactly this key, or nullptr.
    const std::string *option(const std::string& key) const;
    std::string optionOr(const std::string& key, const std::string& dflt) const;
    // Per-object option such as "vector-recording" for object "Queueing.queue.queueLength:vector".
    const std::string *perObjectOption(const std::string& object, const std::string& optionName) const;
    // Module parameter assignment for a full path such as "Queueing.numServers".
    const std::string *param(const std::string& fullPath) const;
    const std::string& attr(const std::string& name) const;
};

class IniFile {
  public:
    void readFile(const std::string& fileName);
    const std::string& fileName() const { return fname; }

    // --KEY=VALUE options (KEY without the dashes).
    void setCommandLineOptions(const StringMap& options);

    std::vector<std::string> configNames() const;
    bool hasConfig(const std::string& name) const;
    // Section names from the given config up to General (most specific first).
    std::vector<std::string> sectionChain(const std::string& config) const;

    int numRuns(const std::string& config) const;
    std::vector<RunInfo> unroll(const std::string& config) const;
    RunConfig extractRun(const std::string& config, int runNumber) const;

  private:
    struct IterVar {
        std::string name;
        std::vector<std::string> values;
    };
    struct Scenario {
        std::vector<IterVar> vars;               // outermost first; repetition last
        std::vector<std::vector<int>> runs;      // value index per var, for each run
        StringMap locationToName;                // "section:entry:k" -> name of unnamed iteration
    };
    struct Vars {
        StringMap iter;        // iteration variables incl. repetition
        StringMap predefined;  // configname, runnumber, ...
        const StringMap *locationToName = nullptr;
    };

    std::string fname;
    std::vector<IniSection> sections;
    std::vector<IniEntry> commandLine;

    int findSection(const std::string& name) const;
    std::vector<int> chainIds(const std::string& config) const;
    Scenario expand(const std::vector<int>& chain) const;
    const std::string *lookup(const std::vector<int>& chain, const std::string& key, int *sec = nullptr, int *ent = nullptr) const;
    std::string substitute(const std::string& text, const Vars& vars, int sec, int ent) const;
    std::string getString(const std::vector<int>& chain, const std::string& key, const char *dflt, const Vars& vars) const;
    Vars computeVars(const std::string& config, int runNumber, const std::vector<int>& chain, const Scenario& sc) const;
    std::string runInfoString(const Scenario& sc, int run) const;
};

// Predefined variable names (cannot be used as iteration variable names).
bool isPredefinedVariable(const std::string& name);
