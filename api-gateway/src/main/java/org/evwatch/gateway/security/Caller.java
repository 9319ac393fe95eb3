package org.evwatch.gateway.security;

/**
 * Who made a request, as its API key says.
 *
 * @param keyId the stored key's id, or {@value #BOOTSTRAP} for the configured admin key
 */
public record Caller(String keyId, String name, Role role) {

    public static final String BOOTSTRAP = "bootstrap";

    public boolean admin() {
        return role == Role.ADMIN;
    }

    /** Whether this caller may see and change something owned by {@code owner}. */
    public boolean mayManage(String owner) {
        return admin() || keyId.equals(owner);
    }
}
