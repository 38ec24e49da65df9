#include "cmdenv.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

#include "expr.h"
#include "model.h"
#include "results.h"
#include "runfilter.h"
#include "strutil.h"

namespace {

void out(const std::string& s)
{
    fputs(s.c_str(), stdout);
}

bool boolOption(const RunConfig& rc, const std::string& key, bool dflt)
{
    const std::string *v = rc.option(key);
    if (!v)
        return dflt;
    try {
        return evaluateBool(*v, nullptr);
    }
    catch (Error& e) {
        throw Error("Wrong value '" + *v + "' for config option '" + key + "': " + e.what());
    }
}

bool boolValue(const std::string *v, bool dflt, const std::string& what)
{
    if (!v)
        return dflt;
    try {
        return evaluateBool(*v, nullptr);
    }
    catch (Error& e) {
        throw Error("Wrong value '" + *v + "' for " + what + ": " + e.what());
    }
}

long intOption(const RunConfig& rc, const std::string& key, long dflt)
{
    const std::string *v = rc.option(key);
    if (!v)
        return dflt;
    Value val = evaluateExpr(*v, nullptr);
    if (val.type != Value::NUM || val.num != std::floor(val.num))
        throw Error("Wrong value '" + *v + "' for config option '" + key + "': an integer is expected");
    return (long)val.num;
}

// Value of a byte-size option such as vector-buffer = 1MiB, in bytes.
double bytesOption(const RunConfig& rc, const std::string& key, double dflt)
{
    const std::string *v = rc.option(key);
    if (!v)
        return dflt;
    double num;
    std::string unit;
    if (!parseQuantity(*v, num, unit) || !toBaseUnit(num, unit) || !(unit == "b" || unit.empty()))
        throw Error("Wrong value '" + *v + "' for config option '" + key + "': a size such as 1MiB is expected");
    return unit == "b" ? num / 8 : num;
}

std::string elapsedStr(double sec)
{
    long s = (long)sec;
    return strf("Elapsed: %gs (%ldm %02lds)", sec, s / 60, s % 60);
}

}  // namespace

void printAlert(const CmdenvOptions& opts, const std::string& message)
{
    fflush(stdout);
    FILE *f = opts.errorsToStdout ? stdout : stderr;
    fprintf(f, "\n<!> %s\n\n", message.c_str());
    fflush(f);
}

int Cmdenv::runAll(const std::string& config, const std::vector<int>& runs)
{
    numRuns = (int)runs.size();
    runsTried = 0;
    int numErrors = 0;
    for (int r : runs) {
        runsTried++;
        if (!runOne(config, r)) {
            numErrors++;
            if (stopBatchOnError)
                break;
        }
    }
    if (numRuns > 1 && opts.verbose) {
        int numSkipped = numRuns - runsTried;
        int numSuccess = runsTried - numErrors;
        std::string s = strf("\nRun statistics: total %d", numRuns);
        if (numSuccess > 0)
            s += strf(", successful %d", numSuccess);
        if (numErrors > 0)
            s += strf(", errors %d", numErrors);
        if (numSkipped > 0)
            s += strf(", skipped %d", numSkipped);
        out(s + "\n");
    }
    fflush(stdout);
    return numErrors > 0 ? 1 : 0;
}

bool Cmdenv::runOne(const std::string& config, int runNumber)
{
    using Clock = std::chrono::steady_clock;
    std::unique_ptr<ScalarWriter> sca(new ScalarWriter());
    std::unique_ptr<VectorWriter> vec(new VectorWriter());
    try {
        if (opts.verbose)
            out(strf("\nPreparing for running configuration %s, run #%d...\n", config.c_str(), runNumber));

        RunConfig rc = ini.extractRun(config, runNumber);
        stopBatchOnError = boolOption(rc, "cmdenv-stop-batch-on-error", true);
        const std::string& iterVars = rc.attr("iterationvars");
        const std::string& repetition = rc.attr("repetition");
        if (!opts.verbose)
            out(config + " run " + std::to_string(runNumber) + ": " + iterVars + ", $repetition=" + repetition + "\n");
        else {
            if (!iterVars.empty())
                out("Scenario: " + iterVars + ", $repetition=" + repetition + "\n");
            out("Assigned runID=" + rc.attr("configname") + "-" + rc.attr("runnumber") + "-" + rc.attr("datetime") + "-" +
                rc.attr("processid") + "\n");
        }

        // network
        const std::string& network = rc.attr("network");
        if (network.empty())
            throw Error("No network specified (missing or empty network= configuration option)");
        if (network != "Queueing")
            throw Error("Network '" + network + "' not found, this program only contains the network 'Queueing'");
        if (opts.verbose)
            out("Setting up network \"Queueing\"...\n");
        ModelParams params = readModelParams(rc);

        // run options
        int64_t limitPs = -1;
        std::string limitText = rc.optionOr("sim-time-limit", "");
        if (!limitText.empty())
            limitPs = parseSimtime(limitText, "sim-time-limit");
        if (limitPs < -1)
            throw Error("sim-time-limit must not be negative");
        int64_t failAtPs = -1;
        std::string failRuns = rc.optionOr("fail-runs", "");
        if (!failRuns.empty()) {
            std::vector<int> fr;
            try {
                fr = parseRunNumberList(failRuns);
            }
            catch (Error& e) {
                throw Error("Wrong value '" + failRuns + "' for config option 'fail-runs': " + e.what());
            }
            if (std::find(fr.begin(), fr.end(), runNumber) != fr.end())
                failAtPs = limitPs > 0 ? limitPs / 2 : 0;
        }
        double statusFrequency = 2.0;
        std::string sf = rc.optionOr("cmdenv-status-frequency", "");
        if (!sf.empty())
            statusFrequency = parseSimtime(sf, "cmdenv-status-frequency") * 1e-12;
        bool performanceDisplay = boolOption(rc, "cmdenv-performance-display", true);
        int scaPrec = (int)intOption(rc, "output-scalar-precision", 14);
        int vecPrec = (int)intOption(rc, "output-vector-precision", 14);
        if (scaPrec < 1 || scaPrec > 17 || vecPrec < 1 || vecPrec > 17)
            throw Error("output-scalar-precision and output-vector-precision must be in 1..17");
        size_t bufferSamples = (size_t)(bytesOption(rc, "vector-buffer", 1048576) / 32);

        // random number seeds: seed-set (default: the run number), two streams
        long seedset = std::stol(rc.attr("seedset"));
        uint32_t seed0 = (uint32_t)intOption(rc, "seed-0-mt", seedset * 2);
        uint32_t seed1 = (uint32_t)intOption(rc, "seed-1-mt", seedset * 2 + 1);

        // result files
        std::string base = rc.attr("resultdir") + "/" + rc.attr("configname") + "-" + rc.attr("iterationvarsf") + "#" + repetition;
        std::string scaFile = rc.optionOr("output-scalar-file", base + ".sca");
        std::string vecFile = rc.optionOr("output-vector-file", base + ".vec");
        std::string vciFile = (endsWith(vecFile, ".vec") ? vecFile.substr(0, vecFile.size() - 4) : vecFile) + ".vci";
        unlink(vecFile.c_str());  // remove the files of an earlier run, like OMNeT++
        unlink(vciFile.c_str());
        sca->open(scaFile, rc, scaPrec);
        vec->open(vecFile, rc, vecPrec, bufferSamples);

        QueueingNetwork net(params, seed0, seed1);
        auto vectorEnabled = [&](const std::string& module, const std::string& name) {
            std::string obj = module + "." + name;
            return boolValue(rc.perObjectOption(obj, "vector-recording"), true, "vector-recording of " + obj);
        };
        auto eventNumbers = [&](const std::string& module, const std::string& name) {
            std::string obj = module + "." + name;
            return boolValue(rc.perObjectOption(obj, "vector-record-eventnumbers"), true, "vector-record-eventnumbers of " + obj);
        };
        net.setupVectors(vec.get(), vectorEnabled, eventNumbers);

        if (opts.verbose)
            out("Initializing...\n");
        net.initialize();
        if (opts.verbose)
            out("\nRunning simulation...\n");

        Clock::time_point start = Clock::now(), lastStatus = start;
        int64_t lastEvents = 0, lastTime = 0;
        auto status = [&](bool force) {
            Clock::time_point nowWall = Clock::now();
            double sinceLast = std::chrono::duration<double>(nowWall - lastStatus).count();
            if (!force && sinceLast < statusFrequency)
                return;
            double elapsed = std::chrono::duration<double>(nowWall - start).count();
            std::string line = strf("** Event #%lld   t=%s   ", (long long)net.eventNumber(), simtimeStr(net.now()).c_str()) + elapsedStr(elapsed);
            if (limitPs > 0) {
                double frac = std::min(1.0, (double)net.now() / (double)limitPs);
                double total = numRuns > 0 ? ((runsTried - 1) + frac) / numRuns : frac;
                line += strf("  %d%% completed  (%d%% total)", (int)(100 * frac), (int)(100 * total));
            }
            out(line + "\n");
            if (performanceDisplay) {
                double dt = sinceLast > 0 ? sinceLast : 1e-9;
                double simsec = (net.now() - lastTime) * 1e-12;
                int64_t evs = net.eventNumber() - lastEvents;
                out(strf("     Speed:     ev/sec=%g   simsec/sec=%g   ev/simsec=%g\n", evs / dt, simsec / dt,
                         simsec > 0 ? evs / simsec : 0.0));
                out(strf("     Messages:  created: %lld   present: %lld   in FES: %lld\n", (long long)net.messagesCreated(),
                         (long long)net.messagesPresent(), (long long)net.eventsScheduled()));
            }
            fflush(stdout);
            lastStatus = nowWall;
            lastEvents = net.eventNumber();
            lastTime = net.now();
        };
        status(true);
        std::string failMessage = strf("Injected failure: run %d of config %s is listed in fail-runs", runNumber, config.c_str());
        net.run(limitPs, failAtPs, failMessage, [&]() { status(false); });
        status(true);

        if (limitPs >= 0)
            out(strf("\n<!> Simulation time limit reached -- at t=%ss, event #%lld\n", simtimeStr(limitPs).c_str(),
                     (long long)net.eventNumber()));
        if (opts.verbose)
            out(strf("\nCalling finish() at end of Run #%d...\n", runNumber));
        auto scalarEnabled = [&](const std::string& module, const std::string& name) {
            std::string obj = module + "." + name;
            return boolValue(rc.perObjectOption(obj, "scalar-recording"), true, "scalar-recording of " + obj);
        };
        auto paramEnabled = [&](const std::string& module, const std::string& name) {
            std::string obj = module + "." + name;
            return boolValue(rc.perObjectOption(obj, "param-recording"), true, "param-recording of " + obj);
        };
        net.finish(*sca, scalarEnabled, paramEnabled);
        sca->close();
        vec->close();
        fflush(stdout);
        return true;
    }
    catch (ModuleError& e) {
        std::string msg = strf("Error: %s -- in module (%s) %s (id=%d), at t=%ss, event #%lld", e.what(), e.moduleClass.c_str(),
                               e.modulePath.c_str(), e.moduleId, simtimeStr(e.t).c_str(), (long long)e.event);
        try {
            vec->close();  // keep what was recorded so far, like OMNeT++ does at the end of a failed run
            sca->close();
        }
        catch (Error&) {
        }
        printAlert(opts, msg);
        return false;
    }
    catch (std::exception& e) {
        try {
            vec->close();
            sca->close();
        }
        catch (Error&) {
        }
        printAlert(opts, std::string("Error: ") + e.what());
        return false;
    }
}
