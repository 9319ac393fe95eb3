package org.evwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import org.evwatch.events.Topics;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real Kafka broker and PostgreSQL server that tests run against, started once per JVM and stopped when it
 * exits. Kafka is a single combined KRaft node inside this JVM; PostgreSQL is the real server binary, run as a
 * child process.
 */
public final class Infrastructure {

    private static KafkaClusterTestKit kafka;
    private static EmbeddedPostgres postgres;

    private Infrastructure() {
    }

    /** Starts Kafka if it is not running yet, and returns its bootstrap servers. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            try {
                KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "3")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                createTopics(cluster.bootstrapServers());
                kafka = cluster;
                Runtime.getRuntime().addShutdownHook(new Thread(Infrastructure::stopKafka, "stop-test-kafka"));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test Kafka broker", e);
            }
        }
        return kafka.bootstrapServers();
    }

    /**
     * The project's topics exist before any test runs, as in the local runtime: a consumer that subscribes before a
     * producer's first record does not depend on automatic topic creation racing with it.
     */
    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = Topics.ALL.stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)).toList();
            admin.createTopics(topics).all().get();
        }
    }

    /** Starts PostgreSQL if it is not running yet, and returns it. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(Infrastructure::stopPostgres, "stop-test-postgres"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test PostgreSQL server", e);
            }
        }
        return postgres;
    }

    /** A JDBC URL for a database of its own on the test server, created on first use. */
    public static synchronized String jdbcUrl(String database) {
        EmbeddedPostgres pg = postgres();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + database.replace("'", "") + "'");
            if (!rs.next()) {
                s.execute("create database \"" + database.replace("\"", "") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + database, e);
        }
        return pg.getJdbcUrl("postgres", database);
    }

    /** Stops the broker and the database server, if running. */
    public static synchronized void stopAll() {
        stopKafka();
        stopPostgres();
    }

    private static synchronized void stopKafka() {
        if (kafka != null) {
            try {
                kafka.close();
            } catch (Exception e) {
                // the JVM is exiting; nothing more can be done
            }
            kafka = null;
        }
    }

    private static synchronized void stopPostgres() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM is exiting; nothing more can be done
            }
            postgres = null;
        }
    }
}
