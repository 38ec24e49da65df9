package io.simswarm.scheduler.dispatch;

import io.simswarm.scheduler.campaign.Campaign;

/** What a worker service of a campaign is made of; taken from the campaign inside a transaction. */
record WorkerPlan(String campaignId, String cluster, String dockerHost, boolean dockerTls, String image,
        String workdir, String runCommand, String config, String iniFile, String simArgs, int timeoutSeconds,
        double cpus, long memoryBytes, int workers, int generation) {

    static WorkerPlan of(Campaign c, int workers) {
        return new WorkerPlan(c.id, c.cluster, c.dockerHost, c.dockerTls, c.image, c.imageWorkdir, c.runCommand,
                c.config, c.iniFile, c.runArgs(), c.runTimeoutSeconds, c.cpusPerRun, c.memoryPerRun, workers, c.workerGeneration);
    }

    String serviceName() {
        return "simswarm-" + campaignId + "-w" + generation;
    }
}
