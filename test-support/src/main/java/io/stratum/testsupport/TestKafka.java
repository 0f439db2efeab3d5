package io.stratum.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker (KRaft, one combined broker/controller node) inside the test JVM, started on
 * first use. Tests share it and keep apart by topic prefix. It is not closed: it ends with the test
 * JVM (closing it from a shutdown hook raced with the other hooks and made the fork exit abnormally
 * now and then); its files live under the module's {@code target/kafka-test}.
 */
public final class TestKafka {
    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBaseDirectory(Files.createDirectories(Path.of("target", "kafka-test", ProcessHandle.current().pid() + "-" + System.currentTimeMillis())).toAbsolutePath())
                        .build())
                        .setConfigProp("auto.create.topics.enable", "false")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the in-JVM Kafka broker", e);
            }
        }
        return cluster.bootstrapServers();
    }
}
