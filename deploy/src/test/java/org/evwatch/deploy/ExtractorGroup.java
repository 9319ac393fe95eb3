package org.evwatch.deploy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.evwatch.events.Topics;

/**
 * An extractor consumer group on papers.fetched of a running stack, as its broker describes it: which member holds
 * which partitions, and how far the group has committed. Members are named by their client id,
 * {@code evwatch-extractor-<EVWATCH_EXTRACTOR_INSTANCE>}.
 */
final class ExtractorGroup implements AutoCloseable {

    static final int PARTITIONS = Topics.ALL.stream().filter(t -> t.name().equals(Topics.PAPERS_FETCHED))
            .findFirst().orElseThrow().partitions();

    private final Admin admin;
    private final String group;

    ExtractorGroup(LocalStack stack, String group) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()));
        this.group = group;
    }

    String name() {
        return group;
    }

    /** The partitions of papers.fetched each member has taken (its current, acknowledged assignment), by member. */
    Map<String, Set<Integer>> assignments() throws InterruptedException, ExecutionException {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        Map<String, Set<Integer>> held = new TreeMap<>();
        for (MemberDescription member : description.members()) {
            Set<Integer> partitions = member.assignment().topicPartitions().stream()
                    .filter(tp -> tp.topic().equals(Topics.PAPERS_FETCHED)).map(TopicPartition::partition)
                    .collect(Collectors.toCollection(TreeSet::new));
            held.merge(member.clientId(), partitions, (a, b) -> {
                Set<Integer> both = new TreeSet<>(a);
                both.addAll(b);
                return both;
            });
        }
        return held;
    }

    /** Whether exactly these members are in the group and between them hold every partition. */
    boolean heldBy(Set<String> members) throws InterruptedException, ExecutionException {
        Map<String, Set<Integer>> held = assignments();
        long covered = held.values().stream().flatMap(Set::stream).distinct().count();
        return held.keySet().equals(members) && covered == PARTITIONS
                && held.values().stream().noneMatch(Set::isEmpty);
    }

    /** The group's committed offset on each partition of papers.fetched (0 where it has committed nothing). */
    Map<Integer, Long> committed() throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<Integer, Long> committed = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            OffsetAndMetadata o = offsets.get(new TopicPartition(Topics.PAPERS_FETCHED, p));
            committed.put(p, o == null ? 0L : o.offset());
        }
        return committed;
    }

    /** Records committed by the group over all partitions. */
    long committedTotal() throws InterruptedException, ExecutionException {
        return committed().values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        admin.close();
    }
}
