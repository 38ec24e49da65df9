package io.simswarm.imagebuild.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.simswarm.imagebuild.spec.BuildSpec;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One request to turn a git repository at a ref into an image, and what became of it. */
@Entity
@Table(name = "build")
public class Build extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public BuildStatus status;

    /** Campaign that asked for the build over Kafka; null for REST requests. */
    @Column(name = "campaign_id")
    public String campaignId;

    @Column(name = "request_event_id")
    public UUID requestEventId;

    @Column(name = "repo_url")
    public String repoUrl;

    /** The ref as requested; null means the repository's default branch. */
    public String ref;

    /** Folder inside the repository where the build command runs ("." for the root). */
    public String workdir;

    @Column(name = "base_image")
    public String baseImage;

    @Column(name = "build_command")
    public String buildCommand;

    @Column(name = "docker_host")
    public String dockerHost;

    /** Registry (host:port) the image is pushed to; null for none. */
    public String registry;

    /** Cluster the Docker endpoint belongs to; null when the request named none. */
    public String cluster;

    /** True when the Docker endpoint needs the cluster's client certificates. */
    @Column(name = "docker_tls")
    public boolean dockerTls;

    /** Subject of the token that queued the build over REST; null for builds a campaign asked for. */
    public String owner;

    @Column(name = "commit_sha")
    public String commit;

    @Column(name = "spec_hash")
    public String specHash;

    @Column(name = "cache_key")
    public String cacheKey;

    /** Reference of the finished image, registry-qualified when it was pushed. */
    public String image;

    /**
     * Content digest of the finished image ({@code sha256:…}): the registry's manifest digest when it was pushed, the
     * engine's image id otherwise.
     */
    @Column(name = "image_digest")
    public String imageDigest;

    /** Id ({@code sha256:…}) of the base image the image was built on. */
    @Column(name = "base_image_digest")
    public String baseImageDigest;

    /** Absolute path of the workdir inside the image. */
    @Column(name = "image_workdir")
    public String imageWorkdir;

    /** True when an image built earlier (or by an identical concurrent request) was reused. */
    public boolean cached;

    public String error;

    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    public int attempts;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public static Build create(BuildSpec spec, String campaignId, UUID requestEventId) {
        Build build = new Build();
        build.id = UUID.randomUUID();
        build.status = BuildStatus.QUEUED;
        build.campaignId = campaignId;
        build.requestEventId = requestEventId;
        build.repoUrl = spec.repoUrl();
        build.ref = spec.ref();
        build.workdir = spec.workdir();
        build.baseImage = spec.baseImage();
        build.buildCommand = spec.buildCommand();
        build.dockerHost = spec.dockerHost();
        build.registry = spec.registry();
        build.cluster = spec.cluster();
        build.dockerTls = spec.dockerTls();
        build.createdAt = Instant.now();
        return build;
    }

    public BuildSpec spec() {
        return new BuildSpec(repoUrl, ref, workdir, baseImage, buildCommand, dockerHost, registry, cluster, dockerTls);
    }

    /** Builds of a commit (a full sha or a prefix of at least four characters), newest first. */
    public static List<Build> byCommit(String commitOrPrefix, int limit) {
        return find("commit like ?1 order by createdAt desc", commitOrPrefix.toLowerCase() + "%").page(0, limit).list();
    }

    public static List<Build> latest(int limit) {
        return find("order by createdAt desc").page(0, limit).list();
    }
}
