package io.stratum.core.kafka;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this server's Kafka topics are created. */
@ConfigMapping(prefix = "stratum.kafka")
public interface KafkaTopicsConfig {
    /** Kafka bootstrap servers ({@code kafka_host}). */
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();

    /** Partitions of each new topic; per-key order holds within a partition. */
    @WithDefault("6")
    int partitions();

    /** Wanted replication factor; lowered to the number of brokers when the cluster is smaller. */
    @WithDefault("3")
    short replicationFactor();

    /** How long records are kept. */
    @WithDefault("P7D")
    Duration retention();

    /** Time allowed for one call to the broker before it counts as unreachable. */
    @WithDefault("5S")
    Duration requestTimeout();
}
