// Executes runs the way OMNeT++'s Cmdenv does (express mode): prints the
// per-run preamble, periodic "** Event #..." status lines, the termination
// message, and writes the result files. Errors are printed as "<!> Error: ..."
// on stderr (stdout with -m).
#pragma once

#include <string>
#include <vector>

#include "ini.h"

struct CmdenvOptions {
    bool verbose = true;         // false with -s
    bool errorsToStdout = false; // -m
};

// Prints "<!> MESSAGE" like Cmdenv's alert(): on stderr unless -m was given.
void printAlert(const CmdenvOptions& opts, const std::string& message);

class Cmdenv {
  public:
    Cmdenv(const IniFile& ini, const CmdenvOptions& opts) : ini(ini), opts(opts) {}
    // Runs the given runs one after the other; returns the process exit code
    // (0: all runs finished, 1: a run failed).
    int runAll(const std::string& config, const std::vector<int>& runs);

  private:
    const IniFile& ini;
    CmdenvOptions opts;
    int runsTried = 0, numRuns = 0;
    bool stopBatchOnError = true;

    bool runOne(const std::string& config, int runNumber);
};
