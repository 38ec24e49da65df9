// The simulated network "Queueing": an M/M/c queue.
//
//   source --> queue --> server[0..c-1] --> sink
//
// Jobs arrive as a Poisson process with rate lambda = rho * c / meanServiceTime,
// wait in a FIFO queue (optionally of finite capacity; arrivals finding it full
// are dropped) and are served by the lowest-numbered idle server with an
// exponentially distributed service time. Simulation time is kept in integer
// picoseconds, like OMNeT++'s default simtime resolution.
//
// Parameters (assigned in the ini file, e.g. **.numServers = ${n=1..4}):
//   Queueing.numServers        c, number of servers            (default 1)
//   Queueing.rho               offered load per server         (default 0.5)
//   Queueing.meanServiceTime   1/mu, a time such as 1ms        (default 1ms)
//   Queueing.queue.capacity    waiting room, -1 = unlimited    (default -1)
//   Queueing.maxVectorSamples  values recorded per output vector, 0 = no cap
//                              (default 25000)
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <queue>
#include <random>
#include <string>
#include <vector>

#include "ini.h"
#include "results.h"
#include "stats.h"
#include "strutil.h"

struct ModelParams {
    int numServers = 1;
    double rho = 0.5;
    double meanServiceTime = 0.001;  // seconds
    std::string meanServiceTimeText = "1ms";
    long capacity = -1;
    long maxVectorSamples = 25000;
};

// Reads and validates the parameters from the run's configuration.
ModelParams readModelParams(const RunConfig& rc);

// An error raised inside a module during the simulation; formatted by the
// caller like OMNeT++ does ("... -- in module (Server) Queueing.server[0] (id=4), at t=..s, event #..").
struct ModuleError : Error {
    std::string moduleClass, modulePath;
    int moduleId;
    int64_t t, event;
    ModuleError(const std::string& msg, const std::string& cls, const std::string& path, int id, int64_t t, int64_t ev)
        : Error(msg), moduleClass(cls), modulePath(path), moduleId(id), t(t), event(ev) {}
};

class QueueingNetwork {
  public:
    QueueingNetwork(const ModelParams& p, uint32_t arrivalSeed, uint32_t serviceSeed);

    // Registers the output vectors that `enabled(module, vectorName)` allows.
    void setupVectors(VectorWriter *writer, const std::function<bool(const std::string&, const std::string&)>& enabled,
                      const std::function<bool(const std::string&, const std::string&)>& eventNumbers);
    void initialize();

    // Runs until simulation time reaches `limitPs` (if >= 0). If failAtPs >= 0,
    // the first event at or after that time raises a ModuleError instead.
    // `progress` is called every 1024 events.
    void run(int64_t limitPs, int64_t failAtPs, const std::string& failMessage, const std::function<void()>& progress);

    // Records the end-of-run results (the "finish()" stage).
    void finish(ScalarWriter& sca, const std::function<bool(const std::string&, const std::string&)>& scalarEnabled,
                const std::function<bool(const std::string&, const std::string&)>& paramEnabled);

    int64_t now() const { return nowPs; }
    int64_t eventNumber() const { return eventNum; }
    int64_t messagesCreated() const { return created + 1; }
    int64_t messagesPresent() const;
    int64_t eventsScheduled() const { return (int64_t)fes.size(); }

  private:
    struct Event {
        int64_t t;
        uint64_t seq;
        int kind;  // -1: arrival, i >= 0: end of service at server i
        bool operator>(const Event& o) const { return t != o.t ? t > o.t : seq > o.seq; }
    };
    struct Server {
        bool busy = false;
        int64_t jobArrival = 0, serviceStart = 0;
        int64_t busySince = 0, busyTotal = 0;
        int64_t served = 0;
        Statistics serviceTime;
        int busyVec = -1;
        long busyVecCount = 0;
    };
    struct Vector {
        int id = -1;
        long count = 0;
    };

    ModelParams p;
    double lambda;  // arrivals per second
    std::mt19937 arrivalRng, serviceRng;
    std::priority_queue<Event, std::vector<Event>, std::greater<Event>> fes;
    uint64_t seq = 0;
    int64_t nowPs = 0, eventNum = 0, endPs = 0;

    std::deque<int64_t> waiting;  // arrival times of queued jobs
    std::vector<Server> servers;
    int64_t created = 0, dropped = 0;
    int64_t queueAreaPs = 0;  // integral of queue length over time, in job*ps
    int64_t lastQueueChange = 0;
    size_t maxQueueLength = 0;
    Statistics queueingTime, lifeTime;
    Histogram queueingTimeHist, lifeTimeHist;

    VectorWriter *vw = nullptr;
    Vector queueLengthVec, queueingTimeVec, lifeTimeVec;

    double uniform(std::mt19937& rng);
    int64_t exponentialPs(std::mt19937& rng, double mean);
    void schedule(int64_t delayPs, int kind);
    void recordVector(Vector& v, double value);
    void recordBusy(Server& s, double value);
    void queueChanged();
    void startService(int server, int64_t jobArrival, bool wasIdle);
    void handleArrival();
    void handleDeparture(int server);
    int moduleIdOfServer(int i) const { return 4 + i; }
};

// Mean waiting time in the queue of an M/M/c queue (Erlang C formula);
// inf if rho >= 1.
double erlangCWaitingTime(int c, double rho, double meanServiceTime);
