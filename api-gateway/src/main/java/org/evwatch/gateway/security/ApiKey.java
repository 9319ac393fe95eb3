package org.evwatch.gateway.security;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored API key: its hash and display prefix, never the key itself. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String prefix;
    public String hash;
    @Enumerated(EnumType.STRING)
    public Role role;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<ApiKey> byHash(String hash) {
        return find("hash = ?1 and revokedAt is null", hash).firstResultOptional();
    }
}
