package io.simswarm.imagebuild.git;

/**
 * What a requested ref names in a remote repository, as far as the remote's advertised refs tell.
 *
 * @param commit  full commit sha; null when only a clone can tell (an abbreviated sha)
 * @param fullRef the ref that points at the commit (refs/heads/..., refs/tags/...); null for a sha
 * @param tip     true when {@code commit} is the tip of {@code fullRef}, so fetching that ref alone suffices
 */
public record ResolvedRef(String commit, String fullRef, boolean tip) {
}
