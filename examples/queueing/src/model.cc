#include "model.h"

#include <cmath>
#include <limits>

#include "expr.h"
#include "strutil.h"

namespace {

Value paramValue(const RunConfig& rc, const std::string& path, const std::string& dflt, std::string *text = nullptr)
{
    const std::string *v = rc.param(path);
    std::string s = v ? trim(*v) : dflt;
    if (s == "default")
        s = dflt;
    if (s == "ask")
        throw Error("Parameter '" + path + "' is set to 'ask', which is not supported in non-interactive mode");
    if (text)
        *text = s;
    try {
        return evaluateExpr(s, nullptr);
    }
    catch (Error& e) {
        throw Error("Cannot evaluate parameter '" + path + "' = '" + s + "': " + e.what());
    }
}

long intParam(const RunConfig& rc, const std::string& path, const std::string& dflt, long min, long max)
{
    Value v = paramValue(rc, path, dflt);
    if (v.type != Value::NUM || !v.unit.empty() || v.num != std::floor(v.num) || v.num < min || v.num > max)
        throw Error(strf("Wrong value '%s' for parameter '%s': an integer in %ld..%ld is expected",
                         v.describe().c_str(), path.c_str(), min, max));
    return (long)v.num;
}

}  // namespace

ModelParams readModelParams(const RunConfig& rc)
{
    ModelParams p;
    p.numServers = (int)intParam(rc, "Queueing.numServers", "1", 1, 1000);
    Value rho = paramValue(rc, "Queueing.rho", "0.5");
    if (rho.type != Value::NUM || !rho.unit.empty() || !(rho.num > 0) || !std::isfinite(rho.num))
        throw Error("Wrong value '" + rho.describe() + "' for parameter 'Queueing.rho': a positive number is expected");
    p.rho = rho.num;
    Value st = paramValue(rc, "Queueing.meanServiceTime", "1ms", &p.meanServiceTimeText);
    if (st.type != Value::NUM || !(st.unit.empty() || st.unit == "s") || !(st.num > 0) || !std::isfinite(st.num))
        throw Error("Wrong value '" + p.meanServiceTimeText + "' for parameter 'Queueing.meanServiceTime': a positive time is expected");
    p.meanServiceTime = st.num;
    if (st.unit.empty())
        p.meanServiceTimeText += "s";
    p.capacity = intParam(rc, "Queueing.queue.capacity", "-1", -1, std::numeric_limits<int>::max());
    p.maxVectorSamples = intParam(rc, "Queueing.maxVectorSamples", "25000", 0, std::numeric_limits<int>::max());
    return p;
}

double erlangCWaitingTime(int c, double rho, double meanServiceTime)
{
    if (rho >= 1)
        return INFINITY;
    double a = rho * c;  // offered traffic in Erlangs
    double term = 1, sum = 1;
    for (int k = 1; k < c; k++) {
        term *= a / k;
        sum += term;
    }
    term *= a / c;
    double last = term / (1 - rho);
    double pWait = last / (sum + last);
    return pWait * meanServiceTime / (c * (1 - rho));
}

//----------------------------------------------------------------------------

QueueingNetwork::QueueingNetwork(const ModelParams& params, uint32_t arrivalSeed, uint32_t serviceSeed)
    : p(params), arrivalRng(arrivalSeed), serviceRng(serviceSeed)
{
    lambda = p.rho * p.numServers / p.meanServiceTime;
    servers.resize(p.numServers);
}

double QueueingNetwork::uniform(std::mt19937& rng)
{
    // 53-bit resolution in [0,1) from two 32-bit draws (fully specified by the
    // C++ standard, so results do not depend on the standard library)
    uint32_t a = rng() >> 5, b = rng() >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

int64_t QueueingNetwork::exponentialPs(std::mt19937& rng, double mean)
{
    double seconds = -mean * std::log1p(-uniform(rng));
    return (int64_t)std::llround(seconds * 1e12);
}

void QueueingNetwork::schedule(int64_t delayPs, int kind)
{
    if (delayPs > std::numeric_limits<int64_t>::max() - nowPs)
        throw ModuleError("Cannot schedule event: simulation time overflow (the clock ends at t=9223372.036854775807s, set sim-time-limit)",
                          kind < 0 ? "Source" : "Server", kind < 0 ? "Queueing.source" : strf("Queueing.server[%d]", kind),
                          kind < 0 ? 2 : moduleIdOfServer(kind), nowPs, eventNum);
    fes.push(Event{nowPs + delayPs, seq++, kind});
}

void QueueingNetwork::setupVectors(VectorWriter *writer, const std::function<bool(const std::string&, const std::string&)>& enabled,
                                   const std::function<bool(const std::string&, const std::string&)>& eventNumbers)
{
    vw = writer;
    auto reg = [&](const std::string& module, const std::string& name, const AttrMap& attrs) {
        if (!vw || !enabled(module, name))
            return -1;
        return vw->registerVector(module, name, attrs, eventNumbers(module, name));
    };
    queueLengthVec.id = reg("Queueing.queue", "queueLength:vector",
                            {{"interpolationmode", "sample-hold"}, {"recordingmode", "vector"}, {"source", "queueLength"}, {"title", "queue length"}});
    queueingTimeVec.id = reg("Queueing.queue", "queueingTime:vector",
                             {{"interpolationmode", "none"}, {"recordingmode", "vector"}, {"source", "queueingTime"}, {"title", "queueing time"}, {"unit", "s"}});
    for (int i = 0; i < p.numServers; i++)
        servers[i].busyVec = reg(strf("Queueing.server[%d]", i), "busy:vector",
                                 {{"interpolationmode", "sample-hold"}, {"recordingmode", "vector"}, {"source", "busy"}, {"title", "server busy state"}});
    lifeTimeVec.id = reg("Queueing.sink", "lifeTime:vector",
                         {{"interpolationmode", "none"}, {"recordingmode", "vector"}, {"source", "lifeTime"}, {"title", "lifetime of arrived jobs"}, {"unit", "s"}});
}

void QueueingNetwork::recordVector(Vector& v, double value)
{
    if (v.id < 0 || (p.maxVectorSamples > 0 && v.count >= p.maxVectorSamples))
        return;
    v.count++;
    vw->record(v.id, eventNum, nowPs, value);
}

void QueueingNetwork::recordBusy(Server& s, double value)
{
    if (s.busyVec < 0 || (p.maxVectorSamples > 0 && s.busyVecCount >= p.maxVectorSamples))
        return;
    s.busyVecCount++;
    vw->record(s.busyVec, eventNum, nowPs, value);
}

void QueueingNetwork::initialize()
{
    // event #0: initialization at t=0
    nowPs = 0;
    eventNum = 0;
    recordVector(queueLengthVec, 0);
    for (Server& s : servers)
        recordBusy(s, 0);
    schedule(exponentialPs(arrivalRng, 1.0 / lambda), -1);
}

void QueueingNetwork::queueChanged()
{
    recordVector(queueLengthVec, (double)waiting.size());
    if (waiting.size() > maxQueueLength)
        maxQueueLength = waiting.size();
}

void QueueingNetwork::startService(int i, int64_t jobArrival, bool wasIdle)
{
    Server& s = servers[i];
    double wait = (nowPs - jobArrival) * 1e-12;
    queueingTime.collect(wait);
    queueingTimeHist.collect(wait);
    recordVector(queueingTimeVec, wait);
    int64_t d = exponentialPs(serviceRng, p.meanServiceTime);
    s.serviceTime.collect(d * 1e-12);
    s.busy = true;
    s.jobArrival = jobArrival;
    s.serviceStart = nowPs;
    s.busySince = nowPs;
    if (wasIdle)
        recordBusy(s, 1);
    schedule(d, i);
}

void QueueingNetwork::handleArrival()
{
    created++;
    schedule(exponentialPs(arrivalRng, 1.0 / lambda), -1);
    for (int i = 0; i < p.numServers; i++) {
        if (!servers[i].busy) {
            startService(i, nowPs, true);
            return;
        }
    }
    if (p.capacity >= 0 && (long)waiting.size() >= p.capacity) {
        dropped++;
        return;
    }
    queueAreaPs += (int64_t)waiting.size() * (nowPs - lastQueueChange);
    lastQueueChange = nowPs;
    waiting.push_back(nowPs);
    queueChanged();
}

void QueueingNetwork::handleDeparture(int i)
{
    Server& s = servers[i];
    s.served++;
    s.busy = false;
    s.busyTotal += nowPs - s.busySince;
    double life = (nowPs - s.jobArrival) * 1e-12;
    lifeTime.collect(life);
    lifeTimeHist.collect(life);
    recordVector(lifeTimeVec, life);
    if (!waiting.empty()) {
        queueAreaPs += (int64_t)waiting.size() * (nowPs - lastQueueChange);
        lastQueueChange = nowPs;
        int64_t arrival = waiting.front();
        waiting.pop_front();
        queueChanged();
        startService(i, arrival, false);  // the server stays busy
    }
    else
        recordBusy(s, 0);
}

void QueueingNetwork::run(int64_t limitPs, int64_t failAtPs, const std::string& failMessage, const std::function<void()>& progress)
{
    for (;;) {
        if (fes.empty())
            break;
        const Event ev = fes.top();
        if (limitPs >= 0 && ev.t >= limitPs)
            break;
        if (failAtPs >= 0 && ev.t >= failAtPs)
            throw ModuleError(failMessage, "Server", "Queueing.server[0]", moduleIdOfServer(0), ev.t, eventNum + 1);
        fes.pop();
        eventNum++;
        nowPs = ev.t;
        if (ev.kind < 0)
            handleArrival();
        else
            handleDeparture(ev.kind);
        if ((eventNum & 1023) == 0)
            progress();
    }
    // the end-of-simulation event (sim-time-limit) advances the clock to the limit
    if (limitPs >= 0) {
        eventNum++;
        nowPs = limitPs;
    }
    endPs = nowPs;
}

int64_t QueueingNetwork::messagesPresent() const
{
    int64_t busy = 0;
    for (const Server& s : servers)
        busy += s.busy;
    return 1 + (int64_t)waiting.size() + busy;
}

void QueueingNetwork::finish(ScalarWriter& sca, const std::function<bool(const std::string&, const std::string&)>& scalarEnabled,
                             const std::function<bool(const std::string&, const std::string&)>& paramEnabled)
{
    double duration = endPs * 1e-12;
    queueAreaPs += (int64_t)waiting.size() * (endPs - lastQueueChange);
    lastQueueChange = endPs;
    auto par = [&](const std::string& m, const std::string& n, const std::string& v, const AttrMap& a = {}) {
        if (paramEnabled(m, n))
            sca.par(m, n, v, a);
    };
    auto scalar = [&](const std::string& m, const std::string& n, double v, const AttrMap& a) {
        if (scalarEnabled(m, n))
            sca.scalar(m, n, v, a);
    };
    auto statistic = [&](const std::string& m, const std::string& n, const Statistics& st, const AttrMap& a, Histogram *h) {
        if (scalarEnabled(m, n))
            sca.statistic(m, n, st, a, h);
    };

    // source
    par("Queueing.source", "typename", "\"Source\"");
    par("Queueing.source", "interArrivalTime", "exponential(" + fmtNum(1.0 / lambda) + "s)", {{"unit", "s"}});
    scalar("Queueing.source", "created:count", (double)created,
           {{"recordingmode", "count"}, {"source", "created"}, {"title", "jobs created, count"}});

    // queue
    par("Queueing.queue", "typename", "\"Queue\"");
    par("Queueing.queue", "capacity", std::to_string(p.capacity));
    scalar("Queueing.queue", "dropped:count", (double)dropped,
           {{"recordingmode", "count"}, {"source", "dropped"}, {"title", "dropped jobs, count"}});
    statistic("Queueing.queue", "queueingTime:histogram", queueingTime,
              {{"recordingmode", "histogram"}, {"source", "queueingTime"}, {"title", "queueing time"}, {"unit", "s"}}, &queueingTimeHist);
    scalar("Queueing.queue", "queueingTime:mean", queueingTime.mean(),
           {{"recordingmode", "mean"}, {"source", "queueingTime"}, {"title", "queueing time, mean"}, {"unit", "s"}});
    scalar("Queueing.queue", "queueLength:timeavg", duration > 0 ? queueAreaPs * 1e-12 / duration : NAN,
           {{"interpolationmode", "sample-hold"}, {"recordingmode", "timeavg"}, {"source", "queueLength"}, {"title", "queue length, timeavg"}});
    scalar("Queueing.queue", "queueLength:max", (double)maxQueueLength,
           {{"interpolationmode", "sample-hold"}, {"recordingmode", "max"}, {"source", "queueLength"}, {"title", "queue length, max"}});

    // servers
    for (int i = 0; i < p.numServers; i++) {
        Server& s = servers[i];
        std::string m = strf("Queueing.server[%d]", i);
        int64_t busyPs = s.busyTotal + (s.busy ? endPs - s.busySince : 0);
        par(m, "typename", "\"Server\"");
        par(m, "serviceTime", "exponential(" + p.meanServiceTimeText + ")", {{"unit", "s"}});
        scalar(m, "busy:timeavg", duration > 0 ? busyPs * 1e-12 / duration : NAN,
               {{"interpolationmode", "sample-hold"}, {"recordingmode", "timeavg"}, {"source", "busy"}, {"title", "server busy state, timeavg"}});
        scalar(m, "served:count", (double)s.served,
               {{"recordingmode", "count"}, {"source", "served"}, {"title", "served jobs, count"}});
        statistic(m, "serviceTime:stats", s.serviceTime,
                  {{"recordingmode", "stats"}, {"source", "serviceTime"}, {"title", "service time, stats"}, {"unit", "s"}}, nullptr);
    }

    // sink
    int64_t served = 0;
    for (const Server& s : servers)
        served += s.served;
    par("Queueing.sink", "typename", "\"Sink\"");
    statistic("Queueing.sink", "lifeTime:histogram", lifeTime,
              {{"recordingmode", "histogram"}, {"source", "lifeTime"}, {"title", "lifetime of arrived jobs"}, {"unit", "s"}}, &lifeTimeHist);
    scalar("Queueing.sink", "lifeTime:mean", lifeTime.mean(),
           {{"recordingmode", "mean"}, {"source", "lifeTime"}, {"title", "lifetime of arrived jobs, mean"}, {"unit", "s"}});
    scalar("Queueing.sink", "throughput", duration > 0 ? served / duration : NAN, {{"title", "jobs per second"}, {"unit", "Hz"}});

    // network
    par("Queueing", "typename", "\"Queueing\"");
    par("Queueing", "numServers", std::to_string(p.numServers));
    par("Queueing", "rho", fmtNum(p.rho));
    par("Queueing", "meanServiceTime", p.meanServiceTimeText, {{"unit", "s"}});
    par("Queueing", "maxVectorSamples", std::to_string(p.maxVectorSamples));
    scalar("Queueing", "duration", duration, {{"unit", "s"}});
    scalar("Queueing", "theoreticalQueueingTime", p.capacity >= 0 ? NAN : erlangCWaitingTime(p.numServers, p.rho, p.meanServiceTime),
           {{"title", "mean queueing time by the Erlang C formula (nan with finite capacity, inf if rho>=1)"}, {"unit", "s"}});
    scalar("Queueing", "theoreticalUtilization", p.rho < 1 ? p.rho : 1.0, {{"title", "expected server utilization"}});
}
