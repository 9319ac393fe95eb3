package org.evwatch.events.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The lag of each consumer group of the service ({@code mp.messaging.incoming.<channel>.group.id}), per partition of
 * its topic: end offset less committed offset, read from the broker every {@code evwatch.metrics.lag-interval}
 * (10 s by default) and served as {@link PipelineMetric#CONSUMER_LAG}. Read from the broker rather than from the
 * consumer's own fetch metrics, it also shows the lag of a consumer that is stuck or gone.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final Pattern GROUP_ID = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.group\\.id");
    private static final long TIMEOUT_SECONDS = 5;

    /** A consumer group and the topic it reads. */
    public record Group(String group, String topic) {
    }

    private final PipelineMetrics metrics;
    private final Config config;
    private final Duration every;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;
    private Admin admin;

    public ConsumerLag(PipelineMetrics metrics, Config config,
            @ConfigProperty(name = "evwatch.metrics.lag-interval", defaultValue = "10s") Duration every) {
        this.metrics = metrics;
        this.config = config;
        this.every = every;
    }

    void start(@Observes StartupEvent event) {
        List<Group> groups = groups(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class));
        Optional<String> bootstrap = config.getOptionalValue("kafka.bootstrap.servers", String.class);
        if (groups.isEmpty() || bootstrap.isEmpty()) {
            return;
        }
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap.get(),
                AdminClientConfig.CLIENT_ID_CONFIG, "evwatch-consumer-lag",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "consumer-lag");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> groups.forEach(this::refreshSafely), 0, every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** The consumer groups configured among {@code names}, each with its channel's topic (the channel by default). */
    public static List<Group> groups(Iterable<String> names, Function<String, Optional<String>> value) {
        List<Group> groups = new ArrayList<>();
        for (String name : names) {
            Matcher m = GROUP_ID.matcher(name);
            if (m.matches()) {
                String channel = m.group(1);
                value.apply(name).ifPresent(group -> groups.add(new Group(group, value.apply(
                        "mp.messaging.incoming." + channel + ".topic").orElse(channel))));
            }
        }
        return groups;
    }

    /** Records not yet committed: from the committed offset, or from the start when nothing is committed. */
    public static long lag(long end, OffsetAndMetadata committed, long start) {
        long from = committed != null ? committed.offset() : start;
        return Math.max(0, end - from);
    }

    private void refreshSafely(Group group) {
        try {
            refresh(group);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debugf("lag of %s on %s not read: %s", group.group(), group.topic(), e.toString());
        }
    }

    private void refresh(Group group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.group())
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        int partitions = admin.describeTopics(List.of(group.topic())).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(group.topic()).partitions().size();
        Map<TopicPartition, Long> ends = offsets(group.topic(), partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = committed.keySet().containsAll(ends.keySet())
                ? Map.of()
                : offsets(group.topic(), partitions, OffsetSpec.earliest());
        ends.forEach((partition, end) -> gauge(group, partition).set(lag(end, committed.get(partition),
                starts.getOrDefault(partition, 0L))));
    }

    private Map<TopicPartition, Long> offsets(String topic, int partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), spec);
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private AtomicLong gauge(Group group, TopicPartition partition) {
        return gauges.computeIfAbsent(group.group() + '/' + partition, key -> {
            AtomicLong lag = new AtomicLong();
            metrics.gauge(PipelineMetric.CONSUMER_LAG, lag, AtomicLong::get, group.group(), partition.topic(),
                    Integer.toString(partition.partition()));
            return lag;
        });
    }
}
