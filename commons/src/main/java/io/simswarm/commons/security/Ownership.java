package io.simswarm.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.simswarm.commons.problem.ApiException;

/** Who owns what a caller creates, and whether the caller may change something someone else owns. */
public final class Ownership {

    private Ownership() {
    }

    /** The name recorded as owner of what {@code caller} creates: the token's subject. */
    public static String ownerName(SecurityIdentity caller) {
        return caller.isAnonymous() ? null : caller.getPrincipal().getName();
    }

    /**
     * Passes when {@code caller} is an admin or owns the thing; 403 otherwise.
     *
     * @param what the thing in a sentence, e.g. "campaign 'abc'"
     */
    public static void requireOwnerOrAdmin(SecurityIdentity caller, String owner, String what, String action) {
        if (caller.hasRole(Roles.ADMIN)) {
            return;
        }
        String name = ownerName(caller);
        if (name == null || !name.equals(owner)) {
            throw ApiException.forbidden("Only its owner or an admin may " + action + " " + what + "; it belongs to "
                    + (owner == null ? "nobody" : "'" + owner + "'") + ".");
        }
    }
}
