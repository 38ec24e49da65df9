package io.simswarm.results.query;

/** Examples of the list answers for the OpenAPI document, from the OMNeT++ 6.1 aloha sample (run 3). */
public final class ListExamples {

    public static final String BAD_REQUEST = "A module or name pattern OMNeT++ does not have, or a format other "
            + "than csv and json";
    public static final String BAD_REQUEST_JSON = """
            {"type": "about:blank", "title": "Bad request", "status": 400,
             "detail": "format must be csv or json, not 'xml'."}""";
    public static final String NOT_FOUND = "No such campaign";
    public static final String NOT_FOUND_JSON = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "No campaign 'c-1' is known to the results service."}""";

    public static final String RUN_NOT_FOUND_JSON = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "Run 99 of campaign 'c-1' has no stored results."}""";

    static final String SCALARS_JSON = """
            [{"run": 3, "repetition": 1, "config": "PureAlohaExperiment",
              "itervars": {"numHosts": "10", "iaMean": "2"}, "module": "Aloha.server",
              "name": "channelUtilization:last", "value": 0.18892014506432,
              "attributes": {"recordingmode": "last", "title": "channel utilization, last"}}]""";
    static final String SCALARS_CSV = """
            run,repetition,config,numHosts,iaMean,module,name,value
            3,1,PureAlohaExperiment,10,2,Aloha.server,channelUtilization:last,0.18892014506432
            """;

    static final String WIDE_JSON = """
            [{"run": 3, "runId": "PureAlohaExperiment-3-20261125-09:37:03-8", "repetition": 1,
              "config": "PureAlohaExperiment", "itervars": {"numHosts": "10", "iaMean": "2"},
              "attributes": {"configname": "PureAlohaExperiment", "seedset": "3"},
              "scalars": {"Aloha.server.channelUtilization:last": 0.18892014506432,
                          "Aloha.server.receivedFrames:last": 1142}}]""";
    static final String WIDE_CSV = """
            run,runId,repetition,config,numHosts,iaMean,configname,seedset,Aloha.server.channelUtilization:last,\
            Aloha.server.receivedFrames:last
            3,PureAlohaExperiment-3-20261125-09:37:03-8,1,PureAlohaExperiment,10,2,PureAlohaExperiment,3,\
            0.18892014506432,1142
            """;

    static final String STATISTICS_JSON = """
            [{"run": 3, "repetition": 1, "config": "PureAlohaExperiment",
              "itervars": {"numHosts": "10", "iaMean": "2"}, "module": "Aloha.server",
              "name": "collisionMultiplicity:histogram", "count": 669, "mean": 2.542600896861,
              "stddev": 0.87036701120321, "min": 2, "max": 7, "sum": 1701, "sqrsum": 4831, "sumweights": 669,
              "underflows": 0, "overflows": 0, "binedges": [1, 2, 3, 4, 5, 6, 7, 8],
              "binvalues": [0, 430, 153, 55, 25, 5, 1], "binLowerBounds": ["-Infinity", 1, 2, 3, 4, 5, 6, 7, 8],
              "binCounts": [0, 0, 430, 153, 55, 25, 5, 1, 0],
              "attributes": {"recordingmode": "histogram", "title": "collision multiplicity"}}]""";
    static final String STATISTICS_CSV = """
            run,repetition,config,numHosts,iaMean,module,name,count,mean,stddev,min,max,sum,sqrsum,sumweights,\
            underflows,overflows,binedges,binvalues,binLowerBounds,binCounts
            3,1,PureAlohaExperiment,10,2,Aloha.server,collisionMultiplicity:histogram,669,2.542600896861,\
            0.87036701120321,2,7,1701,4831,669,0,0,1 2 3 4 5 6 7 8,0 430 153 55 25 5 1,-inf 1 2 3 4 5 6 7 8,\
            0 0 430 153 55 25 5 1 0
            """;

    static final String VECTORS_JSON = """
            [{"key": "3-0", "run": 3, "repetition": 1, "config": "PureAlohaExperiment",
              "itervars": {"numHosts": "10", "iaMean": "2"}, "module": "Aloha.server",
              "name": "serverChannelState:vector", "count": 4655, "min": 0, "max": 2,
              "mean": 0.832438238453276, "stddev": 0.763547156362998, "firstTime": 0,
              "lastTime": 599.759956981779, "file": "PureAlohaExperiment-numHosts=10,iaMean=2-#1.vec",
              "vectorId": 0, "attributes": {"enum": "IDLE=0,TRANSMISSION=1,COLLISION=2", "recordingmode": "vector",
                                            "source": "channelState"}}]""";
    static final String VECTORS_CSV = """
            key,run,repetition,config,numHosts,iaMean,module,name,count,min,max,mean,stddev,firstTime,lastTime,\
            file,vectorId
            3-0,3,1,PureAlohaExperiment,10,2,Aloha.server,serverChannelState:vector,4655,0,2,0.832438238453276,\
            0.763547156362998,0,599.759956981779,"PureAlohaExperiment-numHosts=10,iaMean=2-#1.vec",0
            """;

    static final String PARAMS_JSON = """
            [{"run": 3, "repetition": 1, "config": "PureAlohaExperiment",
              "itervars": {"numHosts": "10", "iaMean": "2"}, "module": "Aloha.host[0]", "name": "pkLenBits",
              "value": "952b", "attributes": {"unit": "b"}}]""";
    static final String PARAMS_CSV = """
            run,repetition,config,numHosts,iaMean,module,name,value
            3,1,PureAlohaExperiment,10,2,Aloha.host[0],pkLenBits,952b
            """;

    static final String CONFIG_JSON = """
            [{"run": 3, "repetition": 1, "config": "PureAlohaExperiment",
              "itervars": {"numHosts": "10", "iaMean": "2"}, "order": 2, "key": "sim-time-limit",
              "value": "10min"}]""";
    static final String CONFIG_CSV = """
            run,repetition,config,numHosts,iaMean,order,key,value
            3,1,PureAlohaExperiment,10,2,2,sim-time-limit,10min
            """;

    static final String RUNS_JSON = """
            [{"run": 3, "runId": "PureAlohaExperiment-3-20261125-09:37:03-8", "repetition": 1,
              "config": "PureAlohaExperiment", "itervars": {"numHosts": "10", "iaMean": "2"},
              "attributes": {"configname": "PureAlohaExperiment", "datetime": "20261125-09:37:03",
                             "experiment": "PureAlohaExperiment", "measurement": "$numHosts=10, $iaMean=2",
                             "network": "Aloha", "replication": "#1", "seedset": "3"},
              "files": 4, "bytes": 280931, "scalars": 7, "statistics": 2, "vectors": 11, "parseErrors": 0,
              "uploadedAt": "2026-12-07T06:00:43Z",
              "configEntries": [["sim-time-limit", "10min"], ["repeat", "2"]]}]""";
    static final String RUNS_CSV = """
            run,runId,repetition,config,numHosts,iaMean,configname,datetime,experiment,measurement,network,\
            replication,seedset,files,bytes,scalars,statistics,vectors,parseErrors,uploadedAt
            3,PureAlohaExperiment-3-20261125-09:37:03-8,1,PureAlohaExperiment,10,2,PureAlohaExperiment,\
            20261125-09:37:03,PureAlohaExperiment,"$numHosts=10, $iaMean=2",Aloha,#1,3,4,280931,7,2,11,0,\
            2026-12-07T06:00:43Z
            """;

    static final String PARSE_ERRORS_JSON = """
            [{"run": 3, "file": "broken.sca", "line": 12, "reason": "'abc' is not a number"}]""";
    static final String PARSE_ERRORS_CSV = """
            run,file,line,reason
            3,broken.sca,12,'abc' is not a number
            """;

    private ListExamples() {
    }
}
