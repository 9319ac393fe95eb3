package org.evwatch.deploy;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The command line of {@link DeadLetters}.
 *
 * @param to the topic to replay to, or null for each record's {@code dead-letter-topic}
 * @param offsets the records to show or replay; empty means all
 * @param group the replay's consumer group, or null for the default
 */
record DeadLetterArgs(String command, String topic, String bootstrap, String to, Set<DeadLetters.Position> offsets,
        String group) {

    static DeadLetterArgs parse(String[] args, String kafkaEnv) {
        if (args.length < 2) {
            throw new IllegalArgumentException("a command and a dead-letter topic are needed");
        }
        String bootstrap = kafkaEnv == null || kafkaEnv.isBlank() ? "127.0.0.1:9092" : kafkaEnv;
        String to = null;
        String group = null;
        Set<DeadLetters.Position> offsets = new LinkedHashSet<>();
        for (int i = 2; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            switch (arg) {
                case "--bootstrap" -> bootstrap = args[++i];
                case "--to" -> to = args[++i];
                case "--group" -> group = args[++i];
                case "--offsets" -> Arrays.stream(args[++i].split(",")).filter(s -> !s.isBlank())
                        .map(DeadLetters.Position::parse).forEach(offsets::add);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    offsets.add(DeadLetters.Position.parse(arg));
                }
            }
        }
        return new DeadLetterArgs(args[0], args[1], bootstrap, to, offsets, group);
    }
}
