package io.simswarm.results.omnetpp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a result file says about its run: the run id, run attributes, iteration variables and the configuration
 * entries ({@code config} lines in version 3, {@code param} lines in version 2). Only the first run of a file is
 * kept.
 */
public final class RunHeader {

    /** Run attributes OMNeT++ writes itself; in version 2 files every other run attribute is an iteration variable. */
    static final Set<String> PREDEFINED_ATTRIBUTES = Set.of("configname", "datetime", "datetimef", "experiment",
            "inifile", "iterationvars", "iterationvars2", "iterationvarsf", "iterationvarsd", "measurement", "network",
            "processid", "repetition", "replication", "resultdir", "runnumber", "seedset");

    private int version = 2;
    private String runId;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, String> itervars = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> config = new ArrayList<>();

    public int version() {
        return version;
    }

    void version(int version) {
        this.version = version;
    }

    /** The OMNeT++ run id (e.g. {@code General-0-20261125-09:37:03-8}); null when the file has no run line. */
    public String runId() {
        return runId;
    }

    void runId(String runId) {
        this.runId = runId;
    }

    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    /**
     * Iteration variables in the order of the ini file, {@code repetition} excluded. OMNeT++ writes the
     * {@code itervar} lines sorted by name; the {@code iterationvars} attribute ({@code "$numHosts=10, $iaMean=2"})
     * keeps the ini order, so variables are ordered by their place in it (those it does not name keep file order,
     * after the others).
     */
    public Map<String, String> itervars() {
        String iterationvars = attributes.get("iterationvars");
        if (iterationvars == null || itervars.size() < 2) {
            return Collections.unmodifiableMap(itervars);
        }
        List<String> names = new ArrayList<>(itervars.keySet());
        names.sort(java.util.Comparator.comparingInt(name -> {
            int at = iterationvars.indexOf("$" + name + "=");
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : names) {
            ordered.put(name, itervars.get(name));
        }
        return Collections.unmodifiableMap(ordered);
    }

    public List<Map.Entry<String, String>> config() {
        return Collections.unmodifiableList(config);
    }

    public String configName() {
        return attributes.get("configname");
    }

    /** The repetition number from the {@code repetition} attribute; null when absent or not a number. */
    public Integer repetition() {
        String value = attributes.get("repetition");
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    void attribute(String name, String value) {
        attributes.put(name, value);
        if (version < 3 && !PREDEFINED_ATTRIBUTES.contains(name)) {
            itervar(name, value);
        }
    }

    void itervar(String name, String value) {
        if (!"repetition".equals(name)) {
            itervars.put(name, value);
        }
    }

    void config(String key, String value) {
        config.add(Map.entry(key, value));
    }
}
