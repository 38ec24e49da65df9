package io.simswarm.imagebuild.queue;

/** The build was taken over by another worker (or released at shutdown); this worker stops working on it. */
public class ClaimLost extends RuntimeException {

    public ClaimLost(Claim claim) {
        super("build " + claim.buildId() + " is no longer claimed by " + claim.claimId());
    }
}
