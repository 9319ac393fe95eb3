package org.evwatch.gateway.streaming;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * The {@code announcement} table: each paper version from papers.indexed once, numbered. The number orders live-stream
 * events and lets a reconnecting client resume after the last one it saw.
 */
@ApplicationScoped
public class Announcements {

    /** A stored announcement: its number and the papers.indexed record as it came. */
    public record Stored(long seq, byte[] payload) {
    }

    private final EntityManager em;

    public Announcements(EntityManager em) {
        this.em = em;
    }

    /**
     * Takes a paper version in (joining the caller's transaction); its number, or empty when it was taken in before.
     */
    @Transactional
    public OptionalLong record(String paperId, long version, byte[] payload, Instant now) {
        // Plain JDBC on the transaction's connection: this runs for every paper, and a native query with a result
        // class costs a query-plan lookup per call.
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into gateway.announcement (paper_id, version, payload, received_at)
                    values (?, ?, ?, ?)
                    on conflict (paper_id, version) do nothing
                    returning seq""")) {
                insert.setString(1, paperId);
                insert.setLong(2, version);
                insert.setBytes(3, payload);
                insert.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                try (ResultSet rs = insert.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /** Up to {@code limit} announcements numbered after {@code seq}, oldest first. */
    @Transactional
    public List<Stored> after(long seq, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select seq, payload from {h-schema}announcement where seq > ?1 order by seq limit ?2")
                .setParameter(1, seq).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Stored(((Number) r[0]).longValue(), (byte[]) r[1])).toList();
    }

    /** The stored announcements with these numbers, oldest first (those pruned since are left out). */
    @Transactional
    public List<Stored> numbered(long[] seqs) {
        if (seqs.length == 0) {
            return List.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "select seq, payload from gateway.announcement where seq = any(?) order by seq")) {
                select.setArray(1, c.createArrayOf("bigint", Arrays.stream(seqs).boxed().toArray()));
                List<Stored> out = new ArrayList<>(seqs.length);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Stored(rs.getLong(1), rs.getBytes(2)));
                    }
                }
                return out;
            }
        });
    }

    /** The number of the newest announcement taken in; 0 when there is none. */
    @Transactional
    public long newest() {
        return ((Number) em.createNativeQuery("select coalesce(max(seq), 0) from {h-schema}announcement")
                .getSingleResult()).longValue();
    }

    /** Forgets announcements received before {@code before}; how many. */
    @Transactional
    public int prune(Instant before) {
        return em.createNativeQuery("delete from {h-schema}announcement where received_at < ?1")
                .setParameter(1, before).executeUpdate();
    }
}
