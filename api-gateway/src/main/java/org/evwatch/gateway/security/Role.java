package org.evwatch.gateway.security;

/** What a key may do: USER keys manage their own subscriptions; ADMIN keys everything, admin routes included. */
public enum Role {
    USER, ADMIN
}
